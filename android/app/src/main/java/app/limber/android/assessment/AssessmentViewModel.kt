package app.limber.android.assessment

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import app.limber.android.data.CoreRepository
import app.limber.android.data.DeviceTime
import app.limber.android.ui.CoreViewModel
import app.limber.core.LimberException
import app.limber.core.PhoneTest
import app.limber.core.ResponseValue
import app.limber.core.questionnaire
import app.limber.core.visibleQuestionIds
import java.time.Instant

/** The wizard's state across rotations; the core decides which questions are visible. */
class AssessmentViewModel(core: CoreRepository) : CoreViewModel(core) {
    var wizard by mutableStateOf<Wizard?>(null)
        private set

    /** The answer being given to the current question, kept here so a rotation keeps it. */
    var draft by mutableStateOf<ResponseValue?>(null)
        private set

    init {
        launchCore {
            val start = Wizard(core.call { questionnaire() })
            show(start.withVisible(core.call { visibleQuestionIds(emptyList()) }))
        }
    }

    /** Which leg the measurement under way is for; kept here, as the measure screen is on top. */
    private var measuringLeft = true

    /** The SLR legs the phone measured; typing a leg takes it back. */
    private var phoneLeft = false
    private var phoneRight = false

    /** A typed (or tapped) answer. */
    fun editDraft(value: ResponseValue?) {
        if (phoneTestFor(wizard?.currentId) == PhoneTest.SLR) {
            val before = draft as? ResponseValue.PerLeg
            val after = value as? ResponseValue.PerLeg
            if (before?.left != after?.left) phoneLeft = false
            if (before?.right != after?.right) phoneRight = false
            markSlrMethod(after)
        }
        draft = value
    }

    /** Before opening the measure screen: which leg its value is for (ignored for Thomas). */
    fun startMeasuring(left: Boolean) {
        measuringLeft = left
    }

    /**
     * The value the measure screen sent back (whole degrees), for the current question only; it
     * fills the draft as typing would, and typing can still change it.
     */
    fun useMeasured(test: PhoneTest, degrees: Int) {
        if (phoneTestFor(wizard?.currentId) != test) return
        val next = measuredAnswer(test, measuringLeft, degrees, draft)
        if (test == PhoneTest.SLR) {
            if (measuringLeft) phoneLeft = true else phoneRight = true
            markSlrMethod(next as? ResponseValue.PerLeg)
        }
        draft = next
    }

    private fun markSlrMethod(legs: ResponseValue.PerLeg?) {
        wizard = wizard?.withSlrMethod(legs, phoneLeft, phoneRight)
    }

    private fun show(next: Wizard?) {
        val question = next?.current
        if (next?.currentId != wizard?.currentId) draft = if (next != null && question != null) next.draftFor(question) else null
        wizard = next
    }

    /** Records the answer (null skips), asks the core what is visible now, and moves on. */
    fun answerAndNext(id: String, value: ResponseValue?, onFinished: () -> Unit) {
        val answered = wizard?.answer(id, value) ?: return
        launchCore {
            val now = answered.withVisible(core.call { visibleQuestionIds(answered.responses()) })
            if (now.isLast && now.currentId == id) {
                wizard = now
                submit(now, onFinished)
            } else {
                show(now.next())
            }
        }
    }

    fun back() {
        show(wizard?.back())
    }

    private suspend fun submit(w: Wizard, onFinished: () -> Unit) {
        val at = Instant.now()
        core.callThenRearm { submitAssessment(w.responses(), at, DeviceTime.offsetMinutes(at)) }
        onFinished()
    }

    /** An error that names a question (a missing age, a number out of range) takes the person there. */
    override fun onCoreError(e: LimberException) {
        if (e is LimberException.InvalidInput) show(wizard?.goTo(e.field))
    }
}

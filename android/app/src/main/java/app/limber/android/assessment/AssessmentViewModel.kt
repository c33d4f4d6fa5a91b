package app.limber.android.assessment

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import app.limber.android.data.CoreRepository
import app.limber.android.data.DeviceTime
import app.limber.android.ui.CoreViewModel
import app.limber.core.LimberException
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

    fun editDraft(value: ResponseValue?) {
        draft = value
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

package app.limber.android.assessment

import app.limber.core.MeasuredBy
import app.limber.core.PhoneTest
import app.limber.core.Question
import app.limber.core.QuestionKind
import app.limber.core.Questionnaire
import app.limber.core.Response
import app.limber.core.ResponseValue
import app.limber.core.Section
import app.limber.core.questionnaire
import app.limber.core.thomasThighAboveHorizontal

/**
 * Where the person is in the self-assessment. Everything shown comes from the core: the
 * questions, and which of them are visible (`visibleQuestionIds`, asked after every answer and
 * handed in through [withVisible]). Answers to questions that become hidden are kept, so going
 * back and changing an earlier answer loses nothing; the core ignores hidden ones.
 */
data class Wizard(
    val questionnaire: Questionnaire,
    val answers: Map<String, ResponseValue> = emptyMap(),
    val visible: List<String> = emptyList(),
    val currentId: String? = null,
) {
    private val questions: List<Question> get() = questionnaire.sections.flatMap { it.questions }

    val current: Question? get() = questions.firstOrNull { it.id == currentId }

    val section: Section? get() = questionnaire.sections.firstOrNull { s -> s.questions.any { it.id == currentId } }

    /** 1-based position among the visible questions, and how many there are now. */
    val position: Pair<Int, Int> get() = (visible.indexOf(currentId) + 1) to visible.size

    val isLast: Boolean get() = currentId != null && visible.lastOrNull() == currentId

    /** Every answer, in questionnaire order, for `visibleQuestionIds` and `submitAssessment`. */
    fun responses(): List<Response> = questions.mapNotNull { q -> answers[q.id]?.let { Response(q.id, it) } }

    /**
     * The answer a question's input starts from: the one given before, or what the input shows
     * before anything is touched (nothing ticked; a short scale at its lowest), so pressing Next
     * records what is on screen. Anything else starts unanswered.
     */
    fun draftFor(question: Question): ResponseValue? = answers[question.id] ?: when (val kind = question.kind) {
        is QuestionKind.SeveralChoices -> ResponseValue.Choices(emptyList())
        is QuestionKind.WholeNumber -> if (kind.isShortScale) ResponseValue.Number(kind.min) else null
        else -> null
    }

    /** Records an answer; null skips the question (removes any answer). */
    fun answer(id: String, value: ResponseValue?): Wizard =
        copy(answers = if (value == null) answers - id else answers + (id to value))

    /**
     * Takes the core's visible ids. The current question stays if it is still visible;
     * otherwise the next visible one after it in questionnaire order (the first at the start).
     */
    fun withVisible(ids: List<String>): Wizard {
        val current = currentId?.takeIf { it in ids } ?: nextVisibleAfter(currentId, ids)
        return copy(visible = ids, currentId = current)
    }

    fun next(): Wizard = copy(currentId = nextVisibleAfter(currentId, visible) ?: currentId)

    fun back(): Wizard = copy(currentId = visible.getOrNull(visible.indexOf(currentId) - 1) ?: currentId)

    /** Jumps to a question, e.g. the one an error names. */
    fun goTo(id: String): Wizard = if (id in visible) copy(currentId = id) else this

    private fun nextVisibleAfter(id: String?, ids: List<String>): String? {
        val order = questions.map { it.id }
        val from = if (id == null) -1 else order.indexOf(id)
        return order.drop(from + 1).firstOrNull { it in ids }
    }
}

/** A range short enough for a slider (a 0-10 scale) rather than a number field. */
val QuestionKind.WholeNumber.isShortScale: Boolean get() = max - min <= 10

/**
 * The phone test that can answer a question, or null when typing is the only way: the core's
 * `Question.phoneTest`, looked up by id (the shell keys on no question id of its own).
 */
fun phoneTestFor(questionId: String?): PhoneTest? = questionId?.let { phoneTests[it] }

private val phoneTests: Map<String, PhoneTest> by lazy {
    questionnaire().sections.flatMap { it.questions }.mapNotNull { q -> q.phoneTest?.let { q.id to it } }.toMap()
}

/** The question that says how the straight leg raise was measured, and its phone option id. */
const val SLR_MEASURED_BY = "slr.measured_by"
val PHONE_CHOICE: String = MeasuredBy.PHONE.name.lowercase()

/**
 * Sets the SLR's `measured_by` after its legs change: phone when the phone measured every leg
 * given ([phoneLeft], [phoneRight]). [D] Once a typed leg is mixed in, an automatic "phone" is
 * taken back and the person says how it was measured: the core compares two phone values with a
 * smaller real-change threshold than typed ones, so a wrong "phone" could report a change that
 * is not real. Any other method the person chose stays.
 */
fun Wizard.withSlrMethod(legs: ResponseValue.PerLeg?, phoneLeft: Boolean, phoneRight: Boolean): Wizard {
    val phone = ResponseValue.Choice(PHONE_CHOICE)
    val given = legs != null && (legs.left != null || legs.right != null)
    val allByPhone = given && (legs?.left == null || phoneLeft) && (legs?.right == null || phoneRight)
    return when {
        allByPhone -> answer(SLR_MEASURED_BY, phone)
        answers[SLR_MEASURED_BY] == phone -> answer(SLR_MEASURED_BY, null)
        else -> this
    }
}

/**
 * The answer after the phone measured [degrees] (whole degrees, as the core reports them).
 * SLR and AKE: the value lands on [left] or the other leg, as typed would. Thomas: the core
 * says whether the thigh sits above level (`thomasThighAboveHorizontal`); above ticks
 * `thigh_above_horizontal`. [D] Level or below leaves the ticks as they were (one leg is measured
 * at a time, and the other leg's "above" must not be undone); the answer becomes at least
 * "none of these", a real answer. The person can still untick by hand.
 */
fun measuredAnswer(test: PhoneTest, left: Boolean, degrees: Int, before: ResponseValue?): ResponseValue = when (test) {
    PhoneTest.SLR, PhoneTest.AKE -> {
        val legs = before as? ResponseValue.PerLeg
        if (left) ResponseValue.PerLeg(degrees, legs?.right) else ResponseValue.PerLeg(legs?.left, degrees)
    }
    PhoneTest.THOMAS -> {
        val ticked = (before as? ResponseValue.Choices)?.ids.orEmpty()
        val above = "thigh_above_horizontal"
        ResponseValue.Choices(if (thomasThighAboveHorizontal(degrees) && above !in ticked) ticked + above else ticked)
    }
}

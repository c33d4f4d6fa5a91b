package app.limber.android.assessment

import app.limber.core.Question
import app.limber.core.QuestionKind
import app.limber.core.Questionnaire
import app.limber.core.Response
import app.limber.core.ResponseValue
import app.limber.core.Section

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

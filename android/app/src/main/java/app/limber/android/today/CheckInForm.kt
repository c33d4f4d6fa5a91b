package app.limber.android.today

import app.limber.core.CheckInInput
import app.limber.core.ExerciseCheckIn
import app.limber.core.ExerciseId
import app.limber.core.PlannedSession
import app.limber.core.SkipReason
import java.time.Instant

/** One exercise on the check-in form. Skipping asks for a reason: the core needs one. */
data class ExerciseAnswer(
    val exercise: ExerciseId,
    val name: String,
    val done: Boolean = true,
    val skipReason: SkipReason? = null,
    val painDuring: Int? = null,
    val symptomsSpread: Boolean = false,
    val setsDone: Int? = null,
)

/** The check-in form of one session, as the person fills it in; the core validates it. */
data class CheckInForm(
    val slot: Int,
    val exercises: List<ExerciseAnswer>,
    val painBefore: Int? = null,
    val painAfter: Int? = null,
    val note: String = "",
) {
    fun update(exercise: ExerciseId, change: (ExerciseAnswer) -> ExerciseAnswer) =
        copy(exercises = exercises.map { if (it.exercise == exercise) change(it) else it })

    fun toInput(at: Instant) = CheckInInput(
        slot = slot,
        at = at,
        painBefore = painBefore,
        painAfter = painAfter,
        exercises = exercises.map { answer ->
            ExerciseCheckIn(
                exercise = answer.exercise,
                done = answer.done,
                skipReason = if (answer.done) null else answer.skipReason ?: SkipReason.OTHER,
                // Only what the timer saw: without it the planned dose stands.
                sets = answer.setsDone?.takeIf { answer.done && it > 0 },
                painDuring = if (answer.done) answer.painDuring else null,
                symptomsSpread = answer.symptomsSpread,
            )
        },
        note = note.trim().ifEmpty { null },
    )

    companion object {
        fun forSession(session: PlannedSession) =
            CheckInForm(session.slot, session.exercises.map { ExerciseAnswer(it.exercise, it.name) })
    }
}

package app.limber.android.today

import app.limber.core.CheckInInput
import app.limber.core.ExerciseCheckIn
import app.limber.core.ExerciseId
import app.limber.core.PlannedSession
import app.limber.core.checkInDefaults
import java.time.Instant

/**
 * The check-in form of one session, as the person fills it in. It starts from the core's
 * defaults (`checkInDefaults`: every exercise done, pain during not rated, no skip reason, the
 * planned dose standing), and the core validates it: a skip without a reason is refused with an
 * error naming the exercise's `skip_reason`, never given one silently.
 */
data class CheckInForm(
    val session: Int,
    val names: Map<ExerciseId, String>,
    val exercises: List<ExerciseCheckIn>,
    val painBefore: Int? = null,
    val painAfter: Int? = null,
    val note: String = "",
) {
    fun update(exercise: ExerciseId, change: (ExerciseCheckIn) -> ExerciseCheckIn) =
        copy(exercises = exercises.map { if (it.exercise == exercise) change(it) else it })

    fun name(exercise: ExerciseId): String = names[exercise] ?: exercise.name

    /** What was on screen: a done exercise has no skip reason, a skipped one no pain during. */
    fun toInput(at: Instant) = CheckInInput(
        session = session,
        at = at,
        painBefore = painBefore,
        painAfter = painAfter,
        exercises = exercises.map { if (it.done) it.copy(skipReason = null) else it.copy(painDuring = null) },
        note = note.trim().ifEmpty { null },
    )

    companion object {
        fun forSession(session: PlannedSession) = CheckInForm(
            session = session.session,
            names = session.exercises.associate { it.exercise to it.name },
            exercises = checkInDefaults(session),
        )
    }
}

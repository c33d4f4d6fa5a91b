package app.limber.android.today

import app.limber.core.Dose
import app.limber.core.Side

/**
 * The hold timer of one exercise: sets × sides holds of [holdMillis] each. The person starts
 * every hold themselves (they need to get into position or change sides), so the timer never
 * runs on into the next hold. Time comes in as a monotonic clock in milliseconds
 * (SystemClock.elapsedRealtime on the phone): testable, and deaf to changes of the wall clock.
 */
data class HoldTimer(
    val holdMillis: Long,
    val sets: Int,
    val perSide: Boolean,
    val completed: Int = 0,
    val runningSince: Long? = null,
    val elapsedBefore: Long = 0,
) {
    enum class Phase { READY, HOLDING, PAUSED, FINISHED }

    private val sides get() = if (perSide) 2 else 1
    val holds get() = sets * sides

    /** The state at [now]: a hold whose time is up counts as completed. */
    fun at(now: Long): HoldTimer =
        if (runningSince != null && elapsed(now) >= holdMillis) {
            copy(completed = completed + 1, runningSince = null, elapsedBefore = 0)
        } else {
            this
        }

    fun phase(now: Long): Phase = at(now).run {
        when {
            completed >= holds -> Phase.FINISHED
            runningSince != null -> Phase.HOLDING
            elapsedBefore > 0 -> Phase.PAUSED
            else -> Phase.READY
        }
    }

    fun remainingMillis(now: Long): Long = at(now).let { (it.holdMillis - it.elapsed(now)).coerceAtLeast(0) }

    fun start(now: Long): HoldTimer = at(now).let {
        if (it.completed >= holds || it.runningSince != null) it else it.copy(runningSince = now)
    }

    fun pause(now: Long): HoldTimer = at(now).let {
        if (it.runningSince == null) it else it.copy(runningSince = null, elapsedBefore = it.elapsed(now))
    }

    fun reset(): HoldTimer = copy(completed = 0, runningSince = null, elapsedBefore = 0)

    /** The set (1-based) of the hold under way or next; the last set once finished. */
    val currentSet get() = (completed.coerceAtMost(holds - 1) / sides) + 1

    /** The side of the hold under way or next, for per-side exercises (left first). */
    val currentSide: Side? get() = if (!perSide) null else if (completed % 2 == 0) Side.LEFT else Side.RIGHT

    /** Whole sets finished on every side: what the check-in records as done. */
    val setsDone get() = completed / sides

    private fun elapsed(now: Long) = elapsedBefore + (runningSince?.let { now - it } ?: 0)

    companion object {
        /** A timer for a hold dose; null when the dose is reps or minutes. */
        fun forDose(dose: Dose): HoldTimer? =
            dose.holdSeconds?.takeIf { it > 0 }?.let { HoldTimer(it * 1000L, dose.sets.coerceAtLeast(1), dose.perSide) }
    }
}

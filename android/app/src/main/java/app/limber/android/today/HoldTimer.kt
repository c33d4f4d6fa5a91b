package app.limber.android.today

import app.limber.core.Dose
import app.limber.core.Hold
import app.limber.core.HoldSequence
import app.limber.core.LimberException
import app.limber.core.holdSequence

/**
 * The hold timer of one exercise, walking the core's [HoldSequence] (sets × repetitions ×
 * sides, with the core's rest after each hold). Once started, a run goes hold, rest, hold...
 * by itself and stops after a hold with no rest after it (a change of side, or the last hold),
 * where the person starts the next run when in position. Time comes in as a monotonic clock in
 * milliseconds (SystemClock.elapsedRealtime on the phone): testable, and deaf to changes of the
 * wall clock. The order and the rests are the core's; this class only counts time.
 */
data class HoldTimer(
    val sequence: HoldSequence,
    /** Holds finished before the current run began. */
    val completed: Int = 0,
    val runningSince: Long? = null,
    /** Time run before the last pause, from the start of the current run. */
    val elapsedBefore: Long = 0,
) {
    enum class Phase { READY, HOLDING, RESTING, PAUSED, FINISHED }

    /** Where a run stands: holds finished, time into the hold or rest under way, and whether resting or stopped. */
    private data class Position(val done: Int, val into: Long, val resting: Boolean, val stopped: Boolean)

    val holds: List<Hold> get() = sequence.holds

    private fun position(elapsed: Long): Position {
        var i = completed
        var left = elapsed
        while (i < holds.size) {
            val hold = holds[i].holdSeconds * 1000L
            if (left < hold) return Position(i, left, resting = false, stopped = false)
            left -= hold
            val rest = holds[i].restAfterSeconds * 1000L
            if (rest == 0L) return Position(i + 1, 0, resting = false, stopped = true)
            if (left < rest) return Position(i + 1, left, resting = true, stopped = false)
            left -= rest
            i++
        }
        return Position(holds.size, 0, resting = false, stopped = true)
    }

    private fun elapsed(now: Long) = elapsedBefore + (runningSince?.let { (now - it).coerceAtLeast(0) } ?: 0)

    /** The state at [now]: a run that reached its stop is settled, its holds counted as done. */
    fun at(now: Long): HoldTimer {
        if (runningSince == null) return this
        val p = position(elapsed(now))
        return if (p.stopped) copy(completed = p.done, runningSince = null, elapsedBefore = 0) else this
    }

    fun phase(now: Long): Phase = at(now).run {
        val p = position(elapsed(now))
        when {
            p.done >= holds.size -> Phase.FINISHED
            runningSince != null -> if (p.resting) Phase.RESTING else Phase.HOLDING
            elapsedBefore > 0 -> Phase.PAUSED
            else -> Phase.READY
        }
    }

    /** Holds finished at [now], the one under way not counted. */
    fun holdsDone(now: Long): Int = at(now).let { it.position(it.elapsed(now)).done }

    /** The hold under way or next (the last one once finished). */
    fun currentHold(now: Long): Hold = holds[holdsDone(now).coerceAtMost(holds.size - 1)]

    /** Milliseconds left of the hold or rest under way. */
    fun remainingMillis(now: Long): Long = at(now).let { t ->
        val p = t.position(t.elapsed(now))
        when {
            p.done >= holds.size -> 0
            p.resting -> holds[p.done - 1].restAfterSeconds * 1000L - p.into
            else -> holds[p.done].holdSeconds * 1000L - p.into
        }
    }

    fun start(now: Long): HoldTimer = at(now).let {
        if (it.runningSince != null || it.position(it.elapsedBefore).done >= holds.size) it else it.copy(runningSince = now)
    }

    fun pause(now: Long): HoldTimer = at(now).let {
        if (it.runningSince == null) it else it.copy(runningSince = null, elapsedBefore = it.elapsed(now))
    }

    fun reset(): HoldTimer = copy(completed = 0, runningSince = null, elapsedBefore = 0)

    companion object {
        /** A timer for [dose] from the core's hold sequence; null when there is nothing to time. */
        fun forDose(dose: Dose): HoldTimer? =
            try {
                holdSequence(dose)?.let { HoldTimer(it) }
            } catch (e: LimberException) {
                null
            }
    }
}

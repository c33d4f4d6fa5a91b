package app.limber.android.tests

import app.limber.android.today.HoldTimer
import app.limber.android.today.HoldTimer.Phase
import app.limber.core.Dose
import app.limber.core.Side
import kotlin.test.assertEquals
import kotlin.test.assertNull
import org.junit.jupiter.api.Test

/** The core's standard stretch: 2 × 30 s on each side (2 repetitions, one set). */
private fun stretch() = HoldTimer.forDose(Dose(holdSeconds = 30, reps = 2, sets = 1, perSide = true, minutes = null))!!

/** The bridge hold: 2 sets of 10 × 5 s. */
private fun bridgeHold() = HoldTimer.forDose(Dose(holdSeconds = 5, reps = 10, sets = 2, perSide = false, minutes = null))!!

class HoldTimerTest {
    @Test
    fun onlyHoldDosesGetATimerAndItTimesEveryRepetitionOnEverySide() {
        assertNull(HoldTimer.forDose(Dose(holdSeconds = null, reps = 10, sets = 2, perSide = false, minutes = null)))
        assertNull(HoldTimer.forDose(Dose(holdSeconds = null, reps = null, sets = 1, perSide = false, minutes = 20)))
        // The bug this replaces: one hold per side. 2 × 30 s each side is four holds.
        assertEquals(4, stretch().holds.size)
        assertEquals(20, bridgeHold().holds.size)
    }

    @Test
    fun aRunHoldsRestsAndHoldsAgainThenStopsForTheOtherSide() {
        val t = stretch().start(now = 0)
        assertEquals(Phase.HOLDING, t.phase(29_999))
        assertEquals(1, t.remainingMillis(29_999))
        // The core's rest after the first left hold (30 s), then the second left hold.
        assertEquals(Phase.RESTING, t.phase(30_000))
        assertEquals(30_000, t.remainingMillis(30_000))
        assertEquals(Phase.HOLDING, t.phase(60_000))
        assertEquals(2, t.currentHold(60_000).repetition)
        assertEquals(Side.LEFT, t.currentHold(60_000).side)
        // After the second left hold the run stops: the person turns to the right side.
        val settled = t.at(90_000)
        assertNull(settled.runningSince)
        assertEquals(2, settled.completed)
        assertEquals(Phase.READY, settled.phase(200_000))
        assertEquals(Side.RIGHT, settled.currentHold(200_000).side)
        val done = settled.start(200_000).at(290_000)
        assertEquals(Phase.FINISHED, done.phase(290_000))
        assertEquals(done, done.start(300_000), "a finished timer does not start again")
        assertEquals(Phase.READY, done.reset().phase(300_000))
    }

    @Test
    fun pausingKeepsTheTimeAlreadyRun() {
        val paused = stretch().start(0).pause(10_000)
        assertEquals(Phase.PAUSED, paused.phase(50_000))
        assertEquals(20_000, paused.remainingMillis(50_000))
        val resumed = paused.start(60_000)
        assertEquals(Phase.HOLDING, resumed.phase(79_999))
        assertEquals(Phase.RESTING, resumed.phase(80_000))
        assertEquals(1, resumed.holdsDone(80_000))
    }

    @Test
    fun theBridgeHoldRunsThroughTenRepetitionsAndTheRestBetweenSets() {
        val t = bridgeHold().start(0)
        // Ten holds of 5 s with 5 s rests (the last rest of the set is the core's 60 s).
        assertEquals(9, t.holdsDone(94_999))
        assertEquals(10, t.holdsDone(95_000))
        assertEquals(Phase.RESTING, t.phase(100_000))
        assertEquals(2, t.currentHold(100_000).set)
        assertEquals(Phase.HOLDING, t.phase(155_000))
        assertEquals(Phase.FINISHED, t.phase(155_000 + 95_000))
    }
}

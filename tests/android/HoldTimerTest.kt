package app.limber.android.tests

import app.limber.android.today.HoldTimer
import app.limber.android.today.HoldTimer.Phase
import app.limber.core.Dose
import app.limber.core.Side
import kotlin.test.assertEquals
import kotlin.test.assertNull
import org.junit.jupiter.api.Test

private fun timer(sets: Int = 2, perSide: Boolean = false) =
    HoldTimer.forDose(Dose(holdSeconds = 30, reps = null, sets = sets, perSide = perSide, minutes = null))!!

class HoldTimerTest {
    @Test
    fun onlyHoldDosesGetATimer() {
        assertNull(HoldTimer.forDose(Dose(holdSeconds = null, reps = 10, sets = 2, perSide = false, minutes = null)))
        assertEquals(4, timer(sets = 2, perSide = true).holds)
    }

    @Test
    fun aHoldRunsForItsTimeThenWaitsForTheNextStart() {
        val t = timer().start(now = 1_000)
        assertEquals(Phase.HOLDING, t.phase(30_999))
        assertEquals(1, t.remainingMillis(30_999))
        assertEquals(Phase.READY, t.phase(31_000))
        val settled = t.at(45_000)
        assertEquals(1, settled.completed)
        assertEquals(30_000, settled.remainingMillis(45_000))
        assertEquals(Phase.READY, settled.phase(100_000))
    }

    @Test
    fun pausingKeepsTheTimeAlreadyHeld() {
        val paused = timer().start(0).pause(10_000)
        assertEquals(Phase.PAUSED, paused.phase(50_000))
        assertEquals(20_000, paused.remainingMillis(50_000))
        val resumed = paused.start(60_000)
        assertEquals(Phase.HOLDING, resumed.phase(79_999))
        assertEquals(1, resumed.at(80_000).completed)
    }

    @Test
    fun perSideHoldsGoLeftThenRightSetBySet() {
        var t = timer(sets = 2, perSide = true)
        val seen = mutableListOf<Pair<Int, Side?>>()
        var now = 0L
        repeat(t.holds) {
            seen += t.currentSet to t.currentSide
            t = t.start(now).at(now + 30_000)
            now += 40_000
        }
        assertEquals(listOf<Pair<Int, Side?>>(1 to Side.LEFT, 1 to Side.RIGHT, 2 to Side.LEFT, 2 to Side.RIGHT), seen)
        assertEquals(Phase.FINISHED, t.phase(now))
        assertEquals(2, t.setsDone)
        assertEquals(t, t.start(now), "a finished timer does not start again")
        assertEquals(Phase.READY, t.reset().phase(now))
    }

    @Test
    fun setsDoneCountsOnlyWholeSetsOnBothSides() {
        val oneSide = timer(sets = 2, perSide = true).start(0).at(30_000)
        assertEquals(0, oneSide.setsDone)
        assertEquals(1, oneSide.start(30_000).at(60_000).setsDone)
    }
}

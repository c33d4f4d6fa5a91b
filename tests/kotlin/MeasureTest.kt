package app.limber.tests

import app.limber.core.GravitySample
import app.limber.core.LimberException
import app.limber.core.MeasurePrompt
import app.limber.core.MeasureQuality
import app.limber.core.MeasureState
import app.limber.core.Measurement
import app.limber.core.PhoneTest
import app.limber.core.measureTrace
import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private val traces: Path = Path.of("tests/fixtures/traces")

/** A committed `t_ms,x,y,z` trace, as the phone's sensor would have delivered it. */
private fun trace(name: String): List<GravitySample> =
    Files.readAllLines(traces.resolve(name)).drop(1).filter { it.isNotBlank() }.map { line ->
        val c = line.split(",")
        GravitySample(c[0].toLong(), c[1].toDouble(), c[2].toDouble(), c[3].toDouble())
    }

private data class Expected(val file: String, val test: PhoneTest, val angle: Int?, val quality: MeasureQuality)

private fun expected(): List<Expected> =
    Files.readAllLines(traces.resolve("expected.csv")).drop(1).filter { it.isNotBlank() }.map { line ->
        val c = line.split(",")
        Expected(
            c[0],
            PhoneTest.valueOf(c[1].uppercase()),
            c[2].toIntOrNull(),
            MeasureQuality.valueOf(c[3].uppercase()),
        )
    }.filter { !it.file.startsWith("phyphox") }

/** What a shell does: feed batches as the sensor delivers them, speak what is new, beep once. */
private class Run(val states: MutableList<MeasureState> = mutableListOf(), val spoken: MutableList<String> = mutableListOf(), var captures: Int = 0)

private fun feed(m: Measurement, samples: List<GravitySample>, batch: Int): Run {
    val run = Run()
    for (chunk in samples.chunked(batch)) {
        val u = m.pushSamples(chunk)
        if (run.states.lastOrNull() != u.state) run.states.add(u.state)
        if (u.speak) run.spoken.add(u.promptText)
        if (u.captured) run.captures++
        assertEquals(u.state == MeasureState.DONE, u.result != null)
    }
    return run
}

class MeasureTest {
    @Test
    fun everyRecordedTraceMeasuresToItsExpectedValueThroughTheStreamingObject() {
        val cases = expected()
        assertTrue(cases.size >= 7, "the fixtures are there")
        for (case in cases) {
            for (batch in listOf(5, 20)) {
                val m = Measurement(case.test)
                val run = feed(m, trace(case.file), batch)
                val result = m.finish()
                assertEquals(case.angle, result.angleDeg, case.file)
                assertEquals(case.quality, result.quality, case.file)
                assertEquals(if (case.quality == MeasureQuality.OK) 1 else 0, run.captures, case.file)
                assertEquals(MeasureState.WAITING_FOR_REST, run.states.first(), case.file)
            }
        }
    }

    @Test
    fun aStraightLegRaiseWalksThePersonThroughBySpeech() {
        val m = Measurement(PhoneTest.SLR)
        val first = m.status()
        assertEquals(MeasurePrompt.LIE_STILL_SHIN, first.prompt)
        assertTrue(first.promptText.contains("shin"))
        val run = feed(m, trace("slr-left-62.csv"), 10)
        assertEquals(
            listOf(MeasureState.WAITING_FOR_REST, MeasureState.REST_TAKEN, MeasureState.MOVING),
            run.states.take(3),
        )
        assertTrue(MeasureState.HOLDING in run.states, "${run.states}")
        assertEquals(MeasureState.DONE, run.states.last())
        assertEquals(2, run.spoken.size, "${run.spoken}")
        assertTrue(run.spoken[0].contains("raise the leg"), run.spoken[0])
        assertEquals("Got it: 62 degrees. Lower the leg slowly.", run.spoken[1])
        val done = m.status()
        assertEquals(62, done.result?.angleDeg)
        assertEquals(62, done.liveAngleDeg)
    }

    @Test
    fun theKneeExtensionDeficitIsComputedByTheCore() {
        val m = Measurement(PhoneTest.AKE)
        val run = feed(m, trace("ake-left-28.csv"), 8)
        assertEquals(3, run.spoken.size, "${run.spoken}")
        assertTrue(run.spoken[1].contains("straighten the knee"), run.spoken[1])
        assertEquals("Got it: 28 degrees short of straight. Lower the leg slowly.", run.spoken[2])
        for (text in run.spoken) assertTrue("90" !in text && "minus" !in text, text)
    }

    @Test
    fun aShakyHoldIsFlaggedNotMeasured() {
        val m = Measurement(PhoneTest.SLR)
        feed(m, trace("slr-shaky.csv"), 10)
        val r = m.finish()
        assertNull(r.angleDeg)
        assertEquals(MeasureQuality.NO_HOLD, r.quality)
        assertEquals(MeasureQuality.MOVING, measureTrace(PhoneTest.SLR, trace("slr-moving.csv")).quality)
    }

    @Test
    fun aBadBatchIsATypedErrorAndChangesNothing() {
        val m = Measurement(PhoneTest.THOMAS)
        val good = GravitySample(100L, 0.0, 0.0, 9.81)
        m.pushSamples(listOf(good))
        val before = m.status()
        val e = assertFailsWith<LimberException.InvalidInput> {
            m.pushSamples(listOf(GravitySample(200L, Double.NaN, 0.0, 9.81)))
        }
        assertEquals("samples[0].x", e.field)
        assertFailsWith<LimberException.InvalidInput> { m.pushSamples(listOf(good.copy(tMs = 50L))) }
        assertEquals(before, m.status())
        assertEquals(MeasureQuality.NO_REST, m.finish().quality)
    }
}

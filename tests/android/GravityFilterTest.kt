package app.limber.android.tests

import app.limber.android.measure.GravityFilter
import app.limber.android.measure.SampleBatcher
import app.limber.core.GravitySample
import app.limber.core.MeasureQuality
import app.limber.core.PhoneTest
import app.limber.core.measureTrace
import java.nio.file.Files
import java.nio.file.Path
import kotlin.math.PI
import kotlin.math.abs
import kotlin.math.sin
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private fun fixture(name: String): List<GravitySample> =
    Files.readAllLines(Path.of("tests/fixtures/traces").resolve(name)).drop(1).filter { it.isNotBlank() }.map {
        val c = it.split(",")
        GravitySample(c[0].toLong(), c[1].toDouble(), c[2].toDouble(), c[3].toDouble())
    }

class GravityFilterTest {
    @Test
    fun aPhoneWithoutAGravitySensorStillMeasuresThroughTheLowPass() {
        // The accelerometer also feels the leg's small vibrations (here 0.4 m/s² at 15 Hz on each axis).
        val filter = GravityFilter()
        val raw = fixture("slr-left-62.csv")
        val filtered = raw.map { s ->
            val shake = 0.4 * sin(2 * PI * 15 * s.tMs / 1000.0)
            filter.filter(s.tMs, s.x + shake, s.y - shake, s.z + shake)
        }
        val r = measureTrace(PhoneTest.SLR, filtered)
        assertEquals(MeasureQuality.OK, r.quality)
        assertTrue(abs(r.angleDeg!! - 62) <= 2, "measured ${r.angleDeg}")
    }

    @Test
    fun theFilterSettlesOnASteadyReadingAndStartsFromTheFirst() {
        val filter = GravityFilter()
        assertEquals(GravitySample(0, 1.0, 2.0, 3.0), filter.filter(0, 1.0, 2.0, 3.0))
        var last = GravitySample(0, 0.0, 0.0, 0.0)
        for (t in 1..200) last = filter.filter(t * 10L, 0.0, 0.0, 9.81)
        assertTrue(abs(last.z - 9.81) < 0.01 && abs(last.x) < 0.01, "$last")
    }

    @Test
    fun samplesGoToTheCoreInBatchesOfAboutATenthOfASecond() {
        val batches = mutableListOf<List<GravitySample>>()
        val batcher = SampleBatcher(100) { batches.add(it) }
        for (t in 0L until 1000L step 10) batcher.add(GravitySample(t, 0.0, 0.0, 9.81))
        batcher.flush()
        assertEquals(100, batches.sumOf { it.size })
        assertTrue(batches.size in 9..11, "${batches.size} batches")
        assertTrue(batches.dropLast(1).all { it.last().tMs - it.first().tMs >= 100 })
    }
}

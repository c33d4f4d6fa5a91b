package app.limber.android.measure

import app.limber.core.GravitySample

/**
 * Gravity from the plain accelerometer, for phones without a TYPE_GRAVITY sensor: a first-order
 * low-pass with a 0.25 s time constant, which keeps the slow tilt and drops hand shake. Android's
 * own gravity sensor (sensor fusion) is preferred when the phone has one. No rule lives here:
 * the core decides what is still and what the angle is.
 */
class GravityFilter(private val timeConstantMs: Double = 250.0) {
    private var last: GravitySample? = null

    fun reset() {
        last = null
    }

    /** One accelerometer reading in, the filtered gravity estimate out (same time stamp). */
    fun filter(tMs: Long, x: Double, y: Double, z: Double): GravitySample {
        val previous = last
        val next = if (previous == null || tMs <= previous.tMs) {
            GravitySample(tMs, x, y, z)
        } else {
            val dt = (tMs - previous.tMs).toDouble()
            val a = dt / (timeConstantMs + dt)
            GravitySample(
                tMs,
                previous.x + a * (x - previous.x),
                previous.y + a * (y - previous.y),
                previous.z + a * (z - previous.z),
            )
        }
        last = next
        return next
    }
}

/**
 * Collects samples and hands them on in batches (every [batchMs] of sensor time), so the core is
 * called about ten times a second rather than for every reading.
 */
class SampleBatcher(private val batchMs: Long = 100, private val onBatch: (List<GravitySample>) -> Unit) {
    private val pending = ArrayList<GravitySample>()

    fun add(sample: GravitySample) {
        pending.add(sample)
        if (sample.tMs - pending.first().tMs >= batchMs) flush()
    }

    fun flush() {
        if (pending.isEmpty()) return
        val batch = pending.toList()
        pending.clear()
        onBatch(batch)
    }
}

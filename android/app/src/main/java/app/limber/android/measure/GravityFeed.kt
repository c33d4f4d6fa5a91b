package app.limber.android.measure

import android.content.Context
import android.hardware.Sensor
import android.hardware.SensorEvent
import android.hardware.SensorEventListener
import android.hardware.SensorManager
import android.os.Handler
import android.os.Looper
import app.limber.core.GravitySample

/**
 * The phone's gravity, in m/s² in Android's own axes (what the core expects), delivered in
 * batches on the main thread. Uses TYPE_GRAVITY when the phone has it, otherwise the
 * accelerometer through [GravityFilter]. Started only by the measurement screen and stopped when
 * it closes: no sensor runs anywhere else in the app.
 */
class GravityFeed(context: Context, private val onBatch: (List<GravitySample>) -> Unit) : SensorEventListener {
    private val sensors = context.getSystemService(Context.SENSOR_SERVICE) as SensorManager
    private val gravity: Sensor? = sensors.getDefaultSensor(Sensor.TYPE_GRAVITY)
    private val sensor: Sensor? = gravity ?: sensors.getDefaultSensor(Sensor.TYPE_ACCELEROMETER)
    private val filter = GravityFilter()
    private val main = Handler(Looper.getMainLooper())
    private val batcher = SampleBatcher { batch -> main.post { onBatch(batch) } }

    /** False on a phone with neither sensor: the screen then offers typing the number only. */
    val available: Boolean get() = sensor != null

    fun start() {
        val s = sensor ?: return
        filter.reset()
        // About 100 Hz; the core accepts 50-200 Hz.
        sensors.registerListener(this, s, 10_000)
    }

    fun stop() {
        sensors.unregisterListener(this)
        batcher.flush()
    }

    override fun onSensorChanged(event: SensorEvent) {
        // event.timestamp is nanoseconds on the elapsed-realtime clock: monotonic, as the core needs.
        val tMs = event.timestamp / 1_000_000
        val (x, y, z) = Triple(event.values[0].toDouble(), event.values[1].toDouble(), event.values[2].toDouble())
        val sample = if (event.sensor.type == Sensor.TYPE_GRAVITY) GravitySample(tMs, x, y, z) else filter.filter(tMs, x, y, z)
        batcher.add(sample)
    }

    override fun onAccuracyChanged(sensor: Sensor?, accuracy: Int) = Unit
}

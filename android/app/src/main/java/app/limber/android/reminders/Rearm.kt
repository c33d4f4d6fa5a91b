package app.limber.android.reminders

import android.content.Context
import app.limber.android.data.DeviceTime
import app.limber.android.limberApp
import app.limber.core.LimberException
import app.limber.core.Platform
import app.limber.core.reminderLimit
import java.time.Instant
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * Re-arms every reminder from the core's plan. Called at app start, after every write that can
 * change the plan, when a reminder fires, and on boot, time, zone, update and exact-alarm
 * permission changes. Idempotent, and serialised so two triggers never interleave.
 */
object Rearm {
    private val mutex = Mutex()

    suspend fun run(context: Context, force: Boolean = false) = mutex.withLock {
        val scheduler = AlarmScheduler(context)
        try {
            val plan = context.limberApp.core.call {
                val now = Instant.now()
                // The core decides whether the settings follow the device's zone (aliases
                // included); a zone it does not know is reported, not thrown, so the re-plan
                // goes on in the saved zone.
                followDeviceZone(DeviceTime.zoneId(), now)
                upcomingReminders(now, reminderLimit(Platform.ANDROID))
            }
            scheduler.apply(plan, force)
        } catch (e: LimberException) {
            // The database cannot be read right now: leave the armed alarms as they are; the
            // app shows the error when opened, and the next trigger tries again.
        }
    }
}

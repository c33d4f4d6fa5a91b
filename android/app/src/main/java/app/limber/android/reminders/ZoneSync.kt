package app.limber.android.reminders

import app.limber.core.ReminderSettings
import java.time.ZoneId

/**
 * The core reads reminder times in the zone its settings carry (UTC until told otherwise), so
 * the device's zone is handed over before every re-arm: after travel or a zone change the same
 * wall-clock times give new instants. Zones with the same rules under another name (an old
 * alias) count as the same, so an alias never causes a write on every re-arm.
 */
object ZoneSync {
    /** The settings to save with [deviceZone], or null when they already match it. */
    fun withDeviceZone(settings: ReminderSettings, deviceZone: String): ReminderSettings? {
        if (settings.timeZone == deviceZone || sameRules(settings.timeZone, deviceZone)) return null
        return settings.copy(timeZone = deviceZone)
    }

    private fun sameRules(a: String, b: String): Boolean =
        runCatching { ZoneId.of(a).rules == ZoneId.of(b).rules }.getOrDefault(false)
}

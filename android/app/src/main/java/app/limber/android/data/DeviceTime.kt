package app.limber.android.data

import java.time.Instant
import java.time.ZoneId

/**
 * The device's time zone as the core wants it: an IANA id, and the UTC offset in force at a
 * moment (stored beside every timestamp, so a pain entry keeps the local time it was logged at).
 */
object DeviceTime {
    fun zoneId(zone: ZoneId = ZoneId.systemDefault()): String = zone.id

    fun offsetMinutes(at: Instant, zone: ZoneId = ZoneId.systemDefault()): Int =
        zone.rules.getOffset(at).totalSeconds / 60
}

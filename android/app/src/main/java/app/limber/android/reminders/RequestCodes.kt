package app.limber.android.reminders

import java.time.LocalDate

/**
 * Turns a reminder's stable id into the request code of its PendingIntent and the id of its
 * notification. The core's ids (`session:2026-11-20:1`, `morning:2026-11-21`,
 * `retest:2026-12-04`, `snooze:<one of those>`) map one-to-one onto non-negative codes, so two
 * reminders never share an alarm. Any other id falls back to a hash with the sign bit set: it
 * can never take the code of a well-formed id. (The alarm intent also carries the id as its
 * data, so even a hash collision could not merge two alarms.)
 */
object RequestCodes {
    private const val SNOOZE = "snooze:"
    private const val MAX_SLOT = 6

    fun of(id: String): Int {
        val snoozed = id.startsWith(SNOOZE)
        val kind = parse(id.removePrefix(SNOOZE)) ?: return id.hashCode() or Int.MIN_VALUE
        val (day, variant) = kind
        // 8 variants a day (morning, re-test, session slots 1-6), times 2 for a snooze.
        return ((day * 8 + variant) * 2 + if (snoozed) 1 else 0).toInt()
    }

    /** (days since 1970-01-01, variant), or null when the id is not one of the core's forms. */
    private fun parse(id: String): Pair<Long, Int>? {
        val parts = id.split(':')
        val day = parts.getOrNull(1)?.let(::epochDay) ?: return null
        val variant = when {
            parts.size == 2 && parts[0] == "morning" -> 0
            parts.size == 2 && parts[0] == "retest" -> 1
            parts.size == 3 && parts[0] == "session" -> parts[2].toIntOrNull()?.takeIf { it in 1..MAX_SLOT }?.plus(1)
            else -> null
        } ?: return null
        return day to variant
    }

    /** Dates from 1970 to 9999 keep the code positive and inside an Int. */
    private fun epochDay(text: String): Long? =
        runCatching { LocalDate.parse(text).toEpochDay() }.getOrNull()?.takeIf { it in 0..2_932_896 }
}

package app.limber.android.reminders

import android.content.Context

/**
 * The record of what is armed: AlarmManager cannot be asked. Holds ids and times only, never
 * health data, and is excluded from backup (a restored record would not match any alarm).
 */
class ArmedStore(context: Context) {
    private val prefs = context.getSharedPreferences("armed_alarms", Context.MODE_PRIVATE)

    fun load(): List<ArmedAlarm> = prefs.getStringSet(KEY, emptySet()).orEmpty().mapNotNull { line ->
        val (id, at, mode) = line.split('|').takeIf { it.size == 3 } ?: return@mapNotNull null
        val fireAt = at.toLongOrNull() ?: return@mapNotNull null
        val armedMode = AlarmMode.entries.firstOrNull { it.name == mode } ?: return@mapNotNull null
        ArmedAlarm(id, fireAt, armedMode)
    }

    fun save(armed: Collection<ArmedAlarm>) {
        prefs.edit().putStringSet(KEY, armed.map { "${it.id}|${it.fireAtMillis}|${it.mode.name}" }.toSet()).apply()
    }

    private companion object {
        const val KEY = "armed"
    }
}

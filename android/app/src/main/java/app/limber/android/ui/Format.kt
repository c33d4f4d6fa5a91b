package app.limber.android.ui

import app.limber.core.LocalTime
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle

/** "08:00". */
val LocalTime.text: String get() = "%02d:%02d".format(hour, minute)

private val dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)

/** The wall-clock time an entry was recorded at, in the offset it was recorded with. */
fun recordedText(at: Instant, utcOffsetMinutes: Int): String =
    at.atOffset(ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60)).format(dateTime)

package app.limber.tests

import app.limber.android.time.JavaTimeZoneRules
import app.limber.core.BodySite
import app.limber.core.Limber
import app.limber.core.PainContext
import app.limber.core.PainInput
import app.limber.core.Side
import app.limber.core.SitePain
import app.limber.core.registerZoneRules
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant

/**
 * The phone's own time-zone rules (java.time, the Android app's provider), registered once for
 * the whole run as the app does at start: every test that opens a database plans through them.
 */
val phoneZoneRules: Unit by lazy { registerZoneRules(JavaTimeZoneRules()) }

/** A database path inside a fresh temporary folder, in a subfolder that does not exist yet. */
fun freshDbPath(): Path {
    phoneZoneRules
    return Files.createTempDirectory("limber-test").resolve("data/limber.db")
}

fun openFresh(): Pair<Path, Limber> = freshDbPath().let { it to Limber.open(it.toString()) }

fun painAt(
    level: Int,
    at: String = "2026-11-20T07:30:00Z",
    note: String? = null,
    sites: List<SitePain> = listOf(SitePain(BodySite.BACK_OF_THIGH, Side.LEFT, level)),
) = PainInput(
    recordedAt = Instant.parse(at),
    utcOffsetMinutes = 60,
    level = level,
    sites = sites,
    context = PainContext.ON_WAKING,
    note = note,
)

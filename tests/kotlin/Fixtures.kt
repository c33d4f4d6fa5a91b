package app.limber.tests

import app.limber.core.BodySite
import app.limber.core.Limber
import app.limber.core.PainContext
import app.limber.core.PainInput
import app.limber.core.Side
import app.limber.core.SitePain
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant

/** A database path inside a fresh temporary folder, in a subfolder that does not exist yet. */
fun freshDbPath(): Path = Files.createTempDirectory("limber-test").resolve("data/limber.db")

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

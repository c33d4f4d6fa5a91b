package app.limber.android.pain

import app.limber.android.data.DeviceTime
import app.limber.core.BodySite
import app.limber.core.PainContext
import app.limber.core.PainInput
import app.limber.core.Side
import app.limber.core.SitePain
import java.time.Instant
import java.time.ZoneId

/** The pain log form: overall level, sites each with a side and level, context and note. */
data class PainForm(
    val level: Int = 0,
    val sites: List<SitePain> = emptyList(),
    val context: PainContext = PainContext.OTHER,
    val note: String = "",
) {
    /** Adds the site, or replaces its level: one row per site and side. */
    fun withSite(site: BodySite, side: Side?, level: Int) =
        copy(sites = sites.filterNot { it.site == site && it.side == side } + SitePain(site, side, level))

    fun withoutSite(site: BodySite, side: Side?) =
        copy(sites = sites.filterNot { it.site == site && it.side == side })

    fun toInput(at: Instant, zone: ZoneId = ZoneId.systemDefault()) = PainInput(
        recordedAt = at,
        utcOffsetMinutes = DeviceTime.offsetMinutes(at, zone),
        level = level,
        sites = sites,
        context = context,
        note = note.trim().ifEmpty { null },
    )
}

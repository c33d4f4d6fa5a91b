package app.limber.android.tests

import app.limber.android.pain.PainForm
import app.limber.android.pain.PainPages
import app.limber.core.BodySite
import app.limber.core.PainContext
import app.limber.core.Side
import app.limber.core.SitePain
import java.time.Instant
import java.time.ZoneId
import kotlin.test.assertEquals
import kotlin.test.assertNull
import org.junit.jupiter.api.Test

class PainTest {
    @Test
    fun theFormKeepsOneRowPerSiteAndSideAndTheLocalOffset() {
        val form = PainForm(level = 5, context = PainContext.AFTER_SITTING, note = " long drive ")
            .withSite(BodySite.BACK_OF_THIGH, Side.LEFT, 6)
            .withSite(BodySite.BACK_OF_THIGH, Side.LEFT, 4)
            .withSite(BodySite.BACK_OF_THIGH, Side.RIGHT, 2)
            .withSite(BodySite.LOW_BACK, null, 5)
            .withoutSite(BodySite.BACK_OF_THIGH, Side.RIGHT)
        val summer = form.toInput(Instant.parse("2026-07-01T08:30:00Z"), ZoneId.of("Europe/Paris"))
        assertEquals(120, summer.utcOffsetMinutes)
        assertEquals("long drive", summer.note)
        assertEquals(
            listOf(SitePain(BodySite.BACK_OF_THIGH, Side.LEFT, 4), SitePain(BodySite.LOW_BACK, null, 5)),
            summer.sites,
        )
        assertEquals(60, form.toInput(Instant.parse("2026-11-20T08:30:00Z"), ZoneId.of("Europe/Paris")).utcOffsetMinutes)
    }

    @Test
    fun pagesLoadEveryEntryOnceNewestFirst() {
        openFresh().use { limber ->
            val start = Instant.parse("2026-11-01T00:00:00Z")
            repeat(120) { i ->
                limber.addPain(PainForm(level = i % 11).toInput(start.plusSeconds(3600L * i), ZoneId.of("UTC")))
            }
            var pages = PainPages()
            var calls = 0
            while (true) {
                val query = pages.nextQuery() ?: break
                pages += limber.listPain(query)
                calls++
            }
            assertEquals(3, calls)
            assertEquals(120, pages.entries.map { it.id }.toSet().size)
            assertEquals(pages.entries.sortedByDescending { it.recordedAt }, pages.entries)
            assertNull(pages.nextQuery())
        }
    }

    @Test
    fun aPageThatArrivesTwiceAddsNothing() {
        openFresh().use { limber ->
            repeat(3) { limber.addPain(PainForm(level = it).toInput(Instant.parse("2026-11-0${it + 1}T08:00:00Z"))) }
            val page = limber.listPain(PainPages().nextQuery()!!)
            assertEquals(3, (PainPages() + page + page).entries.size)
        }
    }
}

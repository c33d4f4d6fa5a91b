package app.limber.tests

import app.limber.core.BodySite
import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.PainQuery
import app.limber.core.SitePain
import java.nio.file.Files
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class PainLogTest {
    @Test
    fun loggedEntriesAreFoundAfterReopeningTheFile() {
        val (path, limber) = openFresh()
        val ids = limber.use {
            listOf(
                it.addPain(painAt(3, "2026-11-20T07:30:00Z", note = "stiff on waking")),
                it.addPain(painAt(6, "2026-11-20T12:00:00Z")),
                it.addPain(painAt(2, "2026-11-20T19:45:00Z")),
            ).map { e -> e.id }
        }

        Limber.open(path.toString()).use { reopened ->
            val page = reopened.listPain(PainQuery())
            // Newest first.
            assertEquals(ids.reversed(), page.entries.map { it.id })
            assertEquals(listOf(2, 6, 3), page.entries.map { it.level })
            assertEquals("stiff on waking", page.entries.last().note)
            assertEquals(Instant.parse("2026-11-20T07:30:00Z"), page.entries.last().recordedAt)
            assertEquals(60, page.entries.last().utcOffsetMinutes)
            assertNull(page.nextCursor)
        }
    }

    @Test
    fun anEntryCanBeEditedAndDeleted() {
        val (_, limber) = openFresh()
        limber.use {
            val kept = it.addPain(painAt(4))
            val gone = it.addPain(painAt(7, "2026-11-20T09:00:00Z"))

            val edited = it.updatePain(kept.id, painAt(1, note = "better after walking", sites = emptyList()))
            assertEquals(kept.id, edited.id)
            val fetched = it.getPain(kept.id)
            assertEquals(1, fetched.level)
            assertEquals("better after walking", fetched.note)
            assertTrue(fetched.sites.isEmpty())

            it.deletePain(gone.id)
            assertEquals(listOf(kept.id), it.listPain(PainQuery()).entries.map { e -> e.id })
            assertFailsWith<LimberException.NotFound> { it.deletePain(gone.id) }
        }
    }

    @Test
    fun pagesFollowTheCursorWithoutRepeats() {
        val (_, limber) = openFresh()
        limber.use {
            repeat(7) { i -> it.addPain(painAt(i, "2026-11-2${i}T08:00:00Z")) }
            val first = it.listPain(PainQuery(limit = 3))
            val second = it.listPain(PainQuery(limit = 3, cursor = first.nextCursor))
            val third = it.listPain(PainQuery(limit = 3, cursor = second.nextCursor))
            val levels = (first.entries + second.entries + third.entries).map { e -> e.level }
            assertEquals(listOf(6, 5, 4, 3, 2, 1, 0), levels)
            assertNull(third.nextCursor)
        }
    }

    @Test
    fun anInvalidLevelIsRefusedNamingTheFieldAndWritesNothing() {
        val (_, limber) = openFresh()
        limber.use {
            val error = assertFailsWith<LimberException.InvalidInput> { it.addPain(painAt(11)) }
            assertEquals("level", error.field)
            assertEquals("a whole number from 0 to 10", error.range)
            val siteError = assertFailsWith<LimberException.InvalidInput> {
                it.addPain(painAt(3, sites = listOf(SitePain(BodySite.FOOT, null, -2))))
            }
            assertEquals("sites[0].level", siteError.field)
            assertTrue(it.listPain(PainQuery()).entries.isEmpty())
        }
    }

    @Test
    fun aFileThatIsNotADatabaseGivesItsTypedExceptionAndIsLeftAlone() {
        val path = Files.createTempDirectory("limber-test").resolve("notes.txt")
        Files.writeString(path, "not a database at all")
        assertFailsWith<LimberException.NotADatabase> { Limber.open(path.toString()) }
        assertEquals("not a database at all", Files.readString(path))
    }

    @Test
    fun anUnknownIdIsAnInvalidInputNotACrash() {
        val (_, limber) = openFresh()
        limber.use {
            val error = assertFailsWith<LimberException.InvalidInput> { it.getPain("nope") }
            assertEquals("id", error.field)
        }
    }
}

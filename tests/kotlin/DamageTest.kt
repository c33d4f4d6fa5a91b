package app.limber.tests

import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.PainQuery
import app.limber.core.rescue
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private val NOW: Instant = Instant.parse("2026-11-21T12:00:00Z")

/** Where the core remembers that a database is damaged (issue 14, point 6). */
private fun marker(db: Path): Path = db.resolveSibling(db.fileName.toString() + "-damaged")

class DamageTest {
    /**
     * The phone's way out: once damage has been met (by the app, or its reminder receiver) the
     * core leaves a marker and `Limber.open` refuses the file; `rescue` still reads it, and a new
     * database at the same place takes the rescued backup. The page damage itself is tested in
     * Rust (`bindings/tests/damage.rs`); here the marker stands for it.
     */
    @Test
    fun aDatabaseFoundDamagedIsRefusedAndRescueGetsThePersonBack() {
        val (path, limber) = openFresh()
        limber.use {
            for (day in 1..5) it.addPain(painAt(4, "2026-11-%02dT09:00:00Z".format(day)))
            it.listPain(PainQuery(limit = 500))
        }
        assertFalse(Files.exists(marker(path)), "a healthy database never gets a marker")

        Files.writeString(marker(path), "found damaged\n")
        assertFailsWith<LimberException.Corrupt> { Limber.open(path.toString()) }

        val rescued = rescue(path.toString(), NOW)
        assertTrue(rescued.lost.isEmpty(), "${rescued.lost}")
        Files.move(path, path.resolveSibling("limber.db.damaged"))
        Limber.open(path.toString()).use { fresh ->
            val report = fresh.importBackup(rescued.backup)
            assertEquals(5, fresh.listPain(PainQuery(limit = 500)).entries.size, "$report")
        }
        assertFalse(Files.exists(marker(path)), "the marker spoke of the file that was moved away")
    }
}

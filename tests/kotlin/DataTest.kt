package app.limber.tests

import app.limber.core.ExportFormat
import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.PainQuery
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private const val LONDON = "Europe/London"
private val NOW: Instant = Instant.parse("2026-11-21T12:00:00Z")

/** Three weeks: pain 6 the first week, 3 after; an assessment with a straight leg raise. */
private fun withHistory(limber: Limber) {
    limber.submitAssessmentJson(answersJson(slrLeft = 64), Instant.parse("2026-10-31T12:00:00Z"), 0)
    for (day in 1..21) {
        val at = Instant.parse("2026-11-%02dT09:00:00Z".format(day))
        limber.addPain(painAt(if (day <= 7) 6 else 3, at.toString(), note = "day $day"))
    }
}

private fun everything(limber: Limber) = Pair(
    limber.listPain(PainQuery(limit = 500)).entries,
    limber.assessmentHistory(100).map { it.id to it.answersJson },
)

class DataTest {
    @Test
    fun theSummaryShowsTheTrendAndAMeaningfulFall() {
        val (_, limber) = openFresh()
        limber.use {
            withHistory(it)
            val summary = it.progressSummary(null, null, LONDON, NOW)
            assertEquals(21, summary.painEntries)
            assertEquals(6.0, summary.baseline?.mean)
            val change = summary.change!!
            assertTrue(change.meaningful)
            assertEquals(-3.0, change.points, "points are signed: a fall is negative")
            assertTrue(summary.description.contains("meaningful"))
            val ranged = it.progressSummary("2026-11-08", "2026-11-14", LONDON, NOW)
            assertEquals(7, ranged.days.size)
        }
    }

    @Test
    fun theChartIsAnAccessibleSvg() {
        val (_, limber) = openFresh()
        limber.use {
            withHistory(it)
            val svg = it.progressChartSvg(null, null, LONDON, NOW)
            assertTrue(svg.startsWith("<svg"))
            assertTrue(svg.contains("<title") && svg.contains("<desc"))
            assertTrue(svg.contains("role=\"img\""))
        }
    }

    @Test
    fun exportWipeImportRestoresEverything() {
        val (_, limber) = openFresh()
        limber.use {
            withHistory(it)
            val before = everything(it)
            val backup = it.export(ExportFormat.JSON_BACKUP, NOW, LONDON)
            assertEquals("application/json", backup.mimeType)
            assertTrue(backup.fileName.endsWith(".json"))

            it.wipeAllData()
            assertTrue(it.listPain(PainQuery()).entries.isEmpty())
            assertEquals(null, it.latestAssessment())

            val report = it.importBackup(backup.bytes)
            assertTrue(report.added > 21)
            assertEquals(0, report.skipped)
            assertEquals(before, everything(it))
            assertEquals(0, it.importBackup(backup.bytes).added, "importing again adds nothing")
        }
    }

    @Test
    fun aHostileBackupChangesNothing() {
        val (_, limber) = openFresh()
        limber.use {
            withHistory(it)
            val before = everything(it)
            val text = String(it.export(ExportFormat.JSON_BACKUP, NOW, LONDON).bytes)
            val broken = text.replaceFirst("\"level\": 6", "\"level\": 60").toByteArray()
            val error = assertFailsWith<LimberException.InvalidInput> { it.importBackup(broken) }
            assertTrue(error.field.endsWith("level"), error.field)
            assertFailsWith<LimberException> { it.importBackup("[".repeat(100_000).toByteArray()) }
            assertEquals(before, everything(it))
            for (format in listOf(ExportFormat.CSV_ZIP, ExportFormat.FHIR_BUNDLE, ExportFormat.REPORT_HTML)) {
                assertTrue(it.export(format, NOW, LONDON).bytes.isNotEmpty(), "$format")
            }
        }
    }
}

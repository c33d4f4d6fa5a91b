package app.limber.android.data

import app.limber.core.ExportFormat
import java.time.Instant

/*
 * Every call to the core's PLANNED progress and export API lives in this file, so reconciling
 * it with the generated bindings touches nothing else. The rest of the app sees only the small
 * shell types below. Nothing in the JVM tests compiles this file.
 *
 * Planned: progressChartSvg(from: String?, to: String?, timeZone: String, now: Instant): String
 *          export(format: ExportFormat, now: Instant, timeZone: String): ExportFile
 *          importBackup(bytes: ByteArray): ImportReport
 *          wipeAllData()
 */

/** The export formats, in the order the "Your data" screen lists them. */
enum class ExportKind(val label: String, val detail: String) {
    BACKUP("Backup (JSON)", "Everything, to restore on this or another phone"),
    REPORT("Report (web page)", "A readable summary to print or show a clinician"),
    SPREADSHEET("Spreadsheets (CSV in a zip)", "For a spreadsheet app"),
    FHIR("FHIR bundle", "For a health record system"),
}

/** A file ready for the share sheet or the file picker. */
class ShareableFile(val name: String, val mimeType: String, val bytes: ByteArray)

data class ImportOutcome(val added: Int, val skipped: Int, val summary: List<String>)

object DataActions {
    suspend fun progressChartSvg(core: CoreRepository, now: Instant, timeZone: String): String =
        core.call { progressChartSvg(from = null, to = null, timeZone = timeZone, now = now) }

    suspend fun export(core: CoreRepository, kind: ExportKind, now: Instant, timeZone: String): ShareableFile =
        core.call { export(format = kind.format, now = now, timeZone = timeZone) }
            .let { ShareableFile(it.fileName, it.mimeType, it.bytes) }

    suspend fun importBackup(core: CoreRepository, bytes: ByteArray): ImportOutcome =
        core.callThenRearm { importBackup(bytes = bytes) }
            .let { ImportOutcome(it.added, it.skipped, it.summary) }

    suspend fun wipeAllData(core: CoreRepository) {
        core.callThenRearm { wipeAllData() }
    }

    private val ExportKind.format: ExportFormat
        get() = when (this) {
            ExportKind.BACKUP -> ExportFormat.JSON_BACKUP
            ExportKind.REPORT -> ExportFormat.REPORT_HTML
            ExportKind.SPREADSHEET -> ExportFormat.CSV_ZIP
            ExportKind.FHIR -> ExportFormat.FHIR_BUNDLE
        }
}

package app.limber.android.data

import app.limber.core.ExportFile
import app.limber.core.ExportFormat
import app.limber.core.ImportReport
import java.time.Instant

/** The export formats, in the order the "Your data" screen lists them. */
enum class ExportKind(val label: String, val detail: String, val format: ExportFormat) {
    BACKUP("Backup (JSON)", "Everything, to restore on this or another phone", ExportFormat.JSON_BACKUP),
    REPORT("Report (web page)", "A readable summary to print or show a clinician", ExportFormat.REPORT_HTML),
    SPREADSHEET("Spreadsheets (CSV in a zip)", "For a spreadsheet app", ExportFormat.CSV_ZIP),
    FHIR("FHIR bundle", "For a health record system", ExportFormat.FHIR_BUNDLE),
}

/** The progress chart, exports, import and wipe: the core's calls, run through [CoreRepository]. */
object DataActions {
    suspend fun progressChartSvg(core: CoreRepository, now: Instant, timeZone: String): String =
        core.call { progressChartSvg(from = null, to = null, timeZone = timeZone, now = now) }

    suspend fun export(core: CoreRepository, kind: ExportKind, now: Instant, timeZone: String): ExportFile =
        core.call { export(format = kind.format, now = now, timeZone = timeZone) }

    suspend fun importBackup(core: CoreRepository, bytes: ByteArray): ImportReport =
        core.callThenRearm { importBackup(bytes = bytes) }

    suspend fun wipeAllData(core: CoreRepository) {
        core.callThenRearm { wipeAllData() }
    }
}

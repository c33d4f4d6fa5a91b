import Foundation
import LimberCore
import LimberKit

/// The exports the core writes, in the order "Your data" lists them.
enum DataExport: CaseIterable, Identifiable {
    /// Spreadsheet-friendly CSV files in a zip.
    case spreadsheet
    /// The complete JSON backup that Import reads back.
    case backup
    /// A FHIR bundle for health records systems.
    case healthRecord
    /// A readable report to show a clinician.
    case report

    var id: Self { self }

    var format: ExportFormat {
        switch self {
        case .spreadsheet: return .csvZip
        case .backup: return .jsonBackup
        case .healthRecord: return .fhirBundle
        case .report: return .reportHtml
        }
    }
}

/// The progress chart, exports, import and wipe: the core's calls, off the main actor.
extension CoreService {
    /// The pain chart as SVG, over the local days of `range` in `timeZone`.
    func progressChart(range: ChartRange, now: Date, timeZone: TimeZone) throws -> String {
        let days = range.days(now: now, timeZone: timeZone)
        return try database().progressChartSvg(from: days.from, to: days.to, timeZone: timeZone.identifier, now: now)
    }

    func export(_ kind: DataExport, now: Date, timeZone: String) throws -> ExportFile {
        try database().export(format: kind.format, now: now, timeZone: timeZone)
    }

    func importBackup(_ bytes: Data) throws -> ImportReport {
        try database().importBackup(bytes: bytes)
    }

    func deleteAllData() throws {
        try database().wipeAllData()
    }
}

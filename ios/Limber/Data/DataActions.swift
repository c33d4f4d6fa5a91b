import Foundation
import LimberCore
import LimberKit

// Every call to LimberCore's planned progress, export, import and wipe APIs is in this file, and
// so is every mention of their types (`ExportFormat`, `ExportFile`, `ImportReport`): when the
// bindings land, reconciling touches this file only. The rest of the app uses the app-side
// types below. (tests/ios/check.sh fails if those names appear anywhere else.)

/// The exports the core writes.
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

    fileprivate var format: ExportFormat {
        switch self {
        case .spreadsheet: return .csvZip
        case .backup: return .jsonBackup
        case .healthRecord: return .fhirBundle
        case .report: return .reportHtml
        }
    }
}

/// An export as the core wrote it.
struct ExportedData {
    let fileName: String
    let bytes: Data
}

/// What an import did, in the core's words.
struct ImportOutcome {
    let added: Int
    let skipped: Int
    let summary: [String]
}

extension CoreService {
    /// The pain chart as SVG, over the local days of `range` in `timeZone`.
    func progressChart(range: ChartRange, now: Date, timeZone: TimeZone) throws -> String {
        let days = range.days(now: now, timeZone: timeZone)
        return try database().progressChartSvg(from: days.from, to: days.to, timeZone: timeZone.identifier, now: now)
    }

    func export(_ kind: DataExport, now: Date, timeZone: String) throws -> ExportedData {
        let file = try database().export(format: kind.format, now: now, timeZone: timeZone)
        return ExportedData(fileName: file.fileName, bytes: file.bytes)
    }

    func importBackup(_ bytes: Data) throws -> ImportOutcome {
        let report = try database().importBackup(bytes: bytes)
        return ImportOutcome(added: Int(report.added), skipped: Int(report.skipped), summary: report.summary)
    }

    func deleteAllData() throws {
        try database().wipeAllData()
    }
}

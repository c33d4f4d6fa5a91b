import Combine
import Foundation

/// Export through the share sheet, import a backup, or delete everything.
@MainActor
final class YourDataModel: ObservableObject {
    /// A file ready for the share sheet; deleted when the sheet closes.
    struct SharedFile: Identifiable {
        let url: URL
        var id: URL { url }
    }

    @Published var sharing: SharedFile? = nil
    @Published var notice: Notice? = nil
    @Published private(set) var isWorking = false
    /// Kept apart from `sharing`, which SwiftUI clears before the sheet's onDismiss runs.
    private var exportFolder: URL?

    struct Notice: Identifiable {
        let id = UUID()
        let title: String
        let lines: [String]
    }

    private let services: AppServices

    init(services: AppServices) {
        self.services = services
    }

    func export(_ kind: DataExport) async {
        finishSharing()
        await work {
            let exported = try await services.core.export(kind, now: Date(), timeZone: TimeZone.current.identifier)
            let url = try Self.write(exported)
            exportFolder = url.deletingLastPathComponent()
            sharing = SharedFile(url: url)
        }
    }

    /// The share sheet closed: the export is not kept on the phone a second time.
    func finishSharing() {
        if let exportFolder {
            try? FileManager.default.removeItem(at: exportFolder)
        }
        exportFolder = nil
        sharing = nil
    }

    func importBackup(from result: Result<URL, Error>) async {
        await work {
            let url = try result.get()
            // A file from the Files app is outside the sandbox until we ask for it.
            let scoped = url.startAccessingSecurityScopedResource()
            defer {
                if scoped { url.stopAccessingSecurityScopedResource() }
            }
            let bytes = try Data(contentsOf: url)
            let outcome = try await services.core.importBackup(bytes)
            services.dataDidChange()
            notice = Notice(
                title: String(localized: "Imported \(outcome.added), skipped \(outcome.skipped)"),
                lines: outcome.summary
            )
        }
    }

    func wipe() async {
        await work {
            try await services.core.deleteAllData()
            // With no assessment left the plan is empty, so re-planning removes every reminder.
            services.dataDidChange()
            notice = Notice(title: String(localized: "All Limber data is deleted"), lines: [
                String(localized: "Entries already written to Health stay there; the Health app can delete them."),
            ])
        }
    }

    private func work(_ action: () async throws -> Void) async {
        isWorking = true
        defer { isWorking = false }
        do {
            try await action()
        } catch {
            notice = Notice(title: String(localized: "Something went wrong"), lines: [describe(error)])
        }
    }

    /// Writes the export into a fresh temporary folder under the core's file name, protected
    /// like the database while it waits for the share sheet.
    private static func write(_ exported: ExportFile) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Only the last component: a name is never a path.
        let name = URL(fileURLWithPath: exported.fileName).lastPathComponent
        let url = folder.appendingPathComponent(name.isEmpty ? "limber-export" : name)
        try exported.bytes.write(to: url, options: [.atomic, .completeFileProtectionUntilFirstUserAuthentication])
        return url
    }
}

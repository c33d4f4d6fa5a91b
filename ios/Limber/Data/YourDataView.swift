import SwiftUI
import UniformTypeIdentifiers

struct YourDataView: View {
    @StateObject private var model: YourDataModel
    @State private var importing = false
    @State private var confirmingWipe = false

    init(services: AppServices) {
        _model = StateObject(wrappedValue: YourDataModel(services: services))
    }

    var body: some View {
        List {
            SwiftUI.Section {
                ForEach(DataExport.allCases) { kind in
                    Button {
                        Task { await model.export(kind) }
                    } label: {
                        Label(kind.title, systemImage: kind.symbol)
                    }
                }
            } header: {
                Text("Export")
            } footer: {
                Text("Your data leaves the phone only this way, to wherever you send it.")
            }
            SwiftUI.Section {
                Button {
                    importing = true
                } label: {
                    Label("Import a Limber backup", systemImage: "square.and.arrow.down")
                }
            } footer: {
                Text("Entries you already have are skipped.")
            }
            SwiftUI.Section {
                Button(role: .destructive) {
                    confirmingWipe = true
                } label: {
                    Label("Delete all data", systemImage: "trash")
                }
            }
        }
        .navigationTitle("Your data")
        .disabled(model.isWorking)
        .overlay {
            if model.isWorking {
                ProgressView()
            }
        }
        .fileImporter(isPresented: $importing, allowedContentTypes: [.json]) { result in
            Task { await model.importBackup(from: result) }
        }
        .confirmationDialog("Delete all Limber data?", isPresented: $confirmingWipe, titleVisibility: .visible) {
            Button("Delete everything", role: .destructive) {
                Task { await model.wipe() }
            }
        } message: {
            Text("Assessments, routine, check-ins and the pain log are deleted from this phone. This cannot be undone; export a backup first if you may want them back.")
        }
        .sheet(item: $model.sharing, onDismiss: { model.finishSharing() }) { file in
            ShareSheet(url: file.url)
        }
        .alert(
            model.notice?.title ?? "",
            isPresented: Binding(get: { model.notice != nil }, set: { if !$0 { model.notice = nil } }),
            presenting: model.notice
        ) { _ in
            Button("OK", role: .cancel) {}
        } message: { notice in
            Text(notice.lines.joined(separator: "\n"))
        }
    }
}

private extension DataExport {
    var title: String {
        switch self {
        case .spreadsheet: return String(localized: "Spreadsheet (CSV)")
        case .backup: return String(localized: "Backup (JSON)")
        case .healthRecord: return String(localized: "Health record (FHIR)")
        case .report: return String(localized: "Report for your clinician")
        }
    }

    var symbol: String {
        switch self {
        case .spreadsheet: return "tablecells"
        case .backup: return "externaldrive"
        case .healthRecord: return "heart.text.square"
        case .report: return "doc.richtext"
        }
    }
}

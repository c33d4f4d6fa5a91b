import LimberCore
import SwiftUI

struct PainLogScreen: View {
    let services: AppServices
    @StateObject private var model: PainLogModel
    @EnvironmentObject private var changes: DataChanges

    init(services: AppServices) {
        self.services = services
        _model = StateObject(wrappedValue: PainLogModel(services: services))
    }

    var body: some View {
        NavigationStack {
            List {
                ForEach(model.entries) { entry in
                    PainEntryRow(entry: entry)
                        .onAppear {
                            if entry.id == model.entries.last?.id {
                                Task { await model.loadMore() }
                            }
                        }
                }
                .onDelete { offsets in
                    let doomed = offsets.map { model.entries[$0] }
                    Task {
                        for entry in doomed {
                            await model.delete(entry)
                        }
                    }
                }
                if model.isLoading {
                    ProgressView()
                        .frame(maxWidth: .infinity)
                }
            }
            .overlay {
                if model.entries.isEmpty && !model.isLoading {
                    Text("No entries yet. Tap + to log how your back feels.")
                        .foregroundStyle(.secondary)
                        .multilineTextAlignment(.center)
                        .padding()
                }
            }
            .navigationTitle("Pain log")
            .toolbar {
                ToolbarItem(placement: .primaryAction) {
                    Button {
                        services.router.open(.logPain)
                    } label: {
                        Label("Log pain", systemImage: "plus")
                    }
                }
            }
            .alert("Something went wrong", isPresented: Binding(get: { model.error != nil }, set: { if !$0 { model.error = nil } })) {
                Button("OK", role: .cancel) {}
            } message: {
                Text(model.error ?? "")
            }
        }
        .task(id: changes.revision) { await model.reload() }
    }
}

private struct PainEntryRow: View {
    let entry: PainEntry

    var body: some View {
        HStack(alignment: .top, spacing: 12) {
            Text("\(Int(entry.level))")
                .font(.title.weight(.semibold))
                .monospacedDigit()
                .frame(minWidth: 36)
                .accessibilityLabel(Text("Pain \(Int(entry.level)) out of 10"))
            VStack(alignment: .leading, spacing: 2) {
                Text(entry.recordedAt.formatted(date: .abbreviated, time: .shortened))
                    .font(.subheadline)
                Text(entry.context.title)
                    .font(.caption)
                    .foregroundStyle(.secondary)
                if !entry.sites.isEmpty {
                    Text(sites)
                        .font(.caption)
                }
                if let note = entry.note {
                    Text(note)
                        .font(.footnote)
                        .lineLimit(2)
                }
            }
        }
    }

    private var sites: String {
        entry.sites.map { site in
            let side = site.side.map { " (\($0.title))" } ?? ""
            return "\(site.site.title)\(side) \(site.level)/10"
        }
        .joined(separator: ", ")
    }
}

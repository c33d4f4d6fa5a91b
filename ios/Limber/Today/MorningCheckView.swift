import LimberCore
import SwiftUI

/// Pain on waking, the morning after a session: it settles the doses of yesterday's exercises.
struct MorningCheckView: View {
    let services: AppServices
    /// Not rated until the person rates it: an untouched slider is not a 0.
    @State private var pain: Double? = nil
    @State private var result: MorningCheckResult? = nil
    @State private var error: String? = nil
    @State private var saving = false
    @Environment(\.dismiss) private var dismiss

    init(services: AppServices) {
        self.services = services
    }

    var body: some View {
        NavigationStack {
            Form {
                if let result {
                    saved(result)
                } else {
                    SwiftUI.Section {
                        OptionalPainSlider("Pain on waking", value: $pain)
                    } footer: {
                        if let error {
                            Text(error).foregroundStyle(.red)
                        }
                    }
                    SwiftUI.Section {
                        Button("Save") { Task { await save() } }
                            .disabled(saving || pain == nil)
                    }
                }
            }
            .navigationTitle("Morning check")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(result == nil ? "Cancel" : "Close") { dismiss() }
                }
            }
        }
    }

    @ViewBuilder
    private func saved(_ result: MorningCheckResult) -> some View {
        SwiftUI.Section {
            if result.worseThanUsual {
                Label("Worse than your usual mornings", systemImage: "arrow.up.right")
                    .foregroundStyle(.orange)
            } else {
                Label("Saved", systemImage: "checkmark.circle")
            }
        }
        if !result.changes.isEmpty {
            SwiftUI.Section("Next time") {
                ForEach(Array(result.changes.enumerated()), id: \.offset) { _, change in
                    VStack(alignment: .leading, spacing: 4) {
                        Text("\(Text(change.decision.title)): \(Catalog.name(of: change.toExercise))")
                        Text(change.reason)
                            .font(.footnote)
                            .foregroundStyle(.secondary)
                    }
                }
            }
        }
    }

    private func save() async {
        guard let pain else { return }
        saving = true
        defer { saving = false }
        do {
            let saved = try await services.core.morningCheck(pain: Int32(pain), at: Date(), timeZone: TimeZone.current.identifier)
            result = saved
            // The morning check is a pain entry too, so it goes to Health like any other.
            if let entry = try? await services.core.getPain(id: saved.painEntryId) {
                await services.health.write(entry)
            }
            services.dataDidChange()
        } catch {
            self.error = describe(error)
        }
    }
}

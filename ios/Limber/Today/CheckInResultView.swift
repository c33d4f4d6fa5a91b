import LimberCore
import SwiftUI

/// What the check-in decided, each change with the core's reason. Spreading symptoms come
/// first and lead back to the safety questions.
struct CheckInResultView: View {
    let result: CheckInResult
    let done: () -> Void
    let reassess: () -> Void

    var body: some View {
        List {
            if result.stopAndRetriage {
                SwiftUI.Section {
                    Label("Stop the routine for now", systemImage: "exclamationmark.octagon.fill")
                        .font(.headline)
                        .foregroundStyle(.red)
                    Button("Answer the safety questions again", action: reassess)
                }
            }
            if !result.message.isEmpty {
                SwiftUI.Section {
                    ForEach(result.message, id: \.self) { Text($0) }
                }
            }
            if !result.changes.isEmpty {
                SwiftUI.Section("Next time") {
                    ForEach(Array(result.changes.enumerated()), id: \.offset) { _, change in
                        VStack(alignment: .leading, spacing: 4) {
                            Text("\(Text(change.decision.title)): \(Catalog.name(of: change.toExercise))")
                                .font(.headline)
                            Text(doseSummary(dose: change.toDose))
                            Text(change.reason)
                                .font(.footnote)
                                .foregroundStyle(.secondary)
                        }
                    }
                }
            }
            SwiftUI.Section {
                Button("Done", action: done)
            }
        }
    }
}

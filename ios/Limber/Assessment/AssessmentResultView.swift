import LimberCore
import SwiftUI

/// The safety result first. How loudly, whether it may be closed and whether it offers the
/// routine are the core's (`resultDisplay`): blocking results say only what to do now, with no
/// routine; every sentence but the short headline is the core's.
struct AssessmentResultView: View {
    let result: AssessmentResult
    let close: () -> Void

    var body: some View {
        List {
            SwiftUI.Section {
                Label(result.triage.tier.title, systemImage: result.triage.tier.symbol)
                    .font(isSerious ? .title2.weight(.bold) : .headline)
                    .foregroundStyle(result.triage.tier.color)
                ForEach(result.nextSteps, id: \.self) { step in
                    Text(step)
                        .font(isSerious ? .title3 : .body)
                }
            }
            .listRowBackground(isSerious ? result.triage.tier.color.opacity(0.15) : nil)
            if !result.triage.flags.isEmpty {
                SwiftUI.Section("Why") {
                    ForEach(result.triage.flags, id: \.id) { Text($0.reason) }
                }
            }
            if !isSerious {
                findings
            }
            SwiftUI.Section {
                Button(display.offersRoutine ? "See today's routine" : "Close", action: close)
            }
        }
    }

    private var display: ResultDisplay { resultDisplay(result: result) }

    private var isSerious: Bool { display.level == .blocking }

    @ViewBuilder
    private var findings: some View {
        if !result.explanation.isEmpty {
            SwiftUI.Section("What this means") {
                ForEach(result.explanation, id: \.self) { Text($0) }
            }
        }
        if !result.gates.isEmpty {
            SwiftUI.Section("Held back for now") {
                ForEach(result.gates, id: \.id) { Text($0.reason) }
            }
        }
        if !result.patterns.isEmpty {
            SwiftUI.Section("What the tests suggest") {
                ForEach(result.patterns, id: \.id) { Text($0.reason) }
            }
        }
        if !result.notJudged.isEmpty {
            SwiftUI.Section("Not judged") {
                ForEach(result.notJudged, id: \.self) { Text($0) }
            }
        }
    }
}

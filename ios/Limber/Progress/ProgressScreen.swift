import LimberCore
import LimberKit
import SwiftUI

struct ProgressScreen: View {
    @StateObject private var model: ProgressModel
    @EnvironmentObject private var changes: DataChanges

    init(services: AppServices) {
        _model = StateObject(wrappedValue: ProgressModel(services: services))
    }

    var body: some View {
        NavigationStack {
            List {
                SwiftUI.Section("Pain") {
                    Picker("Span", selection: $model.range) {
                        ForEach(ChartRange.allCases, id: \.self) { Text($0.title).tag($0) }
                    }
                    .pickerStyle(.segmented)
                    chart
                        .frame(height: 280)
                }
                SwiftUI.Section("Routine") {
                    adherence
                }
            }
            .navigationTitle("Progress")
        }
        .task(id: "\(changes.revision)-\(model.range.rawValue)") { await model.load() }
    }

    @ViewBuilder
    private var chart: some View {
        switch model.chart {
        case .loading:
            ProgressView()
                .frame(maxWidth: .infinity)
        case .failed(let message):
            Text(message)
                .foregroundStyle(.secondary)
        case .loaded(let svg):
            ChartWebView(svg: svg)
        }
    }

    @ViewBuilder
    private var adherence: some View {
        switch model.adherence {
        case .loading:
            ProgressView()
                .frame(maxWidth: .infinity)
        case .failed(let message):
            Text(message)
                .foregroundStyle(.secondary)
        case .loaded(let adherence):
            AdherenceSummary(adherence: adherence)
        }
    }
}

private struct AdherenceSummary: View {
    let adherence: Adherence

    var body: some View {
        Gauge(value: Double(adherence.score), in: 0...100) {
            Text("Score")
        } currentValueLabel: {
            Text("\(Int(adherence.score))")
        }
        .gaugeStyle(.accessoryLinearCapacity)
        LabeledContent("Current streak") {
            Text("\(Int(adherence.currentStreak)) days")
        }
        LabeledContent("Best streak") {
            Text("\(Int(adherence.bestStreak)) days")
        }
        LabeledContent("Sessions, last \(adherence.days.count) days") {
            Text("\(Int(done)) of \(Int(planned))")
        }
    }

    private var done: Int32 { adherence.days.reduce(0) { $0 + $1.done } }
    private var planned: Int32 { adherence.days.reduce(0) { $0 + $1.planned } }
}

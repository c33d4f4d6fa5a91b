import LimberCore
import LimberKit
import SwiftUI

/// How to do an exercise (the core's own words), with a hold timer when the dose has holds.
struct ExerciseDetail: View {
    let exercise: PlannedExercise

    var body: some View {
        List {
            SwiftUI.Section {
                Text(exercise.dose.summary)
                    .font(.title3)
                Text("Stop if pain goes above \(Int(exercise.painCeiling))/10.")
                    .foregroundStyle(.secondary)
            }
            if let timer = HoldTimer(
                holdSeconds: exercise.dose.holdSeconds.map { Int($0) },
                sets: Int(exercise.dose.sets),
                perSide: exercise.dose.perSide
            ) {
                SwiftUI.Section("Timer") {
                    HoldTimerView(timer: timer)
                }
            }
            if let details = Catalog.exercises[exercise.exercise] {
                SwiftUI.Section("Works on") {
                    Text(details.targets)
                }
                SwiftUI.Section("Steps") {
                    ForEach(Array(details.steps.enumerated()), id: \.offset) { index, step in
                        Label {
                            Text(step)
                        } icon: {
                            Text("\(index + 1)")
                                .monospacedDigit()
                        }
                    }
                }
                if !details.cautions.isEmpty {
                    SwiftUI.Section("Take care") {
                        ForEach(details.cautions, id: \.self) { Text($0) }
                    }
                }
            }
        }
        .navigationTitle(exercise.name)
        .navigationBarTitleDisplayMode(.inline)
    }
}

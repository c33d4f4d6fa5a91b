import LimberCore
import LimberKit
import SwiftUI

/// How to do an exercise (the core's own words), with a hold timer when the dose has holds.
struct ExerciseDetail: View {
    let exercise: PlannedExercise

    var body: some View {
        List {
            SwiftUI.Section {
                // The core's words for the dose: the same on every screen and phone.
                Text(doseSummary(dose: exercise.dose))
                    .font(.title3)
                Text("Stop if pain goes above \(Int(exercise.painCeiling))/10.")
                    .foregroundStyle(.secondary)
            }
            if let timer = HoldTimer(sequence: try? holdSequence(dose: exercise.dose)) {
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

extension HoldTimer {
    /// The timer for the core's hold sequence (sets × repetitions × sides, with its rests).
    init?(sequence: HoldSequence?) {
        guard let sequence else { return nil }
        let steps = sequence.holds.map { hold in
            HoldTimer.Step(
                set: Int(hold.set),
                repetition: Int(hold.repetition),
                side: hold.side.map { $0 == .right ? HoldTimer.Side.right : HoldTimer.Side.left },
                holdSeconds: Int(hold.holdSeconds),
                restAfterSeconds: Int(hold.restAfterSeconds)
            )
        }
        self.init(steps: steps, sets: Int(sequence.sets), repetitions: Int(sequence.repetitions))
    }
}

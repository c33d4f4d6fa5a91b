import LimberCore
import SwiftUI

/// One exercise in the plan: its dose, any condition on it, and why the dose last changed.
struct ExerciseRow: View {
    let exercise: PlannedExercise

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(exercise.name)
                .font(.headline)
            Text(exercise.category.title)
                .font(.caption)
                .foregroundStyle(.secondary)
            Text(doseSummary(dose: exercise.dose))
            if let condition = exercise.condition {
                Text(condition)
                    .font(.footnote)
            }
            if let change = exercise.lastDoseChange {
                Text("\(Text(change.decision.title)): \(change.reason)")
                    .font(.footnote)
                    .foregroundStyle(.secondary)
            }
        }
        .padding(.vertical, 2)
    }
}

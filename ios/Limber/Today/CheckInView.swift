import LimberCore
import SwiftUI

struct CheckInView: View {
    @StateObject private var model: CheckInModel
    @Environment(\.dismiss) private var dismiss

    init(services: AppServices, session: Int32) {
        _model = StateObject(wrappedValue: CheckInModel(services: services, session: session))
    }

    var body: some View {
        NavigationStack {
            content
                .navigationTitle("Check in")
                .navigationBarTitleDisplayMode(.inline)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) {
                        Button("Close") { dismiss() }
                    }
                }
        }
        .task { await model.load() }
    }

    @ViewBuilder
    private var content: some View {
        switch model.phase {
        case .loading:
            ProgressView()
        case .editing, .saving:
            form
        case .saved(let result):
            CheckInResultView(result: result, done: { dismiss() }, reassess: { model.reassess() })
        case .notActive(let plan):
            List {
                SwiftUI.Section {
                    Label(plan.status.title, systemImage: "exclamationmark.triangle.fill")
                        .font(.headline)
                        .foregroundStyle(plan.status == .needsSafetyAnswers ? Color.primary : Color.red)
                    ForEach(plan.message, id: \.self) { Text($0) }
                }
                SwiftUI.Section {
                    Button("Answer the safety questions again") { model.reassess() }
                }
            }
        case .failed(let message):
            ErrorMessage(text: message) { Task { await model.load() } }
        }
    }

    private var form: some View {
        Form {
            ForEach($model.drafts) { $draft in
                ExerciseCheckInSection(draft: $draft)
            }
            SwiftUI.Section {
                Toggle("Pain before and after", isOn: $model.recordPain)
                if model.recordPain {
                    PainSlider("Before", value: $model.painBefore)
                    PainSlider("After", value: $model.painAfter)
                }
            }
            SwiftUI.Section("Note") {
                TextField("Optional", text: $model.note, axis: .vertical)
            }
            SwiftUI.Section {
                Button("Save check-in") { Task { await model.save() } }
                    .disabled(isSaving)
            }
        }
        .alert(
            "Not saved",
            isPresented: Binding(get: { model.saveError != nil }, set: { if !$0 { model.saveError = nil } }),
            presenting: model.saveError
        ) { _ in
            Button("OK", role: .cancel) {}
        } message: { message in
            Text(message)
        }
    }

    private var isSaving: Bool {
        if case .saving = model.phase { return true }
        return false
    }
}

private struct ExerciseCheckInSection: View {
    @Binding var draft: ExerciseDraft

    var body: some View {
        SwiftUI.Section {
            Toggle("Done", isOn: $draft.done)
            if draft.done {
                // Starts "not rated": only a rating the person gives is sent.
                OptionalPainSlider("Pain during", value: $draft.painDuring)
                Toggle("Symptoms spread down the leg", isOn: $draft.symptomsSpread)
            } else {
                // No reason is assumed ("too painful" counts against the dose).
                Picker("Why not", selection: $draft.skipReason) {
                    Text("Choose a reason").tag(SkipReason?.none)
                    ForEach(SkipReason.all, id: \.self) { Text($0.title).tag(SkipReason?.some($0)) }
                }
            }
        } header: {
            Text(draft.exercise.name)
        } footer: {
            Text("Your limit for this one: \(Int(draft.exercise.painCeiling))/10.")
        }
    }
}

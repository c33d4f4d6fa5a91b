import LimberCore
import SwiftUI

/// One page per section of the core's questionnaire, then the result.
struct AssessmentView: View {
    @StateObject private var model: AssessmentModel
    @Environment(\.dismiss) private var dismiss

    init(services: AppServices) {
        _model = StateObject(wrappedValue: AssessmentModel(services: services))
    }

    var body: some View {
        NavigationStack {
            content
                .navigationBarTitleDisplayMode(.inline)
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) {
                        Button("Close") { dismiss() }
                    }
                }
        }
        .interactiveDismissDisabled(!model.answers.isEmpty)
        .alert(
            "Not saved",
            isPresented: Binding(get: { model.error != nil }, set: { if !$0 { model.error = nil } }),
            presenting: model.error
        ) { _ in
            Button("OK", role: .cancel) {}
        } message: { message in
            Text(message)
        }
    }

    @ViewBuilder
    private var content: some View {
        switch model.step {
        case .section(let index):
            SectionPage(model: model, section: model.sections[index])
                .navigationTitle(model.sections[index].title)
        case .result(let record):
            AssessmentResultView(result: record.result, close: { dismiss() })
                .navigationTitle("Your result")
        }
    }
}

private struct SectionPage: View {
    @ObservedObject var model: AssessmentModel
    let section: LimberCore.Section

    var body: some View {
        Form {
            if !section.intro.isEmpty {
                SwiftUI.Section {
                    Text(section.intro)
                }
            }
            ForEach(model.questions(in: section)) { question in
                SwiftUI.Section {
                    QuestionView(
                        question: question,
                        value: Binding(get: { model.answers[question.id] }, set: { model.answer(question.id, $0) }),
                        onMeasured: { test, left, degrees in
                            model.useMeasured(question.id, test: test, left: left, degrees: degrees)
                        }
                    )
                }
            }
            SwiftUI.Section {
                HStack {
                    if model.canGoBack {
                        Button("Back") { model.back() }
                            .buttonStyle(.bordered)
                    }
                    Spacer()
                    Button(model.isLastSection ? "See my result" : "Next") {
                        Task { await model.next() }
                    }
                    .buttonStyle(.borderedProminent)
                    .disabled(model.isSubmitting)
                }
            } footer: {
                Text("You can skip any question you cannot answer.")
            }
        }
        .id(section.id)
    }
}

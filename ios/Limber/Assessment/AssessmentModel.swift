import Combine
import Foundation
import LimberCore

/// The self-assessment, rendered from the core's questionnaire. Swift holds the answers and
/// the page; which questions show, what they say and what the answers mean are the core's.
@MainActor
final class AssessmentModel: ObservableObject {
    enum Step {
        case section(Int)
        case result(AssessmentRecord)
    }

    let sections: [LimberCore.Section]
    @Published private(set) var step: Step = .section(0)
    @Published private(set) var answers: [String: ResponseValue] = [:]
    @Published private(set) var visibleIDs: Set<String>
    @Published private(set) var isSubmitting = false
    @Published var error: String? = nil

    private let services: AppServices

    init(services: AppServices) {
        self.services = services
        // The questionnaire and its visibility rules are fixed data in the core with no disk
        // I/O, so they are read here directly, keeping the form in step with every keystroke.
        sections = LimberCore.questionnaire().sections
        visibleIDs = Set(visibleQuestionIds(responses: []))
    }

    func questions(in section: LimberCore.Section) -> [Question] {
        section.questions.filter { visibleIDs.contains($0.id) }
    }

    func answer(_ questionID: String, _ value: ResponseValue?) {
        answers[questionID] = value
        visibleIDs = Set(visibleQuestionIds(responses: allResponses))
    }

    var isLastSection: Bool {
        guard case .section(let index) = step else { return false }
        return index == sections.count - 1
    }

    var canGoBack: Bool {
        guard case .section(let index) = step else { return false }
        return index > 0
    }

    func back() {
        guard case .section(let index) = step, index > 0 else { return }
        step = .section(index - 1)
    }

    func next() async {
        guard case .section(let index) = step else { return }
        // Safety first: when the core says the answers so far stop the questionnaire (urgent or
        // an emergency), the result is shown at once and the movement tests are not asked.
        if stopsEarly(responses: shownResponses) {
            await submit()
        } else if index + 1 < sections.count {
            step = .section(index + 1)
        } else {
            await submit()
        }
    }

    func submit() async {
        isSubmitting = true
        defer { isSubmitting = false }
        let now = Date()
        do {
            let record = try await services.core.submitAssessment(
                responses: shownResponses,
                takenAt: now,
                utcOffsetMinutes: Int32(TimeZone.current.secondsFromGMT(for: now) / 60)
            )
            step = .result(record)
            services.dataDidChange()
            // A routine now exists: the moment reminders make sense to ask for.
            if record.result.planAllowed {
                _ = await services.reminders.requestAuthorization()
            }
        } catch {
            self.error = describe(error)
        }
    }

    /// Every answer, in questionnaire order. Answers to questions now hidden are kept in case
    /// they show again, but never sent.
    private var allResponses: [Response] {
        sections.flatMap(\.questions).compactMap { question in
            answers[question.id].map { Response(questionId: question.id, value: $0) }
        }
    }

    private var shownResponses: [Response] {
        allResponses.filter { visibleIDs.contains($0.questionId) }
    }
}

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
        if phoneTest(for: questionID) == .slr {
            // A typed leg is no longer the phone's.
            let (oldL, oldR) = legs(answers[questionID])
            let (newL, newR) = legs(value)
            if oldL != newL { phoneLeft = false }
            if oldR != newR { phoneRight = false }
            markSlrMethod(value)
        }
        answers[questionID] = value
        visibleIDs = Set(visibleQuestionIds(responses: allResponses))
    }

    /// The SLR legs the phone measured; typing a leg takes it back.
    private var phoneLeft = false
    private var phoneRight = false

    /// A value the measure screen sent back (whole degrees) for one leg (`left`; ignored for
    /// Thomas). It fills the answer as typing would, and typing can still change it. SLR and
    /// AKE: the leg's number. Thomas: the core says whether the thigh sits above level
    /// (`thomasThighAboveHorizontal`); above ticks `thigh_above_horizontal`. [D] Level or below
    /// leaves the ticks as they were (one leg is measured at a time, and the other leg's "above"
    /// must not be undone); the answer becomes at least "none of these", a real answer.
    func useMeasured(_ questionID: String, test: PhoneTest, left: Bool, degrees: Int32) {
        let value: ResponseValue
        switch test {
        case .slr, .ake:
            let (l, r) = legs(answers[questionID])
            value = left ? .perLeg(left: degrees, right: r) : .perLeg(left: l, right: degrees)
        case .thomas:
            var ids: [String] = []
            if case .choices(let ticked) = answers[questionID] { ids = ticked }
            let above = "thigh_above_horizontal"
            if thomasThighAboveHorizontal(angleDeg: degrees), !ids.contains(above) { ids.append(above) }
            value = .choices(ids: ids)
        }
        if test == .slr {
            if left { phoneLeft = true } else { phoneRight = true }
            markSlrMethod(value)
        }
        answers[questionID] = value
        visibleIDs = Set(visibleQuestionIds(responses: allResponses))
    }

    /// The SLR is `measured_by: phone` when the phone measured every leg given. [D] Once a typed
    /// leg is mixed in, an automatic "phone" is taken back and the person says how it was
    /// measured: the core compares two phone values with a smaller real-change threshold than
    /// typed ones, so a wrong "phone" could report a change that is not real.
    private func markSlrMethod(_ value: ResponseValue?) {
        let phone = ResponseValue.choice(id: String(describing: MeasuredBy.phone))
        let (l, r) = legs(value)
        let given = l != nil || r != nil
        let allByPhone = given && (l == nil || phoneLeft) && (r == nil || phoneRight)
        if allByPhone {
            answers[slrMeasuredBy] = phone
        } else if answers[slrMeasuredBy] == phone {
            answers[slrMeasuredBy] = nil
        }
    }

    private func legs(_ value: ResponseValue?) -> (Int32?, Int32?) {
        if case .perLeg(let l, let r) = value { return (l, r) }
        return (nil, nil)
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

/// The question that says how the straight leg raise was measured.
let slrMeasuredBy = "slr.measured_by"

/// The phone test that can answer a question, or nil when typing is the only way: the core's
/// `Question.phoneTest`, looked up by id (the shell keys on no question id of its own).
func phoneTest(for questionID: String) -> PhoneTest? {
    phoneTests[questionID]
}

/// Every question the phone can measure, from the core's questionnaire (built once, lazily).
private let phoneTests: [String: PhoneTest] = {
    var tests: [String: PhoneTest] = [:]
    for question in LimberCore.questionnaire().sections.flatMap(\.questions) {
        if let test = question.phoneTest {
            tests[question.id] = test
        }
    }
    return tests
}()

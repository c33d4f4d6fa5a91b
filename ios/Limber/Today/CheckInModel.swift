import Combine
import Foundation
import LimberCore

/// One exercise as the person reports it after a session. It starts from the core's default
/// (`checkInDefaults(session:)`: done, pain during not rated, no skip reason, nothing about sets);
/// the app only edits it.
struct ExerciseDraft: Identifiable {
    let exercise: PlannedExercise
    var entry: ExerciseCheckIn

    var id: ExerciseId { exercise.exercise }

    var done: Bool {
        get { entry.done }
        set { entry.done = newValue }
    }

    /// Nil is "not rated", never 0.
    var painDuring: Double? {
        get { entry.painDuring.map(Double.init) }
        set { entry.painDuring = newValue.map { Int32($0) } }
    }

    /// Nil until the person picks one: the core refuses a skip without a reason, naming it.
    var skipReason: SkipReason? {
        get { entry.skipReason }
        set { entry.skipReason = newValue }
    }

    var symptomsSpread: Bool {
        get { entry.symptomsSpread }
        set { entry.symptomsSpread = newValue }
    }

    /// What was on screen: a done exercise has no skip reason, a skipped one no pain during.
    var input: ExerciseCheckIn {
        var sent = entry
        if sent.done {
            sent.skipReason = nil
        } else {
            sent.painDuring = nil
        }
        return sent
    }
}

@MainActor
final class CheckInModel: ObservableObject {
    enum Phase {
        case loading
        case editing
        case saving
        case saved(CheckInResult)
        /// The plan is not `active` (CLINICAL.md §8): no session, the card and the way back.
        case notActive(DayPlan)
        case failed(String)
    }

    @Published private(set) var phase: Phase = .loading
    @Published var drafts: [ExerciseDraft] = []
    @Published var recordPain = false
    @Published var painBefore = 0.0
    @Published var painAfter = 0.0
    @Published var note = ""
    /// A refused save keeps the form, so nothing typed is lost.
    @Published var saveError: String? = nil

    let session: Int32
    private let services: AppServices

    init(services: AppServices, session: Int32) {
        self.services = services
        self.session = session
    }

    func load() async {
        do {
            let today = try await services.core.today(now: Date(), timeZone: TimeZone.current.identifier)
            guard today.plan.status == .active else {
                phase = .notActive(today.plan)
                return
            }
            guard let planned = today.plan.sessions.first(where: { $0.session == session }) else {
                phase = .failed(String(localized: "There is no session \(Int(session)) today."))
                return
            }
            let defaults = checkInDefaults(session: planned)
            drafts = zip(planned.exercises, defaults).map { ExerciseDraft(exercise: $0, entry: $1) }
            phase = .editing
        } catch {
            phase = .failed(describe(error))
        }
    }

    func save() async {
        phase = .saving
        let input = CheckInInput(
            session: session,
            at: Date(),
            painBefore: recordPain ? Int32(painBefore) : nil,
            painAfter: recordPain ? Int32(painAfter) : nil,
            exercises: drafts.map(\.input),
            note: note.isEmpty ? nil : note
        )
        do {
            let result = try await services.core.checkIn(input: input, timeZone: TimeZone.current.identifier)
            phase = .saved(result)
            services.dataDidChange()
        } catch {
            saveError = describe(error)
            phase = .editing
        }
    }

    func reassess() {
        services.router.open(.assessment)
    }
}

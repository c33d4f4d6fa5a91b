import Combine
import Foundation
import LimberCore

/// One exercise as the person reports it after a session.
struct ExerciseDraft: Identifiable {
    let exercise: PlannedExercise
    var done = true
    var painDuring = 0.0
    var skipReason: SkipReason = .notToday
    var symptomsSpread = false

    var id: ExerciseId { exercise.exercise }

    var input: ExerciseCheckIn {
        ExerciseCheckIn(
            exercise: exercise.exercise,
            done: done,
            skipReason: done ? nil : skipReason,
            painDuring: done ? Int32(painDuring) : nil,
            symptomsSpread: symptomsSpread
        )
    }
}

@MainActor
final class CheckInModel: ObservableObject {
    enum Phase {
        case loading
        case editing
        case saving
        case saved(CheckInResult)
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

    let slot: Int32
    private let services: AppServices

    init(services: AppServices, slot: Int32) {
        self.services = services
        self.slot = slot
    }

    func load() async {
        do {
            let today = try await services.core.today(now: Date(), timeZone: TimeZone.current.identifier)
            guard let session = today.plan.sessions.first(where: { $0.slot == slot }) else {
                phase = .failed(String(localized: "There is no session \(Int(slot)) today."))
                return
            }
            drafts = session.exercises.map { ExerciseDraft(exercise: $0) }
            phase = .editing
        } catch {
            phase = .failed(describe(error))
        }
    }

    func save() async {
        phase = .saving
        let input = CheckInInput(
            slot: slot,
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

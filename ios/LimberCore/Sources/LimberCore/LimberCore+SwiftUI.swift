// Shapes the generated API for SwiftUI and nothing more: identities for lists and wall-clock
// times for pickers. Behaviour stays in the core.
import Foundation

extension Question: Identifiable {}
extension Section: Identifiable {}
extension Choice: Identifiable {}
extension PainEntry: Identifiable {}
extension Reminder: Identifiable {}
extension Exercise: Identifiable {}
extension Card: Identifiable {}

extension PlannedSession: Identifiable {
    public var id: Int32 { session }
}

extension SessionStatus: Identifiable {
    public var id: Int32 { session }
}

extension PlannedExercise: Identifiable {
    public var id: ExerciseId { exercise }
}

extension LocalTime {
    /// The wall-clock time of `date` in `calendar`'s time zone.
    public init(_ date: Date, calendar: Calendar = .current) {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        self.init(hour: Int32(parts.hour ?? 0), minute: Int32(parts.minute ?? 0))
    }

    /// This time on the day of `day`, for a time picker.
    public func date(on day: Date, calendar: Calendar = .current) -> Date {
        calendar.date(bySettingHour: Int(hour), minute: Int(minute), second: 0, of: day) ?? day
    }
}

extension LimberError {
    /// Text for people: the core's reason, which never repeats health data.
    public var reason: String {
        switch self {
        case let .InvalidInput(_, _, reason), let .NotFound(reason), let .NotNow(reason),
             let .NotADatabase(reason), let .Corrupt(reason), let .NewerVersion(_, _, reason),
             let .Storage(reason), let .Internal(reason):
            return reason
        }
    }
}

import Foundation

/// What a reminder is about, stored in the notification so a tap or an action knows where to go
/// without reading the database first.
public enum ReminderTarget: Equatable, Sendable {
    case checkIn(session: Int)
    case morningCheck
    case retest
    /// A reminder that does not name its subject (a snoozed morning check or re-test): Today
    /// shows whatever is due.
    case today

    static let targetKey = "target"
    static let sessionKey = "session"
    /// The key reminders armed by builds before the rename carry; they stay pending for days.
    static let oldSessionKey = "slot"

    /// Strings only, so the dictionary is a valid notification payload.
    public var userInfo: [String: String] {
        switch self {
        case .checkIn(let session): return [Self.targetKey: "check_in", Self.sessionKey: String(session)]
        case .morningCheck: return [Self.targetKey: "morning_check"]
        case .retest: return [Self.targetKey: "retest"]
        case .today: return [Self.targetKey: "today"]
        }
    }

    public init?(userInfo: [AnyHashable: Any]) {
        switch userInfo[Self.targetKey] as? String {
        case "check_in":
            let number = userInfo[Self.sessionKey] ?? userInfo[Self.oldSessionKey]
            guard let session = (number as? String).flatMap(Int.init) else { return nil }
            self = .checkIn(session: session)
        case "morning_check": self = .morningCheck
        case "retest": self = .retest
        case "today": self = .today
        default: return nil
        }
    }
}

/// The buttons on a reminder.
public enum ReminderAction: String, CaseIterable, Sendable {
    case done = "app.limber.action.done"
    case snooze = "app.limber.action.snooze"
    case logPain = "app.limber.action.log-pain"
}

/// A place in the app a notification can open.
public enum Destination: Equatable, Sendable {
    case checkIn(session: Int)
    case morningCheck
    case assessment
    case today
    case logPain
}

public enum NotificationOutcome: Equatable, Sendable {
    case open(Destination)
    case snooze(reminderID: String)
}

public enum NotificationRouting {
    /// The one category every reminder uses: Done, Snooze and Log pain.
    public static let categoryID = "app.limber.reminder"

    /// What to do with a response. A tap on the notification itself counts as Done: both open
    /// what the reminder is about.
    public static func outcome(actionIdentifier: String, reminderID: String, target: ReminderTarget?) -> NotificationOutcome {
        switch ReminderAction(rawValue: actionIdentifier) {
        case .snooze:
            return .snooze(reminderID: reminderID)
        case .logPain:
            return .open(.logPain)
        case .done, nil:
            return .open(destination(for: target ?? .today))
        }
    }

    static func destination(for target: ReminderTarget) -> Destination {
        switch target {
        case .checkIn(let session): return .checkIn(session: session)
        case .morningCheck: return .morningCheck
        case .retest: return .assessment
        case .today: return .today
        }
    }
}

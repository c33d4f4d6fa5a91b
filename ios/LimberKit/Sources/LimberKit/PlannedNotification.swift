import Foundation

/// A local notification the app wants armed: one reminder of the core's plan, reduced to what
/// the planner and the request builder need. The app makes it from `LimberCore.Reminder`.
public struct PlannedNotification: Equatable, Sendable {
    /// The reminder's stable id, used as the request identifier so re-arming replaces.
    public let id: String
    public let fireAt: Date
    public let title: String
    public let body: String
    public let target: ReminderTarget
    /// The wall-clock time to fire at (`TriggerDate.components(localDate:hour:minute:)` of the
    /// core's local date and time), read in the device's zone when it fires.
    public let trigger: DateComponents?

    public init(id: String, fireAt: Date, title: String, body: String, target: ReminderTarget, trigger: DateComponents? = nil) {
        self.id = id
        self.fireAt = fireAt
        self.title = title
        self.body = body
        self.target = target
        self.trigger = trigger
    }
}

/// A request the system already holds, as far as the planner needs to know it.
public struct PendingNotification: Equatable, Sendable {
    public let id: String
    /// Nil for a trigger the app does not make; such a request is armed again.
    public let fireAt: Date?
    public let title: String
    public let body: String

    public init(id: String, fireAt: Date?, title: String, body: String) {
        self.id = id
        self.fireAt = fireAt
        self.title = title
        self.body = body
    }

    /// Whether this request already says and does what `planned` wants. Calendar triggers keep
    /// whole seconds, so instants are compared to the second.
    func matches(_ planned: PlannedNotification) -> Bool {
        guard let fireAt else { return false }
        return id == planned.id && title == planned.title && body == planned.body
            && fireAt.wholeSeconds == planned.fireAt.wholeSeconds
    }
}

extension Date {
    var wholeSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}

import Foundation

/// Decides what to change so that the pending notifications match the core's plan. Pure, so the
/// rules (idempotent re-planning, the system cap, room for snoozes) are tested without a device.
public enum ReminderPlanner {
    /// iOS keeps at most 64 pending local notifications per app and silently drops the rest.
    /// How many of them the plan uses is the core's `reminderLimit(platform: .ios)` (60, leaving
    /// room for snoozes armed straight from a notification's action).
    public static let systemLimit = 64

    public struct Changes: Equatable, Sendable {
        /// Pending request ids to remove.
        public var remove: [String]
        /// Requests to add; adding under an existing id replaces that request.
        public var add: [PlannedNotification]

        public var isEmpty: Bool { remove.isEmpty && add.isEmpty }

        public init(remove: [String], add: [PlannedNotification]) {
            self.remove = remove
            self.add = add
        }
    }

    /// Re-planning: the plan is the whole truth. A pending request the plan no longer holds is
    /// removed (a checked-in session, a changed time, a new time zone); a planned reminder is
    /// added unless an identical request is already pending, so running this twice changes
    /// nothing the second time. At most `limit` reminders (the core's `reminderLimit`), the
    /// soonest, are kept.
    public static func changes(plan: [PlannedNotification], pending: [PendingNotification], now: Date, limit: Int) -> Changes {
        let wanted = Array(uniqueInFiringOrder(plan.filter { $0.fireAt > now }).prefix(max(0, min(limit, systemLimit))))
        let wantedIDs = Set(wanted.map(\.id))
        var pendingByID: [String: PendingNotification] = [:]
        for request in pending where pendingByID[request.id] == nil {
            pendingByID[request.id] = request
        }
        let remove = Set(pending.map(\.id)).subtracting(wantedIDs).sorted()
        let add = wanted.filter { planned in
            guard let armed = pendingByID[planned.id] else { return true }
            return !armed.matches(planned)
        }
        return Changes(remove: remove, add: add)
    }

    /// Arming one snooze between re-plans. It replaces a request with its id; if the system is
    /// full, the furthest-off requests make way (the next re-plan brings them back), because a
    /// snooze fires within the hour and a dropped request would be lost silently.
    public static func changes(arming snooze: PlannedNotification, pending: [PendingNotification]) -> Changes {
        let others = pending.filter { $0.id != snooze.id }
        let overflow = others.count + 1 - systemLimit
        guard overflow > 0 else { return Changes(remove: [], add: [snooze]) }
        let furthestFirst = others.sorted { a, b in
            let (fa, fb) = (a.fireAt ?? .distantFuture, b.fireAt ?? .distantFuture)
            return fa != fb ? fa > fb : a.id > b.id
        }
        return Changes(remove: furthestFirst.prefix(overflow).map(\.id), add: [snooze])
    }

    /// Soonest first, ties by id; the first of any repeated id wins.
    static func uniqueInFiringOrder(_ plan: [PlannedNotification]) -> [PlannedNotification] {
        let ordered = plan.sorted { a, b in a.fireAt != b.fireAt ? a.fireAt < b.fireAt : a.id < b.id }
        var seen = Set<String>()
        return ordered.filter { seen.insert($0.id).inserted }
    }
}

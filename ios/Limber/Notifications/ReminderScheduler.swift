import Foundation
import LimberCore
import LimberKit
import UserNotifications

/// Keeps the system's pending notifications equal to the core's plan. The core gives stable ids,
/// so re-planning is idempotent and runs on every occasion the plan may have changed: launch,
/// foreground, any write, a clock or zone change, and the background refresh.
actor ReminderScheduler {
    private let core: CoreService
    private var latest: Task<Void, Never>?

    init(core: CoreService) {
        self.core = core
    }

    /// True when the person allows alerts.
    func requestAuthorization() async -> Bool {
        let granted = try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound, .badge])
        return granted ?? false
    }

    func isAuthorizationDenied() async -> Bool {
        await UNUserNotificationCenter.current().notificationSettings().authorizationStatus == .denied
    }

    /// One re-plan at a time: a request made while one runs waits for it, then plans again from
    /// fresh data. (An actor alone would interleave two re-plans at every `await`.)
    func replan() async {
        let previous = latest
        let task = Task {
            await previous?.value
            await self.planOnce()
        }
        latest = task
        await task.value
    }

    /// Arms a snooze straight away, without a full re-plan, in the room the plan leaves for it.
    func arm(_ reminder: Reminder) async {
        let center = UNUserNotificationCenter.current()
        let pending = await center.pendingNotificationRequests().map { PendingNotification($0) }
        await apply(ReminderPlanner.changes(arming: reminder.planned, pending: pending), to: center)
    }

    private func planOnce() async {
        let center = UNUserNotificationCenter.current()
        do {
            let now = Date()
            // Reminders follow the device: 07:30 stays 07:30 local in a new zone. The core
            // decides whether the settings move (an alias does not; a zone it does not know is
            // reported, not thrown, so the re-plan goes on).
            _ = try await core.followDeviceZone(deviceZone: TimeZone.current.identifier, now: now)
            let limit = reminderLimit(platform: .ios)
            let plan = try await core.upcomingReminders(now: now, limit: limit)
            let pending = await center.pendingNotificationRequests().map { PendingNotification($0) }
            await apply(ReminderPlanner.changes(plan: plan.map(\.planned), pending: pending, now: now, limit: Int(limit)), to: center)
        } catch {
            // Nothing is logged (errors may name fields of health data). The queue already
            // armed stays, and the next foreground or background refresh tries again.
        }
    }

    private func apply(_ changes: ReminderPlanner.Changes, to center: UNUserNotificationCenter) async {
        if !changes.remove.isEmpty {
            center.removePendingNotificationRequests(withIdentifiers: changes.remove)
        }
        for notification in changes.add {
            // Adding under an existing identifier replaces that request.
            try? await center.add(NotificationRequests.request(for: notification))
        }
    }
}

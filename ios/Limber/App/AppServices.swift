import Foundation
import LimberCore

/// The objects that live as long as the process, made once and handed to views and delegates.
@MainActor
final class AppServices {
    let core: CoreService
    let reminders: ReminderScheduler
    let health: HealthWriter
    let router: Router
    let changes: DataChanges
    let notificationResponder: NotificationResponder
    let backgroundRefresh: BackgroundRefresh

    init() {
        // The library carries no time-zone rules of its own: it plans with the phone's, which
        // iOS keeps up to date. Registered before anything here can plan.
        registerZoneRules(provider: FoundationZoneRules())
        let core = CoreService(files: DatabaseFiles())
        let reminders = ReminderScheduler(core: core)
        let router = Router()
        self.core = core
        self.reminders = reminders
        self.router = router
        health = HealthWriter()
        changes = DataChanges()
        notificationResponder = NotificationResponder(core: core, reminders: reminders, router: router)
        backgroundRefresh = BackgroundRefresh(reminders: reminders)
    }

    /// Re-arms reminders from the core's plan. Idempotent and cheap, so it runs on every
    /// occasion that might have changed the plan.
    func replanReminders() {
        Task { await reminders.replan() }
    }

    /// After any write: screens reload, and reminders follow (a check-in cancels its session's
    /// reminders, a new assessment can start or stop the plan).
    func dataDidChange() {
        changes.record()
        replanReminders()
    }
}

import Foundation
import LimberKit
import UserNotifications

/// Receives taps and actions on reminders. On the main actor: the async delegate methods are
/// called from the main thread, and a delegate that is not isolated to it crashes
/// intermittently when the system resumes it off the main thread under strict concurrency. The
/// core and reminder work it starts runs on their own actors, so the main thread only waits.
@MainActor
final class NotificationResponder: NSObject, UNUserNotificationCenterDelegate {
    private let core: CoreService
    private let reminders: ReminderScheduler
    private let router: Router

    init(core: CoreService, reminders: ReminderScheduler, router: Router) {
        self.core = core
        self.reminders = reminders
        self.router = router
    }

    func userNotificationCenter(_ center: UNUserNotificationCenter, didReceive response: UNNotificationResponse) async {
        let request = response.notification.request
        let outcome = NotificationRouting.outcome(
            actionIdentifier: response.actionIdentifier,
            reminderID: request.identifier,
            target: ReminderTarget(userInfo: request.content.userInfo)
        )
        switch outcome {
        case .open(let destination):
            router.open(destination)
        case .snooze(let id):
            // The core refuses a snooze past the end of the reminder's day or of something
            // already done; then there is nothing to arm.
            if let snoozed = try? await core.snooze(id: id, now: Date()) {
                await reminders.arm(snoozed)
            }
        }
    }

    /// A reminder that fires while Limber is open still shows: it is about now.
    func userNotificationCenter(_ center: UNUserNotificationCenter, willPresent notification: UNNotification) async -> UNNotificationPresentationOptions {
        [.banner, .list, .sound]
    }
}

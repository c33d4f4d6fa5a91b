import Foundation
import LimberKit
import UserNotifications

/// Receives taps and actions on reminders. Not bound to the main actor: a background action
/// such as Snooze is delivered without the app coming to the foreground.
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
            await router.open(destination)
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

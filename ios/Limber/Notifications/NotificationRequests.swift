import Foundation
import LimberCore
import LimberKit
import UserNotifications

/// Turns planned reminders into notification requests, and back, for the planner.
enum NotificationRequests {
    /// Every reminder offers Done (opens what it is about), Snooze (in the background, so it
    /// works from the lock screen) and Log pain.
    static var categories: Set<UNNotificationCategory> {
        let done = UNNotificationAction(identifier: ReminderAction.done.rawValue, title: String(localized: "Done"), options: [.foreground])
        let snooze = UNNotificationAction(identifier: ReminderAction.snooze.rawValue, title: String(localized: "Snooze"), options: [])
        let logPain = UNNotificationAction(identifier: ReminderAction.logPain.rawValue, title: String(localized: "Log pain"), options: [.foreground])
        let category = UNNotificationCategory(
            identifier: NotificationRouting.categoryID,
            actions: [done, snooze, logPain],
            intentIdentifiers: [],
            options: []
        )
        return [category]
    }

    static func request(for notification: PlannedNotification) -> UNNotificationRequest {
        let content = UNMutableNotificationContent()
        // The core writes the words; they name the routine, never a pain level.
        content.title = notification.title
        content.body = notification.body
        content.sound = .default
        content.categoryIdentifier = NotificationRouting.categoryID
        content.threadIdentifier = "reminders"
        content.userInfo = notification.target.userInfo
        // The core's wall-clock time with no zone: it fires at that local time in whatever zone
        // the device is in, so travel does not leave it on the old zone's clock.
        let components = notification.trigger
            ?? Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: notification.fireAt)
        let trigger = UNCalendarNotificationTrigger(dateMatching: components, repeats: false)
        return UNNotificationRequest(identifier: notification.id, content: content, trigger: trigger)
    }
}

extension PendingNotification {
    init(_ request: UNNotificationRequest) {
        let trigger = request.trigger as? UNCalendarNotificationTrigger
        self.init(
            id: request.identifier,
            fireAt: trigger?.nextTriggerDate(),
            title: request.content.title,
            body: request.content.body
        )
    }
}

extension Reminder {
    var planned: PlannedNotification {
        PlannedNotification(
            id: id,
            fireAt: fireAt,
            title: title,
            body: body,
            target: target,
            trigger: TriggerDate.components(localDate: localDate, hour: Int(localTime.hour), minute: Int(localTime.minute))
        )
    }

    /// A snoozed reminder keeps its session; a snoozed morning check or re-test does not say
    /// which it was, so it opens Today, where whatever is due is shown.
    var target: ReminderTarget {
        switch kind {
        case .session, .snoozed:
            return session.map { ReminderTarget.checkIn(session: Int($0)) } ?? .today
        case .morningCheck:
            return .morningCheck
        case .retest:
            return .retest
        }
    }
}

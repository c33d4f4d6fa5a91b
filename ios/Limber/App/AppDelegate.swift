import UIKit
import UserNotifications

/// What must be in place before launch finishes: the notification delegate, so the response
/// that launched the app is delivered, and the background task handler, which iOS requires to
/// be registered before `didFinishLaunching` returns.
final class AppDelegate: NSObject, UIApplicationDelegate {
    private(set) lazy var services = AppServices()

    func application(
        _ application: UIApplication,
        didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil
    ) -> Bool {
        let center = UNUserNotificationCenter.current()
        center.delegate = services.notificationResponder
        center.setNotificationCategories(NotificationRequests.categories)
        services.backgroundRefresh.register()
        return true
    }
}

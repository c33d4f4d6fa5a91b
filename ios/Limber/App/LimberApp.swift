import SwiftUI

@main
struct LimberApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var appDelegate
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView(services: appDelegate.services)
        }
        .onChange(of: scenePhase) { phase in
            switch phase {
            case .active:
                // Reminders may have fired, the clock or zone may have moved while away.
                appDelegate.services.replanReminders()
            case .background:
                appDelegate.services.backgroundRefresh.schedule()
            default:
                break
            }
        }
    }
}

import SwiftUI
import UIKit

struct RootView: View {
    let services: AppServices
    @ObservedObject private var router: Router

    init(services: AppServices) {
        self.services = services
        _router = ObservedObject(wrappedValue: services.router)
    }

    var body: some View {
        TabView(selection: $router.tab) {
            TodayScreen(services: services)
                .tabItem { Label("Today", systemImage: "sun.max") }
                .tag(Router.Tab.today)
            PainLogScreen(services: services)
                .tabItem { Label("Pain", systemImage: "waveform.path.ecg") }
                .tag(Router.Tab.pain)
            ProgressScreen(services: services)
                .tabItem { Label("Progress", systemImage: "chart.xyaxis.line") }
                .tag(Router.Tab.progress)
            SettingsScreen(services: services)
                .tabItem { Label("Settings", systemImage: "gearshape") }
                .tag(Router.Tab.settings)
        }
        .sheet(item: $router.sheet) { sheet in
            sheetContent(sheet)
                .environmentObject(services.changes)
        }
        .environmentObject(services.changes)
        .task { services.replanReminders() }
        // Reminders fire at wall-clock times: a changed clock or time zone means new instants.
        .onReceive(NotificationCenter.default.publisher(for: UIApplication.significantTimeChangeNotification)) { _ in
            services.replanReminders()
        }
        .onReceive(NotificationCenter.default.publisher(for: .NSSystemTimeZoneDidChange)) { _ in
            // Foundation caches the system zone until told otherwise.
            NSTimeZone.resetSystemTimeZone()
            services.replanReminders()
        }
    }

    @ViewBuilder
    private func sheetContent(_ sheet: Router.Sheet) -> some View {
        switch sheet {
        case .checkIn(let session):
            CheckInView(services: services, session: session)
        case .morningCheck:
            MorningCheckView(services: services)
        case .assessment:
            AssessmentView(services: services)
        case .logPain:
            PainEntryForm(services: services)
        }
    }
}

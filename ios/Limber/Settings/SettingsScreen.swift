import SwiftUI

struct SettingsScreen: View {
    let services: AppServices

    var body: some View {
        NavigationStack {
            List {
                SwiftUI.Section {
                    NavigationLink {
                        RoutineSettingsView(services: services)
                    } label: {
                        Label("Routine", systemImage: "figure.flexibility")
                    }
                    NavigationLink {
                        ReminderSettingsView(services: services)
                    } label: {
                        Label("Reminders", systemImage: "bell")
                    }
                    Button {
                        services.router.open(.assessment)
                    } label: {
                        Label("Take the self-assessment again", systemImage: "list.clipboard")
                    }
                }
                PrivacySettings(services: services)
                SwiftUI.Section {
                    NavigationLink {
                        YourDataView(services: services)
                    } label: {
                        Label("Your data", systemImage: "folder")
                    }
                } footer: {
                    Text("Limber has no account, no network access and no analytics. Everything stays on this phone unless you export it.")
                }
            }
            .navigationTitle("Settings")
        }
    }
}

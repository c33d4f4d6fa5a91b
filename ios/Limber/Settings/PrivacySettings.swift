import SwiftUI

/// The two ways data can reach somewhere else besides an export, both off until turned on.
struct PrivacySettings: View {
    let services: AppServices
    @AppStorage(Preferences.writeToHealthKey) private var writeToHealth = false
    @AppStorage(Preferences.backupOptInKey) private var backupToICloud = false
    @State private var healthRefused = false

    init(services: AppServices) {
        self.services = services
    }

    var body: some View {
        SwiftUI.Section {
            if services.health.isAvailable {
                Toggle("Write pain entries to Health", isOn: $writeToHealth)
                    .onChange(of: writeToHealth) { isOn in
                        guard isOn else { return }
                        Task {
                            let allowed = await services.health.requestAccess()
                            if !allowed {
                                writeToHealth = false
                                healthRefused = true
                            }
                        }
                    }
            }
            Toggle("Include in iCloud backup", isOn: $backupToICloud)
                .onChange(of: backupToICloud) { _ in
                    Task { try? await services.core.applyStoragePreferences() }
                }
        } header: {
            Text("Privacy")
        } footer: {
            if healthRefused {
                Text("Health did not allow writing. You can allow it in the Health app under Sharing, Apps.")
            } else {
                Text("Health gets each entry's pain level as lower back pain, never your notes. Without the backup, a new phone starts empty unless you import a Limber backup.")
            }
        }
    }
}

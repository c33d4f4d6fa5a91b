import Combine
import Foundation
import LimberCore

@MainActor
final class ReminderSettingsModel: ObservableObject {
    @Published var settings: ReminderSettings? = nil
    @Published private(set) var loadError: String? = nil
    @Published var saveError: String? = nil
    @Published private(set) var notificationsDenied = false
    /// What the core last confirmed, so Save is offered only for a change.
    @Published private(set) var lastSaved: ReminderSettings? = nil

    /// The core accepts 1-4 reminder times a day and a snooze of 5-120 minutes.
    /// The core's limit on reminder times a day.
    static var maxSlots: Int { Int(maxReminderSlots()) }
    static let snoozeRange: ClosedRange<Int32> = 5...120

    private let services: AppServices

    init(services: AppServices) {
        self.services = services
    }

    func load() async {
        do {
            settings = try await services.core.reminderSettings()
            lastSaved = settings
            notificationsDenied = await services.reminders.isAuthorizationDenied()
        } catch {
            loadError = describe(error)
        }
    }

    func save() async {
        guard let draft = settings else { return }
        do {
            _ = try await services.core.setReminderSettings(settings: draft)
            // Reminder times are wall-clock times where the phone is now: the core decides
            // whether the settings follow the device's zone (one it does not know leaves the
            // saved zone rather than refusing the save).
            _ = try await services.core.followDeviceZone(deviceZone: TimeZone.current.identifier, now: Date())
            let confirmed = try await services.core.reminderSettings()
            settings = confirmed
            lastSaved = confirmed
            services.dataDidChange()
            if confirmed.enabled {
                notificationsDenied = !(await services.reminders.requestAuthorization())
            }
        } catch {
            saveError = describe(error)
        }
    }

    var hasChanges: Bool {
        settings != nil && settings != lastSaved
    }
}

import LimberCore
import SwiftUI
import UIKit

struct ReminderSettingsView: View {
    @StateObject private var model: ReminderSettingsModel

    init(services: AppServices) {
        _model = StateObject(wrappedValue: ReminderSettingsModel(services: services))
    }

    var body: some View {
        Group {
            if let settings = Binding($model.settings) {
                ReminderSettingsForm(settings: settings, notificationsDenied: model.notificationsDenied)
            } else if let error = model.loadError {
                ErrorMessage(text: error) { Task { await model.load() } }
            } else {
                ProgressView()
            }
        }
        .navigationTitle("Reminders")
        .toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button("Save") { Task { await model.save() } }
                    .disabled(!model.hasChanges)
            }
        }
        .alert(
            "Not saved",
            isPresented: Binding(get: { model.saveError != nil }, set: { if !$0 { model.saveError = nil } }),
            presenting: model.saveError
        ) { _ in
            Button("OK", role: .cancel) {}
        } message: { message in
            Text(message)
        }
        .task { await model.load() }
    }
}

private struct ReminderSettingsForm: View {
    @Binding var settings: ReminderSettings
    let notificationsDenied: Bool

    var body: some View {
        Form {
            if notificationsDenied {
                SwiftUI.Section {
                    Text("Notifications are off for Limber.")
                    Button("Open iOS Settings") {
                        if let url = URL(string: UIApplication.openSettingsURLString) {
                            UIApplication.shared.open(url)
                        }
                    }
                }
            }
            SwiftUI.Section {
                Toggle("Remind me", isOn: $settings.enabled)
            } footer: {
                Text("Times are local: they follow you into a new time zone (now \(TimeZone.current.identifier)).")
            }
            if settings.enabled {
                times
                days
                SwiftUI.Section {
                    Stepper(
                        "Snooze for \(Int(settings.snoozeMinutes)) minutes",
                        value: $settings.snoozeMinutes,
                        in: ReminderSettingsModel.snoozeRange,
                        step: 5
                    )
                    Toggle("Morning check", isOn: Binding(
                        get: { settings.morningCheck != nil },
                        set: { settings.morningCheck = $0 ? LocalTime(hour: 7, minute: 0) : nil }
                    ))
                    if let morning = settings.morningCheck {
                        DatePicker(
                            "Morning check at",
                            selection: Binding(get: { morning.date(on: Date()) }, set: { settings.morningCheck = LocalTime($0) }),
                            displayedComponents: .hourAndMinute
                        )
                    }
                    Toggle("Remind me to re-test", isOn: $settings.retestReminders)
                }
            }
        }
    }

    private var times: some View {
        SwiftUI.Section("Times") {
            ForEach(settings.slots.indices, id: \.self) { index in
                DatePicker("Reminder \(index + 1)", selection: slotBinding(index), displayedComponents: .hourAndMinute)
            }
            .onDelete { offsets in
                // The core needs at least one time.
                guard settings.slots.count - offsets.count >= 1 else { return }
                settings.slots.remove(atOffsets: offsets)
            }
            if settings.slots.count < ReminderSettingsModel.maxSlots {
                Button("Add a time") {
                    settings.slots.append(LocalTime(hour: 18, minute: 0))
                }
            }
        }
    }

    private var days: some View {
        SwiftUI.Section("Days") {
            ForEach(DayOfWeek.all, id: \.self) { day in
                Toggle(day.title, isOn: Binding(
                    get: { settings.days.contains(day) },
                    set: { isOn in
                        // Rebuilt in week order, whatever order the taps came in.
                        let current = settings.days
                        settings.days = DayOfWeek.all.filter { $0 == day ? isOn : current.contains($0) }
                    }
                ))
            }
        }
    }

    /// Reads defensively: SwiftUI may ask for a row's binding after the row was deleted.
    private func slotBinding(_ index: Int) -> Binding<Date> {
        Binding(
            get: { index < settings.slots.count ? settings.slots[index].date(on: Date()) : Date() },
            set: { date in
                if index < settings.slots.count {
                    settings.slots[index] = LocalTime(date)
                }
            }
        )
    }
}

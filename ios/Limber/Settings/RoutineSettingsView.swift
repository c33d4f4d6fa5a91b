import Combine
import LimberCore
import SwiftUI

@MainActor
final class RoutineSettingsModel: ObservableObject {
    @Published var settings: RoutineSettings? = nil
    @Published private(set) var loadError: String? = nil
    @Published var saveError: String? = nil
    @Published private(set) var lastSaved: RoutineSettings? = nil

    private let services: AppServices

    init(services: AppServices) {
        self.services = services
    }

    func load() async {
        do {
            settings = try await services.core.routineSettings()
            lastSaved = settings
        } catch {
            loadError = describe(error)
        }
    }

    /// The core checks every field (1-2 session times, 2-3 strength days) and names the one it
    /// refuses; the plan and the reminders follow.
    func save() async {
        guard let draft = settings else { return }
        do {
            let confirmed = try await services.core.setRoutineSettings(settings: draft)
            settings = confirmed
            lastSaved = confirmed
            services.dataDidChange()
        } catch {
            saveError = describe(error)
        }
    }

    var hasChanges: Bool {
        settings != nil && settings != lastSaved
    }
}

/// The routine: session times, strength days, equipment at hand, foam rolling.
struct RoutineSettingsView: View {
    @StateObject private var model: RoutineSettingsModel

    init(services: AppServices) {
        _model = StateObject(wrappedValue: RoutineSettingsModel(services: services))
    }

    var body: some View {
        Group {
            if let loadError = model.loadError {
                Text(loadError)
            } else if model.settings != nil {
                form
            } else {
                ProgressView()
            }
        }
        .navigationTitle("Routine")
        .task { await model.load() }
        .toolbar {
            ToolbarItem(placement: .confirmationAction) {
                Button("Save") { Task { await model.save() } }
                    .disabled(!model.hasChanges)
            }
        }
        .alert("Not saved", isPresented: Binding(get: { model.saveError != nil }, set: { if !$0 { model.saveError = nil } })) {
            Button("OK", role: .cancel) {}
        } message: {
            Text(model.saveError ?? "")
        }
    }

    @ViewBuilder
    private var form: some View {
        if let settings = Binding($model.settings) {
            Form {
                SwiftUI.Section("Sessions") {
                    ForEach(Array(settings.wrappedValue.sessionTimes.indices), id: \.self) { index in
                        DatePicker(
                            "Session \(index + 1)",
                            selection: Binding(
                                get: { settings.wrappedValue.sessionTimes[index].date(on: Date()) },
                                set: { settings.wrappedValue.sessionTimes[index] = LocalTime($0) }
                            ),
                            displayedComponents: .hourAndMinute
                        )
                    }
                    if settings.wrappedValue.sessionTimes.count < 2 {
                        Button("Add a second session") {
                            settings.wrappedValue.sessionTimes.append(LocalTime(hour: 18, minute: 0))
                        }
                    } else {
                        Button("One session a day", role: .destructive) {
                            settings.wrappedValue.sessionTimes.removeLast()
                        }
                    }
                }
                SwiftUI.Section {
                    ForEach(DayOfWeek.all, id: \.self) { day in
                        Toggle(day.title, isOn: Binding(
                            get: { settings.wrappedValue.strengthDays.contains(day) },
                            set: { on in
                                settings.wrappedValue.strengthDays.removeAll { $0 == day }
                                if on { settings.wrappedValue.strengthDays.append(day) }
                            }
                        ))
                    }
                } header: {
                    Text("Strength days")
                } footer: {
                    Text("Strengthening on 2 or 3 days a week, in the first session.")
                }
                SwiftUI.Section("What you have at hand") {
                    ForEach(Equipment.choices, id: \.self) { item in
                        Toggle(item.title, isOn: Binding(
                            get: { settings.wrappedValue.equipment.contains(item) },
                            set: { on in
                                settings.wrappedValue.equipment.removeAll { $0 == item }
                                if on { settings.wrappedValue.equipment.append(item) }
                            }
                        ))
                    }
                }
                SwiftUI.Section {
                    Toggle("Foam rolling before the stretches", isOn: settings.includeRelease)
                }
            }
        }
    }
}

import LimberCore
import SwiftUI
import UIKit

struct TodayScreen: View {
    let services: AppServices
    @StateObject private var model: TodayModel
    @EnvironmentObject private var changes: DataChanges
    @Environment(\.scenePhase) private var scenePhase

    init(services: AppServices) {
        self.services = services
        _model = StateObject(wrappedValue: TodayModel(services: services))
    }

    var body: some View {
        NavigationStack {
            content
                .navigationTitle("Today")
                .toolbar {
                    ToolbarItem(placement: .primaryAction) {
                        Button {
                            services.router.open(.logPain)
                        } label: {
                            Label("Log pain", systemImage: "plus")
                        }
                    }
                }
                .refreshable { await model.load() }
        }
        .task(id: changes.revision) { await model.load() }
        // Today is a day: reload on coming back to the app (a check-in may have come from a
        // notification, the day may have turned), at midnight, and when the clock or zone moves.
        .onChange(of: scenePhase) { phase in
            if phase == .active { Task { await model.load() } }
        }
        .onReceive(NotificationCenter.default.publisher(for: .NSCalendarDayChanged).receive(on: RunLoop.main)) { _ in
            Task { await model.load() }
        }
        .onReceive(NotificationCenter.default.publisher(for: UIApplication.significantTimeChangeNotification)) { _ in
            Task { await model.load() }
        }
    }

    @ViewBuilder
    private var content: some View {
        switch model.state {
        case .loading:
            ProgressView()
        case .failed(let message):
            ErrorMessage(text: message) { Task { await model.load() } }
        case .loaded(let today):
            TodayList(today: today, router: services.router)
        }
    }
}

/// The day: what the core says first, then the sessions, the day's activity and the cards.
private struct TodayList: View {
    let today: Today
    let router: Router

    var body: some View {
        List {
            // The plan's status first (CLINICAL.md §8): outside `active` there is no session,
            // only the core's words, the cards and the way back.
            SwiftUI.Section {
                if today.plan.status != .active {
                    Label(today.plan.status.title, systemImage: "exclamationmark.triangle.fill")
                        .font(.headline)
                        .foregroundStyle(today.plan.status == .needsSafetyAnswers ? Color.primary : Color.red)
                }
                ForEach(today.plan.message, id: \.self) { Text($0) }
                if today.plan.status != .active {
                    Button("Answer the safety questions again") { router.open(.assessment) }
                }
            }
            if !today.plan.cards.isEmpty {
                SwiftUI.Section {
                    ForEach(today.plan.cards) { CoreCardView(card: $0) }
                }
            }
            due
            switch today.plan.status {
            case .pausedStop, .needsSafetyAnswers, .seeDoctor:
                // No exercises are offered; the status above says why and what to do.
                EmptyView()
            case .active:
                ForEach(today.plan.sessions) { session in
                    SessionSection(
                        session: session,
                        status: today.sessions.first(where: { $0.session == session.session }),
                        checkIn: { router.open(.checkIn(session: Int(session.session))) }
                    )
                }
                if !today.plan.activity.isEmpty {
                    SwiftUI.Section("Through the day") {
                        ForEach(today.plan.activity) { ExerciseLink(exercise: $0) }
                    }
                }
            }
        }
    }

    @ViewBuilder
    private var due: some View {
        if today.morningCheckDue || today.retestDue {
            SwiftUI.Section {
                if today.morningCheckDue {
                    Button {
                        router.open(.morningCheck)
                    } label: {
                        Label("Morning check: how is your back?", systemImage: "sunrise")
                    }
                }
                if today.retestDue {
                    Button {
                        router.open(.assessment)
                    } label: {
                        Label("Time to re-test", systemImage: "ruler")
                    }
                }
            }
        }
    }
}

private struct SessionSection: View {
    let session: PlannedSession
    let status: SessionStatus?
    let checkIn: () -> Void

    var body: some View {
        SwiftUI.Section {
            ForEach(session.exercises) { ExerciseLink(exercise: $0) }
            if status?.state != .done {
                Button(action: checkIn) {
                    Label("Check in", systemImage: "checkmark.circle")
                }
            }
        } header: {
            HStack {
                Text("Session \(Int(session.session)) · \(session.time.text)")
                Spacer()
                if let status {
                    Text(status.state.title)
                        .foregroundStyle(status.state.color)
                }
            }
        } footer: {
            Text("About \(Int(session.minutes)) minutes")
        }
    }
}

private struct ExerciseLink: View {
    let exercise: PlannedExercise

    var body: some View {
        NavigationLink {
            ExerciseDetail(exercise: exercise)
        } label: {
            ExerciseRow(exercise: exercise)
        }
    }
}

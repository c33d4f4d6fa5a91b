import LimberKit
import SwiftUI
import UIKit

/// Counts down each hold and rest of the core's hold sequence. The timing rules live in
/// `HoldTimer` (tested in LimberKit); this view only redraws, buzzes at the end of each hold and
/// rest, and keeps the screen awake while timing.
struct HoldTimerView: View {
    @State private var timer: HoldTimer
    @State private var now = Date()

    init(timer: HoldTimer) {
        _timer = State(initialValue: timer)
    }

    var body: some View {
        VStack(spacing: 12) {
            Text(position)
                .font(.subheadline)
                .foregroundStyle(.secondary)
            Text(Duration.seconds(Int(timer.remaining(at: now).rounded(.up))).formatted(.time(pattern: .minuteSecond)))
                .font(.system(size: 56, weight: .semibold, design: .rounded))
                .monospacedDigit()
                .accessibilityLabel(Text("\(Int(timer.remaining(at: now).rounded(.up))) seconds left"))
            controls
        }
        .frame(maxWidth: .infinity)
        .padding(.vertical, 8)
        .task(id: timer.isRunning) { await tick() }
        .onChange(of: timer.isRunning) { running in
            // A phone on the floor beside someone stretching must not lock mid-hold.
            UIApplication.shared.isIdleTimerDisabled = running
        }
        .onDisappear {
            UIApplication.shared.isIdleTimerDisabled = false
        }
    }

    private var position: String {
        let phase = timer.phase(at: now)
        if phase == .finished {
            return String(localized: "All holds done")
        }
        let step = timer.currentStep(at: now)
        var text = String(localized: "Set \(step.set) of \(timer.sets)")
        if timer.repetitions > 1 {
            text += " · " + String(localized: "hold \(step.repetition) of \(timer.repetitions)")
        }
        switch step.side {
        case .left: text += " · " + String(localized: "left side")
        case .right: text += " · " + String(localized: "right side")
        case nil: break
        }
        return phase == .resting ? String(localized: "Rest, then \(text)") : text
    }

    @ViewBuilder
    private var controls: some View {
        HStack(spacing: 16) {
            switch timer.phase(at: now) {
            case .finished:
                Button("Start again") { timer.reset() }
            case .holding, .resting:
                Button("Pause") { timer.pause(at: Date()) }
                    .buttonStyle(.bordered)
            case .ready, .paused:
                Button(timer.phase(at: now) == .paused ? "Resume" : "Start") { timer.start(at: Date()) }
                    .buttonStyle(.borderedProminent)
            }
        }
    }

    /// Redraws a few times a second while running; the time itself comes from the instants in
    /// `HoldTimer`, so a late tick never loses time.
    private func tick() async {
        guard timer.isRunning else { return }
        var last = (timer.phase(at: Date()), timer.holdsDone(at: Date()))
        while !Task.isCancelled {
            now = Date()
            let current = (timer.phase(at: now), timer.holdsDone(at: now))
            if current != last {
                UINotificationFeedbackGenerator().notificationOccurred(.success)
                last = current
            }
            let settled = timer.settled(at: now)
            if !settled.isRunning {
                timer = settled
                return
            }
            try? await Task.sleep(nanoseconds: 250_000_000)
        }
    }
}

import LimberKit
import SwiftUI
import UIKit

/// Counts down each hold. The timing rules live in `HoldTimer` (tested in LimberKit); this view
/// only redraws, buzzes at the end of a hold, and keeps the screen awake while timing.
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
        if timer.isComplete {
            return String(localized: "All holds done")
        }
        let set = String(localized: "Set \(timer.set) of \(timer.sets)")
        switch timer.side {
        case .left: return set + " · " + String(localized: "left side")
        case .right: return set + " · " + String(localized: "right side")
        case nil: return set
        }
    }

    @ViewBuilder
    private var controls: some View {
        HStack(spacing: 16) {
            if timer.isComplete {
                Button("Start again") { timer.reset() }
            } else if timer.isHoldDone(at: now) {
                Button("Next hold") { timer.next() }
                    .buttonStyle(.borderedProminent)
            } else if timer.isRunning {
                Button("Pause") { timer.pause(at: Date()) }
                    .buttonStyle(.bordered)
            } else {
                Button("Start") { timer.start(at: Date()) }
                    .buttonStyle(.borderedProminent)
            }
        }
    }

    /// Redraws a few times a second while running; the time itself comes from the instants in
    /// `HoldTimer`, so a late tick never loses time.
    private func tick() async {
        guard timer.isRunning else { return }
        while !Task.isCancelled {
            now = Date()
            if timer.isHoldDone(at: now) {
                timer.pause(at: now)
                UINotificationFeedbackGenerator().notificationOccurred(.success)
                return
            }
            try? await Task.sleep(nanoseconds: 250_000_000)
        }
    }
}

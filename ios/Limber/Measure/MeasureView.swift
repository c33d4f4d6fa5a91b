import LimberCore
import SwiftUI
import UIKit

/// The guided measurement of one home test on one leg. The core says the state and the words;
/// this view speaks them, sounds the capture, keeps the screen awake and runs the motion sensor
/// only while it is shown. `onMeasured` gets whole degrees (entered with `measured_by: phone`);
/// `onTypeInstead` goes back to typing the number.
struct MeasureView: View {
    let test: PhoneTest
    let onMeasured: (Int32) -> Void
    let onTypeInstead: () -> Void

    @State private var measurement: LimberCore.Measurement?
    @State private var update: MeasureUpdate?
    @State private var feed: GravityFeed?
    @State private var speech = MeasureSpeech()
    @State private var sensorMissing = false

    var body: some View {
        VStack(alignment: .leading, spacing: 16) {
            if sensorMissing {
                Text("This device has no motion sensor to measure with. Type the number instead.")
            }
            Text(update?.promptText ?? "")
                .font(.title3)
                .accessibilityAddTraits(.updatesFrequently)
            if let shown = update?.result?.angleDeg ?? update?.liveAngleDeg {
                Text("\(shown)°")
                    .font(.system(size: 64, weight: .semibold, design: .rounded))
                    .monospacedDigit()
            }
            HStack {
                if update?.state == .done, update?.result?.quality == .ok, let angle = update?.result?.angleDeg {
                    Button("Use this") { onMeasured(angle) }
                        .buttonStyle(.borderedProminent)
                }
                Button("Start again") { begin() }
                Button("Type it instead") { onTypeInstead() }
            }
            Spacer()
        }
        .padding()
        .onAppear { begin() }
        .onDisappear { end() }
    }

    private func begin() {
        end()
        let m = LimberCore.Measurement(test: test)
        measurement = m
        let first = m.status()
        update = first
        speech.say(first.promptText)
        let newFeed = GravityFeed { batch in
            guard let next = try? m.pushSamples(samples: batch) else { return }
            if next.speak { speech.say(next.promptText) }
            if next.captured { speech.captured() }
            update = next
        }
        sensorMissing = !newFeed.available
        feed = newFeed
        UIApplication.shared.isIdleTimerDisabled = true
        newFeed.start()
    }

    private func end() {
        feed?.stop()
        feed = nil
        speech.stop()
        UIApplication.shared.isIdleTimerDisabled = false
    }
}

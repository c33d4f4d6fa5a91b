import LimberCore
import SwiftUI

/// A failed load, with a way to try again.
struct ErrorMessage: View {
    let text: String
    let retry: () -> Void

    var body: some View {
        VStack(spacing: 12) {
            Image(systemName: "exclamationmark.triangle")
                .font(.largeTitle)
                .foregroundStyle(.secondary)
            Text(text)
                .multilineTextAlignment(.center)
            Button("Try again", action: retry)
        }
        .padding()
    }
}

/// A whole-number 0-10 pain slider with its value beside the label.
struct PainSlider: View {
    let title: LocalizedStringKey
    @Binding var value: Double

    init(_ title: LocalizedStringKey, value: Binding<Double>) {
        self.title = title
        _value = value
    }

    var body: some View {
        VStack(alignment: .leading) {
            LabeledContent(title) {
                Text("\(Int(value))/10")
                    .monospacedDigit()
            }
            Slider(value: $value, in: 0...10, step: 1) {
                Text(title)
            } minimumValueLabel: {
                Text("0")
            } maximumValueLabel: {
                Text("10")
            }
        }
    }
}

/// A 0-10 pain rating that starts "not rated": an untouched slider is no rating, never a 0
/// (the core counts a 0 toward stepping the dose up).
struct OptionalPainSlider: View {
    let title: LocalizedStringKey
    @Binding var value: Double?

    init(_ title: LocalizedStringKey, value: Binding<Double?>) {
        self.title = title
        _value = value
    }

    var body: some View {
        if value == nil {
            LabeledContent(title) {
                Button("Rate") { value = 0 }
            }
            .accessibilityValue(Text("Not rated"))
        } else {
            VStack(alignment: .leading) {
                PainSlider(title, value: Binding(get: { value ?? 0 }, set: { value = $0 }))
                Button("Clear rating") { value = nil }
                    .font(.footnote)
            }
        }
    }
}

/// One of the core's cards beside the plan (see a doctor, re-test due, ...). The warning cards
/// stand out, because they matter more than the routine.
struct CoreCardView: View {
    let card: Card

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            Label(card.title, systemImage: isWarning ? "exclamationmark.triangle.fill" : "info.circle")
                .font(.headline)
                .foregroundStyle(isWarning ? Color.red : Color.primary)
            Text(card.body)
        }
        .padding(.vertical, 4)
        .accessibilityElement(children: .combine)
    }

    /// The core decides which cards warn (`cardDisplay`).
    private var isWarning: Bool { cardDisplay(card: card.id).level.isWarning }
}

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

    private var isWarning: Bool {
        switch card.id {
        case .caudaEquina, .stopAndRetriage, .seeDoctorSoon: return true
        case .seePhysio, .noImprovement, .retestDue: return false
        }
    }
}

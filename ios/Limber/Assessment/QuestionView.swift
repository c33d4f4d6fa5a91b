import LimberCore
import SwiftUI

/// One question, drawn by its kind. The prompt, help and choices are the core's text. The leg
/// raise, knee extension and Thomas questions also offer "Measure with the phone": the guided
/// `MeasureView` opens in a sheet and `onMeasured` gets the test, the leg (left: true) and whole
/// degrees; typing stays possible.
struct QuestionView: View {
    let question: Question
    @Binding var value: ResponseValue?
    var onMeasured: ((PhoneTest, Bool, Int32) -> Void)? = nil

    @State private var measuring: Measuring?

    var body: some View {
        Text(question.prompt)
            .font(.headline)
        answer
        if let test = phoneTest(for: question.id), onMeasured != nil {
            // One row, borderless buttons: in a Form a tap on the row would press every button.
            VStack(alignment: .leading, spacing: 12) {
                if test == .thomas {
                    Button("Measure with the phone") { measuring = Measuring(test: test, left: true) }
                } else {
                    Button("Measure left leg with the phone") { measuring = Measuring(test: test, left: true) }
                    Button("Measure right leg with the phone") { measuring = Measuring(test: test, left: false) }
                }
            }
            .buttonStyle(.borderless)
            .sheet(item: $measuring) { m in
                MeasureView(
                    test: m.test,
                    onMeasured: { degrees in
                        onMeasured?(m.test, m.left, degrees)
                        measuring = nil
                    },
                    onTypeInstead: { measuring = nil }
                )
            }
        }
        if !question.help.isEmpty {
            DisclosureGroup("How to") {
                Text(question.help)
                    .font(.callout)
            }
        }
    }

    @ViewBuilder
    private var answer: some View {
        switch question.kind {
        case .yesNo:
            Picker(question.prompt, selection: yesNo) {
                Text("Skip").tag(Bool?.none)
                Text("Yes").tag(Bool?.some(true))
                Text("No").tag(Bool?.some(false))
            }
            .pickerStyle(.segmented)
            .labelsHidden()
        case .oneChoice(let options):
            ForEach(options) { option in
                CheckRow(label: option.label, isOn: chosen == option.id) {
                    // Tapping the chosen answer again takes it back (skipped).
                    value = chosen == option.id ? nil : .choice(id: option.id)
                }
            }
        case .severalChoices(let options):
            ForEach(options) { option in
                Toggle(option.label, isOn: ticked(option.id))
            }
            // An untouched list is skipped; "none of these" is an answer, and safety rules
            // need it.
            CheckRow(label: String(localized: "None of these"), isOn: value == .choices(ids: [])) {
                value = value == .choices(ids: []) ? nil : .choices(ids: [])
            }
        case .wholeNumber(let min, let max, let unit):
            NumberField(label: unit, range: min...max, value: Binding(
                get: {
                    if case .number(let number) = value { return number }
                    return nil
                },
                set: { value = $0.map { ResponseValue.number(value: $0) } }
            ))
        case .perLeg(let min, let max, let unit):
            NumberField(label: String(localized: "Left, \(unit)"), range: min...max, value: leg(left: true))
            NumberField(label: String(localized: "Right, \(unit)"), range: min...max, value: leg(left: false))
        }
    }

    private var yesNo: Binding<Bool?> {
        Binding(
            get: {
                if case .yesNo(let answer) = value { return answer }
                return nil
            },
            set: { value = $0.map { ResponseValue.yesNo(value: $0) } }
        )
    }

    private var chosen: String? {
        if case .choice(let id) = value { return id }
        return nil
    }

    private var tickedIDs: [String] {
        if case .choices(let ids) = value { return ids }
        return []
    }

    private func ticked(_ id: String) -> Binding<Bool> {
        Binding(
            get: { tickedIDs.contains(id) },
            set: { isOn in
                let others = tickedIDs.filter { $0 != id }
                value = .choices(ids: isOn ? others + [id] : others)
            }
        )
    }

    /// One leg of a per-leg answer; clearing both legs takes the answer back.
    private func leg(left: Bool) -> Binding<Int32?> {
        Binding(
            get: {
                guard case .perLeg(let l, let r) = value else { return nil }
                return left ? l : r
            },
            set: { number in
                var (l, r): (Int32?, Int32?) = (nil, nil)
                if case .perLeg(let oldL, let oldR) = value {
                    (l, r) = (oldL, oldR)
                }
                if left { l = number } else { r = number }
                value = (l == nil && r == nil) ? nil : .perLeg(left: l, right: r)
            }
        )
    }
}

/// The measurement a sheet is open for.
private struct Measuring: Identifiable {
    let test: PhoneTest
    let left: Bool
    var id: String { "\(test)-\(left)" }
}

/// A row with a check mark, for single choices.
private struct CheckRow: View {
    let label: String
    let isOn: Bool
    let action: () -> Void

    var body: some View {
        Button(action: action) {
            HStack {
                Text(label)
                    .foregroundStyle(Color.primary)
                Spacer()
                if isOn {
                    Image(systemName: "checkmark")
                        .foregroundStyle(Color.accentColor)
                }
            }
        }
        .accessibilityAddTraits(isOn ? .isSelected : [])
    }
}

/// A whole number within the question's range. Text that is not a number in range is not an
/// answer: the range is shown instead.
private struct NumberField: View {
    let label: String
    let range: ClosedRange<Int32>
    @Binding var value: Int32?
    @State private var text = ""

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            LabeledContent(label) {
                TextField("\(Int(range.lowerBound))-\(Int(range.upperBound))", text: $text)
                    .keyboardType(.numberPad)
                    .multilineTextAlignment(.trailing)
            }
            if isOutOfRange {
                Text("Enter a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)).")
                    .font(.footnote)
                    .foregroundStyle(.red)
            }
        }
        .onAppear {
            text = value.map { String($0) } ?? ""
        }
        .onChange(of: text) { newText in
            value = shown(newText)
        }
        .onChange(of: value) { newValue in
            // A value set from outside (the phone measured it) shows in the field.
            if newValue != shown(text) {
                text = newValue.map { String($0) } ?? ""
            }
        }
    }

    /// The number a text stands for, nil unless it is a whole number within the range.
    private func shown(_ text: String) -> Int32? {
        Int32(text.trimmingCharacters(in: .whitespaces)).flatMap { range.contains($0) ? $0 : nil }
    }

    private var isOutOfRange: Bool {
        !text.isEmpty && value == nil
    }
}

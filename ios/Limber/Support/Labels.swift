import LimberCore
import LimberKit
import SwiftUI

// Names for the core's enums on screen. Only field names and short labels live in Swift; every
// question, piece of advice and reason comes from the core as text.

extension BodySite {
    /// The generated enum is not CaseIterable (that needs the declaring file).
    static let all: [BodySite] = [.lowBack, .buttock, .backOfThigh, .behindKnee, .belowKnee, .foot]

    var title: String {
        switch self {
        case .lowBack: return String(localized: "Low back")
        case .buttock: return String(localized: "Buttock")
        case .backOfThigh: return String(localized: "Back of thigh")
        case .behindKnee: return String(localized: "Behind the knee")
        case .belowKnee: return String(localized: "Below the knee")
        case .foot: return String(localized: "Foot")
        }
    }
}

extension Side {
    var title: String {
        switch self {
        case .left: return String(localized: "Left")
        case .right: return String(localized: "Right")
        case .both: return String(localized: "Both")
        }
    }
}

extension PainContext {
    static let all: [PainContext] = [.onWaking, .afterSitting, .beforeSession, .duringSession, .afterSession, .evening, .other]

    var title: String {
        switch self {
        case .onWaking: return String(localized: "On waking")
        case .afterSitting: return String(localized: "After sitting")
        case .beforeSession: return String(localized: "Before a session")
        case .duringSession: return String(localized: "During a session")
        case .afterSession: return String(localized: "After a session")
        case .evening: return String(localized: "In the evening")
        case .other: return String(localized: "Other")
        }
    }
}

extension SkipReason {
    static let all: [SkipReason] = [.noTime, .tooPainful, .noEquipment, .notToday, .other]

    var title: String {
        switch self {
        case .noTime: return String(localized: "No time")
        case .tooPainful: return String(localized: "Too painful")
        case .noEquipment: return String(localized: "No equipment")
        case .notToday: return String(localized: "Not today")
        case .other: return String(localized: "Other")
        }
    }
}

extension DayOfWeek {
    static let all: [DayOfWeek] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]

    var title: String {
        switch self {
        case .mon: return String(localized: "Monday")
        case .tue: return String(localized: "Tuesday")
        case .wed: return String(localized: "Wednesday")
        case .thu: return String(localized: "Thursday")
        case .fri: return String(localized: "Friday")
        case .sat: return String(localized: "Saturday")
        case .sun: return String(localized: "Sunday")
        }
    }
}

extension LimberCore.Category {
    var title: String {
        switch self {
        case .release: return String(localized: "Release")
        case .stretch: return String(localized: "Stretch")
        case .strengthen: return String(localized: "Strengthen")
        case .mobility: return String(localized: "Mobility")
        case .activity: return String(localized: "Activity")
        }
    }
}

extension SessionState {
    var title: String {
        switch self {
        case .done: return String(localized: "Done")
        case .due: return String(localized: "Due")
        case .upcoming: return String(localized: "Later")
        case .missed: return String(localized: "Missed")
        }
    }

    var color: Color {
        switch self {
        case .done: return .green
        case .due: return .accentColor
        case .upcoming: return .secondary
        case .missed: return .orange
        }
    }
}

extension Decision {
    var title: String {
        switch self {
        case .progress: return String(localized: "Step up")
        case .keep: return String(localized: "Keep")
        case .regress: return String(localized: "Step down")
        }
    }
}

extension Tier {
    /// A short headline only; what to do comes from the core's next steps.
    var title: String {
        switch self {
        case .emergency: return String(localized: "Emergency")
        case .urgent: return String(localized: "Urgent")
        case .soon: return String(localized: "See a doctor soon")
        case .noFlags: return String(localized: "No warning signs")
        }
    }

    var color: Color {
        switch self {
        case .emergency: return .red
        case .urgent: return .orange
        case .soon: return .yellow
        case .noFlags: return .green
        }
    }

    var symbol: String {
        switch self {
        case .emergency: return "exclamationmark.octagon.fill"
        case .urgent: return "exclamationmark.triangle.fill"
        case .soon: return "stethoscope"
        case .noFlags: return "checkmark.seal.fill"
        }
    }
}

extension ChartRange {
    var title: String {
        switch self {
        case .fourWeeks: return String(localized: "4 weeks")
        case .threeMonths: return String(localized: "3 months")
        case .year: return String(localized: "Year")
        case .all: return String(localized: "All")
        }
    }
}

extension PlanStatus {
    /// A short headline only; what to do comes from the core's message.
    var title: String {
        switch self {
        case .active: return String(localized: "Your routine")
        case .pausedStop: return String(localized: "Stop the routine for now")
        case .needsSafetyAnswers: return String(localized: "Some safety questions need an answer")
        case .seeDoctor: return String(localized: "See a doctor first")
        }
    }
}

extension Equipment {
    static let choices: [Equipment] = [.chair, .bandOrTowel, .wall, .foamRoller, .anchor]

    var title: String {
        switch self {
        case .noEquipment: return String(localized: "Nothing")
        case .chair: return String(localized: "Two chairs")
        case .bandOrTowel: return String(localized: "Band, belt or towel")
        case .wall: return String(localized: "A wall")
        case .foamRoller: return String(localized: "Foam roller")
        case .anchor: return String(localized: "Something to hook the heels under")
        }
    }
}

extension SafetyLevel {
    var isWarning: Bool { self != .calm }
}

extension LocalTime {
    /// In the person's own 12- or 24-hour style.
    var text: String {
        date(on: Date()).formatted(date: .omitted, time: .shortened)
    }
}

import Foundation

/// Local calendar days as the core writes them ("2026-11-20"), computed with a Gregorian
/// calendar rather than a date formatter so the device's locale and calendar cannot change them.
public enum LocalDay {
    public static func string(for instant: Date, in timeZone: TimeZone) -> String {
        let parts = calendar(in: timeZone).dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The local day `days` days after (or before, when negative) the day `instant` falls on.
    public static func string(days: Int, after instant: Date, in timeZone: TimeZone) -> String {
        let calendar = calendar(in: timeZone)
        let noon = calendar.date(bySettingHour: 12, minute: 0, second: 0, of: instant) ?? instant
        let shifted = calendar.date(byAdding: .day, value: days, to: noon) ?? noon
        return string(for: shifted, in: timeZone)
    }

    static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

/// The spans the progress chart offers, as the inclusive local days the core takes.
public enum ChartRange: String, CaseIterable, Sendable {
    case fourWeeks
    case threeMonths
    case year
    case all

    public struct Days: Equatable, Sendable {
        public let from: String?
        public let to: String?

        public init(from: String?, to: String?) {
            self.from = from
            self.to = to
        }
    }

    /// How many local days the span covers, today included; nil for everything.
    public var dayCount: Int? {
        switch self {
        case .fourWeeks: return 28
        case .threeMonths: return 91
        case .year: return 365
        case .all: return nil
        }
    }

    public func days(now: Date, timeZone: TimeZone) -> Days {
        guard let dayCount else { return Days(from: nil, to: nil) }
        return Days(
            from: LocalDay.string(days: 1 - dayCount, after: now, in: timeZone),
            to: LocalDay.string(for: now, in: timeZone)
        )
    }
}

import Foundation

/// Calendar-trigger components for one exact instant. They carry the UTC zone, so the system
/// fires at that instant whatever zone the device is in. When the zone changes the app
/// re-plans, and the core gives new instants for the same local times.
public enum TriggerDate {
    public static func components(for instant: Date) -> DateComponents {
        var components = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        components.calendar = utcCalendar
        components.timeZone = utcCalendar.timeZone
        return components
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}

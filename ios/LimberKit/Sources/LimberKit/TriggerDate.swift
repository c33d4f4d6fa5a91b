import Foundation

/// Calendar-trigger components for a reminder's wall-clock time, as the core computed it (its
/// local date and time). They carry no time zone, so the system reads them in whatever zone the
/// device is in when it fires: after travel, a 07:30 reminder still fires at 07:30 local even
/// before the app runs again, and the app re-plans on `NSSystemTimeZoneDidChange` for the rest
/// (new instants, the morning check's day).
public enum TriggerDate {
    /// `localDate` is "YYYY-MM-DD"; nil when it is not one.
    public static func components(localDate: String, hour: Int, minute: Int) -> DateComponents? {
        let parts = localDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        components.hour = hour
        components.minute = minute
        components.second = 0
        return components
    }

    /// The instant the components stand for in `timeZone` (the device's, for the planner).
    public static func date(of components: DateComponents, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: components)
    }
}

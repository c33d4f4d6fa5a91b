import Foundation

/// The phone's own time-zone rules for Limber (issue 17): Foundation's `TimeZone`, which iOS
/// updates with the system, so a country that changes its clocks is right in Limber as soon as
/// it is right on the phone. The library has no rules of its own: the app registers this at
/// launch (`registerZoneRules(provider: FoundationZoneRules())`), before anything plans.
///
/// The core asks once per zone per process for a window (2000-2099): the offset in force at
/// `from` and every change up to `to`, oldest first. `TimeZone` lists daylight-saving changes
/// but not a change of a zone's standard offset, so the window is scanned a day at a time and
/// each change pinned to the second by bisection; the scan goes on from each change, so two
/// changes within a day are both found unless the second undoes the first within the day,
/// which no zone has done. A zone the phone does not know is `LimberError.InvalidInput`.
public final class FoundationZoneRules: ZoneRulesProvider {
    public init() {}

    public func window(zone: String, from: Date, to: Date) throws -> ZoneWindow {
        guard let timeZone = TimeZone(identifier: zone) else {
            throw LimberError.InvalidInput(
                field: "zone",
                range: "an IANA time zone id such as Europe/London",
                reason: "invalid zone: must be an IANA time zone id such as Europe/London"
            )
        }
        func offset(_ at: Date) -> Int32 { Int32(timeZone.secondsFromGMT(for: at)) }
        var transitions: [Transition] = []
        var at = from
        var current = offset(from)
        while at < to {
            let next = min(at.addingTimeInterval(86_400), to)
            if offset(next) == current {
                at = next
                continue
            }
            // The first second with another offset, in (at, next].
            var low = at.timeIntervalSince1970.rounded(.down)
            var high = next.timeIntervalSince1970.rounded(.up)
            while high - low > 1 {
                let mid = ((low + high) / 2).rounded(.down)
                if offset(Date(timeIntervalSince1970: mid)) == current { low = mid } else { high = mid }
            }
            let change = Date(timeIntervalSince1970: high)
            current = offset(change)
            transitions.append(Transition(at: change, offsetSeconds: current))
            at = change
        }
        return ZoneWindow(zone: zone, from: from, to: to, offsetSeconds: offset(from), transitions: transitions)
    }
}

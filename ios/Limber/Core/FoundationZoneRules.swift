import Foundation
import LimberCore

/// The phone's own time-zone rules for Limber (issue 17): Foundation's `TimeZone`, which iOS
/// updates with the system, so a country that changes its clocks is right in Limber as soon as
/// it is right on the phone.
///
/// The core asks once per re-plan for a window: the offset in force at `from` and every change
/// up to `to`, oldest first. `TimeZone` lists daylight-saving changes but not a change of a
/// zone's standard offset, so the window is scanned hour by hour and each change pinned to the
/// second (zones never change twice within an hour). A zone the phone does not know is
/// `LimberError.InvalidInput`.
final class FoundationZoneRules: ZoneRulesProvider {
    func window(zone: String, from: Date, to: Date) throws -> ZoneWindow {
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
            let next = min(at.addingTimeInterval(3600), to)
            let after = offset(next)
            if after != current {
                // The first second with the new offset, in (at, next].
                var low = at.timeIntervalSince1970.rounded(.down)
                var high = next.timeIntervalSince1970.rounded(.up)
                while high - low > 1 {
                    let mid = ((low + high) / 2).rounded(.down)
                    if offset(Date(timeIntervalSince1970: mid)) == current { low = mid } else { high = mid }
                }
                transitions.append(Transition(at: Date(timeIntervalSince1970: high), offsetSeconds: after))
                current = after
            }
            at = next
        }
        return ZoneWindow(zone: zone, from: from, to: to, offsetSeconds: offset(from), transitions: transitions)
    }
}

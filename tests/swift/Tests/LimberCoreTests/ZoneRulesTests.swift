import Foundation
import LimberCore
import XCTest

// FoundationZoneRules.swift is copied beside the bindings from ios/LimberCore by tests/swift/prepare.sh.

private let from = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z
private let to = Date(timeIntervalSince1970: 1_830_297_600) // 2028-01-01T00:00:00Z
private let times = ["00:00", "00:30", "01:30", "02:30", "07:30", "23:30"]

/// Every zone Foundation knows, over two years: the reminders Limber computes from the phone's
/// rules against those from the rules compiled into the library. Differences can only be tz
/// data (both go through the same core rules); they are printed, and a wholesale mismatch fails.
final class ZoneRulesTests: XCTestCase {
    let provider = FoundationZoneRules()

    func testEveryZoneOverTwoYearsGivesTheSameRemindersAsTheRulesCompiledIn() throws {
        var same = 0
        var differing: [String] = []
        for zone in TimeZone.knownTimeZoneIdentifiers.sorted() {
            guard let compiledIn = try? builtinZoneWindow(zone: zone, from: from, to: to) else { continue }
            let phone = try checkedZoneWindow(provider: provider, zone: zone, from: from, to: to)
            let fromPhone = try wallClockInstants(window: phone, times: times, firstDay: "2026-01-01", days: 730)
            let fromLibrary = try wallClockInstants(window: compiledIn, times: times, firstDay: "2026-01-01", days: 730)
            if fromPhone == fromLibrary {
                same += 1
            } else {
                XCTAssertNotEqual(phone, compiledIn, "\(zone): same rules, different reminders")
                differing.append(zone)
            }
        }
        print("tzdata: Foundation \(TimeZone.timeZoneDataVersion), compiled in \(builtinTzdbVersion())")
        print("zones that agree: \(same); that differ (\(differing.count)): \(differing)")
        XCTAssertGreaterThanOrEqual(same, 400)
        XCTAssertLessThan(differing.count * 20, same)
    }

    func testNamedZonesAgreeExactly() throws {
        for zone in ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "America/Havana"] {
            XCTAssertEqual(
                try checkedZoneWindow(provider: provider, zone: zone, from: from, to: to),
                try builtinZoneWindow(zone: zone, from: from, to: to),
                zone
            )
        }
    }

    func testAZoneThePhoneDoesNotKnowIsATypedError() {
        XCTAssertThrowsError(try checkedZoneWindow(provider: provider, zone: "Mars/Olympus", from: from, to: to)) { error in
            guard case let LimberError.InvalidInput(field, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "zone")
        }
    }
}

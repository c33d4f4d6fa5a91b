import Foundation
import LimberKit
import XCTest

final class TriggerDateTests: XCTestCase {
    func testComponentsAreTheWallClockInWhateverZoneTheDeviceIsIn() throws {
        let components = try XCTUnwrap(TriggerDate.components(localDate: "2026-10-26", hour: 7, minute: 30))
        XCTAssertNil(components.timeZone, "floating: read in the device's zone when it fires")
        XCTAssertEqual([components.year, components.month, components.day, components.hour, components.minute], [2026, 10, 26, 7, 30])
        let london = try XCTUnwrap(TriggerDate.date(of: components, in: TimeZone(identifier: "Europe/London")!))
        XCTAssertEqual(london, ISO8601DateFormatter().date(from: "2026-10-26T07:30:00Z"))
        let newYork = try XCTUnwrap(TriggerDate.date(of: components, in: TimeZone(identifier: "America/New_York")!))
        XCTAssertEqual(newYork, ISO8601DateFormatter().date(from: "2026-10-26T11:30:00Z"))
    }

    func testMalformedInputGivesNoTrigger() {
        XCTAssertNil(TriggerDate.components(localDate: "2026-10", hour: 7, minute: 30))
        XCTAssertNil(TriggerDate.components(localDate: "2026-10-26", hour: 24, minute: 0))
    }
}

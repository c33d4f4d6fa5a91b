import Foundation
import LimberKit
import XCTest

final class TriggerDateTests: XCTestCase {
    func testComponentsNameTheSameInstantInAnyDeviceZone() {
        // 07:30 in London on the day after the clocks go back, as the core would compute it.
        let instant = ISO8601DateFormatter().date(from: "2026-10-26T07:30:00Z")!
        let components = TriggerDate.components(for: instant)
        XCTAssertEqual(components.timeZone?.secondsFromGMT(for: instant), 0)
        XCTAssertEqual([components.year, components.month, components.day, components.hour, components.minute], [2026, 10, 26, 7, 30])
        for zone in ["Pacific/Auckland", "America/New_York", "Asia/Kolkata"] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            XCTAssertEqual(calendar.date(from: components), instant, zone)
        }
    }

    func testFractionsOfASecondAreDropped() {
        let instant = Date(timeIntervalSince1970: 1_795_000_000.7)
        XCTAssertEqual(TriggerDate.components(for: instant).calendar?.date(from: TriggerDate.components(for: instant)),
                       Date(timeIntervalSince1970: 1_795_000_000))
    }
}

import Foundation
import LimberKit
import XCTest

private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

final class LocalDayTests: XCTestCase {
    func testTheDayIsTheLocalOne() {
        let lateInLondon = instant("2026-11-20T23:30:00Z")
        XCTAssertEqual(LocalDay.string(for: lateInLondon, in: TimeZone(identifier: "Europe/London")!), "2026-11-20")
        XCTAssertEqual(LocalDay.string(for: lateInLondon, in: TimeZone(identifier: "Europe/Berlin")!), "2026-11-21")
        XCTAssertEqual(LocalDay.string(for: lateInLondon, in: TimeZone(identifier: "America/Los_Angeles")!), "2026-11-20")
    }

    func testChartRangesEndTodayAndCountTodayIn() {
        let zone = TimeZone(identifier: "Europe/London")!
        let now = instant("2026-11-20T08:00:00Z")
        XCTAssertEqual(ChartRange.fourWeeks.days(now: now, timeZone: zone), ChartRange.Days(from: "2026-10-24", to: "2026-11-20"))
        XCTAssertEqual(ChartRange.all.days(now: now, timeZone: zone), ChartRange.Days(from: nil, to: nil))
    }

    func testCountingBackAcrossAClockChangeStillCountsDays() {
        // London went from BST to GMT on 2026-10-25; 28 local days are still 28 days.
        let zone = TimeZone(identifier: "Europe/London")!
        let days = ChartRange.fourWeeks.days(now: instant("2026-11-05T00:30:00Z"), timeZone: zone)
        XCTAssertEqual(days.from, "2026-10-09")
        XCTAssertEqual(days.to, "2026-11-05")
    }
}

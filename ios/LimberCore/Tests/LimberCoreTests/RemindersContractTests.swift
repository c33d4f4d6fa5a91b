import Foundation
import LimberCore
import XCTest

/// What the app's notification planning relies on from the core.
final class RemindersContractTests: XCTestCase {
    private let now = date("2026-11-16T12:00:00Z")

    func testThePlanComesInFiringOrderWithStableIdsWithinTheAppsLimit() throws {
        let limber = try readyForReminders(zone: "Europe/London")
        let first = try limber.upcomingReminders(now: now, limit: 60)
        let second = try limber.upcomingReminders(now: now, limit: 60)
        XCTAssertEqual(first.count, 60)
        XCTAssertEqual(first.map(\.id), second.map(\.id))
        XCTAssertEqual(Set(first.map(\.id)).count, first.count, "ids are request identifiers: unique")
        XCTAssertEqual(first.map(\.fireAt), first.map(\.fireAt).sorted())
        XCTAssertTrue(first.allSatisfy { $0.fireAt > now })
        XCTAssertFalse(first.contains { $0.title.isEmpty || $0.body.isEmpty }, "the core writes the notification text")
    }

    func testNoMoreThanTheSystemCapCanBeAskedFor() throws {
        let limber = try readyForReminders(zone: "Europe/London")
        XCTAssertEqual(try limber.upcomingReminders(now: now, limit: 64).count, 64)
        XCTAssertThrowsError(try limber.upcomingReminders(now: now, limit: 65)) { error in
            guard case LimberError.InvalidInput = error else { return XCTFail("expected InvalidInput, got \(error)") }
        }
    }

    func testSessionRemindersNameTheirSession() throws {
        let limber = try readyForReminders(zone: "Europe/London")
        let sessions = try limber.upcomingReminders(now: now, limit: 10).filter { $0.kind == .session }
        XCTAssertFalse(sessions.isEmpty)
        XCTAssertTrue(sessions.allSatisfy { $0.session == 1 })
    }

    func testANewZoneKeepsTheIdsAndMovesTheInstants() throws {
        let limber = try readyForReminders(zone: "Europe/London")
        let id = "session:2026-11-17:1"
        let london = try XCTUnwrap(limber.upcomingReminders(now: now, limit: 10).first { $0.id == id })
        XCTAssertEqual(london.fireAt, date("2026-11-17T07:30:00Z"))
        try setZone("America/New_York", on: limber)
        let newYork = try XCTUnwrap(limber.upcomingReminders(now: now, limit: 10).first { $0.id == id })
        XCTAssertEqual(newYork.fireAt, date("2026-11-17T12:30:00Z"))
        XCTAssertEqual(newYork.localTime, LocalTime(hour: 7, minute: 30))
    }

    func testASnoozeReplacesItsReminderInTheNextPlan() throws {
        let limber = try readyForReminders(zone: "Europe/London")
        let firedAt = date("2026-11-17T07:31:00Z")
        let snooze = try limber.snooze(id: "session:2026-11-17:1", now: firedAt)
        XCTAssertEqual(snooze.kind, .snoozed)
        XCTAssertEqual(snooze.session, 1)
        XCTAssertGreaterThan(snooze.fireAt, firedAt)
        let plan = try limber.upcomingReminders(now: firedAt, limit: 10)
        XCTAssertTrue(plan.contains { $0.id == snooze.id })
        XCTAssertFalse(plan.contains { $0.id == "session:2026-11-17:1" })
    }

    func testACheckInDropsTheSessionsReminders() throws {
        let limber = try readyForReminders(zone: "Europe/London")
        let day = date("2026-11-17T06:00:00Z")
        XCTAssertEqual(try limber.upcomingReminders(now: day, limit: 5).first?.id, "session:2026-11-17:1")
        let walk = ExerciseCheckIn(exercise: .walk, done: true, painDuring: 0)
        _ = try limber.checkIn(
            input: CheckInInput(session: 1, at: date("2026-11-17T06:05:00Z"), painBefore: nil, painAfter: nil, exercises: [walk]),
            timeZone: "Europe/London"
        )
        let after = try limber.upcomingReminders(now: date("2026-11-17T06:06:00Z"), limit: 5)
        XCTAssertFalse(after.contains { $0.id == "session:2026-11-17:1" })
    }
}

import Foundation
import LimberCore
import XCTest

private let newYork = "America/New_York"

private func readyForReminders(_ limber: Limber) throws {
    let answers = #"{"age": 40, "onset": "gradual", "known": {}, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "nerve_check": false}"#
    _ = try limber.submitAssessmentJson(answersJson: answers, takenAt: date("2026-03-01T12:00:00Z"), utcOffsetMinutes: -300)
    var settings = try limber.reminderSettings()
    settings.slots = [LocalTime(hour: 7, minute: 30)]
    settings.days = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]
    settings.timeZone = newYork
    _ = try limber.setReminderSettings(settings: settings)
}

final class RemindersTests: XCTestCase {
    func testReArmingTwiceGivesTheSameIds() throws {
        let limber = try Limber.open(path: freshDbPath())
        try readyForReminders(limber)
        let now = date("2026-03-05T12:00:00Z")
        let first = try limber.upcomingReminders(now: now, limit: 60)
        let second = try limber.upcomingReminders(now: now, limit: 60)
        XCTAssertEqual(first.map(\.id), second.map(\.id))
        XCTAssertEqual(first.count, 60)
    }

    func testACheckedInSessionDropsOut() throws {
        let limber = try Limber.open(path: freshDbPath())
        try readyForReminders(limber)
        let walk = ExerciseCheckIn(exercise: .walk, done: true, painDuring: 0)
        _ = try limber.checkIn(
            input: CheckInInput(session: 1, at: date("2026-03-05T11:05:00Z"), painBefore: nil, painAfter: nil, exercises: [walk]),
            timeZone: newYork
        )
        let after = try limber.upcomingReminders(now: date("2026-03-05T11:06:00Z"), limit: 5)
        XCTAssertFalse(after.contains { $0.id == "session:2026-03-05:1" })
    }

    func testADstDayInNewYorkKeepsSevenThirtyLocal() throws {
        let limber = try Limber.open(path: freshDbPath())
        try readyForReminders(limber)
        let sessions = try limber.upcomingReminders(now: date("2026-03-06T00:00:00Z"), limit: 10).filter { $0.kind == .session }
        let dstDay = sessions.first { $0.localDate == "2026-03-08" }
        XCTAssertEqual(dstDay?.localTime, LocalTime(hour: 7, minute: 30))
        XCTAssertEqual(dstDay?.fireAt, date("2026-03-08T11:30:00Z"))
    }
}

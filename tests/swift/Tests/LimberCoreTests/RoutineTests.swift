import Foundation
import LimberCore
import XCTest

private let zone = "Europe/London"

/// Monday 2026-11-16 plus `day` days, at `time` UTC (London is on UTC in November).
private func on(_ day: Int, _ time: String) -> Date {
    date(String(format: "2026-11-%02dT%@:00Z", 16 + day, time))
}

private func done(_ exercise: ExerciseId, _ pain: Int32) -> ExerciseCheckIn {
    ExerciseCheckIn(exercise: exercise, done: true, painDuring: pain)
}

private let tightAnswers = #"""
{"age": 38, "duration_days": 60, "onset": "gradual", "pain_now": 4, "leg_symptoms": {}, "cauda_equina": {},
 "general": {}, "known": {},
 "slr": {"left_deg": 64, "right_deg": 84, "measured_by": "helper", "felt_at": "back_of_thigh"},
 "nerve_check": false, "slump": false, "crossed_slr": false}
"""#

final class RoutineTests: XCTestCase {
    func testTodayIsBuiltFromTheLatestAssessment() throws {
        let limber = try Limber.open(path: freshDbPath())
        XCTAssertEqual(try limber.today(now: on(0, "07:00"), timeZone: zone).plan.status, .needsAssessment)
        _ = try limber.submitAssessmentJson(answersJson: tightAnswers, takenAt: on(-1, "18:00"), utcOffsetMinutes: 0)
        let today = try limber.today(now: on(0, "07:00"), timeZone: zone)
        XCTAssertEqual(today.date, "2026-11-16")
        XCTAssertEqual(today.plan.status, .ready)
        XCTAssertTrue(today.plan.sessions[0].exercises.contains { $0.exercise == .bandHamstringStretch })
        XCTAssertEqual(today.nextSessionAt, on(0, "08:00"))
    }

    func testASimulatedWeekProgressesOneExerciseAndRegressesAnother() throws {
        let limber = try Limber.open(path: freshDbPath())
        _ = try limber.submitAssessmentJson(answersJson: tightAnswers, takenAt: on(-1, "18:00"), utcOffsetMinutes: 0)
        for day in 0...2 {
            let input = CheckInInput(
                session: 1, at: on(day, "08:30"), painBefore: 2, painAfter: 2,
                exercises: [done(.bandHamstringStretch, 1), done(.kneesToChest, 4)]
            )
            _ = try limber.checkIn(input: input, timeZone: zone)
            let morning = try limber.morningCheck(pain: 3, at: on(day + 1, "07:00"), timeZone: zone)
            if day == 2 {
                XCTAssertEqual(morning.changes.map(\.decision), [.progress])
                XCTAssertEqual(morning.changes.first?.toDose.holdSeconds, 40)
            }
        }
        let red = try limber.checkIn(
            input: CheckInInput(session: 1, at: on(3, "08:30"), painBefore: 3, painAfter: 4, exercises: [done(.kneesToChest, 7)]),
            timeZone: zone
        )
        XCTAssertEqual(red.changes.map(\.decision), [.regress])
        XCTAssertEqual(red.changes.first?.toDose.holdSeconds, 20)
    }

    func testBadInputIsTyped() throws {
        let limber = try Limber.open(path: freshDbPath())
        _ = try limber.submitAssessmentJson(answersJson: tightAnswers, takenAt: on(-1, "18:00"), utcOffsetMinutes: 0)
        let input = CheckInInput(session: 1, at: on(0, "08:30"), painBefore: nil, painAfter: nil, exercises: [done(.walk, 11)])
        XCTAssertThrowsError(try limber.checkIn(input: input, timeZone: zone)) { error in
            guard case let LimberError.InvalidInput(field, _, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "exercises[0].pain_during")
        }
    }
}

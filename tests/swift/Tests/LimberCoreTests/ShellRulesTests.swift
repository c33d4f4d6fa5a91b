import Foundation
import LimberCore
import XCTest

private let london = "Europe/London"
private let now = date("2026-11-16T07:00:00Z")

private let assessed = #"""
{"age": 38, "duration_days": 60, "onset": "gradual", "pain_now": 4, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "known": {},
 "slr": {"left_deg": 64, "right_deg": 84, "measured_by": "helper", "felt_at": "back_of_thigh"},
 "nerve_check": false, "slump": false, "crossed_slr": false}
"""#

/// The rules the phones used to copy, through the real bindings (mirrors tests/kotlin/ShellRulesTest.kt).
final class ShellRulesTests: XCTestCase {
    func testTheHoldSequenceTimesSetsTimesRepetitionsTimesSides() throws {
        let stretch = try XCTUnwrap(try holdSequence(dose: Dose(holdSeconds: 30, reps: 2, sets: 1, perSide: true, minutes: nil)))
        XCTAssertEqual(stretch.holds.map(\.side), [.left, .left, .right, .right])
        XCTAssertEqual(stretch.holds.map(\.restAfterSeconds), [30, 0, 30, 0])
        let bridgeHold = try XCTUnwrap(try holdSequence(dose: Dose(holdSeconds: 5, reps: 10, sets: 2, perSide: false, minutes: nil)))
        XCTAssertEqual(bridgeHold.holds.count, 20)
        XCTAssertEqual(try setsDone(sequence: bridgeHold, completed: 10), 1)
        XCTAssertNil(try holdSequence(dose: Dose(holdSeconds: nil, reps: 10, sets: 3, perSide: false, minutes: nil)))
        XCTAssertThrowsError(try holdSequence(dose: Dose(holdSeconds: 30, reps: 2, sets: 1000, perSide: true, minutes: nil)))
        for exercise in exerciseCatalog() {
            guard let sequence = try holdSequence(dose: exercise.dose) else { continue }
            let sides: Int32 = exercise.dose.perSide ? 2 : 1
            XCTAssertEqual(Int32(sequence.holds.count), exercise.dose.sets * (exercise.dose.reps ?? 1) * sides)
            XCTAssertFalse(doseSummary(dose: exercise.dose).isEmpty)
        }
    }

    func testAFiredReminderIsStillDueOnlyWhileTheCorePlansIt() throws {
        let limber = try Limber.open(path: freshDbPath())
        _ = try limber.submitAssessmentJson(answersJson: assessed, takenAt: date("2026-11-15T18:00:00Z"), utcOffsetMinutes: 0)
        _ = try limber.setReminderSettings(settings: ReminderSettings(
            enabled: true, slots: [LocalTime(hour: 8, minute: 0)], days: [.mon, .tue, .wed, .thu, .fri, .sat, .sun],
            timeZone: london, snoozeMinutes: 10, morningCheck: nil, retestReminders: false
        ))
        let fired = date("2026-11-16T08:00:00Z")
        XCTAssertEqual(try limber.firedReminder(id: "session:2026-11-16:1", firedAt: fired, now: fired)?.id, "session:2026-11-16:1")
        XCTAssertNil(try limber.firedReminder(id: "session:2026-11-16:1", firedAt: fired, now: date("2026-11-17T00:00:00Z")))
        XCTAssertNil(try limber.firedReminder(id: "session:2026-11-16:2", firedAt: fired, now: fired))
    }

    func testTheZoneHandOverFollowsTheDeviceIgnoresAliasesAndNeverAbortsTheReplan() throws {
        let limber = try Limber.open(path: freshDbPath())
        XCTAssertEqual(try limber.followDeviceZone(deviceZone: "Asia/Kolkata", now: now), .switched)
        XCTAssertEqual(try limber.followDeviceZone(deviceZone: "Asia/Calcutta", now: now), .unchanged)
        XCTAssertEqual(try limber.followDeviceZone(deviceZone: "Not/AZone", now: now), .rejected)
        XCTAssertEqual(try limber.reminderSettings().timeZone, "Asia/Kolkata")
    }

    func testBlockingAndWarningFlagsComeFromTheCore() throws {
        XCTAssertEqual(tierLevel(tier: .emergency), .blocking)
        XCTAssertEqual(tierLevel(tier: .urgent), .blocking)
        XCTAssertEqual(tierLevel(tier: .soon), .warn)
        XCTAssertEqual(tierLevel(tier: .noFlags), .calm)
        XCTAssertTrue(cardDisplay(card: .stopAndRetriage).offersReassessment)
        XCTAssertEqual(cardDisplay(card: .seePhysio).level, .calm)
        let age = Response(questionId: "age", value: .number(value: 42))
        XCTAssertFalse(stopsEarly(responses: [age]))
        let bladder = Response(questionId: "cauda_equina", value: .choices(ids: ["bladder"]))
        XCTAssertTrue(stopsEarly(responses: [age, bladder]))
        let display = resultDisplay(result: try evaluateResponses(responses: [age, bladder]))
        XCTAssertEqual(display.level, .blocking)
        XCTAssertFalse(display.dismissable)
        XCTAssertFalse(display.offersRoutine)
    }

    func testRequestKeysAndLimits() {
        XCTAssertEqual(requestKey(id: "session:2026-11-20:1"), requestKey(id: "session:2026-11-20:1"))
        XCTAssertGreaterThanOrEqual(requestKey(id: "session:2026-11-20:1"), 0)
        XCTAssertLessThan(requestKey(id: "junk"), 0)
        XCTAssertEqual(reminderLimit(platform: .android), 64)
        XCTAssertEqual(reminderLimit(platform: .ios), 60)
    }
}

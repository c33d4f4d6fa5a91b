import Foundation
import LimberKit
import XCTest

final class NotificationRoutingTests: XCTestCase {
    private let defaultTap = "com.apple.UNNotificationDefaultActionIdentifier"

    func testEachButtonDoesWhatItSays() {
        let rows: [(action: String, target: ReminderTarget?, outcome: NotificationOutcome)] = [
            (ReminderAction.done.rawValue, .checkIn(session: 2), .open(.checkIn(session: 2))),
            (ReminderAction.done.rawValue, .morningCheck, .open(.morningCheck)),
            (ReminderAction.done.rawValue, .retest, .open(.assessment)),
            (ReminderAction.done.rawValue, .today, .open(.today)),
            (ReminderAction.done.rawValue, nil, .open(.today)),
            (defaultTap, .checkIn(session: 1), .open(.checkIn(session: 1))),
            (ReminderAction.logPain.rawValue, .checkIn(session: 1), .open(.logPain)),
            (ReminderAction.snooze.rawValue, .checkIn(session: 1), .snooze(reminderID: "session:2026-11-20:1")),
        ]
        for row in rows {
            let outcome = NotificationRouting.outcome(actionIdentifier: row.action, reminderID: "session:2026-11-20:1", target: row.target)
            XCTAssertEqual(outcome, row.outcome, "\(row.action) on \(String(describing: row.target))")
        }
    }

    func testTheTargetSurvivesTheNotificationPayload() {
        for target in [ReminderTarget.checkIn(session: 2), .morningCheck, .retest, .today] {
            let payload: [AnyHashable: Any] = target.userInfo.reduce(into: [:]) { $0[$1.key] = $1.value }
            XCTAssertEqual(ReminderTarget(userInfo: payload), target)
        }
    }

    func testAReminderArmedBeforeTheRenameStillOpensItsCheckIn() {
        XCTAssertEqual(ReminderTarget(userInfo: ["target": "check_in", "slot": "2"]), .checkIn(session: 2))
    }

    func testAPayloadFromElsewhereHasNoTarget() {
        XCTAssertNil(ReminderTarget(userInfo: [:]))
        XCTAssertNil(ReminderTarget(userInfo: ["target": "check_in"]))
        XCTAssertNil(ReminderTarget(userInfo: ["target": "check_in", "session": "one"]))
    }

    func testActionIdentifiersAreDistinct() {
        XCTAssertEqual(Set(ReminderAction.allCases.map(\.rawValue)).count, ReminderAction.allCases.count)
    }
}

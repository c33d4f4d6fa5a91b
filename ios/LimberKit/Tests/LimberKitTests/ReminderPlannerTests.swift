import Foundation
import LimberKit
import XCTest

private let now = Date(timeIntervalSince1970: 1_795_000_000)

private func planned(_ id: String, in minutes: Double, title: String = "Time for your routine") -> PlannedNotification {
    PlannedNotification(id: id, fireAt: now.addingTimeInterval(minutes * 60), title: title, body: "10 minutes", target: .checkIn(session: 1))
}

private func pending(_ reminder: PlannedNotification) -> PendingNotification {
    PendingNotification(id: reminder.id, fireAt: reminder.fireAt, title: reminder.title, body: reminder.body)
}

/// A plan of `count` reminders an hour apart, ids in firing order.
private func plan(_ count: Int) -> [PlannedNotification] {
    (0..<count).map { planned(String(format: "session:%03d", $0), in: Double($0 + 1) * 60) }
}

final class ReminderPlannerTests: XCTestCase {
    func testNoLimitGoesPastTheSystemCap() {
        XCTAssertEqual(ReminderPlanner.systemLimit, 64)
        XCTAssertEqual(ReminderPlanner.changes(plan: plan(70), pending: [], now: now, limit: 100).add.count, 64)
    }

    func testAFirstPlanAddsEveryReminderInFiringOrder() {
        let reminders = plan(3)
        let changes = ReminderPlanner.changes(plan: reminders.reversed(), pending: [], now: now, limit: 60)
        XCTAssertEqual(changes.remove, [])
        XCTAssertEqual(changes.add.map(\.id), reminders.map(\.id))
    }

    func testPlanningAgainChangesNothing() {
        let reminders = plan(5)
        let changes = ReminderPlanner.changes(plan: reminders, pending: reminders.map(pending), now: now, limit: 60)
        XCTAssertTrue(changes.isEmpty)
    }

    func testRemindersNoLongerPlannedAreRemoved() {
        // A checked-in session drops out of the core's plan; its pending request must go.
        let reminders = plan(3)
        let changes = ReminderPlanner.changes(plan: [reminders[0], reminders[2]], pending: reminders.map(pending), now: now, limit: 60)
        XCTAssertEqual(changes.remove, [reminders[1].id])
        XCTAssertEqual(changes.add, [])
    }

    func testAMovedOrRewordedReminderIsReplacedUnderItsOwnId() {
        let before = planned("session:2026-11-20:1", in: 60)
        let moved = planned("session:2026-11-20:1", in: 120)
        let reworded = planned("morning:2026-11-21", in: 600, title: "How is your back this morning?")
        let pendingNow = [pending(before), PendingNotification(id: reworded.id, fireAt: reworded.fireAt, title: "Old", body: reworded.body)]
        let changes = ReminderPlanner.changes(plan: [moved, reworded], pending: pendingNow, now: now, limit: 60)
        XCTAssertEqual(changes.remove, [], "replacing is adding under the same id, not removing")
        XCTAssertEqual(changes.add.map(\.id), [moved.id, reworded.id])
    }

    func testSubSecondDifferencesDoNotReArm() {
        // Calendar triggers hold whole seconds; a snooze instant from the core has nanoseconds.
        let snooze = PlannedNotification(id: "snooze:x", fireAt: now.addingTimeInterval(600.4), title: "t", body: "b", target: .today)
        let armed = PendingNotification(id: "snooze:x", fireAt: now.addingTimeInterval(600), title: "t", body: "b")
        XCTAssertTrue(ReminderPlanner.changes(plan: [snooze], pending: [armed], now: now, limit: 60).isEmpty)
    }

    func testAPendingRequestWithAnUnknownTriggerIsArmedAgain() {
        let reminder = planned("retest:2026-12-04", in: 60)
        let odd = PendingNotification(id: reminder.id, fireAt: nil, title: reminder.title, body: reminder.body)
        XCTAssertEqual(ReminderPlanner.changes(plan: [reminder], pending: [odd], now: now, limit: 60).add, [reminder])
    }

    func testAtMostThePlanLimitIsKeptTheSoonestFirst() {
        let reminders = plan(70)
        let changes = ReminderPlanner.changes(plan: reminders.shuffled(), pending: [], now: now, limit: 60)
        XCTAssertEqual(changes.add.count, 60)
        XCTAssertEqual(changes.add.map(\.id), reminders.prefix(60).map(\.id))
    }

    func testTheFurthestPendingRequestsGoWhenThePlanIsCapped() {
        let reminders = plan(64)
        let changes = ReminderPlanner.changes(plan: reminders, pending: reminders.map(pending), now: now, limit: 60)
        XCTAssertEqual(changes.remove, reminders.suffix(4).map(\.id))
        XCTAssertEqual(changes.add, [])
    }

    func testPastRemindersAndRepeatedIdsAreDropped() {
        let past = planned("session:past", in: -5)
        let first = planned("session:a", in: 5)
        let repeated = planned("session:a", in: 50)
        let changes = ReminderPlanner.changes(plan: [past, repeated, first], pending: [], now: now, limit: 60)
        XCTAssertEqual(changes.add, [first])
    }

    func testRequestsTheAppDidNotPlanAreRemoved() {
        let stray = PendingNotification(id: "from-an-old-version", fireAt: now.addingTimeInterval(60), title: "", body: "")
        XCTAssertEqual(ReminderPlanner.changes(plan: [], pending: [stray], now: now, limit: 60).remove, [stray.id])
    }

    func testASnoozeIsAddedWithoutTouchingTheRest() {
        let snooze = planned("snooze:session:2026-11-20:1", in: 15)
        let changes = ReminderPlanner.changes(arming: snooze, pending: plan(10).map(pending))
        XCTAssertEqual(changes, ReminderPlanner.Changes(remove: [], add: [snooze]))
    }

    func testASnoozeIntoAFullQueuePushesOutTheFurthestRequest() {
        let full = plan(64).map(pending)
        let snooze = planned("snooze:session:000", in: 15)
        let changes = ReminderPlanner.changes(arming: snooze, pending: full)
        XCTAssertEqual(changes.remove, [full.last!.id])
        XCTAssertEqual(changes.add, [snooze])
    }

    func testSnoozingASnoozeReplacesItInPlace() {
        let full = plan(63).map(pending) + [pending(planned("snooze:x", in: 10))]
        let again = planned("snooze:x", in: 25)
        XCTAssertEqual(ReminderPlanner.changes(arming: again, pending: full).remove, [])
    }
}

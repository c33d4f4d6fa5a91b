import Foundation
import LimberKit
import XCTest

private let t0 = Date(timeIntervalSince1970: 1_795_000_000)

private func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

/// The core's standard stretch, 2 × 30 s each side, as `holdSequence(dose:)` gives it.
private func stretch() -> HoldTimer {
    HoldTimer(steps: [
        .init(set: 1, repetition: 1, side: .left, holdSeconds: 30, restAfterSeconds: 30),
        .init(set: 1, repetition: 2, side: .left, holdSeconds: 30, restAfterSeconds: 0),
        .init(set: 1, repetition: 1, side: .right, holdSeconds: 30, restAfterSeconds: 30),
        .init(set: 1, repetition: 2, side: .right, holdSeconds: 30, restAfterSeconds: 0),
    ], sets: 1, repetitions: 2)!
}

final class HoldTimerTests: XCTestCase {
    func testNothingToTimeHasNoTimer() {
        XCTAssertNil(HoldTimer(steps: [], sets: 1, repetitions: 1))
        XCTAssertNil(HoldTimer(steps: [.init(set: 1, repetition: 1, side: nil, holdSeconds: 0, restAfterSeconds: 0)], sets: 1, repetitions: 1))
    }

    func testARunHoldsRestsAndHoldsAgainThenStopsForTheOtherSide() {
        var timer = stretch()
        timer.start(at: at(0))
        XCTAssertEqual(timer.phase(at: at(29)), .holding)
        XCTAssertEqual(timer.remaining(at: at(29)), 1)
        XCTAssertEqual(timer.phase(at: at(30)), .resting)
        XCTAssertEqual(timer.phase(at: at(60)), .holding)
        XCTAssertEqual(timer.currentStep(at: at(60)).repetition, 2)
        XCTAssertEqual(timer.phase(at: at(90)), .ready)
        XCTAssertEqual(timer.currentStep(at: at(90)).side, .right)
        timer.start(at: at(200))
        XCTAssertEqual(timer.phase(at: at(290)), .finished)
        XCTAssertEqual(timer.holdsDone(at: at(290)), 4)
        timer.reset()
        XCTAssertEqual(timer.phase(at: at(300)), .ready)
    }

    func testPausingKeepsTheTimeRun() {
        var timer = stretch()
        timer.start(at: at(0))
        timer.pause(at: at(10))
        XCTAssertEqual(timer.phase(at: at(50)), .paused)
        XCTAssertEqual(timer.remaining(at: at(50)), 20)
        timer.start(at: at(60))
        XCTAssertEqual(timer.phase(at: at(80)), .resting)
    }

    func testTimeCountsFromTheStartNotFromTicks() {
        var timer = stretch()
        timer.start(at: at(0))
        // The screen slept: no ticks arrived, the time still passed.
        XCTAssertEqual(timer.holdsDone(at: at(95)), 2)
        // A clock set back gives no time back.
        XCTAssertEqual(timer.remaining(at: at(-100)), 30)
    }
}

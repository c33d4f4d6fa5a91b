import Foundation
import LimberKit
import XCTest

private let t0 = Date(timeIntervalSince1970: 1_795_000_000)

private func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

final class HoldTimerTests: XCTestCase {
    func testADoseWithoutAHoldHasNoTimer() {
        XCTAssertNil(HoldTimer(holdSeconds: nil, sets: 3, perSide: false))
        XCTAssertNil(HoldTimer(holdSeconds: 0, sets: 3, perSide: false))
        XCTAssertNil(HoldTimer(holdSeconds: 30, sets: 0, perSide: false))
    }

    func testTimeCountsFromTheStartNotFromTicks() throws {
        var timer = try XCTUnwrap(HoldTimer(holdSeconds: 30, sets: 1, perSide: false))
        XCTAssertEqual(timer.remaining(at: at(0)), 30)
        timer.start(at: at(0))
        // The screen slept for 20 s: no ticks arrived, the time still passed.
        XCTAssertEqual(timer.remaining(at: at(20)), 10)
        XCTAssertFalse(timer.isHoldDone(at: at(29.9)))
        XCTAssertTrue(timer.isHoldDone(at: at(30)))
        XCTAssertEqual(timer.remaining(at: at(500)), 0)
    }

    func testPausingKeepsTheTimeHeld() throws {
        var timer = try XCTUnwrap(HoldTimer(holdSeconds: 30, sets: 1, perSide: false))
        timer.start(at: at(0))
        timer.pause(at: at(10))
        XCTAssertFalse(timer.isRunning)
        XCTAssertEqual(timer.remaining(at: at(100)), 20)
        timer.start(at: at(100))
        XCTAssertEqual(timer.remaining(at: at(105)), 15)
    }

    func testAClockSetBackGivesNoTimeBack() throws {
        var timer = try XCTUnwrap(HoldTimer(holdSeconds: 30, sets: 1, perSide: false))
        timer.start(at: at(100))
        XCTAssertEqual(timer.remaining(at: at(40)), 30)
    }

    func testPerSideHoldsGoLeftThenRightInEverySet() throws {
        var timer = try XCTUnwrap(HoldTimer(holdSeconds: 20, sets: 2, perSide: true))
        XCTAssertEqual(timer.totalHolds, 4)
        var seen: [String] = []
        while !timer.isComplete {
            seen.append("\(timer.set)\(timer.side == .left ? "L" : "R")")
            timer.next()
        }
        XCTAssertEqual(seen, ["1L", "1R", "2L", "2R"])
    }

    func testAHoldStartsAfreshAndTheLastOneCompletes() throws {
        var timer = try XCTUnwrap(HoldTimer(holdSeconds: 10, sets: 2, perSide: false))
        XCTAssertNil(timer.side)
        timer.start(at: at(0))
        timer.next()
        XCTAssertEqual(timer.set, 2)
        XCTAssertFalse(timer.isRunning)
        XCTAssertEqual(timer.remaining(at: at(50)), 10)
        timer.next()
        XCTAssertTrue(timer.isComplete)
        timer.start(at: at(60))
        XCTAssertFalse(timer.isRunning, "a complete timer does not start again")
        timer.reset()
        XCTAssertEqual(timer.set, 1)
        XCTAssertFalse(timer.isComplete)
    }
}

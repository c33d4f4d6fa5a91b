import Foundation
import LimberCore
import XCTest

/// The committed traces (tests/fixtures/traces), from this file's folder.
private let traces = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fixtures/traces")

private func trace(_ name: String) throws -> [GravitySample] {
    let text = try String(contentsOf: traces.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
        let c = line.split(separator: ",").map(String.init)
        return GravitySample(tMs: Int64(c[0])!, x: Double(c[1])!, y: Double(c[2])!, z: Double(c[3])!)
    }
}

/// Mirrors tests/kotlin/MeasureTest.kt. `LimberCore.Measurement`: Foundation has one too.
final class MeasureTests: XCTestCase {
    func testAStraightLegRaiseIsMeasuredThroughTheStreamingObject() throws {
        let m = LimberCore.Measurement(test: .slr)
        let samples = try trace("slr-left-62.csv")
        var spoken: [String] = []
        var captures = 0
        var start = 0
        while start < samples.count {
            let update = try m.pushSamples(samples: Array(samples[start..<min(start + 10, samples.count)]))
            if update.speak { spoken.append(update.promptText) }
            if update.captured { captures += 1 }
            start += 10
        }
        XCTAssertEqual(m.finish().angleDeg, 62)
        XCTAssertEqual(captures, 1)
        XCTAssertEqual(spoken.last, "Got it: 62 degrees. Lower the leg slowly.")
    }

    func testAnAcceleratingHoldIsFlaggedNotMeasured() throws {
        let r = try measureTrace(test: .slr, samples: try trace("slr-moving.csv"))
        XCTAssertEqual(r.quality, .moving)
        XCTAssertNil(r.angleDeg)
    }

    func testABadBatchIsATypedError() {
        let m = LimberCore.Measurement(test: .thomas)
        XCTAssertThrowsError(try m.pushSamples(samples: [GravitySample(tMs: 1, x: .nan, y: 0, z: 9.81)])) { error in
            guard case LimberError.InvalidInput(let field, _, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "samples[0].x")
        }
        XCTAssertTrue(thomasThighAboveHorizontal(angleDeg: 5))
    }
}

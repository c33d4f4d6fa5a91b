import LimberKit
import XCTest

final class PainSeverityTests: XCTestCase {
    func testEveryLevelMapsToItsBand() {
        let rows: [(level: Int, severity: PainSeverity?)] = [
            (-1, nil), (0, .notPresent), (1, .mild), (3, .mild), (4, .moderate), (6, .moderate),
            (7, .severe), (10, .severe), (11, nil),
        ]
        for row in rows {
            XCTAssertEqual(PainSeverity(level: row.level), row.severity, "level \(row.level)")
        }
    }

    func testTheScaleIsCoveredWithoutGaps() {
        let mapped = (0...10).compactMap { PainSeverity(level: $0) }
        XCTAssertEqual(mapped.count, 11)
        XCTAssertEqual(Set(mapped), Set(PainSeverity.allCases))
    }
}

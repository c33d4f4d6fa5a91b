import Foundation
import LimberCore
import XCTest

final class PainLogTests: XCTestCase {
    func testLoggedEntriesAreFoundAfterReopeningTheFile() throws {
        let path = freshDbPath()
        var ids: [String] = []
        do {
            let limber = try Limber.open(path: path)
            ids.append(try limber.addPain(input: pain(3, at: "2026-11-20T07:30:00Z", note: "stiff on waking")).id)
            ids.append(try limber.addPain(input: pain(6, at: "2026-11-20T12:00:00Z")).id)
            ids.append(try limber.addPain(input: pain(2, at: "2026-11-20T19:45:00Z")).id)
        }

        let reopened = try Limber.open(path: path)
        let page = try reopened.listPain(query: PainQuery())
        XCTAssertEqual(page.entries.map(\.id), ids.reversed())
        XCTAssertEqual(page.entries.map(\.level), [2, 6, 3])
        XCTAssertEqual(page.entries.last?.note, "stiff on waking")
        XCTAssertEqual(page.entries.last?.recordedAt, date("2026-11-20T07:30:00Z"))
        XCTAssertEqual(page.entries.last?.utcOffsetMinutes, 60)
        XCTAssertNil(page.nextCursor)
    }

    func testAnEntryCanBeEditedAndDeleted() throws {
        let limber = try Limber.open(path: freshDbPath())
        let kept = try limber.addPain(input: pain(4))
        let gone = try limber.addPain(input: pain(7, at: "2026-11-20T09:00:00Z"))

        let edited = try limber.updatePain(id: kept.id, input: pain(1, note: "better after walking", sites: []))
        XCTAssertEqual(edited.id, kept.id)
        let fetched = try limber.getPain(id: kept.id)
        XCTAssertEqual(fetched.level, 1)
        XCTAssertEqual(fetched.note, "better after walking")
        XCTAssertTrue(fetched.sites.isEmpty)

        try limber.deletePain(id: gone.id)
        XCTAssertEqual(try limber.listPain(query: PainQuery()).entries.map(\.id), [kept.id])
        XCTAssertThrowsError(try limber.deletePain(id: gone.id)) { error in
            guard case LimberError.NotFound = error else {
                return XCTFail("expected NotFound, got \(error)")
            }
        }
    }

    func testPagesFollowTheCursorWithoutRepeats() throws {
        let limber = try Limber.open(path: freshDbPath())
        for i in 0..<7 {
            _ = try limber.addPain(input: pain(Int32(i), at: "2026-11-2\(i)T08:00:00Z"))
        }
        let first = try limber.listPain(query: PainQuery(limit: 3))
        let second = try limber.listPain(query: PainQuery(limit: 3, cursor: first.nextCursor))
        let third = try limber.listPain(query: PainQuery(limit: 3, cursor: second.nextCursor))
        XCTAssertEqual((first.entries + second.entries + third.entries).map(\.level), [6, 5, 4, 3, 2, 1, 0])
        XCTAssertNil(third.nextCursor)
    }

    func testAnInvalidLevelIsRefusedNamingTheFieldAndWritesNothing() throws {
        let limber = try Limber.open(path: freshDbPath())
        XCTAssertThrowsError(try limber.addPain(input: pain(11))) { error in
            guard case let LimberError.InvalidInput(field, range, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "level")
            XCTAssertEqual(range, "a whole number from 0 to 10")
        }
        XCTAssertThrowsError(try limber.addPain(input: pain(3, sites: [SitePain(site: .foot, side: nil, level: -2)]))) { error in
            guard case let LimberError.InvalidInput(field, _, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "sites[0].level")
        }
        XCTAssertTrue(try limber.listPain(query: PainQuery()).entries.isEmpty)
    }

    func testAFileThatIsNotADatabaseGivesItsTypedErrorAndIsLeftAlone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("limber-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("notes.txt")
        try "not a database at all".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Limber.open(path: file.path)) { error in
            guard case LimberError.NotADatabase = error else {
                return XCTFail("expected NotADatabase, got \(error)")
            }
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "not a database at all")
    }

    func testAnUnknownIdIsAnInvalidInputNotACrash() throws {
        let limber = try Limber.open(path: freshDbPath())
        XCTAssertThrowsError(try limber.getPain(id: "nope")) { error in
            guard case let LimberError.InvalidInput(field, _, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "id")
        }
    }
}

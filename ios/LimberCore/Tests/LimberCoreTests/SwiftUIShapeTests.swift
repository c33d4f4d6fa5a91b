import Foundation
import LimberCore
import XCTest

final class SwiftUIShapeTests: XCTestCase {
    func testLocalTimeRoundTripsThroughATimePicker() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let time = LocalTime(hour: 7, minute: 30)
        let picked = time.date(on: date("2026-03-29T12:00:00Z"), calendar: calendar)
        XCTAssertEqual(picked, date("2026-03-29T06:30:00Z"), "07:30 BST on the day the clocks went forward")
        XCTAssertEqual(LocalTime(picked, calendar: calendar), time)
    }

    func testQuestionnaireIdentitiesAreUniqueSoListsCanUseThem() {
        let questions = questionnaire().sections.flatMap(\.questions)
        XCTAssertEqual(Set(questions.map(\.id)).count, questions.count)
        XCTAssertTrue(questions.allSatisfy { !$0.prompt.isEmpty }, "every prompt comes from the core")
    }

    func testErrorsGiveTheCoresReasonForPeople() throws {
        let limber = try Limber.open(path: freshDbPath())
        XCTAssertThrowsError(try limber.getPain(id: "0190f5c2-0000-7000-8000-000000000000")) { error in
            guard let error = error as? LimberError else { return XCTFail("expected LimberError, got \(error)") }
            XCTAssertFalse(error.reason.isEmpty)
        }
    }
}

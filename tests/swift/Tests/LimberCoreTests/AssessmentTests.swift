import Foundation
import LimberCore
import XCTest

private func none(_ id: String) -> Response { Response(questionId: id, value: .choices(ids: [])) }
private func pick(_ id: String, _ ids: String...) -> Response { Response(questionId: id, value: .choices(ids: ids)) }
private func one(_ id: String, _ choice: String) -> Response { Response(questionId: id, value: .choice(id: choice)) }
private func number(_ id: String, _ value: Int32) -> Response { Response(questionId: id, value: .number(value: value)) }
private func yes(_ id: String, _ value: Bool = true) -> Response { Response(questionId: id, value: .yesNo(value: value)) }

/// A clear safety screen and the basic history, as a shell collects them from the wizard.
private func clearScreen() -> [Response] {
    [
        none("cauda_equina"), none("leg_symptoms"), none("general"),
        number("age", 44), number("duration_days", 90), one("onset", "gradual"), number("pain_now", 3),
        none("known"),
    ]
}

final class AssessmentTests: XCTestCase {
    func testTheQuestionnaireComesAsDataWithTheSafetyScreenFirst() {
        let q = questionnaire()
        XCTAssertEqual(q.sections.map(\.id), ["safety", "history", "tests"])
        let slr = q.sections.flatMap(\.questions).first { $0.id == "slr" }
        guard case let .perLeg(min, max, _)? = slr?.kind else {
            return XCTFail("slr is asked per leg")
        }
        XCTAssertEqual(min, 0)
        XCTAssertEqual(max, 120)
    }

    func testFollowUpQuestionsAppearOnlyWhenTheyApply() {
        XCTAssertFalse(visibleQuestionIds(responses: clearScreen()).contains("leg_symptoms.both_legs"))
        let after = visibleQuestionIds(responses: [pick("leg_symptoms", "numbness"), one("onset", "sudden_thigh_pain")])
        XCTAssertTrue(after.contains("leg_symptoms.both_legs"))
        XCTAssertTrue(after.contains("strain.walks_normally"))
    }

    func testAnEmergencyNeverGetsAPlan() throws {
        var responses = clearScreen()
        responses[0] = pick("cauda_equina", "saddle_numbness")
        let result = try evaluateResponses(responses: responses)
        XCTAssertEqual(result.triage.tier, .emergency)
        XCTAssertFalse(result.planAllowed)
        XCTAssertTrue(result.patterns.isEmpty)
    }

    func testANerveCaseAndATightHamstringsCaseAreSaved() throws {
        let limber = try Limber.open(path: freshDbPath())
        let nerve = clearScreen() + [Response(questionId: "slr", value: .perLeg(left: 60, right: 75)), yes("slump"), yes("nerve_check", false)]
        let saved = try limber.submitAssessment(responses: nerve, takenAt: date("2026-11-01T10:00:00Z"), utcOffsetMinutes: 0)
        XCTAssertEqual(saved.result.gates.map(\.id), [.nerve])
        XCTAssertTrue(saved.result.excludedExercises.contains(.lyingHamstringStretch))

        let tight = clearScreen() + [
            Response(questionId: "slr", value: .perLeg(left: 62, right: 66)), one("slr.felt_at", "back_of_thigh"),
            yes("nerve_check", false), yes("slump", false),
        ]
        let latest = try limber.submitAssessment(responses: tight, takenAt: date("2026-11-02T10:00:00Z"), utcOffsetMinutes: 0)
        XCTAssertEqual(latest.result.patterns.first?.id, .tightHamstrings)
        XCTAssertEqual(try limber.latestAssessment()?.id, latest.id)
    }

    func testInvalidResponsesNameTheQuestion() {
        XCTAssertThrowsError(try evaluateResponses(responses: clearScreen() + [Response(questionId: "slr", value: .perLeg(left: 150, right: 70))])) { error in
            guard case let LimberError.InvalidInput(field, _, _) = error else {
                return XCTFail("expected InvalidInput, got \(error)")
            }
            XCTAssertEqual(field, "slr")
        }
    }

    func testTheJsonContractEvaluatesToo() throws {
        let json = #"{"age": 38, "leg_symptoms": {}, "cauda_equina": {"bladder": true}, "general": {}}"#
        let result = try evaluateAnswersJson(answersJson: json)
        XCTAssertEqual(result.triage.flags.map(\.id), ["cauda_bladder"])
    }
}

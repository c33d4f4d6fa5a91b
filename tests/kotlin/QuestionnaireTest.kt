package app.limber.tests

import app.limber.core.GateId
import app.limber.core.LimberException
import app.limber.core.PatternId
import app.limber.core.QuestionKind
import app.limber.core.Response
import app.limber.core.ResponseValue
import app.limber.core.Tier
import app.limber.core.evaluateResponses
import app.limber.core.questionnaire
import app.limber.core.visibleQuestionIds
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private fun none(id: String) = Response(id, ResponseValue.Choices(emptyList()))
private fun pick(id: String, vararg choices: String) = Response(id, ResponseValue.Choices(choices.toList()))
private fun one(id: String, choice: String) = Response(id, ResponseValue.Choice(choice))
private fun number(id: String, value: Int) = Response(id, ResponseValue.Number(value))
private fun yes(id: String, value: Boolean = true) = Response(id, ResponseValue.YesNo(value))

/** What a shell collects from the wizard: a clear safety screen and the basic history. */
private fun clearScreen(): MutableList<Response> = mutableListOf(
    none("cauda_equina"), none("leg_symptoms"), none("general"),
    number("age", 44), number("duration_days", 90), one("onset", "gradual"), number("pain_now", 3),
)

class QuestionnaireTest {
    @Test
    fun theQuestionnaireComesAsDataWithTheSafetyScreenFirst() {
        val q = questionnaire()
        assertEquals(listOf("safety", "history", "tests"), q.sections.map { it.id })
        val slr = q.sections.flatMap { it.questions }.single { it.id == "slr" }
        val kind = slr.kind as QuestionKind.PerLeg
        assertEquals(0, kind.min)
        assertEquals(120, kind.max)
        assertTrue(slr.help.contains("phone"), "the SLR help explains the phone method")
    }

    @Test
    fun followUpQuestionsAppearOnlyWhenTheyApply() {
        val before = visibleQuestionIds(clearScreen())
        assertFalse("leg_symptoms.both_legs" in before)
        assertFalse("strain.walks_normally" in before)
        val after = visibleQuestionIds(listOf(pick("leg_symptoms", "numbness"), one("onset", "sudden_thigh_pain")))
        assertTrue("leg_symptoms.both_legs" in after)
        assertTrue("strain.walks_normally" in after)
    }

    @Test
    fun anEmergencyFromTheWizardNeverGetsAPlan() {
        val responses = clearScreen().apply { set(0, pick("cauda_equina", "saddle_numbness")) }
        val result = evaluateResponses(responses)
        assertEquals(Tier.EMERGENCY, result.triage.tier)
        assertFalse(result.planAllowed)
    }

    @Test
    fun aNerveCaseAndATightHamstringsCaseAreSaved() {
        val (_, limber) = openFresh()
        limber.use {
            val nerve = clearScreen() + listOf(
                Response("slr", ResponseValue.PerLeg(60, 75)), yes("slump"), yes("nerve_check", false),
            )
            val saved = it.submitAssessment(nerve, Instant.parse("2026-11-01T10:00:00Z"), 0)
            assertEquals(listOf(GateId.NERVE), saved.result.gates.map { g -> g.id })

            val tight = clearScreen() + listOf(
                Response("slr", ResponseValue.PerLeg(62, 66)), one("slr.felt_at", "back_of_thigh"),
                yes("nerve_check", false), yes("slump", false),
            )
            val latest = it.submitAssessment(tight, Instant.parse("2026-11-02T10:00:00Z"), 0)
            assertEquals(PatternId.TIGHT_HAMSTRINGS, latest.result.patterns.first().id)
            assertEquals(latest.id, it.latestAssessment()?.id)
        }
    }

    @Test
    fun invalidResponsesNameTheQuestion() {
        val error = assertFailsWith<LimberException.InvalidInput> {
            evaluateResponses(clearScreen() + Response("slr", ResponseValue.PerLeg(150, 70)))
        }
        assertEquals("slr", error.field)
        val unknown = assertFailsWith<LimberException.InvalidInput> {
            evaluateResponses(clearScreen() + one("onset", "slowly"))
        }
        assertEquals("onset", unknown.field)
    }
}

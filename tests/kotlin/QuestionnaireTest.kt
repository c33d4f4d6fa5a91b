package app.limber.tests

import app.limber.core.Condition
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
    none("known"),
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
    fun skippedSafetyQuestionsAreListedInMissingAndGiveNoPlan() {
        val noKnown = clearScreen().filterNot { it.questionId == "known" }
        val result = evaluateResponses(noKnown)
        assertEquals(listOf("known"), result.missing)
        assertFalse(result.planAllowed)
        assertTrue(result.explanation.any { it.contains("answer the safety questions first") })

        val legTicked = clearScreen().apply { set(1, pick("leg_symptoms", "pins_and_needles")) }
        assertEquals(listOf("leg_symptoms.both_legs", "leg_symptoms.worsening"), evaluateResponses(legTicked).missing)
        val answered = legTicked + listOf(yes("leg_symptoms.both_legs", false), yes("leg_symptoms.worsening", false))
        assertEquals(emptyList(), evaluateResponses(answered).missing)
        assertTrue(evaluateResponses(clearScreen()).planAllowed)
    }

    @Test
    fun theCrossedLegRaiseIsAskedOnlyWithLegSymptomsOnOneSide() {
        val q = questionnaire()
        val crossed = q.sections.flatMap { it.questions }.single { it.id == "crossed_slr" }
        assertEquals(
            listOf(Condition.Chose("pain_side", "left"), Condition.Chose("pain_side", "right")),
            crossed.shownWhen,
        )
        assertFalse("crossed_slr" in visibleQuestionIds(clearScreen()))
        val oneSide = clearScreen() + listOf(pick("pain_sites", "back_of_thigh"), one("pain_side", "left"))
        assertTrue("crossed_slr" in visibleQuestionIds(oneSide))
        val bothSides = clearScreen() + listOf(pick("pain_sites", "back_of_thigh"), one("pain_side", "both"))
        assertFalse("crossed_slr" in visibleQuestionIds(bothSides))
        val positive = evaluateResponses(oneSide + yes("crossed_slr"))
        assertEquals(Tier.SOON, positive.triage.tier)
        assertTrue(positive.planAllowed)
        assertEquals(listOf(GateId.NERVE), positive.gates.map { it.id })
    }

    @Test
    fun aFreshThighStrainHidesTheLegRaiseAndTheBridgeButNotTheKneeTest() {
        val strain = clearScreen().apply { set(5, one("onset", "sudden_thigh_pain")) } +
            listOf(none("strain"), yes("strain.walks_normally"), number("strain.heel_dig_pain", 1))
        val fresh = visibleQuestionIds(strain + number("strain.days_since", 4))
        assertFalse("slr" in fresh)
        assertFalse("bridge" in fresh)
        assertTrue("ake" in fresh)
        val healed = visibleQuestionIds(strain + number("strain.days_since", 15))
        assertTrue("slr" in healed && "bridge" in healed)
        val slr = questionnaire().sections.flatMap { it.questions }.single { it.id == "slr" }
        assertTrue(slr.shownWhen.any { it is Condition.AtLeast && it.min == 15 })
        assertTrue(slr.help.contains("two weeks"))
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

package app.limber.tests

import app.limber.core.ExerciseId
import app.limber.core.GateId
import app.limber.core.LimberException
import app.limber.core.MeasuredTest
import app.limber.core.PatternId
import app.limber.core.Confidence
import app.limber.core.Tier
import app.limber.core.evaluateAnswersJson
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/** Answers in the JSON contract: a clear safety screen plus whatever the case adds. */
fun answersJson(extra: String = "", slrLeft: Int = 85): String = """
    {"age": 38, "duration_days": 60, "onset": "gradual", "pain_now": 4,
     "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "known": {},
     "slr": {"left_deg": $slrLeft, "right_deg": 84, "measured_by": "helper", "felt_at": "back_of_thigh"},
     "nerve_check": false, "slump": false, "crossed_slr": false
     $extra}
""".trimIndent()

class AssessmentTest {
    @Test
    fun anEmergencyNeverGetsAPlan() {
        val json = answersJson().replace(""""cauda_equina": {}""", """"cauda_equina": {"bladder": true}""")
        val result = evaluateAnswersJson(json)
        assertEquals(Tier.EMERGENCY, result.triage.tier)
        assertEquals(listOf("cauda_bladder"), result.triage.flags.map { it.id })
        assertFalse(result.planAllowed)
        assertTrue(result.patterns.isEmpty())
        assertTrue(result.nextSteps.first().contains("emergency"))
    }

    @Test
    fun aPositiveSlumpClosesTheNerveGate() {
        val result = evaluateAnswersJson(answersJson(""", "slump": true""").replace(""""slump": false,""", ""))
        assertTrue(result.planAllowed)
        val gate = result.gates.single()
        assertEquals(GateId.NERVE, gate.id)
        assertEquals(listOf("slump"), gate.rules)
        assertEquals(2, result.painCeiling)
        for (closed in listOf(ExerciseId.LYING_HAMSTRING_STRETCH, ExerciseId.BAND_HAMSTRING_STRETCH, ExerciseId.NORDIC_CURL)) {
            assertTrue(closed in result.excludedExercises, "$closed must be excluded")
        }
        assertFalse(ExerciseId.NERVE_SLIDER in result.excludedExercises)
    }

    @Test
    fun aShortStraightLegRaiseIsTightHamstringsAndIsSavedAsASeries() {
        val (_, limber) = openFresh()
        limber.use {
            val first = it.submitAssessmentJson(answersJson(slrLeft = 62), Instant.parse("2026-10-01T09:00:00Z"), 60)
            val pattern = first.result.patterns.single()
            assertEquals(PatternId.TIGHT_HAMSTRINGS, pattern.id)
            assertEquals(Confidence.LIKELY, pattern.confidence)
            assertEquals(Instant.parse("2026-10-15T09:00:00Z"), first.retestDueAt)

            it.submitAssessmentJson(answersJson(slrLeft = 70), Instant.parse("2026-10-15T09:00:00Z"), 60)
            val latest = assertNotNull(it.latestAssessment())
            assertEquals(2, it.assessmentHistory(10).size)
            assertTrue(latest.answersJson.contains("\"left_deg\":70"))

            val left = it.measurementSeries(MeasuredTest.SLR).filter { p -> p.side == app.limber.core.Side.LEFT }
            assertEquals(listOf(62, 70), left.map { p -> p.value })
            assertEquals(8, left.last().change)
            assertTrue(left.last().realChange, "8 degrees with the same helper is a real change")
        }
    }

    @Test
    fun skippedSafetyQuestionsGiveNoPlanAndAreListedInMissing() {
        val bare = evaluateAnswersJson("""{"age": 40}""")
        assertEquals(listOf("cauda_equina", "leg_symptoms", "general", "onset", "known"), bare.missing)
        assertFalse(bare.planAllowed)
        assertTrue(bare.patterns.isEmpty())
        assertTrue(bare.explanation.any { it.contains("answer the safety questions first") })
        assertFalse(bare.explanation.any { it.contains("cauda_equina") || it.contains("leg_symptoms") })

        val noKnown = evaluateAnswersJson(answersJson().replace(""""known": {},""", ""))
        assertEquals(listOf("known"), noKnown.missing)
        assertFalse(noKnown.planAllowed)

        assertEquals(emptyList(), evaluateAnswersJson(answersJson()).missing)
        assertTrue(evaluateAnswersJson(answersJson()).planAllowed)
    }

    @Test
    fun aTickedLegSymptomNeedsBothFollowUpsAndAStrainItsWalkingAnswer() {
        val ticked = answersJson().replace(""""leg_symptoms": {}""", """"leg_symptoms": {"numbness": true}""")
        assertEquals(listOf("leg_symptoms.both_legs", "leg_symptoms.worsening"), evaluateAnswersJson(ticked).missing)
        val answered = answersJson().replace(
            """"leg_symptoms": {}""", """"leg_symptoms": {"numbness": true, "both_legs": false, "worsening": false}""",
        )
        assertEquals(emptyList(), evaluateAnswersJson(answered).missing)
        val strain = answersJson().replace(""""onset": "gradual"""", """"onset": "sudden_thigh_pain"""")
        val walking = evaluateAnswersJson(strain.replace(""""known": {},""", """"known": {}, "strain": {"pop": true},"""))
        assertEquals(listOf("strain.walks_normally"), walking.missing)
        assertEquals(Tier.URGENT, walking.triage.tier, "a pop with walking not answered is read as a possible tear")
        assertFalse(walking.planAllowed)
    }

    @Test
    fun theOldFeverOrUnwellAnswerReadsAsFever() {
        val old = answersJson().replace(""""general": {}""", """"general": {"fever_or_unwell": true}""")
        val result = evaluateAnswersJson(old)
        assertEquals(Tier.URGENT, result.triage.tier)
        assertEquals(listOf("possible_infection"), result.triage.flags.map { it.id })
        assertFalse(result.planAllowed)
    }

    @Test
    fun pregnancyLeavesOutFaceDownWorkAndNotesEveryExerciseOnTheBack() {
        val result = evaluateAnswersJson(answersJson().replace(""""known": {}""", """"known": {"pregnancy": true}"""))
        assertTrue(result.planAllowed)
        assertTrue(ExerciseId.FOAM_ROLL_QUADS in result.excludedExercises)
        val noted = result.exerciseCautions.map { it.exercise }
        for (onBack in listOf(ExerciseId.BRIDGE, ExerciseId.LYING_HAMSTRING_STRETCH, ExerciseId.HEEL_DIG_HOLD)) {
            assertTrue(onBack in noted, "$onBack carries the lying-on-the-back note")
        }
        assertTrue(result.exerciseCautions.all { it.caution.contains("side") })
        assertTrue(evaluateAnswersJson(answersJson()).exerciseCautions.isEmpty())
    }

    @Test
    fun invalidAnswersNameTheFieldAndSaveNothing() {
        val (_, limber) = openFresh()
        limber.use {
            val error = assertFailsWith<LimberException.InvalidInput> {
                it.submitAssessmentJson(answersJson(slrLeft = 130), Instant.parse("2026-10-01T09:00:00Z"), 0)
            }
            assertEquals("slr.left_deg", error.field)
            assertTrue(error.range.contains("0 to 120"))
            assertEquals(null, it.latestAssessment())
        }
        val tooYoung = assertFailsWith<LimberException.InvalidInput> { evaluateAnswersJson("""{"age": 15}""") }
        assertEquals("age", tooYoung.field)
    }
}

package app.limber.android.tests

import app.limber.android.assessment.PHONE_CHOICE
import app.limber.android.assessment.SLR_MEASURED_BY
import app.limber.android.assessment.Wizard
import app.limber.android.assessment.measuredAnswer
import app.limber.android.assessment.phoneTestFor
import app.limber.android.assessment.withSlrMethod
import app.limber.core.PhoneTest
import app.limber.core.QuestionKind
import app.limber.core.ResponseValue
import app.limber.core.Tier
import app.limber.core.questionnaire
import app.limber.core.visibleQuestionIds
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/** What the ViewModel does after every answer: record it, then ask the core what is visible. */
private fun Wizard.answered(id: String, value: ResponseValue?): Wizard =
    answer(id, value).let { it.withVisible(visibleQuestionIds(it.responses())) }

private fun start() = Wizard(questionnaire()).withVisible(visibleQuestionIds(emptyList()))

/** A plain answer for any kind: "no", the first option, none ticked, the lowest number. */
private fun plainAnswer(kind: QuestionKind): ResponseValue = when (kind) {
    is QuestionKind.YesNo -> ResponseValue.YesNo(false)
    is QuestionKind.OneChoice -> ResponseValue.Choice(kind.options.first().id)
    is QuestionKind.SeveralChoices -> ResponseValue.Choices(emptyList())
    is QuestionKind.WholeNumber -> ResponseValue.Number(kind.min)
    is QuestionKind.PerLeg -> ResponseValue.PerLeg(kind.min, kind.min)
}

class WizardTest {
    @Test
    fun theWizardStartsAtTheCoresFirstVisibleQuestion() {
        val wizard = start()
        assertEquals(questionnaire().sections.first().questions.first().id, wizard.currentId)
        assertEquals("safety", wizard.section?.id)
        assertEquals(1, wizard.position.first)
    }

    @Test
    fun followUpsAppearAfterTheAnswerThatCallsForThemAndGoWhenItChanges() {
        var wizard = start()
        assertFalse("strain.days_since" in wizard.visible)
        wizard = wizard.answered("onset", ResponseValue.Choice("sudden_thigh_pain"))
        assertTrue("strain.days_since" in wizard.visible)
        wizard = wizard.answered("strain.days_since", ResponseValue.Number(3))
        wizard = wizard.answered("onset", ResponseValue.Choice("gradual"))
        assertFalse("strain.days_since" in wizard.visible)
        // Kept, in case they change it back; the core ignores it while hidden.
        assertTrue(wizard.responses().any { it.questionId == "strain.days_since" })
    }

    @Test
    fun nextAndBackWalkOnlyTheVisibleQuestions() {
        var wizard = start()
        val seen = mutableListOf<String>()
        while (true) {
            seen += wizard.currentId!!
            if (wizard.isLast) break
            wizard = wizard.next()
        }
        assertEquals(wizard.visible, seen)
        assertEquals(seen[seen.size - 2], wizard.back().currentId)
        assertEquals(wizard, wizard.next(), "next stays on the last question")
    }

    @Test
    fun walkingTheWholeQuestionnaireGivesAnAssessmentTheCoreAccepts() {
        var wizard = start()
        while (true) {
            val question = wizard.current!!
            wizard = wizard.answered(question.id, plainAnswer(question.kind))
            if (wizard.isLast) break
            wizard = wizard.next()
        }
        openFresh().use {
            val saved = it.submitAssessment(wizard.responses(), Instant.parse("2026-11-16T18:00:00Z"), 0)
            // The plain answers reach the core: the first onset option is a major accident (an
            // emergency since CLINICAL.md §2's revision), the lowest age means pain that began under 20.
            assertEquals(Tier.EMERGENCY, saved.result.triage.tier)
            assertEquals(listOf("major_trauma", "onset_before_20"), saved.result.triage.flags.map { f -> f.id }.sorted())
            assertEquals(saved.id, it.latestAssessment()?.id)
        }
    }

    @Test
    fun skippingAQuestionRemovesItsAnswer() {
        val wizard = start().answered("age", ResponseValue.Number(40)).answered("age", null)
        assertFalse(wizard.responses().any { it.questionId == "age" })
    }
}

class WizardDraftTest {
    private val wizard = start()
    private fun question(id: String) = wizard.questionnaire.sections.flatMap { it.questions }.single { it.id == id }

    @Test
    fun inputsStartFromWhatTheyShow() {
        assertEquals(ResponseValue.Choices(emptyList()), wizard.draftFor(question("cauda_equina")), "nothing ticked")
        assertEquals(ResponseValue.Number(0), wizard.draftFor(question("pain_now")), "a 0-10 scale at 0")
        assertEquals(null, wizard.draftFor(question("age")), "a number field starts empty")
        assertEquals(null, wizard.draftFor(question("onset")), "no option chosen for them")
        val answered = wizard.answer("age", ResponseValue.Number(52))
        assertEquals(ResponseValue.Number(52), answered.draftFor(question("age")))
    }

    @Test
    fun theMeasurableQuestionsAreTheCoresAndTakeWhatThePhoneGives() {
        val questions = questionnaire().sections.flatMap { it.questions }.associateBy { it.id }
        val measurable = questions.keys.filter { phoneTestFor(it) != null }
        assertEquals(listOf("slr", "ake", "thomas"), measurable)
        assertTrue(questions.getValue("slr").kind is QuestionKind.PerLeg)
        assertTrue(questions.getValue("ake").kind is QuestionKind.PerLeg)
        val thomas = questions.getValue("thomas").kind as QuestionKind.SeveralChoices
        assertTrue(thomas.options.any { it.id == "thigh_above_horizontal" })
        val method = questions.getValue(SLR_MEASURED_BY).kind as QuestionKind.OneChoice
        assertTrue(method.options.any { it.id == PHONE_CHOICE }, "the core offers measured_by phone")
    }

    @Test
    fun aMeasuredLegFillsOnlyThatLegAndTheCoreDecidesTheThomasTick() {
        val typed = ResponseValue.PerLeg(70, null)
        assertEquals(ResponseValue.PerLeg(70, 64), measuredAnswer(PhoneTest.SLR, left = false, degrees = 64, before = typed))
        assertEquals(ResponseValue.PerLeg(12, null), measuredAnswer(PhoneTest.AKE, left = true, degrees = 12, before = null))
        val bent = ResponseValue.Choices(listOf("knee_bend_limited"))
        assertEquals(
            ResponseValue.Choices(listOf("knee_bend_limited", "thigh_above_horizontal")),
            measuredAnswer(PhoneTest.THOMAS, left = true, degrees = 8, before = bent),
        )
        assertEquals(bent, measuredAnswer(PhoneTest.THOMAS, left = true, degrees = -8, before = bent))
        assertEquals(ResponseValue.Choices(emptyList()), measuredAnswer(PhoneTest.THOMAS, left = true, degrees = -8, before = null))
        // One leg above level is not undone by the other leg measured level.
        val above = measuredAnswer(PhoneTest.THOMAS, left = true, degrees = 8, before = null)
        assertEquals(above, measuredAnswer(PhoneTest.THOMAS, left = false, degrees = 0, before = above))
    }

    @Test
    fun theLegRaiseIsByPhoneOnlyWhenThePhoneMeasuredEveryLegGiven() {
        val phone = ResponseValue.Choice(PHONE_CHOICE)
        val both = start().withSlrMethod(ResponseValue.PerLeg(70, 64), phoneLeft = true, phoneRight = true)
        assertEquals(phone, both.answers[SLR_MEASURED_BY])
        val oneLeg = start().withSlrMethod(ResponseValue.PerLeg(null, 64), phoneLeft = false, phoneRight = true)
        assertEquals(phone, oneLeg.answers[SLR_MEASURED_BY])
        // A typed leg mixed in takes the automatic "phone" back: the person says how.
        val mixed = both.withSlrMethod(ResponseValue.PerLeg(72, 64), phoneLeft = false, phoneRight = true)
        assertEquals(null, mixed.answers[SLR_MEASURED_BY])
        // A method the person chose is theirs.
        val helper = start().answer(SLR_MEASURED_BY, ResponseValue.Choice("helper"))
        assertEquals(ResponseValue.Choice("helper"), helper.withSlrMethod(ResponseValue.PerLeg(72, 64), false, false).answers[SLR_MEASURED_BY])
    }
}

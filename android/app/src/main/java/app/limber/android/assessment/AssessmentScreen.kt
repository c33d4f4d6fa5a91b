package app.limber.android.assessment

import androidx.activity.compose.BackHandler
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.SavedStateHandle
import app.limber.android.measure.MeasureRoute
import app.limber.android.ui.ErrorText
import app.limber.android.ui.Screen
import app.limber.android.ui.coreViewModel
import app.limber.core.PhoneTest

/**
 * The self-assessment, one question at a time, entirely from the core's questionnaire data. The
 * leg raise, knee extension and Thomas questions can also be measured with the phone:
 * [onMeasure] opens the measure screen, whose value comes back in [measured] (this entry's saved
 * state, under `MeasureRoute.resultKey`) and fills the answer; typing stays possible.
 */
@Composable
fun AssessmentScreen(
    onBack: () -> Unit,
    onSubmitted: () -> Unit,
    onMeasure: (PhoneTest) -> Unit = {},
    measured: SavedStateHandle? = null,
) {
    val model = coreViewModel { AssessmentViewModel(it) }
    LaunchedEffect(measured, model.wizard != null) {
        if (measured == null || model.wizard == null) return@LaunchedEffect
        PhoneTest.entries.forEach { test ->
            measured.remove<Int>(MeasureRoute.resultKey(test))?.let { model.useMeasured(test, it) }
        }
    }
    val wizard = model.wizard
    val question = wizard?.current
    val atFirst = wizard == null || wizard.position.first <= 1
    val goBack = { if (atFirst) onBack() else model.back() }
    BackHandler(onBack = goBack)

    Screen(wizard?.section?.title ?: "Self-assessment", onBack = goBack) {
        if (wizard == null || question == null) {
            ErrorText(model.error)
            return@Screen
        }
        val (index, count) = wizard.position
        LinearProgressIndicator(progress = { index / count.toFloat() }, modifier = Modifier.fillMaxWidth())
        if (index == 1 || wizard.section?.questions?.firstOrNull()?.id == question.id) {
            Text(wizard.section?.intro.orEmpty(), style = MaterialTheme.typography.bodyMedium)
        }
        Text(question.prompt, style = MaterialTheme.typography.titleLarge)

        var showHelp by rememberSaveable(question.id) { mutableStateOf(false) }
        QuestionInput(question.kind, model.draft, model::editDraft)
        phoneTestFor(question.id)?.let { test ->
            val measure = { left: Boolean -> model.startMeasuring(left); onMeasure(test) }
            if (test == PhoneTest.THOMAS) {
                OutlinedButton(enabled = !model.busy, onClick = { measure(true) }) { Text("Measure with the phone") }
            } else {
                Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    OutlinedButton(enabled = !model.busy, onClick = { measure(true) }) { Text("Measure left leg with the phone") }
                    OutlinedButton(enabled = !model.busy, onClick = { measure(false) }) { Text("Measure right leg with the phone") }
                }
            }
        }

        if (question.help.isNotBlank()) {
            TextButton(onClick = { showHelp = !showHelp }) { Text(if (showHelp) "Hide how to do it" else "How to do it") }
            if (showHelp) Text(question.help, style = MaterialTheme.typography.bodyMedium)
        }
        ErrorText(model.error)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(enabled = !model.busy, onClick = { model.answerAndNext(question.id, null, onSubmitted) }) {
                Text("Skip")
            }
            Button(
                enabled = !model.busy && model.draft != null,
                onClick = { model.answerAndNext(question.id, model.draft, onSubmitted) },
            ) {
                Text(if (wizard.isLast) "See my result" else "Next")
            }
        }
        Text("Question $index of $count", style = MaterialTheme.typography.labelMedium)
    }
}

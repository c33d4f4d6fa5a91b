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
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.limber.android.ui.ErrorText
import app.limber.android.ui.Screen
import app.limber.android.ui.coreViewModel

/** The self-assessment, one question at a time, entirely from the core's questionnaire data. */
@Composable
fun AssessmentScreen(onBack: () -> Unit, onSubmitted: () -> Unit) {
    val model = coreViewModel { AssessmentViewModel(it) }
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

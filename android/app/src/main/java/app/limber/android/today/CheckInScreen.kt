package app.limber.android.today

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.limber.android.ui.ErrorText
import app.limber.android.ui.MessageCard
import app.limber.android.ui.PainSlider
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.label
import app.limber.core.PlanStatus
import app.limber.core.SkipReason

/** The check-in of one session: each exercise done or skipped, pain, and the core's decisions. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun CheckInScreen(model: TodayViewModel, session: Int, onBack: () -> Unit, onRetriage: () -> Unit, onSafety: () -> Unit) {
    LaunchedEffect(session) { model.startCheckIn(session) }
    Screen("Check in: session $session", onBack = onBack) {
        ErrorText(model.error)
        val result = model.result
        if (result != null) {
            if (result.stopAndRetriage) {
                MessageCard("Stop the routine for now", result.message, alarming = true)
                Button(onClick = onRetriage, modifier = Modifier.fillMaxWidth()) { Text("Answer the safety questions again") }
            } else {
                result.message.forEach { Text(it) }
            }
            result.changes.forEach { change ->
                val name = model.catalog[change.toExercise]?.name ?: change.toExercise.name
                MessageCard("$name: ${change.decision.label}", listOf(change.reason))
            }
            Button(onClick = onBack, modifier = Modifier.fillMaxWidth()) { Text("Back to today") }
            return@Screen
        }
        // No session outside `active` (CLINICAL.md §8), even when a notification opens this
        // screen: the status card and the way back instead.
        val plan = model.day?.plan
        if (plan != null && plan.status != PlanStatus.ACTIVE) {
            MessageCard(plan.status.label, plan.message, alarming = plan.status != PlanStatus.NEEDS_SAFETY_ANSWERS)
            if (plan.status == PlanStatus.SEE_DOCTOR) {
                OutlinedButton(onClick = onSafety, modifier = Modifier.fillMaxWidth()) { Text("See your result") }
            }
            Button(onClick = onRetriage, modifier = Modifier.fillMaxWidth()) { Text("Answer the safety questions again") }
            return@Screen
        }
        val form = model.form ?: return@Screen

        PainSlider("Pain before", form.painBefore, { p -> model.editForm { it.copy(painBefore = p) } })
        form.exercises.forEach { answer ->
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Text(form.name(answer.exercise), Modifier.weight(1f), style = MaterialTheme.typography.titleMedium)
                        Switch(answer.done, onCheckedChange = { done ->
                            model.editForm { f -> f.update(answer.exercise) { it.copy(done = done) } }
                        })
                    }
                    if (answer.done) {
                        // Starts "not rated"; only a rating the person gives is sent.
                        PainSlider("Pain during", answer.painDuring, { p ->
                            model.editForm { f -> f.update(answer.exercise) { it.copy(painDuring = p) } }
                        })
                    } else {
                        // No reason is assumed: the core refuses a skip without one.
                        Text("Why skipped?", style = MaterialTheme.typography.labelLarge)
                        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                            SkipReason.entries.forEach { reason ->
                                FilterChip(
                                    selected = answer.skipReason == reason,
                                    onClick = { model.editForm { f -> f.update(answer.exercise) { it.copy(skipReason = reason) } } },
                                    label = { Text(reason.label) },
                                )
                            }
                        }
                    }
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Checkbox(answer.symptomsSpread, onCheckedChange = { spread ->
                            model.editForm { f -> f.update(answer.exercise) { it.copy(symptomsSpread = spread) } }
                        })
                        Text("Symptoms spread down my leg")
                    }
                }
            }
        }
        SectionTitle("After the session")
        PainSlider("Pain after", form.painAfter, { p -> model.editForm { it.copy(painAfter = p) } })
        OutlinedTextField(
            value = form.note,
            onValueChange = { n -> model.editForm { it.copy(note = n) } },
            label = { Text("Note (optional)") },
            modifier = Modifier.fillMaxWidth(),
        )
        Button(enabled = !model.busy, onClick = model::submitCheckIn, modifier = Modifier.fillMaxWidth()) {
            Text("Save check-in")
        }
    }
}

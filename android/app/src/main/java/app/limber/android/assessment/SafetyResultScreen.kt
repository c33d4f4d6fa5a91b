package app.limber.android.assessment

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.limber.android.data.CoreRepository
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.MessageCard
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.coreViewModel
import app.limber.android.ui.label
import app.limber.core.AssessmentResult
import app.limber.core.ResultDisplay
import app.limber.core.SafetyLevel
import app.limber.core.resultDisplay

class SafetyViewModel(core: CoreRepository) : CoreViewModel(core) {
    var result by mutableStateOf<AssessmentResult?>(null)
        private set
    var display by mutableStateOf<ResultDisplay?>(null)
        private set

    init {
        launchCore {
            val latest = core.call { latestAssessment() }?.result
            display = latest?.let { resultDisplay(it) }
            result = latest
        }
    }
}

/**
 * The latest assessment's result. Urgent and emergency advice sits in a fixed card above the
 * scrolling details: no button closes it and no scroll hides it.
 */
@Composable
fun SafetyResultScreen(onBack: () -> Unit, onRetake: () -> Unit) {
    val model = coreViewModel { SafetyViewModel(it) }
    val result = model.result
    Screen("Your result", onBack = onBack, scrolls = false) {
        ErrorText(model.error)
        if (result == null) return@Screen
        // How loudly, and whether it may be closed, is the core's decision (`resultDisplay`).
        val display = model.display ?: return@Screen
        val blocking = display.level == SafetyLevel.BLOCKING
        if (blocking) {
            MessageCard(result.triage.tier.label, result.nextSteps, alarming = true)
        }
        Column(
            // Takes the height the fixed card leaves.
            Modifier.weight(1f).fillMaxWidth().verticalScroll(rememberScrollState()).padding(bottom = 16.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            if (!blocking) {
                MessageCard(result.triage.tier.label, result.nextSteps, alarming = display.level == SafetyLevel.WARN)
            }
            if (result.triage.flags.isNotEmpty()) {
                SectionTitle("What we noticed")
                result.triage.flags.forEach { Text("• ${it.reason}") }
            }
            if (result.gates.isNotEmpty() || result.strainPhase != null) {
                SectionTitle("What this changes in your routine")
                result.strainPhase?.let { Text("Strain phase: ${it.label}") }
                result.gates.forEach { MessageCard(it.id.label, listOf(it.reason)) }
            }
            if (result.patterns.isNotEmpty()) {
                SectionTitle("Patterns")
                result.patterns.forEach { MessageCard("${it.id.label} (${it.confidence.label})", listOf(it.reason)) }
            }
            if (result.explanation.isNotEmpty()) {
                SectionTitle("Why")
                result.explanation.forEach { Text(it, style = MaterialTheme.typography.bodyMedium) }
            }
            if (result.notJudged.isNotEmpty()) {
                SectionTitle("Not judged")
                result.notJudged.forEach { Text("• $it", style = MaterialTheme.typography.bodyMedium) }
            }
            if (result.caudaEquinaCard) {
                Text(
                    "Today shows the warning signs to act on at once; keep them in mind.",
                    style = MaterialTheme.typography.bodyMedium,
                )
            }
            Button(onClick = onBack, modifier = Modifier.fillMaxWidth()) {
                Text(if (display.offersRoutine) "Go to today's routine" else "Close")
            }
            OutlinedButton(onClick = onRetake, modifier = Modifier.fillMaxWidth()) { Text("Answer the questions again") }
        }
    }
}

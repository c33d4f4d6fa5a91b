package app.limber.android.today

import android.Manifest
import android.content.Context
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import app.limber.android.ui.ErrorText
import app.limber.android.ui.MessageCard
import app.limber.android.ui.PainSlider
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.label
import app.limber.android.ui.text
import app.limber.core.PlanStatus
import app.limber.core.SafetyLevel
import app.limber.core.SessionState

/** What to do today: the core's cards, the morning check, each session's exercises and check-in. */
@Composable
fun TodayScreen(model: TodayViewModel, onCheckIn: (Int) -> Unit, onAssess: () -> Unit, onSafety: () -> Unit) {
    // The day may have turned, or a check-in come from a notification, while away.
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { model.refresh() }
    AskForNotificationsOnce()

    Screen("Today") {
        ErrorText(model.error)
        val day = model.day ?: return@Screen
        val plan = day.plan
        val active = plan.status == PlanStatus.ACTIVE

        // The plan's status first (CLINICAL.md §8): outside `active` there is no session, only
        // the core's words and the way back.
        when (plan.status) {
            PlanStatus.ACTIVE -> plan.message.forEach { Text(it, style = MaterialTheme.typography.bodyMedium) }
            PlanStatus.PAUSED_STOP -> {
                MessageCard(plan.status.label, plan.message, alarming = true)
                Button(onClick = onAssess, modifier = Modifier.fillMaxWidth()) { Text("Answer the safety questions again") }
            }
            PlanStatus.NEEDS_SAFETY_ANSWERS -> {
                MessageCard(plan.status.label, plan.message)
                Button(onClick = onAssess, modifier = Modifier.fillMaxWidth()) { Text("Answer the safety questions") }
            }
            // Not dismissable: the advice stands until a new assessment says otherwise.
            PlanStatus.SEE_DOCTOR -> {
                MessageCard(plan.status.label, plan.message, alarming = true)
                OutlinedButton(onClick = onSafety) { Text("See your result") }
                OutlinedButton(onClick = onAssess) { Text("Answer the questions again") }
            }
        }

        plan.cards.forEach { card ->
            val display = model.cardDisplays[card.id]
            MessageCard(card.title, listOf(card.body), alarming = display?.level == SafetyLevel.WARN)
            if (display?.offersReassessment == true) {
                OutlinedButton(onClick = onAssess) { Text("Answer the questions again") }
            }
        }

        if (day.morningCheckDue) MorningCheck(onSave = model::morningCheck)
        model.morning?.let { m ->
            m.changes.forEach { Text("${it.decision.label}: ${it.reason}", style = MaterialTheme.typography.bodySmall) }
        }

        if (active) plan.sessions.forEach { session ->
            val state = day.sessions.firstOrNull { it.session == session.session }?.state
            SectionTitle("Session ${session.session} at ${session.time.text}")
            Text(
                "About ${session.minutes} min" + (state?.let { " · ${it.label}" } ?: ""),
                style = MaterialTheme.typography.labelLarge,
            )
            session.exercises.forEach { planned ->
                ExerciseCard(
                    planned = planned,
                    exercise = model.catalog[planned.exercise],
                    timer = model.timer(session.session, planned.exercise),
                    onTimer = { model.setTimer(session.session, planned.exercise, it) },
                )
            }
            if (state != SessionState.DONE) {
                Button(onClick = { onCheckIn(session.session) }, modifier = Modifier.fillMaxWidth()) { Text("Check in") }
            }
        }

        if (active && plan.activity.isNotEmpty()) {
            SectionTitle("Also today")
            plan.activity.forEach { ExerciseCard(it, model.catalog[it.exercise], timer = null, onTimer = {}) }
        }
    }
}

@Composable
private fun MorningCheck(onSave: (Int) -> Unit) {
    // Not rated until the person rates it: an untouched slider is not a 0.
    var pain by rememberSaveable { mutableStateOf<Int?>(null) }
    SectionTitle("Morning check")
    PainSlider("Pain on waking", pain, { pain = it })
    Button(enabled = pain != null, onClick = { pain?.let(onSave) }) { Text("Save") }
}

/** Android 13+ asks before an app may notify; ask once, after which the health screen helps. */
@Composable
private fun AskForNotificationsOnce() {
    if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
    val prefs = LocalContext.current.getSharedPreferences("ui", Context.MODE_PRIVATE)
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) {}
    LaunchedEffect(Unit) {
        if (!prefs.getBoolean(ASKED, false)) {
            prefs.edit().putBoolean(ASKED, true).apply()
            launcher.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
    }
}

private const val ASKED = "asked_for_notifications"

package app.limber.android.today

import android.os.SystemClock
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableLongStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.setValue
import androidx.compose.ui.hapticfeedback.HapticFeedbackType
import androidx.compose.ui.platform.LocalHapticFeedback
import androidx.compose.ui.unit.dp
import app.limber.android.today.HoldTimer.Phase
import app.limber.android.ui.label
import kotlinx.coroutines.delay

/**
 * The hold timer of one exercise, walking the core's hold sequence; a buzz marks the end of
 * each hold and each rest, so eyes can stay closed.
 */
@Composable
fun HoldTimerView(timer: HoldTimer, onChange: (HoldTimer) -> Unit) {
    var now by remember { mutableLongStateOf(SystemClock.elapsedRealtime()) }
    val current by rememberUpdatedState(timer)
    val change by rememberUpdatedState(onChange)
    val haptics = LocalHapticFeedback.current
    val running = timer.runningSince != null

    LaunchedEffect(running) {
        var lastPhase = current.phase(SystemClock.elapsedRealtime())
        var lastDone = current.holdsDone(SystemClock.elapsedRealtime())
        while (running) {
            now = SystemClock.elapsedRealtime()
            val phase = current.phase(now)
            val done = current.holdsDone(now)
            if (phase != lastPhase || done != lastDone) haptics.performHapticFeedback(HapticFeedbackType.LongPress)
            lastPhase = phase
            lastDone = done
            val settled = current.at(now)
            if (settled.runningSince == null) {
                change(settled)
                break
            }
            delay(200)
        }
    }

    val phase = timer.phase(now)
    val seconds = (timer.remainingMillis(now) + 999) / 1000
    val hold = timer.currentHold(now)
    val sequence = timer.sequence
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        val side = hold.side?.let { " · ${it.label}" } ?: ""
        val repetition = if (sequence.repetitions > 1) " · hold ${hold.repetition} of ${sequence.repetitions}" else ""
        Text(
            when (phase) {
                Phase.FINISHED -> "All ${timer.holds.size} holds done"
                Phase.RESTING -> "Rest, then set ${hold.set} of ${sequence.sets}$repetition$side"
                else -> "Set ${hold.set} of ${sequence.sets}$repetition$side"
            },
            style = MaterialTheme.typography.labelLarge,
        )
        if (phase != Phase.FINISHED) {
            Text("%d:%02d".format(seconds / 60, seconds % 60), style = MaterialTheme.typography.displaySmall)
        }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            when (phase) {
                Phase.READY, Phase.PAUSED -> Button(onClick = { onChange(timer.start(SystemClock.elapsedRealtime())) }) {
                    Text(if (phase == Phase.PAUSED) "Resume" else "Start")
                }
                Phase.HOLDING, Phase.RESTING ->
                    Button(onClick = { onChange(timer.pause(SystemClock.elapsedRealtime())) }) { Text("Pause") }
                Phase.FINISHED -> Unit
            }
            OutlinedButton(onClick = { onChange(timer.reset()) }) { Text("Reset") }
        }
    }
}

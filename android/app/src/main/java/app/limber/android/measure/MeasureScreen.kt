package app.limber.android.measure

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.hapticfeedback.HapticFeedbackType
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.platform.LocalHapticFeedback
import androidx.compose.ui.platform.LocalView
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.limber.core.LimberException
import app.limber.core.MeasureQuality
import app.limber.core.MeasureState
import app.limber.core.MeasureUpdate
import app.limber.core.Measurement
import app.limber.core.PhoneTest

/**
 * The guided measurement of one home test on one leg. The core says what state it is in and what
 * to say; this screen speaks it, sounds a tone and vibrates on capture, keeps the screen on, and
 * runs the sensor only while it is shown. [onMeasured] gets the value in whole degrees (for the
 * assessment, entered as `measured_by: phone`); [onTypeInstead] goes back to typing it.
 */
@Composable
fun MeasureScreen(test: PhoneTest, onMeasured: (Int) -> Unit, onTypeInstead: () -> Unit) {
    val context = LocalContext.current
    val view = LocalView.current
    val haptics = LocalHapticFeedback.current
    var attempt by remember { mutableIntStateOf(0) }
    val measurement = remember(test, attempt) { Measurement(test) }
    var update by remember(measurement) { mutableStateOf<MeasureUpdate>(measurement.status()) }
    var sensorMissing by remember { mutableStateOf(false) }

    DisposableEffect(measurement) {
        val speech = MeasureSpeech(context)
        speech.say(update.promptText)
        val feed = GravityFeed(context) { batch ->
            try {
                val next = measurement.pushSamples(batch)
                if (next.speak) speech.say(next.promptText)
                if (next.captured) {
                    speech.captureTone()
                    haptics.performHapticFeedback(HapticFeedbackType.LongPress)
                }
                update = next
            } catch (e: LimberException.InvalidInput) {
                // A sensor glitch (a time going backwards): the batch is dropped, the measurement goes on.
            }
        }
        sensorMissing = !feed.available
        view.keepScreenOn = true
        feed.start()
        onDispose {
            feed.stop()
            view.keepScreenOn = false
            speech.close()
        }
    }

    Column(Modifier.fillMaxSize().padding(24.dp), verticalArrangement = Arrangement.spacedBy(16.dp)) {
        if (sensorMissing) {
            Text("This phone has no motion sensor to measure with. Type the number instead.")
        }
        Text(update.promptText, style = MaterialTheme.typography.titleLarge, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite })
        val shown = update.result?.angleDeg ?: update.liveAngleDeg
        if (shown != null) {
            Text("$shown°", style = MaterialTheme.typography.displayLarge)
        }
        val result = update.result
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            if (update.state == MeasureState.DONE && result?.quality == MeasureQuality.OK && result.angleDeg != null) {
                Button(onClick = { onMeasured(result.angleDeg!!) }) { Text("Use this") }
            }
            OutlinedButton(onClick = { attempt++ }) { Text("Start again") }
            OutlinedButton(onClick = onTypeInstead) { Text("Type it instead") }
        }
    }
}

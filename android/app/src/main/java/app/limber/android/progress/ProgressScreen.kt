package app.limber.android.progress

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.lerp
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import app.limber.android.data.CoreRepository
import app.limber.android.data.DataActions
import app.limber.android.data.DeviceTime
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.coreViewModel
import app.limber.core.Adherence
import app.limber.core.DayAdherence
import java.time.Instant

class ProgressViewModel(core: CoreRepository) : CoreViewModel(core) {
    var chart by mutableStateOf<String?>(null)
        private set
    var adherence by mutableStateOf<Adherence?>(null)
        private set

    fun refresh() = launchCore {
        val now = Instant.now()
        adherence = core.call { adherence(now, 28) }
        chart = DataActions.progressChartSvg(core, now, DeviceTime.zoneId())
    }
}

/** The core's pain chart, and how regularly the routine was done over the last four weeks. */
@Composable
fun ProgressScreen() {
    val model = coreViewModel { ProgressViewModel(it) }
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { model.refresh() }
    Screen("Progress") {
        ErrorText(model.error)
        model.chart?.let { SvgView(it, Modifier.fillMaxWidth().height(280.dp)) }
        val adherence = model.adherence ?: return@Screen
        SectionTitle("The last 28 days")
        Text("Score ${adherence.score} / 100", style = MaterialTheme.typography.headlineSmall)
        Text("Current streak: ${adherence.currentStreak} days · best: ${adherence.bestStreak} days")
        // Four rows of seven: each square takes its share of the width, so 28 days fit a
        // 360 dp phone (28 fixed squares in one row did not).
        Column(Modifier.widthIn(max = 320.dp), verticalArrangement = Arrangement.spacedBy(3.dp)) {
            adherence.days.chunked(7).forEach { week ->
                Row(horizontalArrangement = Arrangement.spacedBy(3.dp), modifier = Modifier.fillMaxWidth()) {
                    week.forEach { DaySquare(it, Modifier.weight(1f)) }
                    repeat(7 - week.size) { Spacer(Modifier.weight(1f)) }
                }
            }
        }
        Text("Each square is a day: the greener, the more of its sessions done; grey is a rest day.", style = MaterialTheme.typography.bodySmall)
    }
}

@Composable
private fun DaySquare(day: DayAdherence, modifier: Modifier) {
    val colors = MaterialTheme.colorScheme
    val ratio = day.ratio
    val color = when {
        day.restDay -> colors.surfaceVariant
        ratio == null -> colors.outlineVariant
        else -> lerp(colors.errorContainer, Color(0xFF2E7D32), ratio.toFloat())
    }
    Box(modifier.aspectRatio(1f).background(color))
}

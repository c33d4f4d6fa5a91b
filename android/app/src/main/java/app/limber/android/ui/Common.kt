package app.limber.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import kotlin.math.roundToInt

/** A whole-number slider over [range], its value shown beside [label]; null shows as not set. */
@Composable
fun NumberSlider(
    label: String,
    value: Int?,
    range: IntRange,
    onChange: (Int) -> Unit,
    modifier: Modifier = Modifier,
    suffix: String = "",
) {
    Column(modifier) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Text(label, Modifier.weight(1f), style = MaterialTheme.typography.bodyLarge)
            Text(if (value == null) "not set" else "$value$suffix", style = MaterialTheme.typography.titleMedium)
        }
        Slider(
            value = (value ?: range.first).toFloat(),
            onValueChange = { onChange(it.roundToInt()) },
            valueRange = range.first.toFloat()..range.last.toFloat(),
            steps = (range.last - range.first - 1).coerceAtLeast(0),
        )
    }
}

/** A 0-10 pain slider. */
@Composable
fun PainSlider(label: String, value: Int?, onChange: (Int) -> Unit, modifier: Modifier = Modifier) =
    NumberSlider(label, value, 0..10, onChange, modifier, suffix = " / 10")

/** A core error, or nothing. */
@Composable
fun ErrorText(error: String?) {
    if (error != null) {
        Text(error, color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(vertical = 8.dp))
    }
}

/** A card with a title and lines of text from the core; [alarming] uses the error colours. */
@Composable
fun MessageCard(title: String, lines: List<String>, alarming: Boolean = false, modifier: Modifier = Modifier) {
    val colors = if (alarming) {
        CardDefaults.cardColors(
            containerColor = MaterialTheme.colorScheme.errorContainer,
            contentColor = MaterialTheme.colorScheme.onErrorContainer,
        )
    } else {
        CardDefaults.cardColors()
    }
    Card(modifier.fillMaxWidth(), colors = colors) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            Text(title, style = MaterialTheme.typography.titleMedium)
            lines.forEach { Text(it, style = MaterialTheme.typography.bodyMedium) }
        }
    }
}

@Composable
fun SectionTitle(text: String) {
    Text(text, style = MaterialTheme.typography.titleLarge, modifier = Modifier.padding(top = 16.dp, bottom = 8.dp))
}

package app.limber.android.pain

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.limber.android.data.CoreRepository
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.PainSlider
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.coreViewModel
import app.limber.android.ui.label
import app.limber.core.BodySite
import app.limber.core.PainContext
import app.limber.core.Side
import java.time.Instant

class PainEntryViewModel(core: CoreRepository) : CoreViewModel(core) {
    var form by mutableStateOf(PainForm())
        private set

    fun edit(change: (PainForm) -> PainForm) {
        form = change(form)
    }

    fun save(onSaved: () -> Unit) {
        val input = form.toInput(Instant.now())
        launchCore {
            core.call { addPain(input) }
            onSaved()
        }
    }
}

/** Logs pain now: overall 0-10, where (side and level), when it came on, a note. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun PainEntryScreen(onDone: () -> Unit) {
    val model = coreViewModel { PainEntryViewModel(it) }
    val form = model.form
    Screen("Log pain", onBack = onDone) {
        PainSlider("Overall pain now", form.level, { l -> model.edit { it.copy(level = l) } })

        SectionTitle("Where")
        form.sites.forEach { s ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text(listOfNotNull(s.side?.label, s.site.label).joinToString(" ") + ": ${s.level} / 10", Modifier.weight(1f))
                TextButton(onClick = { model.edit { it.withoutSite(s.site, s.side) } }) { Text("Remove") }
            }
        }
        AddSite(onAdd = { site, side, level -> model.edit { it.withSite(site, side, level) } })

        SectionTitle("When")
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            PainContext.entries.forEach { c ->
                FilterChip(selected = form.context == c, onClick = { model.edit { it.copy(context = c) } }, label = { Text(c.label) })
            }
        }
        OutlinedTextField(
            value = form.note,
            onValueChange = { n -> model.edit { it.copy(note = n) } },
            label = { Text("Note (optional)") },
            modifier = Modifier.fillMaxWidth(),
        )
        ErrorText(model.error)
        Button(enabled = !model.busy, onClick = { model.save(onDone) }, modifier = Modifier.fillMaxWidth()) { Text("Save") }
    }
}

/** Picks a site, its side (none for the low back, say) and its own level, then adds it. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun AddSite(onAdd: (BodySite, Side?, Int) -> Unit) {
    var site by rememberSaveable { mutableStateOf<BodySite?>(null) }
    var side by rememberSaveable { mutableStateOf<Side?>(null) }
    var level by rememberSaveable { mutableIntStateOf(0) }
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        BodySite.entries.forEach { s -> FilterChip(selected = site == s, onClick = { site = s }, label = { Text(s.label) }) }
    }
    val chosen = site ?: return
    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        FilterChip(selected = side == null, onClick = { side = null }, label = { Text("No side") })
        Side.entries.forEach { s -> FilterChip(selected = side == s, onClick = { side = s }, label = { Text(s.label) }) }
    }
    PainSlider("${chosen.label} pain", level, { level = it })
    OutlinedButton(onClick = { onAdd(chosen, side, level); site = null; side = null; level = 0 }) { Text("Add ${chosen.label.lowercase()}") }
}

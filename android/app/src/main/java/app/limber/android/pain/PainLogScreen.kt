package app.limber.android.pain

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.Card
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.snapshotFlow
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import app.limber.android.data.CoreRepository
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.coreViewModel
import app.limber.android.ui.label
import app.limber.android.ui.recordedText
import app.limber.core.PainEntry

class PainLogViewModel(core: CoreRepository) : CoreViewModel(core) {
    var pages by mutableStateOf(PainPages())
        private set

    /** From the newest entry again: after logging one, or coming back to the screen. */
    fun reload() = launchCore { pages = PainPages() + core.call { listPain(PainPages().nextQuery()!!) } }

    fun loadMore() {
        val query = pages.nextQuery() ?: return
        if (busy) return
        launchCore { pages += core.call { listPain(query) } }
    }
}

/** The pain log, newest first, a page at a time as the list scrolls. */
@Composable
fun PainLogScreen(onLog: () -> Unit) {
    val model = coreViewModel { PainLogViewModel(it) }
    val list = rememberLazyListState()
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { model.reload() }
    LaunchedEffect(list) {
        snapshotFlow { list.layoutInfo.visibleItemsInfo.lastOrNull()?.index to list.layoutInfo.totalItemsCount }
            .collect { (last, total) -> if (last != null && last >= total - 5) model.loadMore() }
    }
    Scaffold(
        floatingActionButton = { ExtendedFloatingActionButton(onClick = onLog) { Text("Log pain") } },
    ) { padding ->
        LazyColumn(
            Modifier.fillMaxSize().padding(padding),
            state = list,
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            item {
                Text("Pain log", style = MaterialTheme.typography.headlineSmall)
                ErrorText(model.error)
                if (model.pages.complete && model.pages.entries.isEmpty()) Text("Nothing logged yet.")
            }
            items(model.pages.entries, key = { it.id }) { PainRow(it) }
        }
    }
}

@Composable
private fun PainRow(entry: PainEntry) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(2.dp)) {
            Text("${entry.level} / 10 · ${entry.context.label}", style = MaterialTheme.typography.titleMedium)
            Text(recordedText(entry.recordedAt, entry.utcOffsetMinutes), style = MaterialTheme.typography.labelMedium)
            if (entry.sites.isNotEmpty()) {
                Text(entry.sites.joinToString { s -> listOfNotNull(s.side?.label, s.site.label).joinToString(" ") + " ${s.level}" })
            }
            entry.note?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
        }
    }
}

package app.limber.android.assessment

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.limber.android.data.CoreRepository
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.coreViewModel

class StartViewModel(core: CoreRepository) : CoreViewModel(core) {
    /** Null until known; stays null when the database cannot be opened. */
    var assessed by mutableStateOf<Boolean?>(null)
        private set

    init {
        launchCore { assessed = core.call { latestAssessment() } != null }
    }
}

/** Opens the database and goes to Today, or to the first-run welcome when nothing is saved yet. */
@Composable
fun StartScreen(onAssessed: () -> Unit, onFirstRun: () -> Unit) {
    val model = coreViewModel { StartViewModel(it) }
    LaunchedEffect(model.assessed) {
        when (model.assessed) {
            true -> onAssessed()
            false -> onFirstRun()
            // Loading, or an error is shown: a damaged or newer database is never overwritten.
            null -> Unit
        }
    }
    Column(
        Modifier.fillMaxSize().padding(24.dp),
        verticalArrangement = Arrangement.Center,
        horizontalAlignment = Alignment.CenterHorizontally,
    ) {
        if (model.error == null) CircularProgressIndicator()
        ErrorText(model.error)
    }
}

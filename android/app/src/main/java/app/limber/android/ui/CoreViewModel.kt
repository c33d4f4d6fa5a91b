package app.limber.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import androidx.lifecycle.viewmodel.compose.viewModel
import app.limber.android.data.CoreRepository
import app.limber.android.data.forPeople
import app.limber.android.limberApp
import app.limber.core.LimberException
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch

/** A screen's state holder: runs core work in its scope and turns core errors into [error]. */
abstract class CoreViewModel(protected val core: CoreRepository) : ViewModel() {
    var error by mutableStateOf<String?>(null)
        protected set
    var busy by mutableStateOf(false)
        private set

    protected fun launchCore(block: suspend () -> Unit): Job = viewModelScope.launch {
        busy = true
        error = null
        try {
            block()
        } catch (e: LimberException) {
            error = e.forPeople()
            onCoreError(e)
        } finally {
            busy = false
        }
    }

    /** For a screen that reacts to a particular error (the wizard jumps to the question named). */
    protected open fun onCoreError(e: LimberException) {}
}

/** A ViewModel built on the app's core repository. */
@Composable
inline fun <reified VM : ViewModel> coreViewModel(crossinline create: (CoreRepository) -> VM): VM {
    val core = LocalContext.current.limberApp.core
    return viewModel { create(core) }
}

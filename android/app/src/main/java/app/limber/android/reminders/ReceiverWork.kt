package app.limber.android.reminders

import android.content.BroadcastReceiver
import android.content.Context
import app.limber.android.limberApp
import app.limber.core.LimberException
import kotlinx.coroutines.launch

/**
 * Runs a receiver's work off the main thread (core calls do disk I/O) while goAsync keeps the
 * process alive for it. A core error has nowhere to be shown from here; the next re-arm retries.
 */
fun BroadcastReceiver.runAsync(context: Context, work: suspend () -> Unit) {
    val pending = goAsync()
    context.limberApp.scope.launch {
        try {
            work()
        } catch (e: LimberException) {
        } finally {
            pending.finish()
        }
    }
}

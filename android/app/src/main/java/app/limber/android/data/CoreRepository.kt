package app.limber.android.data

import app.limber.core.Limber
import java.io.File
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * The only door to the Rust core. Every call does disk I/O, so every call runs on
 * Dispatchers.IO; the database opens on first use (a failure to open is retried next time).
 */
class CoreRepository(private val file: File, private val onPlanChanged: () -> Unit) {
    private val limber: Limber by lazy { Limber.open(file.path) }

    /** Runs [block] against the database off the main thread. */
    suspend fun <T> call(block: Limber.() -> T): T = withContext(Dispatchers.IO) { limber.block() }

    /**
     * For writes that can change the reminder plan (check-ins, assessments, settings, import,
     * wipe): re-arms the alarms afterwards, as the core's plan is the truth.
     */
    suspend fun <T> callThenRearm(block: Limber.() -> T): T = call(block).also { onPlanChanged() }
}

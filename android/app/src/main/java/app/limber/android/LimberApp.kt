package app.limber.android

import android.app.Application
import android.content.Context
import app.limber.android.data.CoreRepository
import app.limber.android.reminders.Notifications
import app.limber.android.reminders.Rearm
import app.limber.android.time.JavaTimeZoneRules
import app.limber.android.yourdata.ExportFiles
import app.limber.core.registerZoneRules
import java.io.File
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch

class LimberApp : Application() {
    /** Work that outlives a screen or a receiver: re-arming reminders. */
    val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    /**
     * The one database, in app-private storage (excluded from backup and transfer by the rule
     * files). Every write that can change the reminder plan re-arms the alarms.
     */
    val core: CoreRepository by lazy {
        CoreRepository(File(filesDir, "limber.db")) { scope.launch { Rearm.run(this@LimberApp) } }
    }

    override fun onCreate() {
        super.onCreate()
        // The library carries no time-zone rules of its own: it plans with the phone's, which
        // Android keeps up to date. Before anything (a receiver, a screen, a re-arm) can plan.
        registerZoneRules(JavaTimeZoneRules())
        Notifications.createChannel(this)
        scope.launch {
            // An export left behind by a share that never finished holds health data.
            ExportFiles.clear(this@LimberApp)
            // A force stop wipes alarms without any broadcast: arm everything again at start.
            Rearm.run(this@LimberApp, force = true)
        }
    }
}

val Context.limberApp: LimberApp get() = applicationContext as LimberApp

package app.limber.android

import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.core.app.NotificationManagerCompat
import app.limber.android.ui.LimberNavHost
import app.limber.android.ui.LimberTheme
import app.limber.android.ui.Routes

/** The one activity. Notifications open it with a route (limber://open/<route>) to show. */
class MainActivity : ComponentActivity() {
    private var requestedRoute by mutableStateOf<String?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        // After a rotation the launching intent has been handled already.
        if (savedInstanceState == null) handle(intent)
        setContent {
            LimberTheme {
                LimberNavHost(requestedRoute = requestedRoute, onRouteShown = { requestedRoute = null })
            }
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        handle(intent)
    }

    private fun handle(intent: Intent) {
        val notification = intent.getIntExtra(EXTRA_NOTIFICATION, NO_NOTIFICATION)
        // Actions do not close their notification by themselves.
        if (notification != NO_NOTIFICATION) NotificationManagerCompat.from(this).cancel(notification)
        val data = intent.data ?: return
        // The link is exported: only the routes Routes.fromLink allows are opened.
        if (data.scheme == SCHEME && data.host == HOST) requestedRoute = Routes.fromLink(data.path)
    }

    companion object {
        private const val SCHEME = "limber"
        private const val HOST = "open"
        private const val EXTRA_NOTIFICATION = "notification"
        private const val NO_NOTIFICATION = Int.MIN_VALUE

        /**
         * Opens the app at [route] from notification [notificationId]. The request code is the
         * notification and the data the route, so each action of each notification keeps its own.
         */
        fun open(context: Context, route: String, notificationId: Int): PendingIntent {
            val intent = Intent(context, MainActivity::class.java)
                .setData(Uri.parse("$SCHEME://$HOST/$route"))
                .putExtra(EXTRA_NOTIFICATION, notificationId)
                .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
            return PendingIntent.getActivity(
                context,
                notificationId,
                intent,
                PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
            )
        }
    }
}

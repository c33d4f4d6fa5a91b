package app.limber.android.ui

import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.material.icons.filled.Edit
import androidx.compose.material.icons.filled.Home
import androidx.compose.material.icons.filled.Settings
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.navigation.NavHostController
import androidx.navigation.NavType
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import androidx.navigation.navArgument
import app.limber.android.assessment.AssessmentScreen
import app.limber.android.assessment.SafetyResultScreen
import app.limber.android.assessment.StartScreen
import app.limber.android.assessment.WelcomeScreen
import app.limber.android.measure.MeasureRoute
import app.limber.android.measure.measureRoute
import app.limber.android.pain.PainEntryScreen
import app.limber.android.pain.PainLogScreen
import app.limber.android.progress.ProgressScreen
import app.limber.android.settings.ReminderHealthScreen
import app.limber.android.settings.ReminderSettingsScreen
import app.limber.android.settings.RoutineSettingsScreen
import app.limber.android.settings.SettingsScreen
import app.limber.android.today.CheckInScreen
import app.limber.android.today.TodayScreen
import app.limber.android.today.TodayViewModel
import app.limber.android.yourdata.YourDataScreen

private data class Tab(val route: String, val label: String, val icon: ImageVector)

private val tabs = listOf(
    Tab(Routes.TODAY, "Today", Icons.Filled.Home),
    Tab(Routes.PAIN, "Pain", Icons.Filled.Edit),
    Tab(Routes.PROGRESS, "Progress", Icons.Filled.DateRange),
    Tab(Routes.SETTINGS, "Settings", Icons.Filled.Settings),
)

/** The screens, the bottom bar on the top-level ones, and routes opened from notifications. */
@Composable
fun LimberNavHost(requestedRoute: String?, onRouteShown: () -> Unit) {
    val nav = rememberNavController()
    // Shared by Today and the check-in, so hold timers carry into the check-in form.
    val today = coreViewModel { TodayViewModel(it) }
    val entry by nav.currentBackStackEntryAsState()
    val route = entry?.destination?.route

    // A route asked for by a notification waits until the start screen has chosen where the
    // app begins (its replaceAll would otherwise pop it on a cold start), and is shown only to
    // someone past the first run.
    LaunchedEffect(requestedRoute, route) {
        if (requestedRoute != null && route != null && route != Routes.START && route != Routes.WELCOME) {
            nav.navigate(requestedRoute) { launchSingleTop = true }
            onRouteShown()
        }
    }

    Scaffold(
        bottomBar = {
            if (tabs.any { it.route == route }) {
                NavigationBar {
                    tabs.forEach { tab ->
                        NavigationBarItem(
                            selected = route == tab.route,
                            onClick = { nav.openTab(tab.route) },
                            icon = { Icon(tab.icon, contentDescription = null) },
                            label = { Text(tab.label) },
                        )
                    }
                }
            }
        },
    ) { padding ->
        NavHost(nav, startDestination = Routes.START, modifier = Modifier.padding(padding).consumeWindowInsets(padding)) {
            composable(Routes.START) {
                StartScreen(onAssessed = { nav.replaceAll(Routes.TODAY) }, onFirstRun = { nav.replaceAll(Routes.WELCOME) })
            }
            composable(Routes.WELCOME) { WelcomeScreen(onStart = { nav.navigate(Routes.ASSESSMENT) }) }
            composable(Routes.ASSESSMENT) { entry ->
                AssessmentScreen(
                    onBack = { nav.popBackStack() },
                    onSubmitted = { nav.replaceAll(Routes.TODAY); nav.navigate(Routes.SAFETY) },
                    onMeasure = { test -> nav.navigate(MeasureRoute.of(test)) },
                    measured = entry.savedStateHandle,
                )
            }
            composable(Routes.SAFETY) {
                SafetyResultScreen(onBack = { nav.popBackStack() }, onRetake = { nav.navigate(Routes.ASSESSMENT) })
            }
            composable(Routes.TODAY) {
                TodayScreen(
                    model = today,
                    onCheckIn = { session -> nav.navigate(Routes.checkIn(session)) },
                    onAssess = { nav.navigate(Routes.ASSESSMENT) },
                    onSafety = { nav.navigate(Routes.SAFETY) },
                )
            }
            composable(Routes.CHECK_IN, arguments = listOf(navArgument("session") { type = NavType.IntType })) { e ->
                CheckInScreen(
                    model = today,
                    session = e.arguments?.getInt("session") ?: 1,
                    onBack = { if (!nav.popBackStack()) nav.replaceAll(Routes.TODAY) },
                    onRetriage = { nav.navigate(Routes.ASSESSMENT) },
                    onSafety = { nav.navigate(Routes.SAFETY) },
                )
            }
            composable(Routes.PAIN) { PainLogScreen(onLog = { nav.navigate(Routes.PAIN_NEW) }) }
            composable(Routes.PAIN_NEW) { PainEntryScreen(onDone = { nav.popBackStack() }) }
            composable(Routes.PROGRESS) { ProgressScreen() }
            composable(Routes.SETTINGS) { SettingsScreen(onOpen = { nav.navigate(it) }) }
            composable(Routes.REMINDERS) { ReminderSettingsScreen(onBack = { nav.popBackStack() }) }
            composable(Routes.REMINDER_HEALTH) { ReminderHealthScreen(onBack = { nav.popBackStack() }) }
            composable(Routes.ROUTINE) { RoutineSettingsScreen(onBack = { nav.popBackStack() }) }
            measureRoute(nav)
            composable(Routes.YOUR_DATA) {
                YourDataScreen(onBack = { nav.popBackStack() }, onWiped = { nav.replaceAll(Routes.WELCOME) })
            }
        }
    }
}

/** Bottom-bar navigation: one copy of each tab, state kept when switching. */
private fun NavHostController.openTab(route: String) = navigate(route) {
    // Today is the root once someone has been assessed.
    popUpTo(Routes.TODAY) { saveState = true }
    launchSingleTop = true
    restoreState = true
}

/** Starts afresh at [route], with nothing to go back to. */
private fun NavHostController.replaceAll(route: String) = navigate(route) {
    popUpTo(graph.id) { inclusive = true }
    launchSingleTop = true
}

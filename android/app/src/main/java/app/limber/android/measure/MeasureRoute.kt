package app.limber.android.measure

import androidx.navigation.NavGraphBuilder
import androidx.navigation.NavHostController
import androidx.navigation.compose.composable
import app.limber.core.PhoneTest

/** The measurement screen's route: `measure/slr`, `measure/ake` or `measure/thomas`. */
object MeasureRoute {
    const val PATTERN = "measure/{test}"

    fun of(test: PhoneTest) = "measure/${test.name.lowercase()}"

    /** Where the measured whole degrees land on the screen that opened this one. */
    fun resultKey(test: PhoneTest) = "measured.${test.name.lowercase()}"
}

/**
 * The guided measurement as one navigation entry. The value goes back to the opening screen's
 * saved state under [MeasureRoute.resultKey] (entered there as `measured_by: phone`); "type it
 * instead" just goes back.
 */
fun NavGraphBuilder.measureRoute(nav: NavHostController) {
    composable(MeasureRoute.PATTERN) { entry ->
        val name = entry.arguments?.getString("test").orEmpty()
        val test = PhoneTest.entries.firstOrNull { it.name.equals(name, ignoreCase = true) } ?: PhoneTest.SLR
        MeasureScreen(
            test = test,
            onMeasured = { degrees ->
                nav.previousBackStackEntry?.savedStateHandle?.set(MeasureRoute.resultKey(test), degrees)
                nav.popBackStack()
            },
            onTypeInstead = { nav.popBackStack() },
        )
    }
}

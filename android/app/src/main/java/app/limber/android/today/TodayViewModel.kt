package app.limber.android.today

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import app.limber.android.data.CoreRepository
import app.limber.android.data.DeviceTime
import app.limber.android.ui.CoreViewModel
import app.limber.core.CheckInResult
import app.limber.core.Dose
import app.limber.core.Exercise
import app.limber.core.ExerciseId
import app.limber.core.MorningCheckResult
import app.limber.core.Today
import app.limber.core.exerciseCatalog
import java.time.Instant

/**
 * Today, its hold timers and the check-in form. Activity-scoped, so a timer started on Today
 * is still running in the check-in and its finished sets go into the form.
 */
class TodayViewModel(core: CoreRepository) : CoreViewModel(core) {
    var day by mutableStateOf<Today?>(null)
        private set
    var catalog by mutableStateOf<Map<ExerciseId, Exercise>>(emptyMap())
        private set
    var form by mutableStateOf<CheckInForm?>(null)
        private set
    var result by mutableStateOf<CheckInResult?>(null)
        private set
    var morning by mutableStateOf<MorningCheckResult?>(null)
        private set

    /** Keyed by date, session and exercise, so a new day starts with fresh timers. */
    private val timers = mutableStateMapOf<String, HoldTimer>()

    fun refresh() = launchCore { load() }

    private suspend fun load() {
        day = core.call { today(Instant.now(), DeviceTime.zoneId()) }
        if (catalog.isEmpty()) catalog = core.call { exerciseCatalog() }.associateBy { it.id }
    }

    fun timer(slot: Int, exercise: ExerciseId, dose: Dose): HoldTimer? =
        timers[timerKey(slot, exercise)] ?: HoldTimer.forDose(dose)

    fun setTimer(slot: Int, exercise: ExerciseId, timer: HoldTimer) {
        timers[timerKey(slot, exercise)] = timer
    }

    private fun timerKey(slot: Int, exercise: ExerciseId) = "${day?.date}:$slot:$exercise"

    /** Opens the form for session [slot], with the sets the timers saw. */
    fun startCheckIn(slot: Int) = launchCore {
        result = null
        load()
        val session = day?.plan?.sessions?.firstOrNull { it.slot == slot } ?: return@launchCore
        form = session.exercises.fold(CheckInForm.forSession(session)) { f, planned ->
            val sets = timers[timerKey(slot, planned.exercise)]?.setsDone?.takeIf { it > 0 }
            f.update(planned.exercise) { it.copy(setsDone = sets) }
        }
    }

    fun editForm(change: (CheckInForm) -> CheckInForm) {
        form = form?.let(change)
    }

    fun submitCheckIn() {
        val filled = form ?: return
        launchCore {
            result = core.callThenRearm { checkIn(filled.toInput(Instant.now()), DeviceTime.zoneId()) }
            form = null
            load()
        }
    }

    fun morningCheck(pain: Int) = launchCore {
        morning = core.callThenRearm { morningCheck(pain, Instant.now(), DeviceTime.zoneId()) }
        load()
    }
}

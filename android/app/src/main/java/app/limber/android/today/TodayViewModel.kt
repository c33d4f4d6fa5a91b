package app.limber.android.today

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import app.limber.android.data.CoreRepository
import app.limber.android.data.DeviceTime
import app.limber.android.ui.CoreViewModel
import app.limber.core.CardDisplay
import app.limber.core.CardId
import app.limber.core.CheckInResult
import app.limber.core.Exercise
import app.limber.core.ExerciseId
import app.limber.core.MorningCheckResult
import app.limber.core.Today
import app.limber.core.cardDisplay
import app.limber.core.exerciseCatalog
import java.time.Instant

/**
 * Today, its hold timers and the check-in form. Activity-scoped, so a timer started on Today
 * keeps running while the check-in is open.
 */
class TodayViewModel(core: CoreRepository) : CoreViewModel(core) {
    var day by mutableStateOf<Today?>(null)
        private set
    var catalog by mutableStateOf<Map<ExerciseId, Exercise>>(emptyMap())
        private set
    /** How each card of the day is shown: the core's `cardDisplay`. */
    var cardDisplays by mutableStateOf<Map<CardId, CardDisplay>>(emptyMap())
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
        val today = core.call { today(Instant.now(), DeviceTime.zoneId()) }
        cardDisplays = today.plan.cards.associate { it.id to cardDisplay(it.id) }
        // The core's hold sequences, made once per load off the main thread.
        val fresh = core.call {
            today.plan.sessions.flatMap { session ->
                session.exercises.mapNotNull { planned ->
                    val key = timerKey(today, session.session, planned.exercise)
                    if (key in timers) null else HoldTimer.forDose(planned.dose)?.let { key to it }
                }
            }
        }
        timers.putAll(fresh)
        day = today
        if (catalog.isEmpty()) catalog = core.call { exerciseCatalog() }.associateBy { it.id }
    }

    fun timer(session: Int, exercise: ExerciseId): HoldTimer? = day?.let { timers[timerKey(it, session, exercise)] }

    fun setTimer(session: Int, exercise: ExerciseId, timer: HoldTimer) {
        day?.let { timers[timerKey(it, session, exercise)] = timer }
    }

    private fun timerKey(today: Today, session: Int, exercise: ExerciseId) = "${today.date}:$session:$exercise"

    /** Opens the form for session number [session] from the core's check-in defaults. */
    fun startCheckIn(session: Int) = launchCore {
        result = null
        form = null
        load()
        val planned = day?.plan?.sessions?.firstOrNull { it.session == session } ?: return@launchCore
        form = core.call { CheckInForm.forSession(planned) }
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

package app.limber.android.ui

/** Navigation routes; notifications open the app at some of them. */
object Routes {
    const val START = "start"
    const val WELCOME = "welcome"
    const val ASSESSMENT = "assessment"
    const val SAFETY = "safety"
    const val TODAY = "today"
    const val CHECK_IN = "checkin/{slot}"
    const val PAIN = "pain"
    const val PAIN_NEW = "pain/new"
    const val PROGRESS = "progress"
    const val SETTINGS = "settings"
    const val REMINDERS = "reminders"
    const val REMINDER_HEALTH = "reminders/health"
    const val YOUR_DATA = "data"

    fun checkIn(slot: Int) = "checkin/$slot"
}

package app.limber.android.ui

import app.limber.core.maxSessionsPerDay

/** Navigation routes; notifications open the app at some of them. */
object Routes {
    const val START = "start"
    const val WELCOME = "welcome"
    const val ASSESSMENT = "assessment"
    const val SAFETY = "safety"
    const val TODAY = "today"
    const val CHECK_IN = "checkin/{session}"
    const val PAIN = "pain"
    const val PAIN_NEW = "pain/new"
    const val PROGRESS = "progress"
    const val SETTINGS = "settings"
    const val REMINDERS = "reminders"
    const val REMINDER_HEALTH = "reminders/health"
    const val ROUTINE = "routine"
    const val YOUR_DATA = "data"

    /** Routes a `limber://open/<route>` link may open: what notifications use, nothing else. */
    private val LINKABLE = setOf(TODAY, PAIN_NEW)

    fun checkIn(session: Int) = "checkin/$session"

    /**
     * The route a `limber://open/<path>` link asks for, if it is one a link may open: Today,
     * a new pain entry, or the check-in of session 1 or 2. Anything else (the link is exported,
     * so any app can send one) is null, and the app stays where it is.
     */
    fun fromLink(path: String?): String? {
        val route = path?.removePrefix("/")?.trimEnd('/') ?: return null
        if (route in LINKABLE) return route
        val session = route.removePrefix("checkin/").takeIf { it != route && it.all(Char::isDigit) && it.length <= 2 }?.toInt()
        // The core's limit on sessions a day; another number opens Today.
        return session?.takeIf { it in 1..maxSessionsPerDay() }?.let(::checkIn)
    }
}

package app.limber.android.data

import app.limber.core.LimberException

/** A core error in words for the screen. The core never puts health data in them. */
fun LimberException.forPeople(): String = when (this) {
    is LimberException.InvalidInput -> "$reason ($field: $range)"
    is LimberException.NotFound -> reason
    is LimberException.NotNow -> reason
    is LimberException.NotADatabase -> "The data file is not Limber's and was left as it is. $reason"
    is LimberException.Corrupt -> "The data file is damaged and was left as it is. $reason"
    is LimberException.NewerVersion -> "The data was saved by a newer Limber: update the app. $reason"
    is LimberException.Storage -> "The phone's storage failed: $reason"
    is LimberException.Internal -> "Something went wrong in Limber: $reason"
}

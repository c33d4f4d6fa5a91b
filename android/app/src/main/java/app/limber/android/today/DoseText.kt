package app.limber.android.today

import app.limber.core.Dose

/** A dose in a few words for an exercise card: "3 × 30 s hold, each side", "2 × 10 reps", "20 min". */
fun doseText(dose: Dose): String {
    val each = when {
        dose.holdSeconds != null -> "${dose.holdSeconds} s hold"
        dose.reps != null -> "${dose.reps} reps"
        dose.minutes != null -> return "${dose.minutes} min"
        else -> return "${dose.sets} ×"
    }
    val side = if (dose.perSide) ", each side" else ""
    return "${dose.sets} × $each$side"
}

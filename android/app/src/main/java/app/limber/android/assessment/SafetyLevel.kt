package app.limber.android.assessment

import app.limber.core.Tier

/**
 * How loudly a triage tier is shown. Urgent and emergency results are BLOCKING: a fixed card
 * in the error colours that no button closes and no scroll hides, because the advice is to
 * get care now rather than exercise.
 */
enum class SafetyLevel(val dismissable: Boolean) {
    CALM(true),
    SEE_DOCTOR_SOON(true),
    BLOCKING(false),
    ;

    companion object {
        fun of(tier: Tier): SafetyLevel = when (tier) {
            Tier.NO_FLAGS -> CALM
            Tier.SOON -> SEE_DOCTOR_SOON
            Tier.URGENT, Tier.EMERGENCY -> BLOCKING
        }
    }
}

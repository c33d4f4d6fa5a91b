package app.limber.android.ui

import app.limber.core.BodySite
import app.limber.core.Confidence
import app.limber.core.DayOfWeek
import app.limber.core.Decision
import app.limber.core.Equipment
import app.limber.core.GateId
import app.limber.core.PainContext
import app.limber.core.PatternId
import app.limber.core.PlanStatus
import app.limber.core.SessionState
import app.limber.core.Side
import app.limber.core.SkipReason
import app.limber.core.StrainPhase
import app.limber.core.Tier

/*
 * Short names for the core's enums. The explanations, reasons and advice all come from the
 * core; these are only labels. Exhaustive, so a new variant in the core fails the build here.
 */

val Tier.label get() = when (this) {
    Tier.NO_FLAGS -> "No warning signs"
    Tier.SOON -> "See a doctor soon"
    Tier.URGENT -> "Urgent: see a doctor today"
    Tier.EMERGENCY -> "Emergency: get help now"
}

val GateId.label get() = when (this) {
    GateId.ACUTE_STRAIN -> "Recent hamstring strain"
    GateId.NERVE -> "Nerve sensitivity"
    GateId.DISC -> "Disc"
    GateId.CAUTION -> "Take care"
}

val PatternId.label get() = when (this) {
    PatternId.TIGHT_HAMSTRINGS -> "Tight hamstrings"
    PatternId.ANTERIOR_TILT -> "Forward pelvic tilt"
    PatternId.NO_CLEAR_FINDING -> "No clear pattern"
}

val Confidence.label get() = when (this) {
    Confidence.POSSIBLE -> "possible"
    Confidence.LIKELY -> "likely"
}

val StrainPhase.label get() = when (this) {
    StrainPhase.PROTECT -> "Protect"
    StrainPhase.GENTLE -> "Gentle loading"
    StrainPhase.FULL -> "Full programme"
}

val BodySite.label get() = when (this) {
    BodySite.LOW_BACK -> "Low back"
    BodySite.BUTTOCK -> "Buttock"
    BodySite.BACK_OF_THIGH -> "Back of thigh"
    BodySite.BEHIND_KNEE -> "Behind the knee"
    BodySite.BELOW_KNEE -> "Below the knee"
    BodySite.FOOT -> "Foot"
}

val Side.label get() = when (this) {
    Side.LEFT -> "Left"
    Side.RIGHT -> "Right"
    Side.BOTH -> "Both"
}

val PainContext.label get() = when (this) {
    PainContext.ON_WAKING -> "On waking"
    PainContext.AFTER_SITTING -> "After sitting"
    PainContext.BEFORE_SESSION -> "Before a session"
    PainContext.DURING_SESSION -> "During a session"
    PainContext.AFTER_SESSION -> "After a session"
    PainContext.EVENING -> "Evening"
    PainContext.OTHER -> "Other"
}

val SkipReason.label get() = when (this) {
    SkipReason.NO_TIME -> "No time"
    SkipReason.TOO_PAINFUL -> "Too painful"
    SkipReason.NO_EQUIPMENT -> "No equipment"
    SkipReason.NOT_TODAY -> "Not today"
    SkipReason.OTHER -> "Other"
}

val DayOfWeek.label get() = when (this) {
    DayOfWeek.MON -> "Mon"
    DayOfWeek.TUE -> "Tue"
    DayOfWeek.WED -> "Wed"
    DayOfWeek.THU -> "Thu"
    DayOfWeek.FRI -> "Fri"
    DayOfWeek.SAT -> "Sat"
    DayOfWeek.SUN -> "Sun"
}

val Decision.label get() = when (this) {
    Decision.PROGRESS -> "Stepped up"
    Decision.KEEP -> "Kept"
    Decision.REGRESS -> "Stepped down"
}

val SessionState.label get() = when (this) {
    SessionState.DONE -> "Done"
    SessionState.DUE -> "Due now"
    SessionState.UPCOMING -> "Later"
    SessionState.MISSED -> "Missed"
}

val PlanStatus.label get() = when (this) {
    PlanStatus.ACTIVE -> "Your routine"
    PlanStatus.PAUSED_STOP -> "Stop the routine for now"
    PlanStatus.NEEDS_SAFETY_ANSWERS -> "Some safety questions need an answer"
    PlanStatus.SEE_DOCTOR -> "See a doctor first"
}

val Equipment.label get() = when (this) {
    Equipment.NO_EQUIPMENT -> "Nothing"
    Equipment.CHAIR -> "Two chairs"
    Equipment.BAND_OR_TOWEL -> "Band, belt or towel"
    Equipment.WALL -> "A wall"
    Equipment.FOAM_ROLLER -> "Foam roller"
    Equipment.ANCHOR -> "Something to hook the heels under"
}

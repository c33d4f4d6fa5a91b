package app.limber.android.today

import app.limber.core.Dose
import app.limber.core.doseSummary

/**
 * The dose line of an exercise card: the core's own words (`doseSummary`), so the phone shows
 * exactly the dose the core planned. The parity test renders every catalog dose through here.
 */
fun doseLine(dose: Dose): String = doseSummary(dose)

package app.limber.android.time

import app.limber.core.LimberException
import app.limber.core.Transition
import app.limber.core.ZoneRulesProvider
import app.limber.core.ZoneWindow
import java.time.DateTimeException
import java.time.Instant
import java.time.ZoneId

/**
 * The phone's own time-zone rules for Limber (issue 17): `java.time.zone.ZoneRules`, which
 * Android updates with the OS (APEX tzdata), so a country that changes its clocks is right in
 * Limber as soon as it is right on the phone. Pure java.time: the JVM parity test runs this very
 * file against the rules compiled into the library.
 *
 * Registered with `registerZoneRules` in `LimberApp.onCreate`: the library has no rules of its
 * own. The core asks once per zone per process for a window (2000-2099): the offset in force at
 * [from] and every change up to [to], oldest first. A zone the phone does not know is [LimberException.InvalidInput].
 */
class JavaTimeZoneRules : ZoneRulesProvider {
    override fun window(zone: String, from: Instant, to: Instant): ZoneWindow {
        val rules = try {
            ZoneId.of(zone).rules
        } catch (e: DateTimeException) {
            throw LimberException.InvalidInput(
                "zone",
                "an IANA time zone id such as Europe/London",
                "invalid zone: must be an IANA time zone id such as Europe/London",
            )
        }
        val transitions = mutableListOf<Transition>()
        var next = rules.nextTransition(from)
        while (next != null && !next.instant.isAfter(to)) {
            transitions += Transition(next.instant, next.offsetAfter.totalSeconds)
            next = rules.nextTransition(next.instant)
        }
        return ZoneWindow(zone, from, to, rules.getOffset(from).totalSeconds, transitions)
    }
}

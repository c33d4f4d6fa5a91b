import Foundation
import LimberCore

/// The phone's own rules, registered once for the run as the app does at launch: the library
/// has none of its own.
let phoneZoneRules: Void = registerZoneRules(provider: FoundationZoneRules())

/// A database path inside a fresh temporary folder, in a subfolder that does not exist yet.
func freshDbPath() -> String {
    _ = phoneZoneRules
    return FileManager.default.temporaryDirectory
        .appendingPathComponent("limber-ios-test-\(UUID().uuidString)")
        .appendingPathComponent("Limber/limber.db")
        .path
}

func date(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

/// Tight hamstrings, nothing alarming: the routine has a plan, so reminders are planned.
let tightAnswers = #"""
{"age": 38, "duration_days": 60, "onset": "gradual", "pain_now": 4, "leg_symptoms": {}, "cauda_equina": {},
 "general": {}, "known": {},
 "slr": {"left_deg": 64, "right_deg": 84, "measured_by": "helper", "felt_at": "back_of_thigh"},
 "nerve_check": false, "slump": false, "crossed_slr": false}
"""#

let everyDay: [DayOfWeek] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]

/// An open database with a plan in force and one reminder slot at 07:30 every day in `zone`.
func readyForReminders(zone: String) throws -> Limber {
    let limber = try Limber.open(path: freshDbPath())
    _ = try limber.submitAssessmentJson(answersJson: tightAnswers, takenAt: date("2026-11-15T18:00:00Z"), utcOffsetMinutes: 0)
    try setZone(zone, on: limber)
    return limber
}

/// What the app does when the device's zone changes: the same settings in the new zone.
func setZone(_ zone: String, on limber: Limber) throws {
    var settings = try limber.reminderSettings()
    settings.slots = [LocalTime(hour: 7, minute: 30)]
    settings.days = everyDay
    settings.timeZone = zone
    _ = try limber.setReminderSettings(settings: settings)
}

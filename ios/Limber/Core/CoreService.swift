import Foundation
import LimberCore

/// The one way into the core. Every call does disk I/O, so it runs here, off the main actor and
/// one at a time; views await it from their @MainActor models. The database opens on first use,
/// after its folder's protection and backup flag are set. The progress chart, export, import
/// and wipe calls are in `Data/DataActions.swift`.
actor CoreService {
    private let files: DatabaseFiles
    private var opened: Limber?

    init(files: DatabaseFiles) {
        self.files = files
    }

    /// The open database (internal so `DataActions.swift` can reach it).
    func database() throws -> Limber {
        if let opened {
            return opened
        }
        let limber = try Limber.open(path: try files.prepare().database.path)
        opened = limber
        return limber
    }

    /// Re-applies the storage choices, after the backup setting changed.
    func applyStoragePreferences() throws {
        _ = try files.prepare()
    }

    // MARK: Assessment

    func latestAssessment() throws -> AssessmentRecord? {
        try database().latestAssessment()
    }

    func submitAssessment(responses: [Response], takenAt: Date, utcOffsetMinutes: Int32) throws -> AssessmentRecord {
        try database().submitAssessment(responses: responses, takenAt: takenAt, utcOffsetMinutes: utcOffsetMinutes)
    }

    // MARK: Routine

    func today(now: Date, timeZone: String) throws -> Today {
        try database().today(now: now, timeZone: timeZone)
    }

    func checkIn(input: CheckInInput, timeZone: String) throws -> CheckInResult {
        try database().checkIn(input: input, timeZone: timeZone)
    }

    func morningCheck(pain: Int32, at: Date, timeZone: String) throws -> MorningCheckResult {
        try database().morningCheck(pain: pain, at: at, timeZone: timeZone)
    }

    func routineSettings() throws -> RoutineSettings {
        try database().routineSettings()
    }

    func setRoutineSettings(settings: RoutineSettings) throws -> RoutineSettings {
        try database().setRoutineSettings(settings: settings)
    }

    func adherence(now: Date, days: Int32) throws -> Adherence {
        try database().adherence(now: now, days: days)
    }

    // MARK: Pain log

    func addPain(input: PainInput) throws -> PainEntry {
        try database().addPain(input: input)
    }

    func getPain(id: String) throws -> PainEntry {
        try database().getPain(id: id)
    }

    func listPain(query: PainQuery) throws -> PainPage {
        try database().listPain(query: query)
    }

    func deletePain(id: String) throws {
        try database().deletePain(id: id)
    }

    // MARK: Reminders

    func reminderSettings() throws -> ReminderSettings {
        try database().reminderSettings()
    }

    func setReminderSettings(settings: ReminderSettings) throws -> ReminderSettings {
        try database().setReminderSettings(settings: settings)
    }

    func upcomingReminders(now: Date, limit: Int32) throws -> [Reminder] {
        try database().upcomingReminders(now: now, limit: limit)
    }

    /// Hands the device's zone to the reminder settings; the core decides (aliases count as the
    /// same zone, an unknown zone is reported and ignored so the re-plan goes on).
    func followDeviceZone(deviceZone: String, now: Date) throws -> ZoneHandOver {
        try database().followDeviceZone(deviceZone: deviceZone, now: now)
    }

    func snooze(id: String, now: Date) throws -> Reminder {
        try database().snooze(id: id, now: now)
    }
}

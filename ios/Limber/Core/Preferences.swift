/// The app's own switches, kept in UserDefaults because they are about this device, not the
/// person's health record. Both are off until the person turns them on.
enum Preferences {
    /// Include the database in iCloud and computer backups.
    static let backupOptInKey = "backupToICloud"
    /// Write pain entries to Health.
    static let writeToHealthKey = "writePainToHealth"
}

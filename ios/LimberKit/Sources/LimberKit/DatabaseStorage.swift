import Foundation

/// Where the database lives and how the system must treat its files. Chosen here, where it is
/// tested; applied by the app when it opens the database.
public struct DatabaseStorage: Equatable, Sendable {
    /// Data protection classes, as the raw values of Foundation's `FileProtectionType`.
    public enum Protection: String, Sendable {
        case complete = "NSFileProtectionComplete"
        case completeUnlessOpen = "NSFileProtectionCompleteUnlessOpen"
        case completeUntilFirstUserAuthentication = "NSFileProtectionCompleteUntilFirstUserAuthentication"
    }

    public static let folderName = "Limber"
    public static let fileName = "limber.db"

    /// The folder, so SQLite's -wal and -shm files share the database's protection and backup
    /// flag (new files inherit the folder's protection class).
    public let folder: URL
    public let protection: Protection
    public let excludedFromBackup: Bool

    public var database: URL { folder.appendingPathComponent(Self.fileName, isDirectory: false) }

    /// `applicationSupport` is the app's Application Support folder: private to the app, kept
    /// across updates, and not shown in the Files app.
    public init(applicationSupport: URL, backupOptIn: Bool) {
        folder = applicationSupport.appendingPathComponent(Self.folderName, isDirectory: true)
        // Not `.complete`: snoozing from a locked screen, the background top-up of reminders and
        // a check-in opened from a reminder all read the database while the phone may be locked.
        // After a reboot this class opens the files once the person has unlocked once.
        protection = .completeUntilFirstUserAuthentication
        // Health data stays off iCloud unless the person asks for it in Settings.
        excludedFromBackup = !backupOptIn
    }
}

import Foundation
import LimberKit

/// Applies the storage choices of `DatabaseStorage` (tested in LimberKit) to the real folder.
struct DatabaseFiles: Sendable {
    /// Creates the folder if needed, then sets its protection class and backup flag, and
    /// returns where the database is.
    func prepare() throws -> DatabaseStorage {
        let manager = FileManager.default
        let support = try manager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        let storage = DatabaseStorage(
            applicationSupport: support,
            backupOptIn: UserDefaults.standard.bool(forKey: Preferences.backupOptInKey)
        )
        let protection = FileProtectionType(rawValue: storage.protection.rawValue)
        try manager.createDirectory(at: storage.folder, withIntermediateDirectories: true, attributes: [.protectionKey: protection])
        // New files (SQLite's -wal and -shm) inherit the folder's class; files that already
        // exist, such as a database restored from a backup, are set one by one.
        try manager.setAttributes([.protectionKey: protection], ofItemAtPath: storage.folder.path)
        for file in try manager.contentsOfDirectory(at: storage.folder, includingPropertiesForKeys: nil) {
            try manager.setAttributes([.protectionKey: protection], ofItemAtPath: file.path)
        }
        var values = URLResourceValues()
        values.isExcludedFromBackup = storage.excludedFromBackup
        var folder = storage.folder
        try folder.setResourceValues(values)
        return storage
    }
}

import Foundation
import LimberKit
import XCTest

final class DatabaseStorageTests: XCTestCase {
    private let support = URL(fileURLWithPath: "/var/mobile/Containers/Data/Application/X/Library/Application Support", isDirectory: true)

    func testTheDatabaseLivesInItsOwnFolderUnderApplicationSupport() {
        let storage = DatabaseStorage(applicationSupport: support, backupOptIn: false)
        XCTAssertEqual(storage.folder.lastPathComponent, "Limber")
        XCTAssertEqual(storage.database.deletingLastPathComponent().path, storage.folder.path)
        XCTAssertEqual(storage.database.lastPathComponent, "limber.db")
    }

    func testFilesOpenAfterTheFirstUnlockSoRemindersWorkAfterAReboot() {
        let storage = DatabaseStorage(applicationSupport: support, backupOptIn: false)
        XCTAssertEqual(storage.protection, .completeUntilFirstUserAuthentication)
        XCTAssertEqual(storage.protection.rawValue, "NSFileProtectionCompleteUntilFirstUserAuthentication")
        #if canImport(Darwin)
        XCTAssertEqual(storage.protection.rawValue, FileProtectionType.completeUntilFirstUserAuthentication.rawValue)
        #endif
    }

    func testBackupIsOffUnlessThePersonOptsIn() {
        XCTAssertTrue(DatabaseStorage(applicationSupport: support, backupOptIn: false).excludedFromBackup)
        XCTAssertFalse(DatabaseStorage(applicationSupport: support, backupOptIn: true).excludedFromBackup)
    }
}

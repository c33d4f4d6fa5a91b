import Foundation
import LimberCore

/// The phone's own rules (Foundation, the iOS app's provider), registered once for the run as
/// the app does at launch: every test that opens a database plans through them.
let phoneZoneRules: Void = registerZoneRules(provider: FoundationZoneRules())

/// A database path inside a fresh temporary folder, in a subfolder that does not exist yet.

func freshDbPath() -> String {
    _ = phoneZoneRules
    return FileManager.default.temporaryDirectory
        .appendingPathComponent("limber-test-\(UUID().uuidString)")
        .appendingPathComponent("data/limber.db")
        .path
}

func date(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

func pain(
    _ level: Int32,
    at: String = "2026-11-20T07:30:00Z",
    note: String? = nil,
    sites: [SitePain]? = nil
) -> PainInput {
    PainInput(
        recordedAt: date(at),
        utcOffsetMinutes: 60,
        level: level,
        sites: sites ?? [SitePain(site: .backOfThigh, side: .left, level: level)],
        context: .onWaking,
        note: note
    )
}

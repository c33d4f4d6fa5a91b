// swift-tools-version:5.9
// The app's platform-free logic: reminder planning, notification routing, pain severity for
// Health, the hold timer, storage choices and local days. Foundation only (no UIKit,
// UserNotifications or HealthKit), so `swift test` runs it on any machine with Swift.
import PackageDescription

let package = Package(
    name: "LimberKit",
    platforms: [.iOS(.v16), .macOS(.v13)],
    products: [.library(name: "LimberKit", targets: ["LimberKit"])],
    targets: [
        .target(name: "LimberKit"),
        .testTarget(name: "LimberKitTests", dependencies: ["LimberKit"]),
    ]
)

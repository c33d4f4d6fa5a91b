// swift-tools-version:5.9
// XCTest cases for the Swift bindings, against the host-built library.
// Run tests/swift/prepare.sh first, then `swift test` here (macOS or Linux with Swift).
import PackageDescription

let libraryDir = Context.packageDirectory + "/../../target/debug"

let package = Package(
    name: "LimberCoreTests",
    platforms: [.macOS(.v13), .iOS(.v16)],
    targets: [
        .systemLibrary(name: "LimberCoreFFI", path: "Sources/LimberCoreFFI"),
        .target(
            name: "LimberCore",
            dependencies: ["LimberCoreFFI"],
            path: "Sources/LimberCore",
            linkerSettings: [
                .unsafeFlags(["-L", libraryDir, "-Xlinker", "-rpath", "-Xlinker", libraryDir]),
                .linkedLibrary("limber_ffi"),
            ]
        ),
        .testTarget(name: "LimberCoreTests", dependencies: ["LimberCore"], path: "Tests/LimberCoreTests"),
    ]
)

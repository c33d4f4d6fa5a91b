// swift-tools-version:5.9
// LimberCore: the Rust core for the app, as the uniffi-generated Swift over a static library.
// `ios/build-xcframework.sh` puts the generated `Sources/LimberCore/LimberCore.swift` and
// `LimberCoreFFI.xcframework` here; neither is committed. Then `swift test` (macOS) runs the
// tests, and the app links this package.
import PackageDescription

let package = Package(
    name: "LimberCore",
    platforms: [.iOS(.v16), .macOS(.v13)],
    products: [.library(name: "LimberCore", targets: ["LimberCore"])],
    targets: [
        .binaryTarget(name: "LimberCoreFFI", path: "LimberCoreFFI.xcframework"),
        .target(
            name: "LimberCore",
            dependencies: ["LimberCoreFFI"],
            path: "Sources/LimberCore",
            // A static library does not carry its own link needs: chrono reads the system time
            // zone through CoreFoundation.
            linkerSettings: [.linkedFramework("CoreFoundation")]
        ),
        .testTarget(name: "LimberCoreTests", dependencies: ["LimberCore"], path: "Tests/LimberCoreTests"),
    ]
)

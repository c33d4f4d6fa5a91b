#!/usr/bin/env bash
# Builds the Rust core for iOS and puts it in the LimberCore Swift package:
#   LimberCore/LimberCoreFFI.xcframework      static libraries + C header + module map
#   LimberCore/Sources/LimberCore/LimberCore.swift   the generated Swift API
# Both are build output, ignored by git. Needs macOS with Xcode and rustup.
#
# Slices: iOS devices (aarch64-apple-ios), the simulator (aarch64-apple-ios-sim and
# x86_64-apple-ios merged with lipo), and macOS (aarch64 and x86_64 merged), the last so that
# `swift test` runs the package's tests on a Mac. LIMBER_SKIP_MACOS=1 leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."

package=ios/LimberCore
work=target/ios
# The C code in the core (bundled SQLite) is compiled for the same minimum OS as the app, or
# the linker warns about objects built for a newer one.
export IPHONEOS_DEPLOYMENT_TARGET=16.0
export MACOSX_DEPLOYMENT_TARGET=13.0

ios_targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
mac_targets=(aarch64-apple-darwin x86_64-apple-darwin)
[ "${LIMBER_SKIP_MACOS:-}" = 1 ] && mac_targets=()
targets=("${ios_targets[@]}" "${mac_targets[@]}")

rustup target add "${targets[@]}"
# The workspace's `mobile` profile (small over fast, LTO), as tests/bench/size.sh measures it.
# The static library alone: with an rlib among a crate's outputs (bindings/Cargo.toml lists
# `lib` for the Rust tests) cargo builds the others without LTO, silently (rust-lang/cargo#4611).
for target in "${targets[@]}"; do
  cargo rustc -p limber-ffi --profile mobile --target "$target" --lib --crate-type staticlib
done

rm -rf "$work"
mkdir -p "$work/headers"
lib() { echo "target/$1/mobile/liblimber_ffi.a"; }
lipo -create "$(lib aarch64-apple-ios-sim)" "$(lib x86_64-apple-ios)" -output "$work/liblimber_ffi_sim.a"
libraries=(-library "$(lib aarch64-apple-ios)" -headers "$work/headers"
           -library "$work/liblimber_ffi_sim.a" -headers "$work/headers")
if [ ${#mac_targets[@]} -gt 0 ]; then
  lipo -create "$(lib aarch64-apple-darwin)" "$(lib x86_64-apple-darwin)" -output "$work/liblimber_ffi_macos.a"
  libraries+=(-library "$work/liblimber_ffi_macos.a" -headers "$work/headers")
fi

# Bindings in library mode from the unstripped debug build, with the workspace's own
# uniffi-bindgen, so the generator always matches the uniffi the library was built with.
cargo build -p limber-ffi -p uniffi-bindgen
target/debug/uniffi-bindgen generate --no-format --library target/debug/liblimber_ffi.dylib \
  --language swift --out-dir "$work/swift"
cp "$work/swift/LimberCoreFFI.h" "$work/headers/"
# An xcframework's headers folder needs the module map under this exact name.
cp "$work/swift/LimberCoreFFI.modulemap" "$work/headers/module.modulemap"

rm -rf "$package/LimberCoreFFI.xcframework"
xcodebuild -create-xcframework "${libraries[@]}" -output "$package/LimberCoreFFI.xcframework"
cp "$work/swift/LimberCore.swift" "$package/Sources/LimberCore/LimberCore.swift"

echo "ready: $package/LimberCoreFFI.xcframework and $package/Sources/LimberCore/LimberCore.swift"
echo "next:  (cd ios && xcodegen generate && open Limber.xcodeproj)"

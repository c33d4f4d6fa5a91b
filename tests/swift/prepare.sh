#!/usr/bin/env bash
# On a machine with Swift: builds the library, generates the bindings and puts them where
# Package.swift expects them. Then run `swift test` in tests/swift.
set -euo pipefail
cd "$(dirname "$0")/../.."
tests/bindings.sh
mkdir -p tests/swift/Sources/LimberCore
cp target/bindings/swift/LimberCore.swift tests/swift/Sources/LimberCore/limber.swift
cp target/bindings/swift/LimberCoreFFI.h tests/swift/Sources/LimberCoreFFI/
# The iOS zone-rules provider (part of the app's LimberCore package), tested against the
# library's own rules (ZoneRulesTests) and registered for every test (Fixtures.swift).
cp ios/LimberCore/Sources/LimberCore/FoundationZoneRules.swift tests/swift/Sources/LimberCore/
echo "ready: cd tests/swift && swift test"

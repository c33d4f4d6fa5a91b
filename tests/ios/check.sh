#!/usr/bin/env bash
# Checks the iOS shell as far as a machine without Swift or Xcode can: every Swift file under
# ios/ parses; Info.plist, the entitlements and the privacy manifest have what the app needs and
# nothing it must not have; the sources keep their rules (no network code, no logging, planned
# APIs in one file); and every call into the core, LimberKit and the app's actors fits the
# declared API. Each check is first shown to catch a broken copy. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=tests/.tools/venv/bin/python
generated=target/bindings/swift/LimberCore.swift

# The API check reads the generated bindings; tests/run has made them by now.
[ -f "$generated" ] || tests/bindings.sh

"$python" tests/ios/selftest.py ios "$generated" "$python"

mapfile -t swift_files < <(find ios -name '*.swift' -not -path '*/.build/*' | sort)
"$python" tests/lint/syntax.py swift "${swift_files[@]}"
"$python" tests/ios/plists.py ios
"$python" tests/ios/sources.py ios
"$python" tests/ios/api.py "$generated" ios

# The static library is built alone, or cargo builds it without LTO (see tests/lint/phone_build.py).
python3 tests/lint/phone_build_selftest.py
python3 tests/lint/phone_build.py ios/build-xcframework.sh staticlib

#!/usr/bin/env bash
# Checks the Android shell as far as a machine without the Android SDK can: (a) the manifest and
# build settings that privacy and reminders rely on, (b) the syntax of every Kotlin file and the
# absence of network, analytics and logging code, (c) the shell logic that needs no Android, on
# the JVM against the host-built core. Every check first proves it can fail. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=tests/.tools/venv/bin/python
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "$*" >&2; exit 1; }

# (a) The manifest check must catch each of these changes.
manifest=android/app/src/main/AndroidManifest.xml
must_catch() { # what, sed script
  sed "$2" "$manifest" >"$tmp/AndroidManifest.xml"
  cmp -s "$manifest" "$tmp/AndroidManifest.xml" && fail "manifest self-test: the change '$1' did not apply"
  if python3 tests/android/check_manifest.py android --manifest "$tmp/AndroidManifest.xml" >/dev/null; then
    fail "the manifest check passed a manifest with $1"
  fi
}
must_catch "the INTERNET permission" 's|^\(\s*\)<application|\1<uses-permission android:name="android.permission.INTERNET" />\n&|'
must_catch "USE_EXACT_ALARM" 's|android.permission.SCHEDULE_EXACT_ALARM|android.permission.USE_EXACT_ALARM|'
must_catch "no TIMEZONE_CHANGED receiver" '/android.intent.action.TIMEZONE_CHANGED/d'
must_catch "no data extraction rules" 's|android:dataExtractionRules="[^"]*"||'
python3 tests/android/check_manifest.py android

# (b) Syntax: a broken file has to be caught, then every Kotlin file and Gradle script parses.
printf 'fun broken( {\n  val x = \n}\n' >"$tmp/Broken.kt"
if "$python" tests/lint/syntax.py kotlin "$tmp/Broken.kt" >/dev/null; then
  fail "the Kotlin syntax check passed a broken file"
fi
mapfile -t kotlin_files < <(find android tests/android -type f \( -name '*.kt' -o -name '*.kts' \) -not -path '*/build/*' | sort)
"$python" tests/lint/syntax.py kotlin "${kotlin_files[@]}"

# Nothing that could send data anywhere or write health data to the system log.
forbidden='^import (java\.net|javax\.net|android\.util\.Log|okhttp3|retrofit2|io\.ktor)|com\.google\.firebase|google\.android\.gms|crashlytics|sentry|println\('
scan() { grep -rnE --include='*.kt' --include='*.kts' --include='*.toml' "$forbidden" "$@"; }
printf 'import java.net.URL\n' >"$tmp/Leak.kt"
scan "$tmp" >/dev/null || fail "the network and logging scan missed a java.net import"
if scan android; then
  fail "network, analytics or logging code in android/ (above)"
fi
echo "no network, analytics or logging code in android/"

# The phone library is built as a cdylib alone, or cargo links it without LTO (16% larger).
python3 tests/lint/phone_build_selftest.py
python3 tests/lint/phone_build.py android/build-rust.sh cdylib

# (c) The plain-Kotlin logic on the JVM; the bindings and host library come from tests/bindings.sh.
if [ ! -d target/bindings/kotlin ] || [ ! -e target/debug/liblimber_ffi.so ]; then
  tests/bindings.sh
fi
tests/android/jvm.sh

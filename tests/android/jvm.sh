#!/usr/bin/env bash
# Compiles the Android shell's plain-Kotlin logic (no android.* imports) with the generated
# bindings, the app's unit tests (android/app/src/test) and the self-test here in one kotlinc
# run, then runs them with JUnit 5 on the JVM against the host-built library, as
# tests/kotlin/run.sh does. Then proves a failing test fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
kotlin=tests/.tools/node_modules/kotlin-compiler
java_libs=/usr/share/java
out=target/android-jvm-tests
src=android/app/src/main/java/app/limber/android
classpath="$java_libs/jna.jar:$java_libs/junit-platform-console-standalone.jar"
classpath="$classpath:$kotlin/lib/kotlin-stdlib.jar:$kotlin/lib/kotlin-test.jar:$kotlin/lib/kotlin-test-junit5.jar"

# The files with shell logic that needs no Android. Listed by hand: anything that touches the
# platform stays out, and a file added here that does not compile on the plain JVM fails this
# step. The tests are the app's own unit tests (android/app/src/test, where Gradle runs them
# too), plus the self-test here.
logic=(
  "$src/assessment/Wizard.kt"
  "$src/data/DeviceTime.kt"
  "$src/data/Errors.kt"
  "$src/measure/GravityFilter.kt"
  "$src/pain/PainForm.kt"
  "$src/pain/PainPages.kt"
  "$src/reminders/AlarmPlan.kt"
  "$src/time/JavaTimeZoneRules.kt"
  "$src/today/CheckInForm.kt"
  "$src/today/DoseLine.kt"
  "$src/today/HoldTimer.kt"
  "$src/ui/Routes.kt"
)
if grep -lE '^import (android|androidx)\.' "${logic[@]}"; then
  echo "the files above must stay free of Android" >&2
  exit 1
fi
mapfile -t tests < <(find android/app/src/test -name '*.kt' | sort)
[ "${#tests[@]}" -gt 0 ] || { echo "no tests in android/app/src/test" >&2; exit 1; }

rm -rf "$out" && mkdir -p "$out"
"$kotlin/bin/kotlinc-jvm" -nowarn -jvm-target 17 -cp "$classpath" -d "$out/tests.jar" \
  target/bindings/kotlin "${logic[@]}" "${tests[@]}" tests/android/SelfTest.kt

# usage: run SELFTEST LAUNCHER-OPTIONS...
run() {
  java -Djna.library.path=target/debug -Dlimber.selftest="$1" -cp "$out/tests.jar:$classpath" \
    org.junit.platform.console.ConsoleLauncher --disable-banner --disable-ansi-colors --fail-if-no-tests "${@:2}"
}
run off --details=tree --class-path "$out/tests.jar" --scan-class-path "$out/tests.jar"

# The run must be able to fail: a deliberately wrong expectation has to be reported.
if run fail --details=none --select-class app.limber.android.tests.SelfTest >/dev/null 2>&1; then
  echo "the JVM test run passed a deliberately failing test" >&2
  exit 1
fi
echo "JVM self-test: a failing test fails the run"

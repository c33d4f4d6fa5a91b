#!/usr/bin/env bash
# Compiles the generated Kotlin bindings and the tests here in one kotlinc run, then runs them
# with JUnit 5 on the JVM against the host-built library. The Android app's zone-rules provider
# is pure java.time, so it is compiled in too and tested here against the library's own rules.
set -euo pipefail
cd "$(dirname "$0")/../.."
kotlin=tests/.tools/node_modules/kotlin-compiler
java_libs=/usr/share/java
out=target/kotlin-tests
classpath="$java_libs/jna.jar:$java_libs/junit-platform-console-standalone.jar"
classpath="$classpath:$kotlin/lib/kotlin-stdlib.jar:$kotlin/lib/kotlin-test.jar:$kotlin/lib/kotlin-test-junit5.jar"
classpath="$classpath:$kotlin/lib/kotlinx-coroutines-core-jvm.jar"

rm -rf "$out" && mkdir -p "$out"
"$kotlin/bin/kotlinc-jvm" -nowarn -jvm-target 17 -cp "$classpath" -d "$out/tests.jar" \
  target/bindings/kotlin tests/kotlin/*.kt \
  android/app/src/main/java/app/limber/android/time/JavaTimeZoneRules.kt

java -Djna.library.path=target/debug -cp "$out/tests.jar:$classpath" \
  org.junit.platform.console.ConsoleLauncher --disable-banner --disable-ansi-colors \
  --fail-if-no-tests --details=tree --class-path "$out/tests.jar" --scan-class-path "$out/tests.jar"

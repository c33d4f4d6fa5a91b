#!/usr/bin/env bash
# A Kotlin→Rust call with a small record against an empty exported call, on the JVM through the
# generated bindings and JNA, against the release library.
set -euo pipefail
cd "$(dirname "$0")/../.."
tests/setup.sh >/dev/null
tests/bindings.sh >/dev/null
cargo build --quiet --release -p limber-ffi
kotlin=tests/.tools/node_modules/kotlin-compiler
out=target/bench-jvm
classpath="/usr/share/java/jna.jar:$kotlin/lib/kotlin-stdlib.jar"
rm -rf "$out" && mkdir -p "$out"
"$kotlin/bin/kotlinc-jvm" -nowarn -jvm-target 17 -cp "$classpath" -d "$out/bench.jar" \
  target/bindings/kotlin tests/bench/JvmCall.kt
java -Djna.library.path=target/release -cp "$out/bench.jar:$classpath" app.limber.bench.JvmCallKt

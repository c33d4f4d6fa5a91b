#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings from the unstripped debug library, in library mode,
# with the workspace's own uniffi-bindgen. Output: target/bindings/{kotlin,swift}.
set -euo pipefail
cd "$(dirname "$0")/.."
# The JVM tests compare java.time with the compiled-in rules (builtinZoneWindow), so the test
# library carries them; the phone build does not (see tests/bench/size.sh).
cargo build --quiet --workspace --features limber-ffi/tzdb
lib=target/debug/liblimber_ffi.so
[ "$(uname)" = Darwin ] && lib=target/debug/liblimber_ffi.dylib
rm -rf target/bindings
for language in kotlin swift; do
  target/debug/uniffi-bindgen generate --no-format --library "$lib" --language "$language" \
    --out-dir "target/bindings/$language" >/dev/null
done
echo "bindings generated in target/bindings"

#!/usr/bin/env bash
# Generates the Kotlin and Swift bindings from the unstripped debug library, in library mode,
# with the workspace's own uniffi-bindgen. Output: target/bindings/{kotlin,swift}.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --workspace
lib=target/debug/liblimber_ffi.so
[ "$(uname)" = Darwin ] && lib=target/debug/liblimber_ffi.dylib
rm -rf target/bindings
for language in kotlin swift; do
  target/debug/uniffi-bindgen generate --no-format --library "$lib" --language "$language" \
    --out-dir "target/bindings/$language" >/dev/null
done
echo "bindings generated in target/bindings"

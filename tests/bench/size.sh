#!/usr/bin/env bash
# The phone library's size: limber-ffi built with the mobile profile (opt-level s, LTO, one
# codegen unit), stripped after bindgen, against a bare uniffi + bundled-rusqlite library
# built the same way. Target: at most 2x (issue 17). Host target here; phones differ a little.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet -p limber-ffi --profile mobile
cargo build --quiet -p limber-bare --profile mobile
out=target/mobile/stripped
mkdir -p "$out"
for lib in limber_ffi limber_bare; do
  # Bindings are generated from the unstripped library; what ships is stripped.
  strip --strip-all -o "$out/lib$lib.so" "target/mobile/lib$lib.so"
done
ours=$(stat -c %s "$out/liblimber_ffi.so")
bare=$(stat -c %s "$out/liblimber_bare.so")
python3 - "$ours" "$bare" <<'PY'
import sys
ours, bare = int(sys.argv[1]), int(sys.argv[2])
print(f"limber-ffi stripped: {ours / 1024:.0f} KiB; bare uniffi + rusqlite: {bare / 1024:.0f} KiB")
print(f"RATIO library_size: {ours / bare:.2f} (target <= 2x)")
PY

#!/usr/bin/env bash
# Builds the cargo-fuzz targets in fuzz/ and fuzzes each for SECONDS_PER_TARGET (default 20).
# Any panic, failed invariant, timeout or out-of-memory fails it; the input that did it is saved
# under fuzz/artifacts/<target>/. fuzz/README.md has the long run and how to replay a crash.
#
# usage: tests/fuzz/run.sh [SECONDS_PER_TARGET [TARGET...]]
#   LIMBER_FUZZ_TOOLCHAIN=stable forces the stable fallback even when nightly is installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-20}
shift || true
# target:max_len. Seeds are at most 9 KB (backup), 1 KB (answers) and 200 bytes (settings).
TARGETS=(backup_import:16384 assessment_answers:4096 reminder_settings:1024)
if [ $# -gt 0 ]; then
  chosen=()
  for t in "$@"; do
    match=$(printf '%s\n' "${TARGETS[@]}" | grep "^$t:" || true)
    [ -n "$match" ] || { echo "no fuzz target $t" >&2; exit 2; }
    chosen+=("$match")
  done
  TARGETS=("${chosen[@]}")
fi

export PATH="$ROOT/tests/.tools/cargo/bin:$PATH"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: run tests/setup.sh" >&2
  exit 1
fi

# Nightly when rustup has one; otherwise the pinned stable toolchain with RUSTC_BOOTSTRAP (no
# sanitizer needs nightly here, see below). Never installs a toolchain.
if [ "${LIMBER_FUZZ_TOOLCHAIN:-}" != stable ] && rustup toolchain list 2>/dev/null | grep -q '^nightly-'; then
  FUZZ=(cargo +nightly fuzz)
  TOOLCHAIN=nightly
else
  FUZZ=(env RUSTC_BOOTSTRAP=1 cargo fuzz)
  TOOLCHAIN="$(rustc --version) with RUSTC_BOOTSTRAP=1"
fi
# --sanitizer none: Limber has no unsafe code, and ASan does not instrument the bundled SQLite
# (C), so it would find nothing a panic does not, at about twice the build time and half the
# speed. Debug assertions and overflow checks stay on; 16 codegen units build faster on 2 cores.
BUILD=(--release --debug-assertions --sanitizer none --codegen-units 16 --fuzz-dir "$ROOT/fuzz")

echo "building the fuzz targets ($TOOLCHAIN)"
start=$(date +%s)
"${FUZZ[@]}" build "${BUILD[@]}"
echo "built in $(($(date +%s) - start)) s"

# Statics in the targets keep their temporary databases: give them a folder removed afterwards.
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

for entry in "${TARGETS[@]}"; do
  target=${entry%%:*}
  max_len=${entry##*:}
  # New finds go to a git-ignored working corpus; the committed seeds stay as they are.
  work="$ROOT/fuzz/target/corpus/$target"
  mkdir -p "$work" "$SCRATCH/$target"
  log="$SCRATCH/$target.log"
  echo "fuzzing $target for $SECONDS_PER_TARGET s"
  if ! TMPDIR="$SCRATCH/$target" "${FUZZ[@]}" run "${BUILD[@]}" "$target" "$work" "$ROOT/fuzz/corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len="$max_len" -timeout=20 \
      -dict="$ROOT/fuzz/dict/$target.dict" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E 'DONE|^Done ' "$log"
done
echo "no crash"

#!/usr/bin/env bash
# Peak memory (maximum resident set size, from getrusage of the child) of the whole release CLI
# process for each export format on the ten-year history, and for `limber import` of its JSON
# backup into an empty database. Target for every export: under 64 MB, flat however long the
# history. The data comes from the restore bench (target/bench-data), run first by tests/bench/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=target/bench-data
if [ ! -f "$data/ten-years-v1.db" ] || [ ! -f "$data/ten-years-backup.json" ]; then
  cargo bench --quiet -p limber-core --bench restore >/dev/null
fi
cargo build --quiet --release -p limber-cli
limber="$PWD/target/release/limber"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$data/ten-years-v1.db" "$work/history.db"
peak() { # peak RSS in MB of one run of the command, which must succeed quietly
  python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f}")
PY
}
clock=(--now 2026-01-01T12:00:00Z --tz Europe/London)
for format in json csv fhir report; do
  mb=$(peak "$limber" --db "$work/history.db" "${clock[@]}" export --format "$format" --out "$work/export-$format")
  size=$(stat -c %s "$work/export-$format")
  python3 -c "import sys; mb, size = float(sys.argv[1]), int(sys.argv[2]); print(f'RATIO export_{sys.argv[3]}_peak_rss_mb: {mb:.1f} (file {size / 1e6:.1f} MB; target < 64 MB)')" "$mb" "$size" "$format"
done
mb=$(peak "$limber" --db "$work/restored.db" import "$data/ten-years-backup.json")
size=$(stat -c %s "$data/ten-years-backup.json")
echo "import peak RSS: $mb MB for a $(python3 -c "print(f'{$size / 1e6:.1f}')") MB backup (all records are checked before any is written)"

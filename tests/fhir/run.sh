#!/usr/bin/env bash
# Exports a FHIR bundle from a generated sample database and validates it against the FHIR R4
# models (fhir.resources, installed by tests/setup.sh), then proves the validation can fail.
# Offline: the export is a Rust test that writes the bundle when LIMBER_FHIR_SAMPLE is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=tests/.tools/fhir-venv/bin/python
OUT=target/fhir/sample-bundle.json
rm -f "$OUT"
LIMBER_FHIR_SAMPLE="$PWD/$OUT" cargo test --quiet -p limber-core --lib -- \
  --exact limber::tests::fhir::the_sample_bundle_exports_and_is_written_for_the_r4_validator >/dev/null
"$PYTHON" tests/fhir/validate.py "$OUT"
"$PYTHON" tests/fhir/validate.py --self-test "$OUT"
# A broken file on disk must fail the validator itself, not just the self-test.
BROKEN=target/fhir/broken-bundle.json
"$PYTHON" - "$OUT" "$BROKEN" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
data["entry"][0]["resource"]["valueInteger"] = "four"
json.dump(data, open(sys.argv[2], "w"))
PY
if "$PYTHON" tests/fhir/validate.py "$BROKEN" 2>/dev/null; then
  echo "the validator accepted a broken bundle" >&2
  exit 1
fi
echo "a broken bundle file is refused"

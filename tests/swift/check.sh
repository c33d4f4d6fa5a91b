#!/usr/bin/env bash
# Checks what can be checked of Swift without a Swift toolchain: every Swift file (generated
# and hand-written) parses, and the generated C header compiles.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=tests/.tools/venv/bin/python
generated=target/bindings/swift

# The checker must be able to fail: a broken file has to be caught.
broken=$(mktemp --suffix=.swift)
printf 'func broken( {\n  let x = \n}\n' >"$broken"
if "$python" tests/lint/syntax.py swift "$broken" >/dev/null; then
  echo "the Swift syntax check passed a broken file" >&2
  exit 1
fi
rm -f "$broken"

mapfile -t swift_files < <({ ls "$generated"/*.swift; git ls-files --cached --others --exclude-standard '*.swift'; } | sort -u)
"$python" tests/lint/syntax.py swift "${swift_files[@]}"

# gcc lacks clang's nullability qualifiers; they carry no meaning for a syntax check.
printf '#include "LimberCoreFFI.h"\n' |
  gcc -fsyntax-only -Wall -Werror -D_Nullable= -D_Nonnull= -D_Null_unspecified= -I "$generated" -x c -
echo "C header: LimberCoreFFI.h compiles"

"""The phone build check must refuse each of these builds, and pass the good ones."""

import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from phone_build import problems  # noqa: E402

GOOD = "cargo rustc -p limber-ffi --profile mobile --lib --crate-type cdylib"
BAD = [
    "cargo build -p limber-ffi --profile mobile",
    "cargo build -p limber-ffi --profile=mobile",
    "cargo build --package limber-ffi --profile mobile",
    "cargo build -p limber-ffi --release",
    "cargo build --profile mobile",
    'cargo rustc -p "$p" --profile mobile --crate-type cdylib',
    "CARGO_PROFILE=mobile cargo build -p limber-ffi",
    "cargo build -p limber-ffi --profile mobile  # rustc --crate-type cdylib",
    "cargo rustc -p limber-ffi --profile mobile --crate-type cdylib,lib",
    "cargo rustc -p limber-ffi --profile mobile --crate-type staticlib",
    "cargo ndk -t arm64-v8a -o out \\\n  build -p limber-ffi --profile mobile",
    "true && cargo build -p limber-ffi --profile mobile",
]

failures = []
if problems(GOOD, "cdylib"):
    failures.append(f"refused a good build: {GOOD}")
if problems("cargo ndk -t x86_64 -o out \\\n  " + GOOD.removeprefix("cargo "), "cdylib"):
    failures.append("refused the good cargo-ndk build")
if not problems("cargo build -p limber-ffi -p uniffi-bindgen", "cdylib")[0].startswith("no build"):
    failures.append("a script with only the debug build was not reported as having no phone build")
for bad in BAD:
    if not problems(GOOD + "\n" + bad, "cdylib"):
        failures.append(f"passed: {bad!r}")
for failure in failures:
    print(f"phone build check self-test: {failure}", file=sys.stderr)
if failures:
    sys.exit(1)
print(f"phone build check self-test: {len(BAD)} bad builds refused, the good ones passed")

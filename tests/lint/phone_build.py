"""Checks that a phone build script builds limber-ffi's shipped output alone.

bindings/Cargo.toml lists `lib` beside `cdylib` and `staticlib` (the Rust tests need the rlib).
With an rlib among a crate's outputs cargo links the others without LTO and says nothing
(rust-lang/cargo#4611): the phone library was 16% larger, and every call between Rust functions
went through the GOT. The phone builds therefore use `cargo rustc --crate-type <one type>`.

    python3 tests/lint/phone_build.py SCRIPT CRATE_TYPE

Exits 1 naming the line when the script builds limber-ffi with the mobile profile any other way,
or never builds it that way at all.
"""

import re
import sys


def commands(text: str) -> list[tuple[int, str]]:
    """The script's commands with backslash continuations joined, and their first line numbers."""
    out, start, parts = [], 0, []
    for number, line in enumerate(text.splitlines(), 1):
        if not parts:
            start = number
        if line.rstrip().endswith("\\"):
            parts.append(line.rstrip()[:-1])
            continue
        parts.append(line)
        out.append((start, " ".join(p.strip() for p in parts)))
        parts = []
    return out


def problems(text: str, crate_type: str) -> list[str]:
    found, good = [], 0
    for number, command in commands(text):
        if command.lstrip().startswith("#"):
            continue
        if not re.search(r"-p limber-ffi\b", command) or "--profile mobile" not in command:
            continue
        words = command.split()
        if "rustc" in words and f"--crate-type {crate_type}" in command:
            good += 1
        else:
            found.append(f"line {number}: builds limber-ffi for the phone without "
                         f"`rustc ... --crate-type {crate_type}`: {command.strip()}")
    if good == 0 and not found:
        found.append(f"no build of limber-ffi with --profile mobile and --crate-type {crate_type}")
    return found


def main() -> int:
    path, crate_type = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as file:
        found = problems(file.read(), crate_type)
    for problem in found:
        print(f"{path}: {problem}", file=sys.stderr)
    if not found:
        print(f"{path}: limber-ffi is built as a {crate_type} alone (LTO applies)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Checks that a phone build script builds limber-ffi's shipped output alone.

bindings/Cargo.toml lists `lib` beside `cdylib` and `staticlib` (the Rust tests need the rlib).
With an rlib among a crate's outputs cargo compiles the crate without `-C lto` and says nothing
(rust-lang/cargo#4611): the phone library was 16% larger, and every call between Rust functions
went through the GOT. The phone builds therefore use `cargo rustc --crate-type <one type>`.

    python3 tests/lint/phone_build.py SCRIPT CRATE_TYPE

A phone build is any cargo command with the mobile profile (`--profile mobile`,
`--profile=mobile`, `CARGO_PROFILE=...mobile`) or `--release`. Each must be `rustc`, name
limber-ffi (`-p`, `--package`, with or without `=`), and give `--crate-type` exactly CRATE_TYPE.
Exits 1 naming the line of any other, or when the script has no such build at all.
"""

import shlex
import sys


def commands(text: str) -> list[tuple[int, list[str]]]:
    """The script's commands as words (comments dropped, continuations joined), with line numbers."""
    out, start, parts = [], 0, []
    for number, line in enumerate(text.splitlines(), 1):
        if not parts:
            start = number
        stripped = line.rstrip()
        if stripped.endswith("\\"):
            parts.append(stripped[:-1])
            continue
        parts.append(line)
        try:
            words = shlex.split(" ".join(parts), comments=True)
        except ValueError:  # an unbalanced quote spans lines: read it as plain words
            words = " ".join(parts).split()
        parts = []
        for piece in split_on_operators(words):
            out.append((start, piece))
    return out


def split_on_operators(words: list[str]) -> list[list[str]]:
    """`a && b; c | d` as three commands."""
    pieces, current = [], []
    for word in words:
        if word in ("&&", "||", ";", "|", "&"):
            pieces.append(current)
            current = []
        else:
            current.append(word)
    pieces.append(current)
    return [p for p in pieces if p]


def option(words: list[str], *names: str) -> list[str]:
    """Every value given to any of the options `names`, as `--name value` or `--name=value`."""
    values = []
    for i, word in enumerate(words):
        for name in names:
            if word == name and i + 1 < len(words):
                values.append(words[i + 1])
            elif word.startswith(name + "=") and name.startswith("--"):
                values.append(word.split("=", 1)[1])
    return values


def problems(text: str, crate_type: str) -> list[str]:
    found, good = [], 0
    for number, words in commands(text):
        if "cargo" not in words:
            continue
        cargo = words[words.index("cargo") + 1 :]
        env = words[: words.index("cargo")]
        phone = (
            "mobile" in option(cargo, "--profile")
            or "--release" in cargo
            or any(w.startswith("CARGO_PROFILE") and w.endswith("mobile") for w in env)
        )
        if not phone:
            continue
        ok = (
            "rustc" in cargo
            and option(cargo, "-p", "--package") == ["limber-ffi"]
            and option(cargo, "--crate-type") == [crate_type]
        )
        if ok:
            good += 1
        else:
            found.append(f"line {number}: a phone build that is not `cargo rustc -p limber-ffi "
                         f"--crate-type {crate_type}`: {shlex.join(words)}")
    if good == 0 and not found:
        found.append(f"no build of limber-ffi with the mobile profile and --crate-type {crate_type}")
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

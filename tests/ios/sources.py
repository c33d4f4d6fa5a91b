#!/usr/bin/env python3
"""Checks rules of the iOS sources that a reviewer would otherwise have to remember.

- no network code and no logging in the app and its packages (health data stays on the phone);
- no remote Swift packages (no third-party code, so no analytics);
- LimberKit imports Foundation only, so `swift test` runs it anywhere;
- no copy of a rule the core owns: no dose formatter of the app's own (`extension Dose`), no
  tier or card comparison deciding what blocks or warns (the core's `resultDisplay`,
  `cardDisplay`, `stopsEarly`), no reminder limit or zone comparison of the app's own
  (`reminderLimit`, `followDeviceZone`);
- `Section` is always qualified: SwiftUI and LimberCore both declare one, and an unqualified
  use does not compile.

usage: sources.py IOS_DIR
"""
import re
import sys
from pathlib import Path

GENERATED = {"LimberCore/Sources/LimberCore/LimberCore.swift"}

NETWORK = re.compile(
    r"\b(URLSession|URLRequest|NSURLConnection|NWConnection|NWPathMonitor|URLSessionWebSocketTask|CFStream\w*|"
    r"MultipeerConnectivity|CloudKit|CKContainer)\b|^\s*import\s+(Network|CloudKit)\b",
    re.M,
)
LOGGING = re.compile(r"(?<![\w.])(print|debugPrint|dump|NSLog|os_log)\s*\(|\bLogger\s*\(|^\s*import\s+(os|OSLog)\b", re.M)
COPIED_RULE = re.compile(
    r"extension\s+(?:LimberCore\.)?Dose\b|\.tier\s*[!=]=|tier\s*==\s*\.|case\s+\.caudaEquina\b|\bplanLimit\b|"
    r"settings\.timeZone\s*[!=]="
)
UNQUALIFIED_SECTION = re.compile(r"(?<![\w.])Section\s*[({]")
IMPORT = re.compile(r"^\s*import\s+(\w+)", re.M)


def strip_comments(text):
    """Comments may say anything; only code is checked. (String contents are kept.)"""
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def line_of(text, index):
    return text.count("\n", 0, index) + 1


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    ios = Path(argv[1])
    problems = []
    files = sorted(p for p in ios.rglob("*.swift") if ".build" not in p.parts)
    for path in files:
        relative = path.relative_to(ios).as_posix()
        if relative in GENERATED:
            continue
        code = strip_comments(path.read_text())
        is_test = "/Tests/" in f"/{relative}"

        def flag(pattern, why):
            for m in pattern.finditer(code):
                problems.append(f"{path}:{line_of(code, m.start())}: {why}: {m.group(0).strip()}")

        flag(NETWORK, "network code")
        if not is_test:
            flag(LOGGING, "logging (no health data in logs: log nothing)")
        if not is_test and relative.startswith("Limber/"):
            flag(COPIED_RULE, "a copy of a rule the core owns (call the core instead)")
        if relative.startswith("Limber/"):
            flag(UNQUALIFIED_SECTION, "write SwiftUI.Section or LimberCore.Section")
        if relative.startswith("LimberKit/Sources/"):
            for m in IMPORT.finditer(code):
                if m.group(1) != "Foundation":
                    problems.append(f"{path}:{line_of(code, m.start())}: LimberKit imports Foundation only, not {m.group(1)}")
    for manifest in sorted(ios.rglob("Package.swift")):
        if ".build" in manifest.parts:
            continue
        if re.search(r"\.package\s*\(\s*url\s*:", manifest.read_text()):
            problems.append(f"{manifest}: remote package dependency (local packages only)")
    for p in problems:
        print(p)
    print(f"iOS source rules: {len(files)} files, {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

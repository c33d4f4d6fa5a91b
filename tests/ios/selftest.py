#!/usr/bin/env python3
"""Shows that each iOS check can fail: one broken copy of ios/ per row, and the check must
reject it. A check that cannot fail proves nothing.

usage: selftest.py IOS_DIR GENERATED_SWIFT PYTHON
"""
import plistlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYNTAX = HERE.parent / "lint" / "syntax.py"


def edit(relative, old, new):
    def apply(root):
        path = root / relative
        text = path.read_text()
        if old not in text:
            raise SystemExit(f"selftest: {relative} no longer contains {old!r}; update the row")
        path.write_text(text.replace(old, new, 1))
    return apply


def plist(relative, change):
    def apply(root):
        path = root / relative
        data = plistlib.loads(path.read_bytes())
        change(data)
        path.write_bytes(plistlib.dumps(data))
    return apply


def write(relative, text):
    def apply(root):
        (root / relative).write_text(text)
    return apply


# (what is broken, the check that must catch it, how to break it)
ROWS = [
    ("a Swift file that does not parse", "syntax", write("Limber/Broken.swift", "func broken( {\n  let x = \n}\n")),
    ("Info.plist without NSHealthShareUsageDescription", "plists",
     plist("Limber/Support/Info.plist", lambda d: d.pop("NSHealthShareUsageDescription"))),
    ("Info.plist without NSHealthUpdateUsageDescription", "plists",
     plist("Limber/Support/Info.plist", lambda d: d.pop("NSHealthUpdateUsageDescription"))),
    ("Info.plist without the fetch background mode", "plists",
     plist("Limber/Support/Info.plist", lambda d: d.update(UIBackgroundModes=["processing"]))),
    ("a task identifier Info.plist does not permit", "plists",
     edit("Limber/Notifications/BackgroundRefresh.swift", '"app.limber.ios.refresh"', '"app.limber.ios.other"')),
    ("entitlements without HealthKit", "plists",
     plist("Limber/Support/Limber.entitlements", lambda d: d.pop("com.apple.developer.healthkit"))),
    ("a network client entitlement", "plists",
     plist("Limber/Support/Limber.entitlements", lambda d: d.update({"com.apple.security.network.client": True}))),
    ("network code", "sources",
     edit("Limber/Core/CoreService.swift", "    init(files: DatabaseFiles) {", "    let session = URLSession.shared\n    init(files: DatabaseFiles) {")),
    ("logging", "sources", edit("Limber/Core/CoreService.swift", "        opened = limber\n", "        opened = limber\n        print(path)\n")),
    ("a copy of the core's dose formatter", "sources",
     write("Limber/Support/DoseCopy.swift", "import LimberCore\n\nextension Dose {\n    var text: String { \"\" }\n}\n")),
    ("a tier comparison deciding what blocks", "sources",
     edit("Limber/Assessment/AssessmentResultView.swift", "private var isSerious: Bool { display.level == .blocking }",
          "private var isSerious: Bool { result.triage.tier == .urgent }")),
    ("an unqualified Section", "sources", edit("Limber/Settings/SettingsScreen.swift", "SwiftUI.Section {", "Section {")),
    ("UIKit in LimberKit", "sources", edit("LimberKit/Sources/LimberKit/HoldTimer.swift", "import Foundation", "import UIKit")),
    ("a wrong label on a core method", "api",
     edit("Limber/Core/CoreService.swift", "try database().today(now: now, timeZone: timeZone)", "try database().today(at: now, timeZone: timeZone)")),
    ("a core method that does not exist", "api",
     edit("Limber/Core/CoreService.swift", "try database().latestAssessment()", "try database().newestAssessment()")),
    ("a wrong label on a record", "api", edit("Limber/Pain/PainLogModel.swift", "PainQuery(limit:", "PainQuery(count:")),
    ("a wrong label on an enum case", "api", edit("Limber/Assessment/QuestionView.swift", ".choices(ids: [])", ".choices(values: [])")),
    ("a wrong label on the app's own actor", "api",
     edit("Limber/Today/TodayModel.swift", "services.core.today(now: Date()", "services.core.today(date: Date()")),
]


def run_check(kind, root, generated, python):
    files = [str(p) for p in sorted(root.rglob("*.swift"))]
    commands = {
        "syntax": [python, str(SYNTAX), "swift", *files],
        "plists": [python, str(HERE / "plists.py"), str(root)],
        "sources": [python, str(HERE / "sources.py"), str(root)],
        "api": [python, str(HERE / "api.py"), generated, str(root)],
    }
    return subprocess.run(commands[kind], capture_output=True, text=True)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    ios, generated, python = Path(argv[1]), argv[2], argv[3]
    ignore = shutil.ignore_patterns(".build", ".swiftpm", "*.xcframework", "*.xcodeproj", "LimberCore.swift")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for row, (what, kind, breaks) in enumerate(ROWS):
            root = Path(tmp) / str(row) / "ios"
            shutil.copytree(ios, root, ignore=ignore)
            # The untouched copy must pass, or the row proves nothing.
            if run_check(kind, root, generated, python).returncode != 0:
                failures.append(f"the {kind} check fails on an unbroken copy")
                continue
            breaks(root)
            if run_check(kind, root, generated, python).returncode == 0:
                failures.append(f"the {kind} check passed {what}")
    for f in failures:
        print(f"selftest: {f}")
    print(f"iOS check self-tests: {len(ROWS) - len(failures)} of {len(ROWS)} broken copies caught")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

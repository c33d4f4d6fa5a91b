#!/usr/bin/env python3
"""Checks the iOS app's property lists: Info.plist, the entitlements and the privacy manifest.

usage: plists.py IOS_DIR
Exits 1 and names every problem found.
"""
import plistlib
import re
import sys
from pathlib import Path

INFO = "Limber/Support/Info.plist"
ENTITLEMENTS = "Limber/Support/Limber.entitlements"
PRIVACY = "Limber/Support/PrivacyInfo.xcprivacy"
BACKGROUND_SOURCE = "Limber/Notifications/BackgroundRefresh.swift"
PROJECT = "project.yml"

# Anything that would let the app reach a network, or be reached from one.
NETWORK_ENTITLEMENT = re.compile(
    r"^(com\.apple\.security\.network\.|com\.apple\.developer\.networking\.|aps-environment$"
    r"|com\.apple\.developer\.icloud|com\.apple\.developer\.ubiquity|com\.apple\.developer\.associated-domains$)"
)


def load(path, problems):
    try:
        with open(path, "rb") as f:
            return plistlib.load(f)
    except FileNotFoundError:
        problems.append(f"{path}: missing")
    except Exception as e:  # a malformed plist is a problem to report, not a crash
        problems.append(f"{path}: not a valid property list ({e})")
    return None


def non_empty_string(d, key):
    return isinstance(d.get(key), str) and d[key].strip() != ""


def check_info(info, ios, problems):
    where = f"{ios / INFO}"
    for key in ("NSHealthUpdateUsageDescription", "NSHealthShareUsageDescription"):
        if not non_empty_string(info, key):
            problems.append(f"{where}: {key} must be a non-empty explanation")
    modes = info.get("UIBackgroundModes")
    if not isinstance(modes, list) or "fetch" not in modes:
        problems.append(f"{where}: UIBackgroundModes must include fetch (BGAppRefreshTask)")
    elif set(modes) - {"fetch", "processing"}:
        problems.append(f"{where}: UIBackgroundModes has modes the app does not use: {sorted(set(modes) - {'fetch', 'processing'})}")
    permitted = info.get("BGTaskSchedulerPermittedIdentifiers")
    if not isinstance(permitted, list) or not permitted:
        problems.append(f"{where}: BGTaskSchedulerPermittedIdentifiers must list the refresh task")
        permitted = []
    source = ios / BACKGROUND_SOURCE
    if source.exists():
        used = re.findall(r'static let identifier = "([^"]+)"', source.read_text())
        if not used:
            problems.append(f"{source}: no task identifier found")
        for identifier in used:
            if identifier not in permitted:
                problems.append(f"{where}: BGTaskSchedulerPermittedIdentifiers lacks {identifier} (used in {source})")
    ats = info.get("NSAppTransportSecurity", {})
    if isinstance(ats, dict) and any(ats.get(k) for k in ("NSAllowsArbitraryLoads", "NSAllowsArbitraryLoadsInWebContent", "NSAllowsLocalNetworking")):
        problems.append(f"{where}: NSAppTransportSecurity must not loosen network security")
    if "UILaunchScreen" not in info and "UILaunchStoryboardName" not in info:
        problems.append(f"{where}: needs UILaunchScreen, or iOS runs the app letterboxed")


def check_entitlements(entitlements, ios, problems):
    where = f"{ios / ENTITLEMENTS}"
    if entitlements.get("com.apple.developer.healthkit") is not True:
        problems.append(f"{where}: com.apple.developer.healthkit must be true")
    for key in entitlements:
        if NETWORK_ENTITLEMENT.match(key):
            problems.append(f"{where}: {key} is a network entitlement; Limber has no network code")
    protection = entitlements.get("com.apple.developer.default-data-protection")
    if protection not in (None, "NSFileProtectionCompleteUntilFirstUserAuthentication"):
        problems.append(f"{where}: default data protection {protection} would stop reminders working while locked")


def check_privacy(privacy, ios, problems):
    where = f"{ios / PRIVACY}"
    if privacy.get("NSPrivacyTracking") is not False:
        problems.append(f"{where}: NSPrivacyTracking must be false")
    for key in ("NSPrivacyTrackingDomains", "NSPrivacyCollectedDataTypes"):
        if privacy.get(key) != []:
            problems.append(f"{where}: {key} must be an empty list (nothing is collected or tracked)")


def check_project(ios, problems):
    """project.yml must point at these files (plain text: no YAML parser is installed here)."""
    path = ios / PROJECT
    if not path.exists():
        problems.append(f"{path}: missing")
        return
    text = path.read_text()
    for setting, expected in (("INFOPLIST_FILE", INFO), ("CODE_SIGN_ENTITLEMENTS", ENTITLEMENTS)):
        found = re.search(rf"^\s*{setting}:\s*(\S+)\s*$", text, re.M)
        if not found or found.group(1) != expected:
            problems.append(f"{path}: {setting} must be {expected}")
    if re.search(r"^\s*url:", text, re.M):
        problems.append(f"{path}: remote packages are not allowed (local packages only)")


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    ios = Path(argv[1])
    problems = []
    for relative, check in ((INFO, check_info), (ENTITLEMENTS, check_entitlements), (PRIVACY, check_privacy)):
        data = load(ios / relative, problems)
        if data is not None:
            check(data, ios, problems)
    check_project(ios, problems)
    for p in problems:
        print(p)
    print(f"iOS property lists: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Checks the Android shell's manifest and build file for what the privacy and reminder design
relies on; exits 1 listing every problem.

- no INTERNET permission (nothing leaves the phone but an export), no USE_EXACT_ALARM (reserved
  for alarm-clock apps; Limber asks for SCHEDULE_EXACT_ALARM and falls back to a window);
- POST_NOTIFICATIONS, SCHEDULE_EXACT_ALARM and RECEIVE_BOOT_COMPLETED declared;
- a receiver for every event after which reminders are re-armed, and every declared component
  backed by a Kotlin class;
- backup and data-extraction rules referenced, and both exclude the database the code opens;
- minSdk 26 in app/build.gradle.kts.

usage: check_manifest.py [ANDROID_DIR] [--manifest PATH]
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ANDROID = "{http://schemas.android.com/apk/res/android}"
PACKAGE = "app.limber.android"
DB = "limber.db"
REQUIRED_PERMISSIONS = [
    "android.permission.POST_NOTIFICATIONS",
    "android.permission.SCHEDULE_EXACT_ALARM",
    "android.permission.RECEIVE_BOOT_COMPLETED",
]
FORBIDDEN_PERMISSIONS = ["android.permission.INTERNET", "android.permission.USE_EXACT_ALARM"]
REARM_ACTIONS = [
    "android.intent.action.BOOT_COMPLETED",
    "android.intent.action.TIME_SET",
    "android.intent.action.TIMEZONE_CHANGED",
    "android.intent.action.MY_PACKAGE_REPLACED",
    "android.app.action.SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED",
]
# The database and the files SQLite keeps beside it (WAL mode).
DB_FILES = [DB, DB + "-wal", DB + "-shm"]


def check_permissions(manifest):
    declared = {e.get(ANDROID + "name") for e in manifest.iter("uses-permission")}
    declared |= {e.get(ANDROID + "name") for e in manifest.iter("uses-permission-sdk-23")}
    problems = [f"permission {p} is missing" for p in REQUIRED_PERMISSIONS if p not in declared]
    problems += [f"permission {p} must not be declared" for p in FORBIDDEN_PERMISSIONS if p in declared]
    return problems


def check_components(manifest, java_root):
    problems = []
    receiver_actions = {
        a.get(ANDROID + "name") for r in manifest.iter("receiver") for a in r.iter("action")
    }
    problems += [f"no receiver for {a}" for a in REARM_ACTIONS if a not in receiver_actions]
    application = manifest.find("application")
    components = [application] + [
        e for tag in ("activity", "receiver", "service") for e in application.iter(tag)
    ]
    for component in components:
        name = component.get(ANDROID + "name") or ""
        full = PACKAGE + name if name.startswith(".") else name
        if not full.startswith(PACKAGE + "."):
            continue
        path = java_root / (full.replace(".", "/") + ".kt")
        simple = full.rsplit(".", 1)[1]
        if not path.exists() or not re.search(rf"\bclass {simple}\b", path.read_text()):
            problems.append(f"{component.tag} {name}: no class {simple} in {path}")
    return problems


def excluded_files(element):
    return {e.get("path") for e in element.iter("exclude") if e.get("domain") == "file"}


def check_backup(manifest, res):
    application = manifest.find("application")
    problems = []
    rules = {}
    for attribute in ("dataExtractionRules", "fullBackupContent"):
        value = application.get(ANDROID + attribute) or ""
        if not value.startswith("@xml/"):
            problems.append(f"application has no android:{attribute}=@xml/...")
            continue
        path = res / "xml" / (value[len("@xml/"):] + ".xml")
        if not path.exists():
            problems.append(f"android:{attribute} names {path}, which does not exist")
            continue
        rules[attribute] = ET.parse(path).getroot()
    extraction = rules.get("dataExtractionRules")
    if extraction is not None:
        for section in ("cloud-backup", "device-transfer"):
            element = extraction.find(section)
            missing = DB_FILES if element is None else [f for f in DB_FILES if f not in excluded_files(element)]
            problems += [f"data extraction rules: {section} does not exclude {f}" for f in missing]
    full_backup = rules.get("fullBackupContent")
    if full_backup is not None:
        problems += [f"full backup rules do not exclude {f}" for f in DB_FILES if f not in excluded_files(full_backup)]
    return problems


def check_database_location(java_root):
    """The rules exclude filesDir/limber.db: the code must open exactly that file."""
    sources = "\n".join(p.read_text() for p in java_root.rglob("*.kt"))
    if not re.search(rf'File\(\s*filesDir\s*,\s*"{re.escape(DB)}"\s*\)', sources):
        return [f'the database is not opened as File(filesDir, "{DB}"), which the backup rules exclude']
    return []


def check_min_sdk(gradle):
    if not re.search(r"^\s*minSdk\s*=\s*26\s*$", gradle.read_text(), re.MULTILINE):
        return [f"{gradle}: minSdk = 26 not found"]
    return []


def main(argv):
    args = argv[1:]
    manifest_path = None
    if "--manifest" in args:
        i = args.index("--manifest")
        manifest_path = Path(args[i + 1])
        del args[i : i + 2]
    android = Path(args[0] if args else "android")
    main_dir = android / "app" / "src" / "main"
    manifest_path = manifest_path or main_dir / "AndroidManifest.xml"
    manifest = ET.parse(manifest_path).getroot()
    java_root = main_dir / "java"
    problems = (
        check_permissions(manifest)
        + check_components(manifest, java_root)
        + check_backup(manifest, main_dir / "res")
        + check_database_location(java_root)
        + check_min_sdk(android / "app" / "build.gradle.kts")
    )
    for p in problems:
        print(f"{manifest_path}: {p}")
    if not problems:
        print(f"manifest: {manifest_path} has what reminders and privacy need")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

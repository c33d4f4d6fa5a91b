//! `limber data` end to end: export and import, reports and charts, file modes, damage and rescue.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod common;

use common::Limber;

fn with_history() -> Limber {
    let limber = Limber::new();
    let dir = limber.db.parent().unwrap().to_owned();
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("a.json");
    std::fs::write(
        &answers,
        r#"{"age": 40, "onset": "gradual", "known": {}, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "slr": {"left_deg": 66, "right_deg": 70, "measured_by": "helper", "felt_at": "back_of_thigh"}, "nerve_check": false}"#,
    )
    .unwrap();
    limber.ok(&[
        "assess",
        "--answers",
        answers.to_str().unwrap(),
        "--now",
        "2026-11-01T12:00:00Z",
        "--tz",
        "Europe/London",
    ]);
    for day in 2..=20 {
        let at = format!("2026-11-{day:02}T09:00:00Z");
        let level = if day < 10 { "6" } else { "3" };
        limber.ok(&[
            "pain",
            "log",
            "--level",
            level,
            "--site",
            "low_back=5",
            "--note",
            "a note, with \"quotes\"",
            "--at",
            &at,
        ]);
        limber.ok(&[
            "check-in",
            "--all-done",
            "1",
            "--now",
            &format!("2026-11-{day:02}T08:30:00Z"),
            "--tz",
            "Europe/London",
        ]);
    }
    limber
}

fn dump(limber: &Limber) -> (serde_json::Value, String) {
    let pain = limber.json(&["pain", "list", "--json"]);
    let progress =
        limber.ok(&["progress", "--json", "--now", "2026-11-21T12:00:00Z", "--tz", "Europe/London"]);
    // generated_at aside, the summary must match.
    let progress = progress.lines().filter(|l| !l.contains("generated_at")).collect::<Vec<_>>().join("\n");
    (pain, progress)
}

#[test]
fn export_wipe_import_gives_back_exactly_what_there_was() {
    let limber = with_history();
    let before = dump(&limber);
    let backup = limber.db.parent().unwrap().join("backup.json");
    limber.ok(&["export", "--format", "json", "--out", backup.to_str().unwrap()]);

    assert!(limber.fails(&["wipe"]).contains("--yes"), "wipe asks for --yes");
    limber.ok(&["wipe", "--yes"]);
    assert_eq!(limber.json(&["pain", "list", "--json"]), serde_json::json!([]));

    let text = limber.ok(&["import", backup.to_str().unwrap()]);
    assert!(text.contains("added"), "{text}");
    assert_eq!(dump(&limber), before);
    let again = limber.ok(&["import", backup.to_str().unwrap()]);
    assert!(again.starts_with("Imported: 0 added"), "{again}");
}

#[test]
fn a_broken_or_hostile_file_changes_nothing() {
    let limber = with_history();
    let before = dump(&limber);
    let dir = limber.db.parent().unwrap();
    let backup = dir.join("backup.json");
    limber.ok(&["export", "--format", "json", "--out", backup.to_str().unwrap()]);
    let text = std::fs::read_to_string(&backup).unwrap();
    let hostile = [
        ("bad-level.json", text.replacen("\"level\": 6", "\"level\": 60", 1)),
        ("not-json.json", "{ this is not json".to_owned()),
        ("nested.json", "[".repeat(100_000)),
        ("newer.json", text.replacen("\"format_version\": 1", "\"format_version\": 99", 1)),
    ];
    for (name, content) in hostile {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let err = limber.fails(&["import", path.to_str().unwrap()]);
        assert!(err.starts_with("error:"), "{name}: {err}");
        assert_eq!(dump(&limber), before, "{name} changed something");
    }
}

#[test]
fn exports_report_and_chart_are_written() {
    let limber = with_history();
    let dir = limber.db.parent().unwrap();
    for (format, magic) in [("csv", &b"PK"[..]), ("fhir", b"{"), ("report", b"<!DOCTYPE html>")] {
        let out = limber.ok(&["export", "--format", format, "--out", dir.to_str().unwrap()]);
        let path = out.trim().trim_start_matches("Exported ").split(" (").next().unwrap().to_owned();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{format}: {path}");
    }
    let report = dir.join("report.html");
    limber.ok(&["report", "--out", report.to_str().unwrap(), "--now", "2026-11-21T12:00:00Z"]);
    assert!(std::fs::read_to_string(&report).unwrap().contains("@page"));
    let chart = dir.join("chart.svg");
    limber.ok(&["report", "--chart", "--out", chart.to_str().unwrap(), "--now", "2026-11-21T12:00:00Z"]);
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.contains("<title") && svg.contains("<desc"), "accessible chart");
}

#[test]
fn progress_reports_the_meaningful_fall() {
    let limber = with_history();
    let summary =
        limber.json(&["progress", "--json", "--now", "2026-11-21T12:00:00Z", "--tz", "Europe/London"]);
    assert_eq!(summary["change"]["meaningful"], true);
    let text = limber.ok(&["progress", "--now", "2026-11-21T12:00:00Z", "--tz", "Europe/London"]);
    assert!(text.contains("meaningful"), "{text}");
    assert!(limber.fails(&["progress", "--from", "yesterday"]).contains("invalid from"));
}

#[test]
fn errors_say_error_once_and_a_newer_backup_says_it_is_a_backup() {
    // Issue 14, point 7.
    let limber = Limber::new();
    for args in [
        &["import", "/missing.json"][..],
        &["export", "--format", "json", "--out", "/proc/nope/x.json"][..],
        &["assess", "--answers", "/missing.json"][..],
    ] {
        let err = limber.fails(args);
        assert!(err.starts_with("error: cannot ") && !err.contains("error: error"), "{args:?}: {err}");
    }
    let file = limber.db.parent().unwrap().join("newer.json");
    let backup = serde_json::json!({"format": "limber-backup", "format_version": 2, "schema_version": 1,
        "exported_at": "2026-11-20T08:00:00Z", "settings": {}});
    std::fs::write(&file, backup.to_string()).unwrap();
    let err = limber.fails(&["import", file.to_str().unwrap()]);
    assert!(
        err.starts_with("error: the file is a backup of format 2 from a newer version of Limber"),
        "{err}"
    );
    assert!(!err.contains("database was written"), "{err}");
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_folder_is_0700_and_every_file_limber_writes_0600() {
    // Issue 14, point 8: the folder and database as the CLI creates them.
    let limber = Limber::new();
    for day in 10..=20 {
        limber.ok(&["pain", "log", "--level", "4", "--at", &format!("2026-11-{day}T09:00:00Z")]);
    }
    let dir = limber.db.parent().unwrap();
    assert_eq!(mode(dir), 0o700);
    assert_eq!(mode(&limber.db), 0o600);
    // SQLite's WAL and SHM files while a connection is open take the database's mode.
    let store = limber_core::Limber::open(&limber.db).unwrap();
    for suffix in ["-wal", "-shm"] {
        let side = dir.join(format!("limber.db{suffix}"));
        assert_eq!(mode(&side), 0o600, "{suffix}");
    }
    drop(store);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    for args in [
        vec!["export", "--format", "json", "--out"],
        vec!["export", "--format", "csv", "--out"],
        vec!["export", "--format", "fhir", "--out"],
    ] {
        let mut args = args.clone();
        args.push(out.to_str().unwrap());
        limber.ok(&args);
    }
    let report = out.join("report.html");
    let chart = out.join("chart.svg");
    limber.ok(&["report", "--out", report.to_str().unwrap()]);
    limber.ok(&["report", "--chart", "--out", chart.to_str().unwrap()]);
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 5, "{files:?}");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    // An existing database others can read: a warning, and the command still works.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&limber.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = limber.run(&["pain", "list", "--limit", "1"]);
    assert!(run.status.success());
    let warning = String::from_utf8(run.stderr).unwrap();
    assert!(
        warning.starts_with("warning: ") && warning.contains("can be read by other accounts"),
        "{warning}"
    );
}

#[cfg(unix)]
#[test]
fn a_database_in_a_read_only_place_is_read_and_exported_and_writes_fail_with_one_line() {
    // Issue 14, point 6: `pain list` failed with "attempt to write a readonly database".
    use std::os::unix::fs::PermissionsExt;
    let limber = with_history();
    let dir = limber.db.parent().unwrap().to_owned();
    let out = tempfile::tempdir().unwrap();
    // Root ignores permissions: then the commands run as nobody, for whom the folder and the
    // file (root's, 0755 and 0644) are read-only. Otherwise the folder and file are made so.
    let root = permissions_ignored();
    std::fs::set_permissions(out.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&limber.db, std::fs::Permissions::from_mode(if root { 0o644 } else { 0o444 }))
        .unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(if root { 0o755 } else { 0o555 }))
        .unwrap();
    // The temporary folder above it (0700) must let nobody through.
    if let Some(top) = dir.parent() {
        std::fs::set_permissions(top, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let run = |args: &[&str]| -> std::process::Output {
        let mut command = if root {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_limber")]);
            c
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_limber"))
        };
        command.arg("--db").arg(&limber.db).args(args).env_remove("LIMBER_TZ").env("TZ", "UTC");
        command.output().unwrap()
    };
    let list = run(&["pain", "list", "--json", "--limit", "3"]);
    assert!(list.status.success(), "{}", String::from_utf8_lossy(&list.stderr));
    let entries: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 3);
    for format in ["json", "csv"] {
        let export = run(&["export", "--format", format, "--out", out.path().to_str().unwrap()]);
        assert!(export.status.success(), "{format}: {}", String::from_utf8_lossy(&export.stderr));
    }
    let upcoming = run(&["reminders", "upcoming", "--json", "--now", "2026-11-20T06:00:00Z"]);
    assert!(upcoming.status.success(), "{}", String::from_utf8_lossy(&upcoming.stderr));
    let write = run(&["pain", "log", "--level", "3"]);
    assert!(!write.status.success());
    let err = String::from_utf8(write.stderr).unwrap();
    let last = err.trim_end().lines().last().unwrap();
    assert!(last.starts_with("error: the database is read-only here"), "{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 1, "{err}");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
}

/// Whether permissions bind this process (they do not bind root).
#[cfg(unix)]
fn permissions_ignored() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("probe");
    std::fs::write(&file, "x").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::OpenOptions::new().append(true).open(&file).is_ok()
}

#[test]
fn a_damaged_database_is_refused_and_rescue_saves_what_can_be_read() {
    let limber = with_history();
    // Damage the pain entries' first page, as a torn write would, with a WAL left behind.
    let conn = root_page_bytes(&limber.db, "pain_entry");
    let mut bytes = std::fs::read(&limber.db).unwrap();
    bytes[conn.0..conn.0 + conn.1].fill(0xA5);
    std::fs::write(&limber.db, &bytes).unwrap();
    std::fs::write(limber.db.with_file_name("limber.db-wal"), [0u8; 32]).unwrap();
    let err = limber.fails(&["pain", "list"]);
    assert_eq!(
        err,
        "error: the database file is damaged; it was left untouched; `limber rescue --out FILE` saves what can still be read"
    );
    assert_eq!(std::fs::read(&limber.db).unwrap(), bytes, "not a byte changed");
    let out = limber.db.parent().unwrap().join("rescued.json");
    let said = limber.ok(&["rescue", "--out", out.to_str().unwrap()]);
    assert!(said.contains("Lost (damaged in the file):") && said.contains("pain entries: damaged"), "{said}");
    let rescued: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(rescued["assessments"].as_array().unwrap().len(), 1);
    assert!(!rescued["check_ins"].as_array().unwrap().is_empty());
    // It restores into a new database.
    let fresh = Limber::new();
    let said = fresh.ok(&["import", out.to_str().unwrap()]);
    assert!(said.starts_with("Imported:"), "{said}");
}

/// The byte range of a table's first (root) page.
fn root_page_bytes(db: &std::path::Path, table: &str) -> (usize, usize) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    let root: i64 =
        conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
    (((root - 1) * page_size) as usize, page_size as usize)
}

/// Piped (as here), export and import print their result and nothing else: no progress bar,
/// no control characters on stderr.
#[test]
fn piped_export_and_import_are_quiet() {
    let limber = with_history();
    let dir = limber.db.parent().unwrap().to_owned();
    let backup = dir.join("quiet.json");
    for args in [
        vec!["export", "--format", "json", "--out", backup.to_str().unwrap()],
        vec!["export", "--format", "csv", "--out", dir.to_str().unwrap()],
        vec!["import", backup.to_str().unwrap()],
    ] {
        let out = limber.run(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?} wrote to stderr: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(!stdout.contains('\r') && !stdout.contains('\u{1b}'), "{stdout:?}");
    }
}

/// An export that cannot be finished leaves no half-written file behind, and says why.
#[test]
fn a_failed_export_leaves_no_file() {
    let limber = with_history();
    let target = limber.db.parent().unwrap().join("missing-folder").join("backup.json");
    let err = limber.fails(&["export", "--format", "json", "--out", target.to_str().unwrap()]);
    assert!(err.starts_with("error: cannot write"), "{err}");
    assert!(!target.exists());
    // An unknown zone is refused before any file is made.
    let target = limber.db.parent().unwrap().join("backup.json");
    let err = limber.fails(&[
        "export",
        "--format",
        "json",
        "--tz",
        "Mars/Olympus",
        "--out",
        target.to_str().unwrap(),
    ]);
    assert!(err.contains("time_zone") || err.contains("tz"), "{err}");
    let left: Vec<_> = std::fs::read_dir(limber.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("backup"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Every error line says `error:` once (a file that cannot be read, wipe without --yes).
#[test]
fn errors_say_error_once() {
    let limber = Limber::new();
    let missing = limber.db.parent().unwrap().join("no-such-backup.json");
    for args in [vec!["import", missing.to_str().unwrap()], vec!["wipe"]] {
        let err = limber.fails(&args);
        assert!(err.starts_with("error: ") && !err.starts_with("error: error"), "{err}");
    }
}

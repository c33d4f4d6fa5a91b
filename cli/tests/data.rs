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

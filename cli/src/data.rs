//! Progress and the person's data: `limber progress`, `report`, `export`, `import`, `wipe`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use limber_core::Error;
use limber_core::progress::{ExportFormat, ProgressListener, ProgressStage, ProgressSummary, chart, export};
use limber_core::zone::parse_tz;

use crate::clock::Clock;
use crate::{CliError, CliResult, db, print_json};

pub fn progress(
    db: Option<PathBuf>,
    clock: Clock,
    from: Option<String>,
    to: Option<String>,
    json: bool,
    out: &mut impl Write,
) -> CliResult {
    let summary = summary(db, &clock, from, to)?;
    if json {
        return print_json(out, &summary);
    }
    writeln!(out, "Progress from {} to {}", summary.from, summary.to)?;
    writeln!(out, "{}", summary.description)?;
    if let Some(last) = summary.days.last() {
        writeln!(
            out,
            "Latest day ({}): mean {:.1}, 7-day mean {:.1}",
            last.date, last.mean, last.rolling_mean_7d
        )?;
    }
    for week in summary.weeks.iter().rev().take(4).rev() {
        let percent = week.percent.map_or("-".to_owned(), |p| format!("{p}%"));
        writeln!(out, "Week of {}: {} of {} sessions ({percent})", week.week_start, week.done, week.planned)?;
    }
    Ok(())
}

pub fn report(
    db: Option<PathBuf>,
    clock: Clock,
    out_path: &Path,
    chart_only: bool,
    out: &mut impl Write,
) -> CliResult {
    let bytes = if chart_only {
        chart::svg(&summary(db, &clock, None, None)?).into_bytes()
    } else {
        db::open(db)?.export(ExportFormat::ReportHtml, clock.now, &clock.tz)?.bytes
    };
    write_file(out_path, &bytes)?;
    writeln!(
        out,
        "Wrote {} ({}).",
        out_path.display(),
        if chart_only { "chart, SVG" } else { "report, HTML for A4" }
    )?;
    Ok(())
}

pub fn export(
    db: Option<PathBuf>,
    clock: Clock,
    format: &str,
    out_path: &Path,
    out: &mut impl Write,
) -> CliResult {
    let format = ExportFormat::parse("format", format)?;
    let store = db::open(db)?;
    let info = export::file_info(format, clock.now, &clock.tz)?;
    // A folder gets the export's own file name inside it.
    let target = if out_path.is_dir() { out_path.join(&info.file_name) } else { out_path.to_owned() };
    // Written beside the target and renamed into place: a failed export leaves no half file.
    let partial = partial_path(&target);
    let cannot = |e: std::io::Error| CliError::Usage(format!("cannot write {}: {e}", target.display()));
    // Private to its owner (0600), like every file Limber writes.
    let mut file = db::create_private(&partial).map_err(cannot)?;
    let bar = Bar::new("exporting");
    let written = store.export_to(format, clock.now, &clock.tz, &mut file, &bar).and_then(|info| {
        file.sync_all()?;
        Ok(info)
    });
    bar.finish();
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e.into());
    }
    std::fs::rename(&partial, &target).map_err(cannot)?;
    let bytes = std::fs::metadata(&target).map_err(cannot)?.len();
    writeln!(out, "Exported {} ({}, {bytes} bytes).", target.display(), info.mime_type)?;
    Ok(())
}

pub fn import(db: Option<PathBuf>, file: &Path, out: &mut impl Write) -> CliResult {
    let cannot = |e: std::io::Error| CliError::Usage(format!("cannot read {}: {e}", file.display()));
    let reader = std::fs::File::open(file).map_err(cannot)?;
    let len = reader.metadata().map_err(cannot)?.len();
    let mut store = db::open(db)?;
    let bar = Bar::new("restoring");
    let report = store.import_backup_from(reader, len, &bar);
    bar.finish();
    let report = report?;
    writeln!(out, "Imported: {} added, {} already there.", report.added, report.skipped)?;
    for line in &report.summary {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

pub fn wipe(db: Option<PathBuf>, yes: bool, out: &mut impl Write) -> CliResult {
    if !yes {
        return Err(CliError::Usage(
            "wipe deletes every entry, assessment, check-in and setting for good; run `limber wipe --yes` \
             (export first with `limber export --format json --out FILE` to keep a copy)"
                .into(),
        ));
    }
    db::open(db)?.wipe_all_data()?;
    writeln!(out, "All data deleted.")?;
    Ok(())
}

/// `limber rescue`: reads a damaged database without changing it and writes what could be read
/// as a JSON backup, naming what was lost.
pub fn rescue(db: Option<PathBuf>, clock: Clock, out_path: &Path, out: &mut impl Write) -> CliResult {
    let db = db::path(db)?;
    let rescue = limber_core::Limber::open_damaged(&db)?.rescue(clock.now)?;
    let bytes = serde_json::to_vec_pretty(&rescue.backup)?;
    let day = clock.now.with_timezone(&clock.zone).date_naive();
    let target = if out_path.is_dir() {
        out_path.join(format!("limber-rescue-{day}.json"))
    } else {
        out_path.to_owned()
    };
    write_file(&target, &bytes)?;
    let b = &rescue.backup;
    writeln!(
        out,
        "Saved what could be read to {}: {} pain entries, {} assessments, {} check-ins, {} morning checks.",
        target.display(),
        b.pain_entries.len(),
        b.assessments.len(),
        b.check_ins.len(),
        b.morning_checks.len()
    )?;
    if rescue.lost.is_empty() {
        writeln!(out, "Nothing was lost.")?;
    } else {
        writeln!(out, "Lost (damaged in the file):")?;
        for line in &rescue.lost {
            writeln!(out, "  {line}")?;
        }
    }
    if rescue.lost.is_empty() && !limber_core::Limber::damage_marker(&db).exists() {
        return Ok(());
    }
    writeln!(
        out,
        "To go on: move {} away (keep it until you have checked what was saved), then \
         `limber import {}` restores it into a new database at the same place.",
        db.display(),
        target.display()
    )?;
    Ok(())
}

fn summary(
    db: Option<PathBuf>,
    clock: &Clock,
    from: Option<String>,
    to: Option<String>,
) -> CliResult<ProgressSummary> {
    let date = |field: &str, text: Option<String>| -> CliResult<Option<NaiveDate>> {
        text.map(|t| {
            NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                .map_err(|_| Error::invalid(field, "a date as YYYY-MM-DD").into())
        })
        .transpose()
    };
    parse_tz("tz", &clock.tz)?;
    let (from, to) = (date("from", from)?, date("to", to)?);
    Ok(db::open(db)?.progress_summary(from, to, clock.now, &clock.tz)?)
}

/// Every file Limber writes is private to its owner (`0600`).
fn write_file(path: &Path, bytes: &[u8]) -> CliResult {
    db::write_private(path, bytes)
}

/// `limber-backup-2026-11-20.json.partial` beside the target.
fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    target.with_file_name(name)
}

/// A progress bar on a terminal (stderr), nothing at all when stderr is piped or redirected.
struct Bar(ProgressBar);

impl Bar {
    fn new(what: &'static str) -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(0).with_prefix(what);
        bar.set_style(
            ProgressStyle::with_template("{prefix}: {msg} {bar:30} {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Bar(bar)
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl ProgressListener for Bar {
    fn on_progress(&self, stage: ProgressStage, done: i64, total: i64) {
        let (unit, done, total) = match stage {
            // Bytes read, shown in KiB so the numbers stay short.
            ProgressStage::Reading => ("KiB read", done / 1024, total / 1024),
            ProgressStage::Checking => ("records checked", done, total),
            ProgressStage::Writing => ("records written", done, total),
        };
        self.0.set_message(unit);
        self.0.set_length(total.max(done).max(0) as u64);
        self.0.set_position(done.max(0) as u64);
    }
}

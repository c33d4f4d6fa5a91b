//! Progress and the person's data: `limber progress`, `report`, `export`, `import`, `wipe`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use limber_core::Error;
use limber_core::progress::{ExportFormat, ProgressSummary, chart};
use limber_core::zone::parse_tz;

use crate::clock::Clock;
use crate::{CliError, CliResult, db, print_json};

/// Read in chunks so the bar moves on large files.
const READ_CHUNK: usize = 256 * 1024;

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
    let file = db::open(db)?.export(format, clock.now, &clock.tz)?;
    // A folder gets the export's own file name inside it.
    let target = if out_path.is_dir() { out_path.join(&file.file_name) } else { out_path.to_owned() };
    write_file(&target, &file.bytes)?;
    writeln!(out, "Exported {} ({}, {} bytes).", target.display(), file.mime_type, file.bytes.len())?;
    Ok(())
}

pub fn import(db: Option<PathBuf>, file: &Path, out: &mut impl Write) -> CliResult {
    let bytes = read_with_progress(file)?;
    let spinner = ProgressBar::new_spinner().with_message("checking every record, then restoring in one go");
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let report = db::open(db)?.import_backup(&bytes);
    spinner.finish_and_clear();
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
    let rescue = limber_core::Store::open_damaged(db::path(db)?)?.rescue(clock.now)?;
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
    writeln!(out, "Restore it into a new database with `limber --db NEW.db import {}`.", target.display())?;
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

/// Reads the backup with a progress bar on the terminal (hidden when not a terminal).
fn read_with_progress(path: &Path) -> CliResult<Vec<u8>> {
    let cannot = |e: std::io::Error| CliError::Usage(format!("cannot read {}: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    let bar = ProgressBar::new(len).with_message("reading");
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:30} {bytes}/{total_bytes}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut bytes = Vec::with_capacity(len.min(64 << 20) as usize);
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let n = file.read(&mut chunk).map_err(cannot)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..n]);
        bar.inc(n as u64);
        // The core refuses anything past its cap; stop reading a huge file early.
        if bytes.len() > limber_core::progress::backup::MAX_BYTES {
            break;
        }
    }
    bar.finish_and_clear();
    Ok(bytes)
}

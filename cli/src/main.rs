//! `limber`: the desktop shell on Limber's core. It parses arguments, calls the core and prints;
//! every rule lives in `limber-core`.

mod ask;
mod assess;
mod clock;
mod data;
mod db;
mod measure;
mod pain;
mod reminders;
mod routine;
mod when;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "limber",
    version,
    about = "Back and hamstring self-care: assessment, routine, reminders and a pain log, all offline."
)]
struct Cli {
    /// The database file [default: the platform data folder, e.g. ~/.local/share/limber/limber.db]
    #[arg(long, global = true, env = "LIMBER_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(flatten)]
    clock: clock::ClockArgs,

    /// With no command: what to do today.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Take the self-assessment: safety questions, history and home tests.
    Assess(assess::AssessArgs),
    /// Measure a home test (slr, ake, thomas) from a recorded phone trace.
    Measure(measure::MeasureArgs),
    /// Log and review pain.
    #[command(subcommand)]
    Pain(pain::PainCommand),
    #[command(flatten)]
    Routine(routine::RoutineCommand),
    /// Set and see reminders.
    #[command(subcommand)]
    Reminders(reminders::RemindersCommand),
    /// Put off a reminder by the snooze length.
    Snooze {
        /// The reminder's id (from `limber reminders upcoming`).
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Streaks and adherence over the last four weeks.
    Streak {
        #[arg(long)]
        json: bool,
    },
    /// Pain trend, sessions per week and test results over a range of local dates.
    Progress {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A one-page report for a clinician (HTML, prints on A4), or with --chart the chart alone (SVG).
    Report {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        chart: bool,
    },
    /// Export your data: csv (a zip, one file per kind of record), json (a full backup) or fhir.
    Export {
        #[arg(long, value_parser = ["csv", "json", "fhir", "report"])]
        format: String,
        /// A file, or a folder to put the export in.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Restore a JSON backup; checked whole first, then merged by id. A bad file changes nothing.
    Import { file: PathBuf },
    /// Delete all data from this database, leaving nothing in the file.
    Wipe {
        #[arg(long)]
        yes: bool,
    },
    /// Save what can still be read from a damaged database as a JSON backup, and say what was
    /// lost. The damaged file is only read; import the backup into a new database.
    Rescue {
        /// The backup file to write, or a folder to put it in.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(first_line(&e.to_string()), 2),
    };
    let mut out = std::io::stdout().lock();
    let db_path = db::path(cli.db.clone()).ok();
    let result = match cli.command {
        Some(Command::Assess(args)) => {
            cli.clock.resolve().and_then(|clock| assess::run(cli.db, clock, args, &mut out))
        }
        Some(Command::Measure(args)) => measure::run(args, &mut out),
        Some(Command::Pain(command)) => {
            cli.clock.resolve().and_then(|clock| pain::run(cli.db, clock, command, &mut out))
        }
        Some(Command::Routine(command)) => {
            cli.clock.resolve().and_then(|clock| routine::run(cli.db, clock, command, &mut out))
        }
        Some(Command::Reminders(command)) => {
            cli.clock.resolve().and_then(|clock| reminders::run(cli.db, clock, command, &mut out))
        }
        Some(Command::Snooze { id, json }) => {
            cli.clock.resolve().and_then(|clock| reminders::snooze(cli.db, clock, &id, json, &mut out))
        }
        Some(Command::Streak { json }) => {
            cli.clock.resolve().and_then(|clock| reminders::streak(cli.db, clock, json, &mut out))
        }
        Some(Command::Progress { from, to, json }) => {
            cli.clock.resolve().and_then(|clock| data::progress(cli.db, clock, from, to, json, &mut out))
        }
        Some(Command::Report { out: path, chart }) => {
            cli.clock.resolve().and_then(|clock| data::report(cli.db, clock, &path, chart, &mut out))
        }
        Some(Command::Export { format, out: path }) => {
            cli.clock.resolve().and_then(|clock| data::export(cli.db, clock, &format, &path, &mut out))
        }
        Some(Command::Import { file }) => data::import(cli.db, &file, &mut out),
        Some(Command::Wipe { yes }) => data::wipe(cli.db, yes, &mut out),
        Some(Command::Rescue { out: path }) => {
            cli.clock.resolve().and_then(|clock| data::rescue(cli.db, clock, &path, &mut out))
        }
        None => cli.clock.resolve().and_then(|clock| {
            routine::run(cli.db, clock, routine::RoutineCommand::Today { json: false }, &mut out)
        }),
    };
    match result.and_then(|()| out.flush().map_err(Into::into)) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`limber | head`): nothing more to say.
        Err(CliError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CliError::Core(limber_core::Error::Corrupt)) => {
            // One process per command: damage met here is remembered for the next command (a
            // marker beside the database; the database itself is left untouched).
            if let Some(path) = &db_path {
                limber_core::Limber::remember_damage(path);
            }
            fail(
                &format!(
                    "error: {}; `limber rescue --out FILE` saves what can still be read",
                    limber_core::Error::Corrupt
                ),
                1,
            )
        }
        Err(e) => fail(&format!("error: {e}"), 1),
    }
}

/// Errors are one line on stderr and a non-zero exit.
fn fail(line: &str, code: u8) -> ExitCode {
    eprintln!("{line}");
    ExitCode::from(code)
}

fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or(text)
}

/// What a command can fail with: the core's typed errors, or the shell's own (paths, output).
#[derive(Debug)]
pub enum CliError {
    /// A typed error of the core (bad input naming its field, storage, damage), printed as is.
    Core(limber_core::Error),
    /// A shell-level problem the person can fix (a file that cannot be read or written, no home
    /// folder): the whole one-line message.
    Usage(String),
    /// Writing the output (or serialising it to JSON) failed; a closed pipe (`limber | head`) is
    /// not an error.
    Io(std::io::Error),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Core(e) => e.fmt(f),
            CliError::Usage(text) => f.write_str(text),
            CliError::Io(e) => write!(f, "output: {e}"),
        }
    }
}

impl From<limber_core::Error> for CliError {
    fn from(e: limber_core::Error) -> Self {
        CliError::Core(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Io(e)
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        CliError::Io(e.into())
    }
}

/// What every command returns: `()` by default, or a value for the caller to print.
pub type CliResult<T = ()> = Result<T, CliError>;

/// Stable JSON for `--json`: pretty, one document, a final newline.
pub fn print_json(out: &mut impl Write, value: &impl serde::Serialize) -> CliResult {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

//! `limber pain ...`: log, list, edit and delete pain entries.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Utc};
use clap::{Args, Subcommand};
use limber_core::Error;
use limber_core::pain::{BodySite, PainContext, PainEntry, PainInput, PainQuery, Side, SitePain};
use limber_core::validate::in_range;
use serde::Serialize;

use crate::clock::Clock;
use crate::{CliResult, db, when};

#[derive(Subcommand)]
pub enum PainCommand {
    /// Log how much it hurts now (or at --at).
    Log(LogArgs),
    /// List entries, newest first.
    List(ListArgs),
    /// Change an entry; fields not given keep their value.
    Edit(EditArgs),
    /// Delete an entry.
    Delete {
        /// The entry's id (from `limber pain list`).
        id: String,
    },
}

#[derive(Args)]
pub struct LogArgs {
    /// Overall pain, 0 (none) to 10 (worst imaginable).
    #[arg(long, allow_hyphen_values = true)]
    level: i32,
    #[command(flatten)]
    details: Details,
}

#[derive(Args)]
pub struct EditArgs {
    id: String,
    /// Overall pain, 0 to 10.
    #[arg(long, allow_hyphen_values = true)]
    level: Option<i32>,
    #[command(flatten)]
    details: Details,
    /// Remove every body site from the entry.
    #[arg(long, conflicts_with = "sites")]
    clear_sites: bool,
}

#[derive(Args)]
pub struct Details {
    /// A body site and its level, e.g. low_back=5 or back_of_thigh:left=6. Repeat for more.
    /// Sites: low_back, buttock, back_of_thigh, behind_knee, below_knee, foot; sides: left,
    /// right, both.
    #[arg(long = "site", value_name = "SITE[:SIDE]=LEVEL")]
    sites: Vec<String>,
    /// When it was: on_waking, after_sitting, before_session, during_session, after_session,
    /// evening, other [default for new entries: other].
    #[arg(long)]
    context: Option<String>,
    /// A note, at most 2,000 characters.
    #[arg(long)]
    note: Option<String>,
    /// When the pain was felt, RFC 3339 with its offset [default: now, on the clock of --now
    /// and --tz].
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
}

#[derive(Args)]
pub struct ListArgs {
    /// From this date or RFC 3339 time, inclusive. A date is the entry's own local day (its
    /// wall clock when it was logged), as in `progress` and the CSV export.
    #[arg(long)]
    from: Option<String>,
    /// Up to this date (inclusive, the entry's own local day) or RFC 3339 time (exclusive).
    #[arg(long)]
    to: Option<String>,
    /// At most this many entries [default: all].
    #[arg(long)]
    limit: Option<i32>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(db: Option<PathBuf>, clock: Clock, command: PainCommand, out: &mut impl Write) -> CliResult {
    match command {
        PainCommand::Log(args) => {
            let details = args.details.parse()?;
            let at = details.at.unwrap_or_else(|| clock.now_local());
            let input = details.input(at, args.level, PainContext::Other);
            let entry = db::open(db)?.add_pain(input)?;
            writeln!(out, "Logged pain {}/10 at {} ({}).", entry.level, local(&entry), entry.id)?;
        }
        PainCommand::Edit(args) => {
            let details = args.details.parse()?;
            let mut store = db::open(db)?;
            let old = store.get_pain(&args.id)?;
            let mut input = details.input(old.local_time(), args.level.unwrap_or(old.level), old.context);
            if input.sites.is_empty() && !args.clear_sites {
                input.sites = old.sites;
            }
            input.note = input.note.or(old.note);
            let entry = store.update_pain(&args.id, input)?;
            writeln!(out, "Updated {}: pain {}/10 at {}.", entry.id, entry.level, local(&entry))?;
        }
        PainCommand::Delete { id } => {
            db::open(db)?.delete_pain(&id)?;
            writeln!(out, "Deleted {id}.")?;
        }
        PainCommand::List(args) => list(db, args, out)?,
    }
    Ok(())
}

fn list(db: Option<PathBuf>, args: ListArgs, out: &mut impl Write) -> CliResult {
    let limit = args.limit.map(|n| in_range("limit", n, 1, i32::MAX)).transpose()?;
    let from = args.from.as_deref().map(|t| when::parse_bound("from", t)).transpose()?;
    let to = args.to.as_deref().map(|t| when::parse_bound("to", t)).transpose()?;
    let mut query = PainQuery {
        from: from.map(|b| b.earliest()),
        to: to.map(|b| b.latest()),
        limit: limit.unwrap_or(i32::MAX).min(limber_core::pain::MAX_PAGE),
        cursor: None,
    };
    let store = db::open(db)?;
    let mut entries = Vec::new();
    loop {
        let page = store.list_pain(&query)?;
        let local_day = |e: &PainEntry| e.local_time().date_naive();
        entries.extend(page.entries.into_iter().filter(|e| {
            from.is_none_or(|b| b.admits_from(local_day(e))) && to.is_none_or(|b| b.admits_to(local_day(e)))
        }));
        match page.next_cursor {
            Some(cursor) if limit.is_none_or(|n| entries.len() < n as usize) => query.cursor = Some(cursor),
            _ => break,
        }
    }
    if let Some(n) = limit {
        entries.truncate(n as usize);
    }
    if args.json {
        let json: Vec<_> = entries.iter().map(EntryJson::from).collect();
        serde_json::to_writer_pretty(&mut *out, &json)?;
        writeln!(out)?;
    } else if entries.is_empty() {
        writeln!(out, "No pain entries in that range.")?;
    } else {
        for entry in &entries {
            writeln!(out, "{}", describe(entry))?;
        }
    }
    Ok(())
}

/// The parsed optional flags shared by `log` and `edit`.
struct ParsedDetails {
    sites: Vec<SitePain>,
    context: Option<PainContext>,
    note: Option<String>,
    at: Option<DateTime<FixedOffset>>,
}

impl Details {
    fn parse(self) -> CliResult<ParsedDetails> {
        Ok(ParsedDetails {
            sites: self.sites.iter().enumerate().map(|(i, s)| parse_site(i, s)).collect::<CliResult<_>>()?,
            context: self.context.map(|c| PainContext::parse("context", &c)).transpose()?,
            note: self.note,
            at: self.at.map(|a| when::parse_moment("at", &a)).transpose()?,
        })
    }
}

impl ParsedDetails {
    fn input(self, default_at: DateTime<FixedOffset>, level: i32, default_context: PainContext) -> PainInput {
        let at = self.at.unwrap_or(default_at);
        PainInput {
            recorded_at: at.with_timezone(&Utc),
            utc_offset_minutes: at.offset().local_minus_utc() / 60,
            level,
            sites: self.sites,
            context: self.context.unwrap_or(default_context),
            note: self.note,
        }
    }
}

/// `SITE[:SIDE]=LEVEL`. Names and the level's range are checked by the core.
fn parse_site(index: usize, text: &str) -> CliResult<SitePain> {
    let field = format!("sites[{index}]");
    let (place, level) = text.split_once('=').ok_or_else(|| {
        Error::invalid(&field, "SITE[:SIDE]=LEVEL, e.g. low_back=5 or back_of_thigh:left=6")
    })?;
    let (site, side) = match place.split_once(':') {
        Some((site, side)) => (site, Some(Side::parse(&format!("{field}.side"), side.trim())?)),
        None => (place, None),
    };
    let level_field = format!("{field}.level");
    let level =
        level.trim().parse().map_err(|_| Error::invalid(&level_field, "a whole number from 0 to 10"))?;
    Ok(SitePain { site: BodySite::parse(&format!("{field}.site"), site.trim())?, side, level })
}

#[derive(Serialize)]
struct EntryJson<'a> {
    #[serde(flatten)]
    entry: &'a PainEntry,
    /// The wall-clock time with the offset at the moment of logging.
    local_time: String,
}

impl<'a> From<&'a PainEntry> for EntryJson<'a> {
    fn from(entry: &'a PainEntry) -> Self {
        EntryJson { entry, local_time: entry.local_time().to_rfc3339() }
    }
}

fn local(entry: &PainEntry) -> String {
    entry.local_time().format("%Y-%m-%d %H:%M (%:z)").to_string()
}

fn words(name: &str) -> String {
    name.replace('_', " ")
}

fn describe(entry: &PainEntry) -> String {
    let mut line = format!("{}  {:>2}/10  {}", local(entry), entry.level, words(entry.context.as_str()));
    if !entry.sites.is_empty() {
        let sites: Vec<String> = entry
            .sites
            .iter()
            .map(|s| match s.side {
                Some(side) => format!("{} ({}) {}", words(s.site.as_str()), side, s.level),
                None => format!("{} {}", words(s.site.as_str()), s.level),
            })
            .collect();
        line.push_str(&format!("  [{}]", sites.join(", ")));
    }
    if let Some(note) = &entry.note {
        line.push_str(&format!("  \"{note}\""));
    }
    line.push_str(&format!("  {}", entry.id));
    line
}

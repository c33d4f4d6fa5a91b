//! The clinician report: one self-contained HTML page (no scripts, no external files, no
//! fonts to fetch) that prints on A4: the summary numbers, the chart, what the latest
//! assessment found, the measurements and the sessions per week.

use std::fmt::Write;

use super::chart;
use super::decimal_text::{fixed, signed_fixed};
use super::labels::{day_text, escape, local_date, series_name, utc_minute_text, value_text};
use super::summary::ProgressSummary;
use crate::assessment::Tier;
use crate::assessment::history::{MeasuredTest, SavedAssessment};
use crate::timestamp;

/// Weeks listed in the table; the chart shows them all.
const WEEKS_LISTED: usize = 12;
/// Measurements listed per test, newest last.
const MEASUREMENTS_LISTED: usize = 12;

const STYLE: &str = "
@page { size: A4; margin: 15mm }
html { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #222; }
body { max-width: 180mm; margin: 0 auto; padding: 0 12px; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0.6em 0 0.2em; }
h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
th { font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #555; font-size: 9.5pt; }
.chart { max-width: 160mm; }
.tier-urgent, .tier-emergency { font-weight: 700; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { break-inside: avoid; }
  .chart { max-width: 150mm; }
}
";

pub(crate) fn html(s: &ProgressSummary, latest: Option<&SavedAssessment>) -> String {
    let mut h = String::new();
    let period = format!("{} to {}", day_text(s.from), day_text(s.to));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Limber progress report, {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&period)
    );
    let _ = writeln!(
        h,
        "<header><h1>Progress report</h1><p class=\"muted\">Kept by the person with the Limber app, \
         {}. Self-reported; not a diagnosis. Made {} ({}).</p></header>",
        escape(&period),
        utc_minute_text(s.generated_at),
        escape(&s.time_zone)
    );
    summary(&mut h, s);
    let _ = writeln!(h, "<section><h2>Chart</h2><div class=\"chart\">{}</div></section>", chart::svg(s));
    assessment(&mut h, latest);
    measurements(&mut h, s);
    weeks(&mut h, s);
    h.push_str(
        "<footer><p class=\"muted\">Pain is the 0-10 numeric rating scale. A fall of at least 2 points or \
         30% from the first week is taken as clinically meaningful (Farrar 2001). A straight leg raise \
         change is real from 5° with the same helper, 10° otherwise.</p></footer>\n</body>\n</html>\n",
    );
    h
}

fn row(h: &mut String, label: &str, value: &str) {
    let _ = writeln!(h, "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", escape(label), escape(value));
}

fn summary(h: &mut String, s: &ProgressSummary) {
    let _ = write!(h, "<section><h2>Summary</h2><p>{}</p>\n<table>\n", escape(&s.description));
    row(h, "Pain entries", &format!("{} on {} days", s.pain_entries, s.days.len()));
    if let Some(b) = &s.baseline {
        row(
            h,
            "First week of logging",
            &format!(
                "{}/10 ({} to {}, {} days)",
                fixed(b.mean, 1),
                day_text(b.first_day),
                day_text(b.last_day),
                b.days
            ),
        );
    }
    if let Some(c) = &s.change {
        let r = &c.recent;
        row(
            h,
            "Latest week",
            &format!(
                "{}/10 ({} to {}, {} days)",
                fixed(r.mean, 1),
                day_text(r.first_day),
                day_text(r.last_day),
                r.days
            ),
        );
        let percent = c.percent.map(|p| format!(", {}%", signed_fixed(p, 0))).unwrap_or_default();
        let verdict = if c.meaningful { "meaningful fall" } else { "not a meaningful fall" };
        row(h, "Change", &format!("{} points{percent} ({verdict})", signed_fixed(c.points, 1)));
    }
    if let (Some(low), Some(high)) = (s.days.iter().map(|d| d.min).min(), s.days.iter().map(|d| d.max).max())
    {
        row(h, "Lowest and highest pain logged", &format!("{low} and {high}"));
    }
    let percent = if s.sessions_planned > 0 {
        format!(" ({}%)", fixed(f64::from(s.sessions_done) * 100.0 / f64::from(s.sessions_planned), 0))
    } else {
        String::new()
    };
    row(h, "Sessions done", &format!("{} of {} planned{percent}", s.sessions_done, s.sessions_planned));
    h.push_str("</table></section>\n");
}

fn assessment(h: &mut String, latest: Option<&SavedAssessment>) {
    h.push_str("<section><h2>Latest self-assessment</h2>\n");
    let Some(a) = latest else {
        h.push_str("<p>No self-assessment yet.</p></section>\n");
        return;
    };
    let r = &a.result;
    let taken = timestamp::local(a.taken_at, a.utc_offset_minutes);
    let tier = match r.triage.tier {
        Tier::NoFlags => "No red flags",
        Tier::Soon => "See a doctor within 1-2 weeks",
        Tier::Urgent => "Urgent: same-day medical advice",
        Tier::Emergency => "Emergency",
    };
    let _ = writeln!(
        h,
        "<p>Taken {}. <span class=\"tier-{}\">{}</span>. Exercise plan {}; pain allowed during exercise \
         up to {}/10.</p>",
        day_text(taken.date_naive()),
        r.triage.tier,
        escape(tier),
        if r.plan_allowed { "allowed" } else { "not allowed" },
        r.pain_ceiling
    );
    h.push_str("<table>\n");
    for flag in &r.triage.flags {
        row(h, &format!("Flag ({})", flag.tier), &flag.reason);
    }
    for gate in &r.gates {
        row(h, &format!("Avoid ({})", gate.id), &gate.reason);
    }
    if let Some(phase) = r.strain_phase {
        row(h, "Hamstring strain phase", phase.as_str());
    }
    for pattern in &r.patterns {
        row(h, &format!("Pattern ({}, {})", pattern.id, pattern.confidence), &pattern.reason);
    }
    if !r.not_judged.is_empty() {
        row(h, "Not judged (skipped)", &r.not_judged.join(", "));
    }
    h.push_str("</table></section>\n");
}

fn measurements(h: &mut String, s: &ProgressSummary) {
    h.push_str("<section><h2>Measurements</h2>\n");
    let mut any = false;
    for (test, points) in
        [(MeasuredTest::Slr, &s.slr), (MeasuredTest::Ake, &s.ake), (MeasuredTest::Bridge, &s.bridge)]
    {
        if points.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(
            h,
            "<table><caption>{}</caption><tr><th scope=\"col\">Date</th><th scope=\"col\">Side</th>\
             <th scope=\"col\">Value</th><th scope=\"col\">Change</th></tr>",
            escape(series_name(test))
        );
        for p in points.iter().skip(points.len().saturating_sub(MEASUREMENTS_LISTED)) {
            let change = match p.change {
                Some(c) if p.real_change => format!("{c:+} (real change)"),
                Some(c) => format!("{c:+} (within test variation)"),
                None => "first".to_owned(),
            };
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                local_date(p.taken_at, &s.time_zone),
                p.side,
                escape(&value_text(test, p.value)),
                escape(&change)
            );
        }
        h.push_str("</table>\n");
    }
    if !any {
        h.push_str("<p>No measurements in this period.</p>\n");
    }
    h.push_str("</section>\n");
}

fn weeks(h: &mut String, s: &ProgressSummary) {
    h.push_str("<section><h2>Sessions per week</h2>\n");
    if s.weeks.iter().all(|w| w.planned == 0 && w.done == 0) {
        h.push_str("<p>No sessions planned or done in this period.</p></section>\n");
        return;
    }
    h.push_str(
        "<table><tr><th scope=\"col\">Week of</th><th scope=\"col\">Planned</th><th scope=\"col\">Done</th>\
         <th scope=\"col\">Done %</th></tr>\n",
    );
    for w in s.weeks.iter().skip(s.weeks.len().saturating_sub(WEEKS_LISTED)) {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            day_text(w.week_start),
            w.planned,
            w.done,
            w.percent.map(|p| format!("{p}%")).unwrap_or_else(|| "-".to_owned())
        );
    }
    h.push_str("</table></section>\n");
}

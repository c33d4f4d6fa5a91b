//! Words and formats shared by the summary text, the chart, the report and the exports.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::assessment::history::MeasuredTest;
use crate::pain::{BodySite, PainContext, Side};
use crate::timestamp;

/// "2 Nov 2026".
pub fn day_text(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

pub fn series_name(test: MeasuredTest) -> &'static str {
    match test {
        MeasuredTest::Slr => "Straight leg raise",
        MeasuredTest::Ake => "Knee extension (degrees short of straight)",
        MeasuredTest::Bridge => "Single-leg bridge",
    }
}

pub fn unit(test: MeasuredTest) -> &'static str {
    match test {
        MeasuredTest::Slr | MeasuredTest::Ake => "deg",
        MeasuredTest::Bridge => "reps",
    }
}

pub fn value_text(test: MeasuredTest, value: i32) -> String {
    match test {
        MeasuredTest::Slr | MeasuredTest::Ake => format!("{value}°"),
        MeasuredTest::Bridge => format!("{value} reps"),
    }
}

pub fn site_name(site: BodySite) -> &'static str {
    match site {
        BodySite::LowBack => "Low back",
        BodySite::Buttock => "Buttock",
        BodySite::BackOfThigh => "Back of thigh",
        BodySite::BehindKnee => "Behind the knee",
        BodySite::BelowKnee => "Below the knee",
        BodySite::Foot => "Foot",
    }
}

pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Both => "both sides",
    }
}

pub fn context_name(context: PainContext) -> &'static str {
    match context {
        PainContext::OnWaking => "on waking",
        PainContext::AfterSitting => "after sitting",
        PainContext::BeforeSession => "before a session",
        PainContext::DuringSession => "during a session",
        PainContext::AfterSession => "after a session",
        PainContext::Evening => "in the evening",
        PainContext::Other => "other",
    }
}

/// An instant's local date in a summary's zone (UTC if the zone is unknown).
pub fn local_date(at: DateTime<Utc>, zone: &str) -> NaiveDate {
    crate::zone::parse_tz("time_zone", zone)
        .map_or_else(|_| at.date_naive(), |tz| crate::zone::local_date(tz, at))
}

/// RFC 3339 in UTC, milliseconds when there are any: `2026-11-20T07:30:00Z`.
pub fn utc_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// RFC 3339 at the stored offset: `2026-11-20T08:30:00+01:00`.
pub fn local_text(at: DateTime<Utc>, offset_minutes: i32) -> String {
    timestamp::local(at, offset_minutes).to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// Escapes text for XML and HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0; notes never need them.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

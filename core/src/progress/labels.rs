//! Words and formats shared by the summary text, the chart, the report and the exports.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use crate::assessment::history::MeasuredTest;
use crate::pain::{BodySite, PainContext, Side};
use crate::rfc3339::{self, Seconds};
use crate::timestamp;

// Dates are spelled here rather than through chrono's `format`: its strftime interpreter is
// about 30 KiB of the phone library (issue 17), for four patterns.
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn month_abbreviation(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "2 Nov 2026".
pub fn day_text(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_abbreviation(date), date.year())
}

/// "2 Nov": a chart's tick on a short range.
pub fn day_month_text(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_abbreviation(date))
}

/// "Nov 2026": a chart's tick on a long range.
pub fn month_year_text(date: NaiveDate) -> String {
    format!("{} {}", month_abbreviation(date), date.year())
}

/// "2026-11-02 07:30 UTC", to the minute.
pub fn utc_minute_text(at: DateTime<Utc>) -> String {
    format!("{} {:02}:{:02} UTC", at.date_naive(), at.hour(), at.minute())
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
    rfc3339::utc(at, Seconds::Auto)
}

/// RFC 3339 at the stored offset: `2026-11-20T08:30:00+01:00`.
pub fn local_text(at: DateTime<Utc>, offset_minutes: i32) -> String {
    rfc3339::write(timestamp::local(at, offset_minutes), Seconds::Auto, false)
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

#[cfg(test)]
mod tests {
    use chrono::{Days, TimeZone};

    use super::*;

    /// Every day of 1999-2032 (leap years, both ends of each month) spelled as chrono's strftime
    /// spells it: the oracle the hand-written spelling replaced.
    #[test]
    fn dates_read_as_strftime_spells_them() {
        let mut day = NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
        while day.year() < 2033 {
            assert_eq!(day_text(day), day.format("%-d %b %Y").to_string());
            assert_eq!(day_month_text(day), day.format("%-d %b").to_string());
            assert_eq!(month_year_text(day), day.format("%b %Y").to_string());
            day = day + Days::new(1);
        }
    }

    #[test]
    fn a_report_stamp_is_to_the_minute_in_utc() {
        for (h, m, s) in [(0, 0, 0), (7, 5, 59), (23, 59, 30)] {
            let at = Utc.with_ymd_and_hms(2026, 3, 9, h, m, s).unwrap();
            assert_eq!(utc_minute_text(at), at.format("%Y-%m-%d %H:%M UTC").to_string());
        }
        assert_eq!(
            utc_minute_text(Utc.with_ymd_and_hms(2026, 11, 2, 7, 30, 0).unwrap()),
            "2026-11-02 07:30 UTC"
        );
    }
}

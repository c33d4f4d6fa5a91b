//! The progress summary as one SVG: pain (line, daily mean 0-10, left axis), sessions done per
//! week (bars, full height = 100 %) and the straight leg raise (points, left and right leg,
//! degrees on the right axis) on one time axis.
//!
//! Written by hand, element by element, into one string (plotters did this before; it was about
//! 76 KiB of the phone library for this one picture, issue 17). Text is laid out by the viewer,
//! so nothing depends on the fonts of the machine that drew it. The picture is a 360 × 240
//! viewBox at width 100 %, so it scales to a phone's width; `<title>` and `<desc>` (the
//! summary's description) are tied to it with `role="img"` and `aria-labelledby`. Every
//! coordinate is finite, inside the viewBox and written with at most one decimal.

use std::fmt::Write;

use super::labels::{day_text, escape};
use super::summary::ProgressSummary;
use crate::pain::Side;

mod axes;
mod marks;
mod style;
#[cfg(test)]
mod tests;

use axes::Frame;
use marks::{Anchor, circle, polyline, rect, text, triangle};
use style::{BAR_OPACITY, LARGE, LEGEND, PAIN, SESSIONS, SLR_LEFT, SLR_RIGHT, SMALL};

/// Width of the chart's viewBox, in SVG user units; drawn at 100 % width, so it scales.
pub const WIDTH: u32 = 360;
/// Height of the chart's viewBox, in SVG user units, the legend included.
pub const HEIGHT: u32 = 240;
/// The legend strip's height at the bottom of the viewBox.
const LEGEND_HEIGHT: u32 = 34;

/// The ids `aria-labelledby` points at; the report holds only one chart.
const TITLE_ID: &str = "limber-progress-title";
const DESC_ID: &str = "limber-progress-desc";

/// Above this many days with entries the pain line has no dots, which would merge into a band.
const MAX_PAIN_DOTS: usize = 60;

/// The chart for `summary`; an empty summary gives a chart that says there is nothing yet.
pub fn svg(summary: &ProgressSummary) -> String {
    let mut out = String::with_capacity(8 * 1024);
    open(&mut out, summary);
    let _ = writeln!(out, "<rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#FFFFFF\"/>");
    if summary.is_empty() {
        draw_empty(&mut out);
    } else {
        draw(&mut out, summary);
    }
    out.push_str("</svg>\n");
    out
}

/// The scalable, labelled `<svg>` tag with its `<title>` and `<desc>`.
fn open(out: &mut String, summary: &ProgressSummary) {
    let title = format!(
        "Pain, sessions and straight leg raise from {} to {}",
        day_text(summary.from),
        day_text(summary.to)
    );
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{TITLE_ID} {DESC_ID}\">\n\
         <title id=\"{TITLE_ID}\">{}</title>\n<desc id=\"{DESC_ID}\">{}</desc>\n",
        escape(&title),
        escape(&summary.description)
    );
}

fn draw_empty(out: &mut String) {
    let (x, y) = (f64::from(WIDTH) / 2.0, f64::from(HEIGHT) / 2.0);
    text(out, x, y - 10.0, Anchor::Middle, LARGE, "Nothing logged yet");
    text(out, x, y + 12.0, Anchor::Middle, SMALL, "Log your pain to see your progress here.");
}

fn draw(out: &mut String, s: &ProgressSummary) {
    let frame = Frame::new(s.from, s.to);
    frame.draw_axes(out);

    // Weekly bars first, behind the line; a week is cut to the days of the range, and a bar
    // keeps a tenth of a day clear on each side so neighbours do not touch.
    for week in &s.weeks {
        let Some(percent) = week.percent else { continue };
        let monday = frame.day(week.week_start);
        let start = (monday - 0.5).max(frame.first()) + 0.1;
        let end = (monday + 6.5).min(frame.last()) - 0.1;
        if end <= start {
            continue;
        }
        let top = frame.pain_y(f64::from(percent) / 10.0);
        let (left, right) = (frame.x(start), frame.x(end));
        rect(out, left, top, right - left, frame.pain_y(0.0) - top, SESSIONS, BAR_OPACITY);
    }

    // Pain: a straight line from each day with entries to the next one (days without entries
    // get no point), with a dot per day while there are few enough to tell apart.
    let pain: Vec<(f64, f64)> = s
        .days
        .iter()
        .filter(|d| frame.holds(d.date) && d.mean.is_finite())
        .map(|d| (frame.x(frame.day(d.date)), frame.pain_y(d.mean)))
        .collect();
    if pain.len() > 1 {
        polyline(out, &pain, PAIN, 2);
    }
    if pain.len() <= MAX_PAIN_DOTS {
        for &(x, y) in &pain {
            circle(out, x, y, 2, PAIN);
        }
    }

    for point in &s.slr {
        let date = super::labels::local_date(point.taken_at, &s.time_zone);
        if !frame.holds(date) {
            continue;
        }
        let (x, y) = (frame.x(frame.day(date)), frame.degrees_y(f64::from(point.value)));
        match point.side {
            Side::Left => circle(out, x, y, 3, SLR_LEFT),
            Side::Right => triangle(out, x, y, SLR_RIGHT),
            Side::Both => {}
        }
    }

    draw_legend(out);
}

/// Two rows of two keys under the plot.
fn draw_legend(out: &mut String) {
    let top = f64::from(HEIGHT - LEGEND_HEIGHT);
    let (row1, row2) = (top + 10.0, top + 25.0);
    let (col1, col2) = (8.0, 215.0);
    polyline(out, &[(col1, row1), (col1 + 14.0, row1)], PAIN, 2);
    text(out, col1 + 18.0, row1, Anchor::Start, LEGEND, "Pain, daily mean (0-10)");
    rect(out, col1, row2 - 4.0, 14.0, 8.0, SESSIONS, BAR_OPACITY);
    text(out, col1 + 18.0, row2, Anchor::Start, LEGEND, "Sessions done/week (top = 100%)");
    circle(out, col2 + 7.0, row1, 3, SLR_LEFT);
    text(out, col2 + 18.0, row1, Anchor::Start, LEGEND, "SLR left leg (°)");
    triangle(out, col2 + 7.0, row2, SLR_RIGHT);
    text(out, col2 + 18.0, row2, Anchor::Start, LEGEND, "SLR right leg (°)");
}

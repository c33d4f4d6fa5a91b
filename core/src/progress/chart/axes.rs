//! The plot's frame: where a day, a pain level and a number of degrees fall in the viewBox, and
//! the three axes with their ticks, labels and grid.

use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate};

use super::marks::{Anchor, line, text};
use super::style::{INK, SMALL};
use crate::progress::labels::{day_month_text, month_year_text};

/// The plot area, in user units: the axes' labels sit outside it, the legend below.
const LEFT: f64 = 34.0;
const RIGHT: f64 = 325.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 189.0;
/// The bottom axis's line; its ticks and labels hang below it.
const X_AXIS: f64 = 190.0;
/// The highest value on the right axis, in degrees (the SLR's range is 0-120).
const MAX_DEGREES: f64 = 120.0;
/// Above this many days the bottom axis is labelled by month ("Nov 2026").
const LONG_RANGE_DAYS: i64 = 200;
/// At most this many date labels fit on the bottom axis.
const MAX_DATE_TICKS: i64 = 4;
const AXIS: &str = "#000000";
const GRID: &str = "#E1E1E1";

/// The days of the range on the bottom axis: day `d` (counted from `from`) is centred at
/// `x(d)` and spans `d - 0.5..d + 0.5`, so ticks fall on days.
pub(super) struct Frame {
    from: NaiveDate,
    /// Days in the range, at least 1.
    days: i64,
}

impl Frame {
    /// The range `from..=to`; a range that ends before it starts is drawn as its first day.
    pub(super) fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Frame { from, days: ((to - from).num_days() + 1).max(1) }
    }

    /// The left edge of the first day.
    pub(super) fn first(&self) -> f64 {
        -0.5
    }

    /// The right edge of the last day.
    pub(super) fn last(&self) -> f64 {
        self.days as f64 - 0.5
    }

    /// `date` as a day number from the range's first day (0).
    pub(super) fn day(&self, date: NaiveDate) -> f64 {
        (date - self.from).num_days() as f64
    }

    /// Whether `date` is one of the range's days.
    pub(super) fn holds(&self, date: NaiveDate) -> bool {
        (0..self.days).contains(&(date - self.from).num_days())
    }

    /// The horizontal place of day number `day`, kept inside the plot.
    pub(super) fn x(&self, day: f64) -> f64 {
        // max/min rather than clamp, whose check of its bounds prints them with f64's Debug
        // (the standard float formatting, issue 17); first() < last() always.
        let day = if day.is_finite() { day.max(self.first()).min(self.last()) } else { self.first() };
        LEFT + (day - self.first()) / self.days as f64 * (RIGHT - LEFT)
    }

    /// The height of a pain level, 0 (bottom) to 10 (top); the bars use it for 0-100 %.
    pub(super) fn pain_y(&self, level: f64) -> f64 {
        height(level / 10.0)
    }

    /// The height of an angle on the right axis, 0 (bottom) to 120 degrees (top).
    pub(super) fn degrees_y(&self, degrees: f64) -> f64 {
        height(degrees / MAX_DEGREES)
    }

    /// Grid, axes, ticks and labels: pain on the left, dates below, degrees on the right.
    pub(super) fn draw_axes(&self, out: &mut String) {
        for level in (0..=10).step_by(2) {
            let y = self.pain_y(f64::from(level));
            line(out, (LEFT, y), (RIGHT, y), GRID);
            line(out, (LEFT - 6.0, y), (LEFT - 1.0, y), AXIS);
            text(out, LEFT - 10.0, y, Anchor::End, SMALL, &level.to_string());
        }
        line(out, (LEFT - 1.0, TOP), (LEFT - 1.0, BOTTOM), AXIS);
        // The left axis's name, read bottom to top, centred on the plot's height.
        let _ = writeln!(
            out,
            "<text x=\"8\" y=\"98.5\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"sans-serif\" \
             font-size=\"{SMALL}\" fill=\"{INK}\" transform=\"rotate(270 8 98.5)\">Pain 0-10</text>"
        );

        line(out, (LEFT, X_AXIS), (RIGHT, X_AXIS), AXIS);
        if self.days > LONG_RANGE_DAYS {
            self.month_ticks(out);
        } else {
            let step = [1, 2, 5, 10, 20, 50, 100]
                .into_iter()
                .find(|step| (self.days - 1) / step < MAX_DATE_TICKS)
                .unwrap_or(100);
            for day in (0..self.days).step_by(step as usize) {
                let date = self.from.checked_add_days(Days::new(day as u64)).unwrap_or(self.from);
                self.date_tick(out, day as f64, &day_month_text(date));
            }
        }

        line(out, (RIGHT + 1.0, TOP), (RIGHT + 1.0, BOTTOM), AXIS);
        for degrees in [0, 50, 100] {
            let y = self.degrees_y(f64::from(degrees));
            line(out, (RIGHT + 1.0, y), (RIGHT + 6.0, y), AXIS);
            text(out, RIGHT + 11.0, y, Anchor::Start, SMALL, &degrees.to_string());
        }
    }

    /// Ticks on the first of every month, every second, third, ... month (counted from January
    /// of year 0, so they fall on the same months every year) so that at most four show.
    fn month_ticks(&self, out: &mut String) {
        let to = self.from.checked_add_days(Days::new(self.days as u64 - 1)).unwrap_or(self.from);
        let index = |date: NaiveDate| i64::from(date.year()) * 12 + i64::from(date.month0());
        let first = index(self.from) + i64::from(self.from.day() != 1);
        let last = index(to);
        let count = |step: i64| last.div_euclid(step) - (first - 1).div_euclid(step);
        let mut step = 1;
        for candidate in [1, 2, 3, 6, 12, 24, 60, 120, 600, 1200, 6000, 12000, 60000, 120000, 600000] {
            step = candidate;
            if count(step) <= MAX_DATE_TICKS {
                break;
            }
        }
        let mut month = (first + step - 1).div_euclid(step) * step;
        while month <= last {
            let year = i32::try_from(month.div_euclid(12)).unwrap_or(0);
            if let Some(date) = NaiveDate::from_ymd_opt(year, month.rem_euclid(12) as u32 + 1, 1) {
                self.date_tick(out, self.day(date), &month_year_text(date));
            }
            month += step;
        }
    }

    fn date_tick(&self, out: &mut String, day: f64, label: &str) {
        let x = self.x(day);
        line(out, (x, X_AXIS), (x, X_AXIS + 5.0), AXIS);
        text(out, x, X_AXIS + 14.0, Anchor::Middle, SMALL, label);
    }
}

/// The plot's height for a share of its full scale, kept inside the plot (not finite: 0).
fn height(share: f64) -> f64 {
    let share = if share.is_finite() { share.clamp(0.0, 1.0) } else { 0.0 };
    BOTTOM - share * (BOTTOM - TOP)
}

//! The progress summary as one SVG: pain (line, daily mean 0-10, left axis), sessions done per
//! week (bars, full height = 100 %) and the straight leg raise (points, left and right leg,
//! degrees on the right axis) on one time axis.
//!
//! Drawn with plotters' SVG backend without its font features: SVG text is laid out by the
//! viewer, so nothing depends on the fonts of the machine that drew it. The picture is a
//! 360 × 240 viewBox at width 100 %, so it scales to a phone's width; `<title>` and `<desc>` (the
//! summary's description) are tied to it with `role="img"` and `aria-labelledby`.

use chrono::{Days, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::labels::{day_month_text, day_text, escape, month_year_text};
use super::summary::ProgressSummary;
use crate::pain::Side;

/// Width of the chart's viewBox, in SVG user units; drawn at 100 % width, so it scales.
pub const WIDTH: u32 = 360;
/// Height of the chart's viewBox, in SVG user units, the legend included.
pub const HEIGHT: u32 = 240;
const LEGEND_HEIGHT: u32 = 34;
const FONT: &str = "sans-serif";

// Okabe-Ito colours: told apart with the common colour-vision deficiencies; the SLR sides also
// differ in shape.
const PAIN: RGBColor = RGBColor(0, 114, 178);
const SESSIONS: RGBColor = RGBColor(0, 158, 115);
const SLR_LEFT: RGBColor = RGBColor(230, 159, 0);
const SLR_RIGHT: RGBColor = RGBColor(213, 94, 0);
const INK: RGBColor = RGBColor(51, 51, 51);

/// The ids `aria-labelledby` points at; the report holds only one chart.
const TITLE_ID: &str = "limber-progress-title";
const DESC_ID: &str = "limber-progress-desc";

type Drawn = Result<(), Box<dyn std::error::Error>>;

/// The chart for `summary`; an empty summary gives a chart that says there is nothing yet.
pub fn svg(summary: &ProgressSummary) -> String {
    let mut body = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut body, (WIDTH, HEIGHT)).into_drawing_area();
        let drawn = if summary.is_empty() { draw_empty(&root) } else { draw(&root, summary) };
        drawn.and_then(|()| root.present().map_err(Into::into))
    };
    if drawn.is_err() {
        // Never seen; the person still gets a valid picture and the words.
        body.clear();
        let root = SVGBackend::with_string(&mut body, (WIDTH, HEIGHT)).into_drawing_area();
        let _ = draw_empty(&root).and_then(|()| root.present().map_err(Into::into));
    }
    accessible(&body, summary)
}

/// Replaces plotters' fixed-size `<svg>` tag with a scalable, labelled one.
fn accessible(body: &str, summary: &ProgressSummary) -> String {
    let inner = body.split_once('\n').map_or("", |(_, rest)| rest);
    let title = format!(
        "Pain, sessions and straight leg raise from {} to {}",
        day_text(summary.from),
        day_text(summary.to)
    );
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-labelledby=\"{TITLE_ID} {DESC_ID}\">\n\
         <title id=\"{TITLE_ID}\">{}</title>\n<desc id=\"{DESC_ID}\">{}</desc>\n{inner}",
        escape(&title),
        escape(&summary.description)
    )
}

fn draw_empty(root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Drawn {
    root.fill(&WHITE)?;
    let centre = (WIDTH as i32 / 2, HEIGHT as i32 / 2);
    let style = |size| {
        TextStyle::from((FONT, size).into_font()).color(&INK).pos(Pos::new(HPos::Center, VPos::Center))
    };
    root.draw(&Text::new("Nothing logged yet", (centre.0, centre.1 - 10), style(16.0)))?;
    root.draw(&Text::new(
        "Log your pain to see your progress here.",
        (centre.0, centre.1 + 12),
        style(11.0),
    ))?;
    Ok(())
}

fn draw(root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>, s: &ProgressSummary) -> Drawn {
    root.fill(&WHITE)?;
    let (plot, legend) = root.split_vertically(HEIGHT - LEGEND_HEIGHT);
    // Day d of the range is x = d, spanning d - 0.5..d + 0.5, so ticks fall on days.
    let days = (s.to - s.from).num_days() as f64 + 1.0;
    let (x0, x1) = (-0.5, days - 0.5);
    let x = |date: NaiveDate| (date - s.from).num_days() as f64;
    let label = TextStyle::from((FONT, 11.0).into_font()).color(&INK);
    let long = days > 200.0;
    let date_label = |v: &f64| {
        let day = s.from.checked_add_days(Days::new(v.round().max(0.0) as u64)).unwrap_or(s.to);
        if long { month_year_text(day) } else { day_month_text(day) }
    };

    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_left(4)
        .margin_right(4)
        .x_label_area_size(16)
        .y_label_area_size(30)
        .right_y_label_area_size(30)
        .build_cartesian_2d(x0..x1, 0.0..10.0)?
        .set_secondary_coord(x0..x1, 0.0..120.0);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .bold_line_style(RGBColor(225, 225, 225))
        .x_labels(4)
        .y_labels(6)
        .x_label_formatter(&date_label)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(label.clone())
        .y_desc("Pain 0-10")
        .axis_desc_style(label.clone())
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_labels(5)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(label.clone())
        .draw()?;

    // Weekly bars first, behind the lines; a week is cut to the days of the range.
    let bar = SESSIONS.mix(0.35).filled();
    chart.draw_series(s.weeks.iter().filter_map(|w| {
        let percent = w.percent?;
        let start = (x(w.week_start) - 0.5).max(x0);
        let end = (x(w.week_start) + 6.5).min(x1);
        Some(Rectangle::new([(start + 0.1, 0.0), (end - 0.1, f64::from(percent) / 10.0)], bar))
    }))?;

    let pain = s.days.iter().map(|d| (x(d.date), d.mean));
    chart.draw_series(LineSeries::new(pain.clone(), PAIN.stroke_width(2)))?;
    if s.days.len() <= 60 {
        chart.draw_series(pain.map(|p| Circle::new(p, 2, PAIN.filled())))?;
    }

    let slr = |side: Side| {
        s.slr.iter().filter(move |p| p.side == side).map(|p| (x(local_day(s, p)), f64::from(p.value)))
    };
    chart.draw_secondary_series(slr(Side::Left).map(|p| Circle::new(p, 3, SLR_LEFT.filled())))?;
    chart.draw_secondary_series(slr(Side::Right).map(|p| TriangleMarker::new(p, 4, SLR_RIGHT.filled())))?;

    draw_legend(&legend)
}

/// The day a measurement sits on in the summary's zone.
fn local_day(s: &ProgressSummary, p: &crate::assessment::history::MeasurementPoint) -> NaiveDate {
    super::labels::local_date(p.taken_at, &s.time_zone)
}

fn draw_legend(area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Drawn {
    let text = TextStyle::from((FONT, 12.0).into_font()).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
    let rows = [(8, 10), (8, 25), (215, 10), (215, 25)];
    let (a, b, c, d) = (rows[0], rows[1], rows[2], rows[3]);
    area.draw(&PathElement::new(vec![(a.0, a.1), (a.0 + 14, a.1)], PAIN.stroke_width(2)))?;
    area.draw(&Text::new("Pain, daily mean (0-10)", (a.0 + 18, a.1), text.clone()))?;
    area.draw(&Rectangle::new([(b.0, b.1 - 4), (b.0 + 14, b.1 + 4)], SESSIONS.mix(0.35).filled()))?;
    area.draw(&Text::new("Sessions done/week (top = 100%)", (b.0 + 18, b.1), text.clone()))?;
    area.draw(&Circle::new((c.0 + 7, c.1), 3, SLR_LEFT.filled()))?;
    area.draw(&Text::new("SLR left leg (°)", (c.0 + 18, c.1), text.clone()))?;
    area.draw(&TriangleMarker::new((d.0 + 7, d.1), 4, SLR_RIGHT.filled()))?;
    area.draw(&Text::new("SLR right leg (°)", (d.0 + 18, d.1), text))?;
    Ok(())
}

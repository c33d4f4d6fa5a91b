//! The hand-written chart read back by a real XML parser: where things land, what they say, and
//! that no summary, however odd, draws outside the viewBox or writes a number that is not one.

use chrono::{DateTime, Days, NaiveDate, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use super::svg;
use crate::assessment::history::{MeasuredTest, MeasurementPoint};
use crate::pain::Side;
use crate::progress::summary::{DailyPain, ProgressSummary, WeekAdherence};
use crate::progress::tests::{Element, attr, parse_svg, rich};

fn date(offset: i64) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    if offset < 0 {
        start.checked_sub_days(Days::new(offset.unsigned_abs())).unwrap()
    } else {
        start.checked_add_days(Days::new(offset as u64)).unwrap()
    }
}

fn pain_day(offset: i64, mean: f64) -> DailyPain {
    DailyPain { date: date(offset), mean, min: 0, max: 10, count: 1, rolling_mean_7d: mean }
}

fn week(offset: i64, percent: Option<i32>) -> WeekAdherence {
    WeekAdherence { week_start: date(offset), iso_year: 2026, iso_week: 45, planned: 7, done: 7, percent }
}

fn slr(at: DateTime<Utc>, side: Side, value: i32) -> MeasurementPoint {
    MeasurementPoint {
        assessment_id: Uuid::nil(),
        taken_at: at,
        test: MeasuredTest::Slr,
        side,
        value,
        measured_by: None,
        change: None,
        real_change: false,
    }
}

/// A summary from 2 Nov 2026 (day 0) to day `last`, with what is given.
fn summary(
    last: i64,
    days: Vec<DailyPain>,
    weeks: Vec<WeekAdherence>,
    slr: Vec<MeasurementPoint>,
) -> ProgressSummary {
    let planned = weeks.iter().map(|w| w.planned).sum();
    ProgressSummary {
        from: date(0),
        to: date(last),
        time_zone: "UTC".into(),
        generated_at: "2026-12-01T09:00:00Z".parse().unwrap(),
        pain_entries: days.len() as i32,
        days,
        baseline: None,
        change: None,
        weeks,
        sessions_planned: planned,
        sessions_done: planned,
        slr,
        ake: Vec::new(),
        bridge: Vec::new(),
        description: "A test summary.".into(),
    }
}

fn number(element: &Element, name: &str) -> f64 {
    let text = attr(element, name).unwrap_or_else(|| panic!("{} has no {name}", element.0));
    text.parse().unwrap_or_else(|_| panic!("{name}={text:?} of {} is not a number", element.0))
}

/// A coordinate as the chart writes it: finite, at most 2 decimals, inside `0..=limit`.
fn check_coordinate(text: &str, limit: f64, what: &str) -> f64 {
    let v: f64 = text.parse().unwrap_or_else(|_| panic!("{what}={text:?} is not a number"));
    assert!(v.is_finite(), "{what}={text}");
    assert!(text.split_once('.').is_none_or(|(_, d)| d.len() <= 2), "{what}={text}: more than 2 decimals");
    assert!((0.0..=limit).contains(&v), "{what}={v} is outside 0..={limit}");
    v
}

/// Parses `svg` and checks every coordinate of every element against the 360 × 240 viewBox.
fn check_inside(svg: &str) -> Vec<Element> {
    let (w, h) = (f64::from(super::WIDTH), f64::from(super::HEIGHT));
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    let elements = parse_svg(svg);
    for e in &elements {
        for (name, limit) in
            [("x", w), ("x1", w), ("x2", w), ("cx", w), ("y", h), ("y1", h), ("y2", h), ("cy", h)]
        {
            if let Some(text) = attr(e, name) {
                check_coordinate(text, limit, name);
            }
        }
        if e.0 == "rect" {
            let (x, y) = (number(e, "x"), number(e, "y"));
            let width = check_coordinate(attr(e, "width").unwrap(), w, "width");
            let height = check_coordinate(attr(e, "height").unwrap(), h, "height");
            assert!(x + width <= w + 1e-9 && y + height <= h + 1e-9, "rect past the edge: {e:?}");
        }
        if e.0 == "circle" {
            let (cx, cy, r) = (number(e, "cx"), number(e, "cy"), number(e, "r"));
            assert!(cx - r >= 0.0 && cx + r <= w && cy - r >= 0.0 && cy + r <= h, "{e:?}");
        }
        if let Some(points) = attr(e, "points") {
            for pair in points.split_whitespace() {
                let (x, y) = pair.split_once(',').unwrap_or_else(|| panic!("{pair:?} in {e:?}"));
                check_coordinate(x, w, "point x");
                check_coordinate(y, h, "point y");
            }
        }
    }
    elements
}

fn points(element: &Element) -> Vec<(f64, f64)> {
    attr(element, "points")
        .unwrap()
        .split_whitespace()
        .map(|pair| {
            let (x, y) = pair.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The pain line (not the legend's swatch, which is the last one).
fn pain_line(elements: &[Element]) -> Vec<(f64, f64)> {
    let lines: Vec<&Element> = elements
        .iter()
        .filter(|e| e.0 == "polyline" && attr(e, "stroke") == Some(super::style::PAIN))
        .collect();
    assert_eq!(lines.len(), 2, "the pain line and the legend's swatch");
    points(lines[0])
}

/// The height of the left axis's label `label`.
fn label_y(elements: &[Element], label: &str) -> f64 {
    let e = elements.iter().find(|e| e.0 == "text" && e.2 == label && attr(e, "text-anchor") == Some("end"));
    number(e.unwrap_or_else(|| panic!("no left label {label}")), "y")
}

fn texts(elements: &[Element]) -> Vec<&str> {
    elements.iter().filter(|e| e.0 == "text").map(|e| e.2.as_str()).collect()
}

#[test]
fn the_sample_chart_stays_inside_the_viewbox() {
    check_inside(&svg(&rich()));
    check_inside(&svg(&summary(0, Vec::new(), Vec::new(), Vec::new())));
}

#[test]
fn a_pain_of_10_is_at_the_top_of_the_plot_and_0_at_the_bottom() {
    let s = summary(
        2,
        vec![pain_day(0, 10.0), pain_day(1, 0.0), pain_day(2, 5.0)],
        vec![week(0, Some(100))],
        Vec::new(),
    );
    let elements = check_inside(&svg(&s));
    let line = pain_line(&elements);
    let (top, bottom) = (label_y(&elements, "10"), label_y(&elements, "0"));
    assert!(top < bottom, "SVG heights grow downwards");
    assert_eq!([line[0].1, line[1].1, line[2].1], [top, bottom, (top + bottom) / 2.0]);
    // Full height of the bars is 100 %.
    let bar =
        elements.iter().find(|e| e.0 == "rect" && attr(e, "fill") == Some(super::style::SESSIONS)).unwrap();
    assert_eq!(number(bar, "y"), top);
    assert_eq!(number(bar, "y") + number(bar, "height"), bottom);
}

/// As the chart has always drawn it (plotters did the same): one point per day with entries,
/// joined straight across the days without.
#[test]
fn the_pain_line_joins_the_days_with_entries_and_skips_the_others() {
    let s = summary(9, vec![pain_day(0, 4.0), pain_day(1, 5.0), pain_day(5, 6.0)], Vec::new(), Vec::new());
    let elements = check_inside(&svg(&s));
    let line = pain_line(&elements);
    assert_eq!(line.len(), 3, "{line:?}");
    let day_width = line[1].0 - line[0].0;
    assert!(day_width > 0.0);
    assert!((line[2].0 - line[1].0 - 4.0 * day_width).abs() < 0.2, "{line:?}");
    let dots =
        elements.iter().filter(|e| e.0 == "circle" && attr(e, "fill") == Some(super::style::PAIN)).count();
    assert_eq!(dots, 3, "a dot per day with entries");
}

#[test]
fn the_two_legs_differ_in_colour_and_shape() {
    let at = "2026-11-03T09:00:00Z".parse().unwrap();
    let s = summary(6, Vec::new(), Vec::new(), vec![slr(at, Side::Left, 60), slr(at, Side::Right, 120)]);
    let elements = check_inside(&svg(&s));
    let left: Vec<&Element> =
        elements.iter().filter(|e| attr(e, "fill") == Some(super::style::SLR_LEFT)).collect();
    let right: Vec<&Element> =
        elements.iter().filter(|e| attr(e, "fill") == Some(super::style::SLR_RIGHT)).collect();
    assert_eq!(left.len(), 2, "the point and the legend's key");
    assert_eq!(right.len(), 2, "the point and the legend's key");
    assert!(left.iter().all(|e| e.0 == "circle") && right.iter().all(|e| e.0 == "polygon"));
    // 120 degrees is the top of the right axis: the triangle's centre sits on the plot's top.
    let corners = points(right[0]);
    let centre_y = (corners[0].1 + 2.0 * corners[1].1) / 3.0;
    let top = label_y(&elements, "10");
    assert!((centre_y - top).abs() < 0.2, "{corners:?} against {top}");
    // 60 degrees is half way up; both on 3 Nov.
    let (cx, cy) = (number(left[0], "cx"), number(left[0], "cy"));
    assert!((cy - (top + label_y(&elements, "0")) / 2.0).abs() < 0.2, "{cy}");
    assert!((cx - corners[0].0).abs() < 0.01);
}

#[test]
fn every_text_is_escaped() {
    let mut s = summary(3, vec![pain_day(1, 3.0)], Vec::new(), Vec::new());
    s.description = "<script>alert('x')</script> & \"quotes\" \u{7} bell".into();
    let chart = svg(&s);
    assert!(!chart.contains("<script>"), "{chart}");
    let elements = check_inside(&chart);
    let desc = elements.iter().find(|e| e.0 == "desc").unwrap();
    assert_eq!(desc.2, "<script>alert('x')</script> & \"quotes\"  bell", "control characters dropped");
    assert!(texts(&elements).contains(&"SLR left leg (°)"));
}

#[test]
fn an_empty_summary_says_so_without_axes() {
    let elements = check_inside(&svg(&summary(30, Vec::new(), Vec::new(), Vec::new())));
    assert_eq!(texts(&elements), ["Nothing logged yet", "Log your pain to see your progress here."]);
    assert!(!elements.iter().any(|e| matches!(e.0.as_str(), "line" | "polyline" | "circle" | "polygon")));
}

#[test]
fn a_short_range_is_labelled_by_day_and_a_long_one_by_month() {
    let short = check_inside(&svg(&summary(14, vec![pain_day(3, 4.0)], Vec::new(), Vec::new())));
    let middle = |elements: &[Element]| -> Vec<String> {
        elements
            .iter()
            .filter(|e| {
                e.0 == "text" && attr(e, "text-anchor") == Some("middle") && attr(e, "transform").is_none()
            })
            .map(|e| e.2.clone())
            .collect()
    };
    assert_eq!(middle(&short), ["2 Nov", "7 Nov", "12 Nov"]);

    // 2 Nov 2026 to 21 Feb 2028 (477 days): on the first of every sixth month, January and July.
    let long = summary(476, vec![pain_day(3, 4.0), pain_day(400, 2.0)], Vec::new(), Vec::new());
    let elements = check_inside(&svg(&long));
    assert_eq!(middle(&elements), ["Jan 2027", "Jul 2027", "Jan 2028"]);
    // Ticks sit on the first of the month: 1 Jan 2027 is day 60 of 477.
    let tick = elements.iter().find(|e| e.0 == "text" && e.2 == "Jan 2027").unwrap();
    let line = pain_line(&elements);
    let per_day = (line[1].0 - line[0].0) / 397.0;
    assert!((number(tick, "x") - (line[0].0 + 57.0 * per_day)).abs() < 0.2);

    // 201 days: month ticks, at most four.
    let elements = check_inside(&svg(&summary(200, vec![pain_day(3, 4.0)], Vec::new(), Vec::new())));
    let months = middle(&elements);
    assert!(
        (2..=4).contains(&months.len())
            && months.iter().all(|m| m.ends_with(" 2027") || m.ends_with(" 2026")),
        "{months:?}"
    );
}

fn any_summary() -> impl Strategy<Value = ProgressSummary> {
    let mean = prop_oneof![4 => 0.0..=10.0f64, 1 => any::<f64>()];
    (
        -400i64..400,
        prop_oneof![0i64..40, 0i64..5000],
        prop::collection::vec((-20i64..5020, mean), 0..80),
        prop::collection::vec((-20i64..5020, prop::option::of(-50i32..300)), 0..30),
        prop::collection::vec((-500i64..130_000, any::<bool>(), -50i32..400), 0..12),
        prop_oneof![Just("UTC"), Just("Pacific/Kiritimati"), Just("Mars/Olympus")],
        "\\PC{0,60}",
    )
        .prop_map(|(start, length, days, weeks, points, zone, description)| {
            let origin = date(start);
            let mut s = summary(0, Vec::new(), Vec::new(), Vec::new());
            s.from = origin;
            s.to = date(start + length);
            s.time_zone = zone.into();
            s.description = description;
            s.days = days.into_iter().map(|(d, mean)| pain_day(start + d, mean)).collect();
            s.weeks = weeks.into_iter().map(|(d, percent)| week(start + d, percent)).collect();
            s.sessions_planned = s.weeks.len() as i32;
            let midnight = origin.and_hms_opt(0, 0, 0).unwrap().and_utc();
            s.slr = points
                .into_iter()
                .map(|(hours, left, value)| {
                    let side = if left { Side::Left } else { Side::Right };
                    slr(midnight + chrono::TimeDelta::hours(hours), side, value)
                })
                .collect();
            s
        })
}

proptest! {
    #[test]
    fn any_summary_draws_valid_svg_inside_the_viewbox(s in any_summary()) {
        let chart = svg(&s);
        let elements = check_inside(&chart);
        prop_assert_eq!(&elements[0].0, "svg");
        let desc = elements.iter().find(|e| e.0 == "desc").unwrap();
        let kept: String = s.description.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
        prop_assert_eq!(&desc.2, &kept);
    }
}

//! The few SVG elements the chart is made of, each written straight into the output string.
//! Plain functions over `f64`s and `&str`s, nothing generic: this is the phone library (issue 17).

use std::fmt::Write;

use super::style::INK;
use crate::progress::labels::escape;

/// Where a text's `x` is: its start, middle or end.
#[derive(Clone, Copy)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

/// `v` rounded to one decimal, without a trailing `.0` and never `-0`; not finite is written 0
/// (the chart never passes one, its tests check).
pub(super) fn num(out: &mut String, v: f64) {
    // Saturating: NaN is 0, infinities the extremes of i64.
    let mut tenths = (v * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
        tenths = -tenths;
    }
    let _ = write!(out, "{}", tenths / 10);
    if tenths % 10 != 0 {
        let _ = write!(out, ".{}", tenths % 10);
    }
}

/// ` name="v"`.
fn attr(out: &mut String, name: &str, v: f64) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    num(out, v);
    out.push('"');
}

/// One line of text in the ink colour, centred vertically on `y`.
pub(super) fn text(out: &mut String, x: f64, y: f64, anchor: Anchor, size: &str, words: &str) {
    out.push_str("<text");
    attr(out, "x", x);
    attr(out, "y", y);
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = writeln!(
        out,
        " dy=\"0.35em\" text-anchor=\"{anchor}\" font-family=\"sans-serif\" font-size=\"{size}\" \
         fill=\"{INK}\">{}</text>",
        escape(words)
    );
}

/// A straight line, one user unit wide.
pub(super) fn line(out: &mut String, from: (f64, f64), to: (f64, f64), stroke: &str) {
    out.push_str("<line");
    attr(out, "x1", from.0);
    attr(out, "y1", from.1);
    attr(out, "x2", to.0);
    attr(out, "y2", to.1);
    let _ = writeln!(out, " stroke=\"{stroke}\" stroke-width=\"1\"/>");
}

/// Joined straight segments through `points`, `width` user units wide.
pub(super) fn polyline(out: &mut String, points: &[(f64, f64)], stroke: &str, width: u32) {
    out.push_str("<polyline points=\"");
    for (i, &(x, y)) in points.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num(out, x);
        out.push(',');
        num(out, y);
    }
    let _ = writeln!(
        out,
        "\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\" stroke-linejoin=\"round\"/>"
    );
}

/// A filled rectangle from its top-left corner.
pub(super) fn rect(out: &mut String, x: f64, y: f64, width: f64, height: f64, fill: &str, opacity: &str) {
    out.push_str("<rect");
    attr(out, "x", x);
    attr(out, "y", y);
    attr(out, "width", width);
    attr(out, "height", height);
    let _ = writeln!(out, " fill=\"{fill}\" opacity=\"{opacity}\"/>");
}

/// A filled dot of radius `r` centred on (x, y).
pub(super) fn circle(out: &mut String, x: f64, y: f64, r: u32, fill: &str) {
    out.push_str("<circle");
    attr(out, "cx", x);
    attr(out, "cy", y);
    let _ = writeln!(out, " r=\"{r}\" fill=\"{fill}\"/>");
}

/// A filled triangle pointing up, centred on (x, y): its corners 4 units from the centre.
pub(super) fn triangle(out: &mut String, x: f64, y: f64, fill: &str) {
    out.push_str("<polygon points=\"");
    for (i, (dx, dy)) in [(0.0, -4.0), (-3.5, 2.0), (3.5, 2.0)].into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num(out, x + dx);
        out.push(',');
        num(out, y + dy);
    }
    let _ = writeln!(out, "\" fill=\"{fill}\"/>");
}

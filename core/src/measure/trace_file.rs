//! Reading a recorded trace: a CSV with a `t_ms,x,y,z` header (milliseconds, m/s²), or the CSV
//! that the phyphox app exports for its "Acceleration with g" experiment (time in seconds, then
//! x, y, z in m/s²; comma, tab, or semicolon with decimal commas). A bad file is refused with
//! the row (counting the header as row 1) and the column that is wrong.

use super::model::GravitySample;
use crate::{Error, Result};

/// The columns' positions and how to read the time.
struct Layout {
    delimiter: char,
    decimal_comma: bool,
    /// Time, x, y, z: (index, name as written in the header).
    columns: [(usize, String); 4],
    seconds: bool,
}

/// Parses a whole trace file's text into samples in file order.
pub fn parse(text: &str) -> Result<Vec<GravitySample>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(Error::invalid("trace", "a CSV file with a t_ms,x,y,z header and one sample per row"));
    };
    let layout = layout(header)?;
    let mut samples: Vec<GravitySample> = Vec::new();
    for (index, line) in lines {
        let row = index + 1;
        let cells: Vec<&str> = line.split(layout.delimiter).map(clean).collect();
        let mut values = [0.0; 4];
        for (value, (at, name)) in values.iter_mut().zip(&layout.columns) {
            let field = || format!("row {row}, column {name}");
            let cell = cells.get(*at).copied().filter(|c| !c.is_empty());
            let cell = cell.ok_or_else(|| Error::invalid(field(), "a number (the cell is missing)"))?;
            let cell = if layout.decimal_comma { cell.replace(',', ".") } else { cell.to_owned() };
            *value = cell
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| Error::invalid(field(), "a finite number"))?;
        }
        let t_ms = if layout.seconds { values[0] * 1000.0 } else { values[0] };
        if t_ms.abs() > 1e15 {
            return Err(Error::invalid(
                format!("row {row}, column {}", layout.columns[0].1),
                "a time within range",
            ));
        }
        let t_ms = t_ms.round() as i64;
        if samples.last().is_some_and(|last| t_ms < last.t_ms) {
            return Err(Error::invalid(
                format!("row {row}, column {}", layout.columns[0].1),
                "no earlier than the row before it (rows must be in time order)",
            ));
        }
        samples.push(GravitySample { t_ms, x: values[1], y: values[2], z: values[3] });
    }
    if samples.is_empty() {
        return Err(Error::invalid("trace", "at least one sample row after the header"));
    }
    Ok(samples)
}

fn clean(cell: &str) -> &str {
    cell.trim().trim_matches('"').trim()
}

fn layout(header: &str) -> Result<Layout> {
    let delimiter = if header.contains('\t') {
        '\t'
    } else if header.contains(';') {
        ';'
    } else {
        ','
    };
    let cells: Vec<String> = header.split(delimiter).map(|c| clean(c).to_owned()).collect();
    let find = |pred: &dyn Fn(&str) -> bool| cells.iter().position(|c| pred(&c.to_lowercase()));
    let plain = ["t_ms", "x", "y", "z"].map(|name| find(&|c: &str| c == name));
    if let [Some(t), Some(x), Some(y), Some(z)] = plain {
        let columns = [t, x, y, z].map(|i| (i, cells[i].clone()));
        return Ok(Layout { delimiter, decimal_comma: false, columns, seconds: false });
    }
    if cells.iter().any(|c| c.to_lowercase().starts_with("linear acceleration")) {
        return Err(Error::invalid(
            "trace header",
            "phyphox's \"Acceleration with g\" export: this file is acceleration without g, which \
             has no gravity to measure an angle from",
        ));
    }
    let time = find(&|c: &str| c.starts_with("time (s)"));
    let axis =
        |a: &'static str| move |c: &str| c.contains("acceleration") && c.contains(&format!(" {a} (m/s"));
    let phyphox = [time, find(&axis("x")), find(&axis("y")), find(&axis("z"))];
    if let [Some(t), Some(x), Some(y), Some(z)] = phyphox {
        let columns = [t, x, y, z].map(|i| (i, cells[i].clone()));
        return Ok(Layout { delimiter, decimal_comma: delimiter == ';', columns, seconds: true });
    }
    Err(Error::invalid(
        "trace header",
        "t_ms,x,y,z, or phyphox's \"Acceleration with g\" columns (Time (s), Acceleration x/y/z (m/s^2))",
    ))
}

/// Writes samples as a `t_ms,x,y,z` CSV (the format [`parse`] reads), four decimals.
pub fn to_csv(samples: &[GravitySample]) -> String {
    let mut out = String::from("t_ms,x,y,z\n");
    for s in samples {
        out.push_str(&format!("{},{:.4},{:.4},{:.4}\n", s.t_ms, s.x, s.y, s.z));
    }
    out
}

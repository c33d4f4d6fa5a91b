//! `limber measure`: a home test measured from a recorded phone trace (a `t_ms,x,y,z` CSV or
//! phyphox's "Acceleration with g" export). The core does the measuring; this reads the file
//! and prints.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use limber_core::measure::{MeasureQuality, MeasureResult, PhoneTest, measure_trace, trace_file};
use serde::Serialize;

use crate::{CliError, CliResult, print_json};

#[derive(Args)]
pub struct MeasureArgs {
    /// The test: slr (straight leg raise), ake (knee extension) or thomas.
    #[arg(long, value_name = "TEST")]
    test: String,
    /// Which leg was tested.
    #[arg(long, value_parser = ["left", "right"])]
    side: Option<String>,
    /// The recorded trace: a CSV with a t_ms,x,y,z header (m/s²), or phyphox's
    /// "Acceleration with g" CSV export.
    #[arg(long, value_name = "FILE")]
    trace: PathBuf,
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Output<'a> {
    test: PhoneTest,
    side: Option<&'a str>,
    angle_deg: Option<i32>,
    quality: MeasureQuality,
    rest_deg: Option<f64>,
    hold_seconds: Option<f64>,
}

pub fn run(args: MeasureArgs, out: &mut impl Write) -> CliResult {
    let test = PhoneTest::parse("test", &args.test)?;
    let text = std::fs::read(&args.trace)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", args.trace.display())))?;
    let text = String::from_utf8(text)
        .map_err(|_| CliError::Usage("the trace is not a text (UTF-8) CSV file".into()))?;
    let samples = trace_file::parse(&text)?;
    let result = measure_trace(test, &samples)?;
    if args.json {
        let MeasureResult { test, angle_deg, quality, rest_deg, hold_seconds } = result;
        return print_json(
            out,
            &Output { test, side: args.side.as_deref(), angle_deg, quality, rest_deg, hold_seconds },
        );
    }
    print_human(out, &result, args.side.as_deref())
}

fn print_human(out: &mut impl Write, r: &MeasureResult, side: Option<&str>) -> CliResult {
    let name = match r.test {
        PhoneTest::Slr => "Straight leg raise",
        PhoneTest::Ake => "Knee extension",
        PhoneTest::Thomas => "Thomas test",
    };
    let side = side.map(|s| format!(" ({s} leg)")).unwrap_or_default();
    match (r.angle_deg, r.test) {
        (Some(n), PhoneTest::Slr) => writeln!(out, "{name}{side}: {n}° raised from flat")?,
        (Some(n), PhoneTest::Ake) => writeln!(out, "{name}{side}: {n}° short of a straight knee")?,
        (Some(n), PhoneTest::Thomas) if n >= 0 => {
            writeln!(out, "{name}{side}: the thigh rests {n}° above level")?
        }
        (Some(n), PhoneTest::Thomas) => writeln!(out, "{name}{side}: the thigh rests {}° below level", -n)?,
        (None, _) => {
            let why = match r.quality {
                MeasureQuality::NoRest => "the leg never lay flat and still for a second at the start",
                MeasureQuality::NoHold => "the end position was never held still for a second",
                MeasureQuality::Moving => "the phone was moving (accelerating) where the hold should be",
                _ => "the reading is outside what this test can give",
            };
            writeln!(out, "{name}{side}: no measurement ({}): {why}", r.quality)?;
        }
    }
    if let Some(rest) = r.rest_deg {
        write!(out, "Rest reading {rest:.1}°")?;
        match r.hold_seconds {
            Some(h) => writeln!(out, ", held {h:.1} s.")?,
            None => writeln!(out, ".")?,
        }
    }
    Ok(())
}

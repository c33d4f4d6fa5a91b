//! Line-based questions for the terminal: plain lines in and out, so they work over pipes and
//! with screen readers, and tests can script them. Shared by the assessment wizard and check-ins.

use std::io::{self, BufRead, Write};

pub(crate) enum Step<T> {
    Answer(T),
    Skip,
    /// End of input: stop asking, keep what was collected.
    End,
}

impl<T> Step<T> {
    pub(crate) fn map<U>(self, f: impl FnOnce(T) -> U) -> Step<U> {
        match self {
            Step::Answer(value) => Step::Answer(f(value)),
            Step::Skip => Step::Skip,
            Step::End => Step::End,
        }
    }

    /// `None` at end of input, else the answer if one was given.
    pub(crate) fn unless_end(self) -> Option<Option<T>> {
        match self {
            Step::Answer(value) => Some(Some(value)),
            Step::Skip => Some(None),
            Step::End => None,
        }
    }
}

pub(crate) struct Reading<'a> {
    pub hint: &'a str,
    pub help: &'a str,
    pub required: bool,
}

pub(crate) fn read_answer<T>(
    input: &mut (impl BufRead + ?Sized),
    out: &mut (impl Write + ?Sized),
    label: &str,
    how: &Reading,
    parse: impl Fn(&str) -> Option<T>,
) -> io::Result<Step<T>> {
    loop {
        write!(out, "{label}> ")?;
        out.flush()?;
        let Some(line) = read_line(input)? else {
            writeln!(out)?;
            return Ok(Step::End);
        };
        let line = line.trim();
        if line == "?" {
            writeln!(out, "{}", how.help)?;
        } else if line.is_empty() && how.required {
            writeln!(out, "An answer is needed: {}.", how.hint)?;
        } else if line.is_empty() {
            return Ok(Step::Skip);
        } else if let Some(value) = parse(line) {
            return Ok(Step::Answer(value));
        } else {
            writeln!(out, "Please enter {}, or ? for help.", how.hint)?;
        }
    }
}

/// One line, or `None` at end of input. Bytes that are not UTF-8 become replacement characters,
/// so they are refused like any other bad answer instead of ending the wizard.
pub(crate) fn read_line(input: &mut (impl BufRead + ?Sized)) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    if input.read_until(b'\n', &mut buf)? == 0 {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

pub(crate) fn yes_no(line: &str) -> Option<bool> {
    match line.to_lowercase().as_str() {
        "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    }
}

pub(crate) fn number(line: &str, min: i32, max: i32) -> Option<i32> {
    line.parse().ok().filter(|n| (min..=max).contains(n))
}

//! Progress of long work (a restore, an export) for a progress bar: a listener the caller
//! passes in, called at most a few times a second so a shell's UI thread is never flooded.

use std::time::{Duration, Instant};

text_enum! {
    /// What long work is doing now.
    pub enum ProgressStage {
        /// Reading the file (`done`/`total` in bytes; `total` 0 when unknown).
        Reading = "reading",
        /// Checking every record before anything is written (`done`/`total` in records).
        Checking = "checking",
        /// Writing records: into the database (restore) or the file (export).
        Writing = "writing",
    }
}

/// Told how far long work has got. `done` never exceeds `total` (when `total` is known) and
/// never goes down within a stage.
pub trait ProgressListener {
    /// `done` of `total` units of `stage` (bytes while reading, records while checking and
    /// writing); `total` is 0 when unknown.
    fn on_progress(&self, stage: ProgressStage, done: i64, total: i64);
}

/// A listener that hears nothing.
pub struct Silent;

impl ProgressListener for Silent {
    fn on_progress(&self, _: ProgressStage, _: i64, _: i64) {}
}

/// At most one call per interval (4 a second), plus the first call of each stage and the one
/// that reaches `total`, so a bar starts and ends exactly.
pub const INTERVAL: Duration = Duration::from_millis(250);

/// Forwards progress to a listener no more often than [`INTERVAL`].
pub struct Throttled<'a> {
    listener: &'a dyn ProgressListener,
    last: Option<(ProgressStage, Instant)>,
    /// Checking the clock costs more than counting: look only every `STRIDE` records.
    calls: u32,
}

const STRIDE: u32 = 64;

impl<'a> Throttled<'a> {
    /// Forwards to `listener`; the first report of each stage always goes through.
    pub fn new(listener: &'a dyn ProgressListener) -> Self {
        Throttled { listener, last: None, calls: 0 }
    }

    /// Passes `done` of `total` on when a stage starts or ends, or `INTERVAL` has passed since the
    /// last report (the clock is read every 64th call); otherwise drops it.
    pub fn report(&mut self, stage: ProgressStage, done: i64, total: i64) {
        let new_stage = self.last.is_none_or(|(s, _)| s != stage);
        let finished = total > 0 && done >= total;
        self.calls = self.calls.wrapping_add(1);
        if !new_stage && !finished && !self.calls.is_multiple_of(STRIDE) {
            return;
        }
        let now = Instant::now();
        let due = self.last.is_none_or(|(_, at)| now.duration_since(at) >= INTERVAL);
        if new_stage || finished || due {
            self.last = Some((stage, now));
            self.listener.on_progress(stage, done, total);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[derive(Default)]
    struct Heard(RefCell<Vec<(ProgressStage, i64, i64)>>);

    impl ProgressListener for Heard {
        fn on_progress(&self, stage: ProgressStage, done: i64, total: i64) {
            self.0.borrow_mut().push((stage, done, total));
        }
    }

    #[test]
    fn a_fast_loop_is_heard_at_its_start_and_end_not_at_every_step() {
        let heard = Heard::default();
        let mut p = Throttled::new(&heard);
        for i in 0..=100_000 {
            p.report(ProgressStage::Writing, i, 100_000);
        }
        let calls = heard.0.into_inner();
        assert_eq!(calls.first(), Some(&(ProgressStage::Writing, 0, 100_000)));
        assert_eq!(calls.last(), Some(&(ProgressStage::Writing, 100_000, 100_000)));
        // A loop this fast takes well under a second: start, maybe one tick, end.
        assert!(calls.len() <= 4, "{calls:?}");
    }

    #[test]
    fn every_stage_is_heard_when_it_starts() {
        let heard = Heard::default();
        let mut p = Throttled::new(&heard);
        p.report(ProgressStage::Reading, 10, 100);
        p.report(ProgressStage::Reading, 20, 100);
        p.report(ProgressStage::Checking, 1, 5);
        p.report(ProgressStage::Writing, 1, 5);
        let stages: Vec<ProgressStage> = heard.0.into_inner().iter().map(|c| c.0).collect();
        assert_eq!(stages, [ProgressStage::Reading, ProgressStage::Checking, ProgressStage::Writing]);
    }

    #[test]
    fn slow_work_is_heard_about_four_times_a_second() {
        let heard = Heard::default();
        let mut p = Throttled::new(&heard);
        let start = Instant::now();
        let mut i = 0;
        while start.elapsed() < Duration::from_millis(600) {
            p.report(ProgressStage::Writing, i, 1_000_000_000);
            i += 1;
        }
        let n = heard.0.into_inner().len();
        // The first call, then one per 250 ms: at most 3 in 0.6 s.
        assert!((2..=3).contains(&n), "{n} calls");
    }
}

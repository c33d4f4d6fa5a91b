//! When a dose may step up, and the morning-pain trend, as pure functions over the history they
//! need (CLINICAL.md §6 and §8). The store loads the rows and saves the decision; nothing here
//! reads a database.
//!
//! A dose steps **up** only when all of these hold; otherwise it stays, with the reason stored
//! and shown ([`Hold`]):
//! - the last 3 sessions of that exercise at its current dose were green and each settled: the
//!   next morning's pain not 2 or more above the usual, and pain after the session not 2 or more
//!   above pain before it;
//! - morning pain is not creeping: the mean of the last 7 days is not 1 or more above the 7 days
//!   before, nor 1 or more above the baseline week's mean;
//! - no `soon` tier, no no-improvement card and no see-a-physiotherapist card;
//! - under G1 or G2, the dose is at most the gate's start dose;
//! - and \[D\] no step down in the last 3 days, and the next step exists and suits the person.

use chrono::{Days, NaiveDate};

use super::traffic_light::Light;

/// Green sessions in a row at the current dose, each settled, before a step up (CLINICAL.md §6:
/// [E: Silbernagel 2007], the count of 3 adapted \[D\]).
pub const SESSIONS_TO_STEP_UP: usize = 3;
/// Points (0-10): a morning this far above the usual means the day was too much; pain after a
/// session this far above pain before it means it did not settle (CLINICAL.md §6 and §8:
/// [E: Silbernagel 2007] "settled by the next morning", the 2 points adapted \[D\]).
pub const UNSETTLED_RISE: i32 = 2;
/// Points (0-10): a weekly mean of morning pain this far above the previous week's, or the
/// baseline week's, is creeping (CLINICAL.md §8 \[D\], from §6 "must not creep up week over
/// week" [E: Silbernagel 2007]).
pub const CREEPING_RISE: f64 = 1.0;
/// Days in each window the morning trend compares: the baseline week, the last week and the
/// week before it (CLINICAL.md §8).
pub const WEEK_DAYS: u64 = 7;

/// Pain on waking (0-10) on a local date. At most one per date counts: the highest (\[D\]
/// the safer).
pub type MorningPain = (NaiveDate, i32);

/// One session of one exercise (or of the bridge ladder), as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// The session's local date; its next morning is the day after.
    pub date: NaiveDate,
    /// The session's light for this exercise; an exercise skipped as too painful is red.
    pub light: Light,
    /// Pain just before the whole session, 0-10, when given. Also the usual to judge the next
    /// morning by when no morning pain was given on or before the session's date.
    pub pain_before: Option<i32>,
    /// Pain just after the whole session, 0-10, when given: [`UNSETTLED_RISE`] or more above
    /// `pain_before` means it did not settle.
    pub pain_after: Option<i32>,
}

/// Why a dose did not step up. Every variant but [`Hold::NotYet`] is stored and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Fewer than three sessions at this dose, or not all of them green: nothing to say yet.
    NotYet,
    /// The latest assessment's tier is `soon` (see a doctor within 1-2 weeks): every dose stays
    /// until then (CLINICAL.md §8).
    SoonTier,
    /// The no-improvement card is showing (about 4 weeks on the routine without less pain): every
    /// dose stays until a new assessment (CLINICAL.md §2, §8).
    NoImprovement,
    /// The see-a-physiotherapist card is showing (two reds in a row, or morning pain creeping for
    /// two weeks; CLINICAL.md §6, §8).
    SeePhysio,
    /// Morning pain is creeping ([`morning_creeping`]; CLINICAL.md §6, §8).
    MorningCreeping,
    /// Under the strain gate (G1) or the nerve gate (G2) the dose stays at most at the gate's
    /// start dose (CLINICAL.md §8).
    GateCap,
    /// A step down in the last [`super::HOLD_DAYS_AFTER_REGRESS`] days (CLINICAL.md §6 "drop one
    /// level for 2-3 days", \[D\] 3).
    RecentStepDown,
    /// Three greens, but not each settled ([`settled`]; CLINICAL.md §6, §8).
    NotSettled,
    /// Three settled greens, and the dose is the top of its line (§5's caps, e.g. at most 4 ×
    /// 30 s per stretch).
    AtTop,
    /// Three settled greens, but the next step is excluded by the assessment (§3 gates, §5
    /// Nordic curl conditions) or needs equipment the person lacks (§5).
    NextNotSuitable,
}

impl Hold {
    /// The reason shown beside the exercise.
    pub fn reason(self) -> &'static str {
        match self {
            Hold::NotYet => {
                "Comfortable so far: three comfortable sessions in a row, each settled by the next morning, step it up."
            }
            Hold::SoonTier => {
                "Your assessment says to see a doctor soon, so the dose stays the same until then."
            }
            Hold::NoImprovement => {
                "About four weeks without less pain: every dose stays the same until you take the self-assessment again."
            }
            Hold::SeePhysio => "While the physiotherapist suggestion is showing, the dose stays the same.",
            Hold::MorningCreeping => "Morning pain has been creeping up, so the dose stays the same.",
            Hold::GateCap => {
                "While the strain or nerve caution applies, this exercise stays at its starting dose."
            }
            Hold::RecentStepDown => {
                "Comfortable sessions again, but the easier dose holds a few more days after the last flare."
            }
            Hold::NotSettled => {
                "Comfortable during the sessions, but the pain did not settle afterwards (the next morning, or after the session compared with before), so the dose stays the same."
            }
            Hold::AtTop => {
                "Three comfortable sessions in a row, and this exercise is at the top of its range: keep it here."
            }
            Hold::NextNotSuitable => {
                "Three comfortable sessions in a row, but the next level is not right for you (your assessment or your equipment): keep this one."
            }
        }
    }
}

/// What lies above the current dose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// A next step the person can do.
    Available,
    /// The top of the line.
    Top,
    /// The next step is excluded by the assessment or needs equipment the person lacks.
    NotSuitable,
}

/// Everything the step-up rule needs about one exercise.
#[derive(Debug, Clone)]
pub struct StepUpFacts<'a> {
    /// This exercise's sessions since its dose last changed, oldest first.
    pub sessions: &'a [SessionRecord],
    /// Every known morning pain (any order).
    pub mornings: &'a [MorningPain],
    /// The day of the decision (the morning after the latest session).
    pub today: NaiveDate,
    /// The end of the hold after a step down, if any.
    pub hold_until: Option<NaiveDate>,
    /// The latest assessment's tier is `soon`.
    pub soon_tier: bool,
    /// The see-a-physiotherapist card is showing.
    pub physio_card: bool,
    /// The no-improvement card is showing.
    pub no_improvement_card: bool,
    /// Under G1 or G2, stepping up would pass the gate's start dose.
    pub at_gate_cap: bool,
    /// What lies above the current dose on the person's line.
    pub next: Next,
}

/// Whether the dose may step up today: `Ok` to step up, or the reason it holds. The safety
/// holds come first, so a hold is stated whenever one applies.
pub fn step_up(f: &StepUpFacts<'_>) -> Result<(), Hold> {
    if f.soon_tier {
        return Err(Hold::SoonTier);
    }
    if f.no_improvement_card {
        return Err(Hold::NoImprovement);
    }
    if f.physio_card {
        return Err(Hold::SeePhysio);
    }
    if morning_creeping(f.mornings, f.today) {
        return Err(Hold::MorningCreeping);
    }
    if f.at_gate_cap {
        return Err(Hold::GateCap);
    }
    if f.hold_until.is_some_and(|until| f.today < until) {
        return Err(Hold::RecentStepDown);
    }
    let Some(last) = f.sessions.len().checked_sub(SESSIONS_TO_STEP_UP).map(|i| &f.sessions[i..]) else {
        return Err(Hold::NotYet);
    };
    if last.iter().any(|s| s.light != Light::Green) {
        return Err(Hold::NotYet);
    }
    if !last.iter().all(|s| settled(s, f.mornings)) {
        return Err(Hold::NotSettled);
    }
    match f.next {
        Next::Available => Ok(()),
        Next::Top => Err(Hold::AtTop),
        Next::NotSuitable => Err(Hold::NextNotSuitable),
    }
}

/// A session settled (CLINICAL.md §8): the next morning's pain is known and not
/// [`UNSETTLED_RISE`] (2) or more above the usual, and pain after the session was not 2 or more
/// above pain before it (when both were given). The usual is [`usual_morning`] for the next
/// morning, or, with no morning pain before it, the pain before the session. \[D\] Without a
/// next-morning pain, or with nothing to compare it with, it has not been shown to settle, so it
/// does not count toward a step up.
pub fn settled(s: &SessionRecord, mornings: &[MorningPain]) -> bool {
    let Some(next_day) = s.date.checked_add_days(Days::new(1)) else { return false };
    let Some(morning) = pain_on(mornings, next_day) else { return false };
    let after_ok = match (s.pain_before, s.pain_after) {
        (Some(before), Some(after)) => after < before + UNSETTLED_RISE,
        _ => true,
    };
    let usual = usual_morning(mornings, next_day).or(s.pain_before.map(f64::from));
    after_ok && usual.is_some_and(|u| !worse_than_usual(morning, u))
}

/// Whether morning `pain` (0-10) is [`UNSETTLED_RISE`] (2) or more above the `usual` (a mean,
/// 0-10): the day before was too much (CLINICAL.md §6: one step down).
pub fn worse_than_usual(pain: i32, usual: f64) -> bool {
    f64::from(pain) >= usual + f64::from(UNSETTLED_RISE)
}

/// The usual morning pain (a mean, 0-10) to compare `on`'s morning with (CLINICAL.md §8): the
/// lower of the baseline week's mean and the previous week's (the 7 days before the 7 ending on
/// `on`), \[D\] the lower being the safer. Only mornings before `on` count, the highest of each
/// day. `None` with no morning before `on`.
///
/// The previous week never holds the 6 days just before `on`, which may be the rising ones.
/// \[D\] While the baseline week is still being recorded (`on` within 7 days of the first
/// morning) it is the only window and it holds the very days that may be rising, which §8 forbids
/// as the usual; the first morning alone is no usual either (people often start during a flare).
/// Until then the usual is the lower of the first morning and the mean of the mornings so far,
/// never less protective than either. (Reviews of issue 13: mornings 0, 1, 2, 3 and then 3 compared
/// the last with the mean 1.5, so a morning 3 above the first did not step the dose down; and
/// after a first morning of 8, no morning of the first week could count as worse.) From day 7
/// to day 12 the baseline week still holds some of the 6 days before `on`, but then the previous
/// week holds the first mornings, and the lower of the two is taken.
pub fn usual_morning(mornings: &[MorningPain], on: NaiveDate) -> Option<f64> {
    let earlier: Vec<MorningPain> = mornings.iter().copied().filter(|(d, _)| *d < on).collect();
    let first = earlier.iter().map(|(d, _)| *d).min()?;
    if first.checked_add_days(Days::new(WEEK_DAYS)).is_none_or(|baseline_end| on < baseline_end) {
        let so_far = mean(&earlier, first, on)?;
        return pain_on(&earlier, first).map(|p| f64::from(p).min(so_far));
    }
    let baseline = baseline_week(&earlier);
    let previous = week_mean(&earlier, on, 1);
    match (baseline, previous) {
        (Some(b), Some(p)) => Some(b.min(p)),
        (b, p) => b.or(p),
    }
}

/// The mean morning pain (0-10) of the baseline week: the 7 days from the first morning given,
/// counting the highest of each day. `None` with no morning at all.
pub fn baseline_week(mornings: &[MorningPain]) -> Option<f64> {
    let first = mornings.iter().map(|(d, _)| *d).min()?;
    let end = first.checked_add_days(Days::new(WEEK_DAYS))?;
    mean(mornings, first, end)
}

/// Morning pain is creeping on `on` (CLINICAL.md §8): the mean of the 7 days ending on `on` is
/// [`CREEPING_RISE`] (1) or more above the mean of the 7 days before them, or 1 or more above the
/// baseline week's mean. Never creeping without a morning in the last 7 days.
///
/// \[D\] While the baseline week is still being recorded, its mean holds the very days that may be
/// rising, so it cannot be the usual (CLINICAL.md §8): until then the usual is the first morning
/// recorded, and pain is creeping when the mornings since average 1 or more above it (issue 12
/// review: mornings 0, 1, 1, 2, 2, 3, 3 stepped doses up three times in the first week).
pub fn morning_creeping(mornings: &[MorningPain], on: NaiveDate) -> bool {
    let Some(last) = week_mean(mornings, on, 0) else { return false };
    let Some(first) = mornings.iter().map(|(d, _)| *d).filter(|d| *d <= on).min() else { return false };
    if first.checked_add_days(Days::new(WEEK_DAYS)).is_none_or(|baseline_end| on < baseline_end) {
        let since_first = first.succ_opt().zip(on.succ_opt()).and_then(|(from, to)| mean(mornings, from, to));
        return matches!((pain_on(mornings, first), since_first),
            (Some(first), Some(since)) if since >= f64::from(first) + CREEPING_RISE);
    }
    let rose_from = |usual: Option<f64>| usual.is_some_and(|u| last >= u + CREEPING_RISE);
    rose_from(week_mean(mornings, on, 1)) || rose_from(baseline_week(mornings))
}

/// Morning pain has been creeping for two weeks: on `on` and 7 days before it (CLINICAL.md §8:
/// raises the see-a-physiotherapist card).
pub fn morning_creeping_two_weeks(mornings: &[MorningPain], on: NaiveDate) -> bool {
    morning_creeping(mornings, on)
        && on.checked_sub_days(Days::new(WEEK_DAYS)).is_some_and(|week_ago| {
            let before: Vec<MorningPain> = mornings.iter().copied().filter(|(d, _)| *d <= week_ago).collect();
            morning_creeping(&before, week_ago)
        })
}

/// Two reds in a row among a track's lights, newest last: the see-a-physiotherapist card
/// (CLINICAL.md §6, §8).
pub fn two_reds_in_a_row(lights: &[Light]) -> bool {
    lights.len() >= 2 && lights[lights.len() - 2..].iter().all(|l| *l == Light::Red)
}

/// The mean over the week `weeks_back` weeks before the one ending on `on` (0: the 7 days
/// ending on `on`; 1: the 7 days before those).
fn week_mean(mornings: &[MorningPain], on: NaiveDate, weeks_back: u64) -> Option<f64> {
    let end = on.checked_add_days(Days::new(1))?.checked_sub_days(Days::new(WEEK_DAYS * weeks_back))?;
    let start = end.checked_sub_days(Days::new(WEEK_DAYS))?;
    mean(mornings, start, end)
}

/// The mean of the per-day morning pains in `[start, end)`.
fn mean(mornings: &[MorningPain], start: NaiveDate, end: NaiveDate) -> Option<f64> {
    let mut days: Vec<(NaiveDate, i32)> = Vec::new();
    for (d, p) in mornings.iter().filter(|(d, _)| (start..end).contains(d)) {
        match days.iter_mut().find(|(x, _)| x == d) {
            Some((_, q)) => *q = (*q).max(*p),
            None => days.push((*d, *p)),
        }
    }
    (!days.is_empty()).then(|| days.iter().map(|(_, p)| f64::from(*p)).sum::<f64>() / days.len() as f64)
}

fn pain_on(mornings: &[MorningPain], date: NaiveDate) -> Option<i32> {
    mornings.iter().filter(|(d, _)| *d == date).map(|(_, p)| *p).max()
}

#[cfg(test)]
mod tests;

//! The cards the routine raises over time (CLINICAL.md §6, §8), as a pure function of facts the
//! store loads. They show beside an active plan; the physiotherapist and no-improvement cards
//! also hold every dose (see `progression::rules`).

use super::plan::{Card, CardId};

/// [E: CLINICAL.md §2, §8] About four weeks on the routine without less pain: see a doctor
/// (tier `soon`), and every dose freezes until a new assessment.
pub const NO_IMPROVEMENT_DAYS: i64 = 28;

/// What the cards are decided from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressFacts {
    /// Two reds in a row on any exercise (a too-painful skip counts as red).
    pub two_reds_in_a_row: bool,
    /// Morning pain creeping for two weeks (`progression::rules::morning_creeping_two_weeks`).
    pub morning_creeping_two_weeks: bool,
    /// Whole days since the first check-in after the latest assessment, if any.
    pub days_on_routine: Option<i64>,
    /// Pain fell meaningfully from the first week on the routine to the last [E: Farrar 2001];
    /// `true` when there is too little logged to tell (no alarm on no data).
    pub pain_improved: bool,
    /// The latest assessment is 14 days old or more: time to re-test (CLINICAL.md §6).
    pub retest_due: bool,
}

/// The cards, in the order shown.
pub fn progress_cards(f: &ProgressFacts) -> Vec<Card> {
    let mut cards = Vec::new();
    if f.two_reds_in_a_row || f.morning_creeping_two_weeks {
        let why = if f.two_reds_in_a_row {
            "Two sessions in a row went into the red."
        } else {
            "Your pain on waking has been creeping up for two weeks."
        };
        cards.push(card(
            CardId::SeePhysio,
            "A physiotherapist could help",
            &format!("{why} A physiotherapist can look at how you move and adjust the routine. Until things settle, the doses stay the same."),
        ));
    }
    if f.days_on_routine.is_some_and(|d| d >= NO_IMPROVEMENT_DAYS) && !f.pain_improved {
        cards.push(card(
            CardId::NoImprovement,
            "See a doctor in the next 1-2 weeks",
            "About four weeks on the routine have not brought your pain down clearly. A doctor should look again. Every dose stays the same until you take the self-assessment again.",
        ));
    }
    if f.retest_due {
        cards.push(card(
            CardId::RetestDue,
            "Time to re-test",
            "Two weeks have passed: repeat the straight leg raise, knee extension and bridge tests in the self-assessment to see what has changed.",
        ));
    }
    cards
}

/// [E: Farrar 2001] Pain counts as improved when the mean of the last week is 2 points or 30%
/// below the first week on the routine. Without pain logged on either side, \[D\] no alarm on no
/// data: it counts as improved.
pub fn pain_improved(first_week: Option<f64>, last_week: Option<f64>) -> bool {
    match (first_week, last_week) {
        (Some(start), Some(end)) => start - end >= 2.0 || (start > 0.0 && (start - end) / start >= 0.3),
        _ => true,
    }
}

fn card(id: CardId, title: &str, body: &str) -> Card {
    Card { id, title: title.to_owned(), body: body.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(f: ProgressFacts) -> Vec<CardId> {
        progress_cards(&f).into_iter().map(|c| c.id).collect()
    }

    #[test]
    fn each_fact_raises_its_card() {
        #[rustfmt::skip]
        let rows = [
            (ProgressFacts { pain_improved: true, ..Default::default() }, vec![]),
            (ProgressFacts { two_reds_in_a_row: true, pain_improved: true, ..Default::default() }, vec![CardId::SeePhysio]),
            (ProgressFacts { morning_creeping_two_weeks: true, pain_improved: true, ..Default::default() }, vec![CardId::SeePhysio]),
            (ProgressFacts { days_on_routine: Some(27), ..Default::default() }, vec![]),
            (ProgressFacts { days_on_routine: Some(28), ..Default::default() }, vec![CardId::NoImprovement]),
            (ProgressFacts { days_on_routine: Some(60), pain_improved: true, ..Default::default() }, vec![]),
            (ProgressFacts { retest_due: true, pain_improved: true, ..Default::default() }, vec![CardId::RetestDue]),
        ];
        for (facts, expected) in rows {
            assert_eq!(ids(facts.clone()), expected, "{facts:?}");
        }
    }

    #[test]
    fn card_texts_name_no_command() {
        let all = progress_cards(&ProgressFacts {
            two_reds_in_a_row: true,
            days_on_routine: Some(40),
            retest_due: true,
            ..Default::default()
        });
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|c| !c.body.contains("limber ")), "{all:?}");
    }
}

//! The catalog's contract: one entry per id, complete plain texts, doses in the right units for
//! each category, ceilings never below the start, the strength ladder and the equipment.

use super::Equipment::{self, *};
use super::ExerciseId::{self, *};
use super::exercises::entry;
use super::*;

fn all() -> Vec<Exercise> {
    catalog()
}

#[test]
fn every_id_has_exactly_one_entry_in_all_order() {
    let all = all();
    assert_eq!(all.len(), ExerciseId::ALL.len());
    for (i, (e, id)) in all.iter().zip(ExerciseId::ALL).enumerate() {
        assert_eq!(e.id, *id, "position {i}");
        assert_eq!(*id as usize, i, "{id}: the discriminant must be the position in ALL");
        assert_eq!(all.iter().filter(|x| x.id == *id).count(), 1, "{id}");
    }
}

#[test]
fn exercise_returns_the_entry_for_its_id() {
    for &id in ExerciseId::ALL {
        assert_eq!(exercise(id).id, id);
        assert_eq!(*exercise(id), entry(id));
        // The same table each time.
        assert!(std::ptr::eq(exercise(id), exercise(id)));
    }
}

#[test]
fn names_are_unique() {
    let mut names: Vec<_> = all().into_iter().map(|e| e.name).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before);
}

#[test]
fn texts_are_complete_sentences() {
    for e in all() {
        assert!(!e.name.trim().is_empty(), "{}: name", e.id);
        assert!(!e.targets.trim().is_empty(), "{}: targets", e.id);
        assert!(e.steps.len() >= 2, "{}: at least 2 steps", e.id);
        assert!(!e.cautions.is_empty(), "{}: cautions", e.id);
        for line in e.steps.iter().chain(&e.cautions) {
            assert!(line.ends_with('.'), "{}: ends with a full stop: {line}", e.id);
            assert!(line.starts_with(|c: char| c.is_ascii_uppercase()), "{}: capital: {line}", e.id);
            assert!(!line.contains("  "), "{}: double space: {line}", e.id);
        }
    }
}

#[test]
fn steps_are_short() {
    for e in all() {
        for step in &e.steps {
            assert!(step.len() <= 140, "{}: step too long ({}): {step}", e.id, step.len());
        }
    }
}

#[test]
fn every_exercise_says_when_to_stop() {
    for e in all() {
        assert!(
            e.cautions.iter().any(|c| c.contains("spreads further down your leg") && c.contains("numbness")),
            "{}",
            e.id
        );
    }
}

#[test]
fn stretches_warn_against_pain_and_bouncing() {
    for e in all().into_iter().filter(|e| e.category == Category::Stretch) {
        assert!(e.cautions.iter().any(|c| c.contains("never pain") && c.contains("bounce")), "{}", e.id);
    }
}

#[test]
fn rolling_is_never_over_a_strain_or_numb_skin() {
    for e in all().into_iter().filter(|e| e.category == Category::Release) {
        assert!(e.cautions.iter().any(|c| c.contains("fresh strain") && c.contains("numb")), "{}", e.id);
    }
}

#[test]
fn nordic_curl_names_its_entry_rule() {
    let c = &exercise(NordicCurl).cautions;
    assert!(c.iter().any(|c| c.contains("20 single-leg bridges") && c.contains("3 out of 10")));
    assert!(c.iter().any(|c| c.contains("pregnancy") && c.contains("osteoporosis")));
}

#[test]
fn wall_stretch_says_the_longer_dose_is_not_needed() {
    let e = exercise(WallHamstringStretch);
    assert_eq!(e.dose, exercise(LyingHamstringStretch).dose);
    assert!(e.cautions.iter().any(|c| c.contains("6 to 8") && c.contains("more than you need")));
}

/// The units each category uses, for a starting dose or a ceiling.
fn check_units(e: &Exercise, d: &Dose, which: &str) {
    let ctx = format!("{} {which}: {d:?}", e.id);
    match e.category {
        Category::Stretch => {
            assert_eq!(d.hold_seconds.map(|h| (30..=60).contains(&h)), Some(true), "{ctx}");
            assert_eq!(d.reps.map(|r| (2..=4).contains(&r)), Some(true), "{ctx}");
            assert_eq!(d.sets, 1, "{ctx}");
            assert_eq!(d.minutes, None, "{ctx}");
        }
        Category::Release => {
            assert_eq!(d.hold_seconds.map(|h| (30..=120).contains(&h)), Some(true), "{ctx}");
            assert!((1..=3).contains(&d.sets), "{ctx}");
            assert_eq!(d.reps, None, "{ctx}");
            assert_eq!(d.minutes, None, "{ctx}");
        }
        Category::Strengthen => {
            assert!(d.reps.is_some_and(|r| r >= 1), "{ctx}");
            assert!((1..=3).contains(&d.sets), "{ctx}");
            assert_eq!(d.minutes, None, "{ctx}");
            let is_hold = matches!(e.id, BridgeHold | HeelDigHold);
            assert_eq!(d.hold_seconds.is_some(), is_hold, "{ctx}");
        }
        Category::Mobility => {
            assert!(d.reps.is_some_and(|r| r >= 1), "{ctx}");
            assert!(d.sets >= 1, "{ctx}");
            assert_eq!(d.hold_seconds, None, "{ctx}: sliders are never held");
            assert_eq!(d.minutes, None, "{ctx}");
        }
        Category::Activity => {
            assert!(d.minutes.is_some_and(|m| m >= 1), "{ctx}");
            assert_eq!((d.hold_seconds, d.reps, d.sets, d.per_side), (None, None, 1, false), "{ctx}");
        }
    }
}

#[test]
fn dose_units_match_the_category() {
    for e in all() {
        check_units(&e, &e.dose, "dose");
        check_units(&e, &e.max_dose, "max_dose");
    }
}

#[test]
fn starting_doses_follow_clinical_section_5() {
    for e in all() {
        let d = &e.dose;
        match e.category {
            // [E: Bandy 1997; ACSM 2021] 30 s holds, about 60 s per muscle.
            Category::Stretch => {
                assert_eq!((d.hold_seconds, d.reps, d.sets), (Some(30), Some(2), 1), "{}", e.id)
            }
            Category::Activity => assert_eq!(d.minutes, Some(10), "{}", e.id),
            _ => {}
        }
    }
    let d = |id| exercise(id).dose.clone();
    assert_eq!((d(BridgeHold).hold_seconds, d(BridgeHold).reps), (Some(5), Some(10)));
    assert_eq!((d(HeelDigHold).hold_seconds, d(HeelDigHold).reps), (Some(5), Some(10)));
    assert_eq!((d(Bridge).reps, d(Bridge).sets), (Some(10), 3));
    assert_eq!(d(SingleLegBridge).sets, 3);
    assert!(d(SingleLegBridge).reps.is_some_and(|r| (8..=12).contains(&r)));
    assert!(exercise(SingleLegBridge).max_dose.reps.is_some_and(|r| r <= 12));
    assert_eq!((d(NordicCurl).reps, d(NordicCurl).sets), (Some(5), 2));
    assert_eq!((d(NerveSlider).reps, d(NerveSlider).sets), (Some(10), 2));
}

#[test]
fn per_side_is_true_for_one_leg_exercises_only() {
    let one_leg = [
        LyingHamstringStretch,
        ChairHamstringStretch,
        BandHamstringStretch,
        WallHamstringStretch,
        QuadStretch,
        HipFlexorStretch,
        GluteStretch,
        SingleLegBridge,
        NerveSlider,
        HeelDigHold,
        BirdDog,
    ];
    for e in all() {
        let expected = one_leg.contains(&e.id);
        assert_eq!(e.dose.per_side, expected, "{}", e.id);
        assert_eq!(e.max_dose.per_side, expected, "{}", e.id);
    }
}

fn not_below(start: Option<i32>, max: Option<i32>) -> bool {
    match (start, max) {
        (None, None) => true,
        (Some(s), Some(m)) => m >= s,
        _ => false,
    }
}

#[test]
fn max_dose_is_never_below_the_dose() {
    for e in all() {
        let (d, m) = (&e.dose, &e.max_dose);
        assert!(not_below(d.hold_seconds, m.hold_seconds), "{}: hold", e.id);
        assert!(not_below(d.reps, m.reps), "{}: reps", e.id);
        assert!(not_below(d.minutes, m.minutes), "{}: minutes", e.id);
        assert!(m.sets >= d.sets, "{}: sets", e.id);
        assert_eq!(m.per_side, d.per_side, "{}", e.id);
    }
}

/// CLINICAL.md §5 (revised): a stretch progresses by repetitions, never past 4 × 30 s per muscle
/// per session (the longer holds from 65 are the dose line's, `routine::dose`).
#[test]
fn stretch_ceiling_is_four_holds_of_30_seconds() {
    for e in all().into_iter().filter(|e| e.category == Category::Stretch) {
        assert_eq!((e.max_dose.reps, e.max_dose.hold_seconds), (Some(4), Some(30)), "{}", e.id);
    }
}

#[test]
fn ladder_runs_from_bridge_hold_to_nordic_curl() {
    assert_eq!(ladder(), [BridgeHold, Bridge, SingleLegBridge, NordicCurl]);
    for e in all() {
        let level = ladder().iter().position(|&l| l == e.id).map(|i| i as i32 + 1);
        assert_eq!(e.ladder_level, level, "{}", e.id);
    }
}

#[test]
fn next_and_previous_on_ladder() {
    assert_eq!(next_on_ladder(BridgeHold), Some(Bridge));
    assert_eq!(next_on_ladder(Bridge), Some(SingleLegBridge));
    assert_eq!(next_on_ladder(SingleLegBridge), Some(NordicCurl));
    assert_eq!(next_on_ladder(NordicCurl), None);
    assert_eq!(previous_on_ladder(NordicCurl), Some(SingleLegBridge));
    assert_eq!(previous_on_ladder(SingleLegBridge), Some(Bridge));
    assert_eq!(previous_on_ladder(Bridge), Some(BridgeHold));
    assert_eq!(previous_on_ladder(BridgeHold), None);
    for &id in ExerciseId::ALL.iter().filter(|id| !ladder().contains(id)) {
        assert_eq!((next_on_ladder(id), previous_on_ladder(id)), (None, None), "{id}");
    }
}

#[test]
fn minutes_estimate_fits_a_session_and_covers_the_work() {
    for e in all() {
        assert!((1..=20).contains(&e.minutes_estimate), "{}", e.id);
        let d = &e.dose;
        let sides = if d.per_side { 2 } else { 1 };
        // A repetition without a hold takes about 3 seconds.
        let work_seconds = match d.minutes {
            Some(m) => m * 60,
            None => d.hold_seconds.unwrap_or(3) * d.reps.unwrap_or(1) * d.sets * sides,
        };
        assert!(e.minutes_estimate * 60 >= work_seconds, "{}: {work_seconds} s of work", e.id);
    }
}

#[test]
fn equipment_is_listed_where_needed() {
    let needs: &[(ExerciseId, Equipment)] = &[
        (ChairHamstringStretch, Chair),
        (BandHamstringStretch, BandOrTowel),
        (WallHamstringStretch, Wall),
        (FoamRollHamstrings, FoamRoller),
        (FoamRollQuads, FoamRoller),
        (NordicCurl, Anchor),
        (BandedSquat, BandOrTowel),
    ];
    for e in all() {
        let expected: Vec<Equipment> =
            needs.iter().filter(|(id, _)| *id == e.id).map(|(_, eq)| *eq).collect();
        assert_eq!(e.equipment, expected, "{}", e.id);
        assert!(!e.equipment.contains(&NoEquipment), "{}: an empty list means none", e.id);
    }
}

#[test]
fn json_uses_the_snake_case_names_and_round_trips() {
    let e = exercise(BandHamstringStretch);
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["id"], "band_hamstring_stretch");
    assert_eq!(json["category"], "stretch");
    assert_eq!(json["equipment"], serde_json::json!(["band_or_towel"]));
    assert_eq!(json["dose"]["hold_seconds"], 30);
    assert_eq!(json["dose"]["minutes"], serde_json::Value::Null);
    for e in all() {
        let back: Exercise = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
    }
    assert_eq!(Category::parse("category", "mobility").unwrap(), Category::Mobility);
    assert_eq!(Equipment::parse("equipment", "none").unwrap(), NoEquipment);
    assert!(Equipment::parse("equipment", "dumbbell").is_err());
}

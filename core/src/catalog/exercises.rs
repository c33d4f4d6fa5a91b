//! The catalog entries. Facts carry a source tag: **[S]** the articles in `seeds/`, **[E]**
//! published guidance named in CLINICAL.md, **[D]** a design choice. Every sentence is Limber's own.
//!
//! Doses **[E: Bandy 1997; ACSM 2021]**: a stretch is 2 holds of 30 s (about 60 s per muscle per
//! session), progressing by repetitions to at most 4 holds of 30 s (60 s is no better for most;
//! from 65 the hold may grow to 60 s instead, at most 2 × 60 s: `routine::dose`).
//! Foam rolling is optional, 60 s per thigh, capped at 2 rounds of 90 s (range 1-3 x 30-120 s).
//! Strength caps **[D]** keep each exercise short; moving up the ladder is the bigger step.

use super::types::Category::*;
use super::types::Equipment::*;
use super::types::ExerciseId::{self, *};
use super::types::{Dose, Exercise};

/// [E: CLINICAL.md §3] During any session, spreading symptoms mean stop and re-run triage.
const STOP_IF_SPREADS: &str = "Stop and do the safety check in the app again if pain spreads further down \
                               your leg, or if numbness or weakness appears.";
/// [E: Bandy 1997; ACSM 2021] Stretch to tightness, never pain or bouncing.
const STRETCH_GENTLY: &str = "Stretch only until you feel tightness, never pain, and do not bounce.";
/// [E: CLINICAL.md §5] Never roll over a fresh strain or numb skin.
const ROLL_SAFELY: &str = "Never roll over a fresh strain, a bruise, or skin that feels numb.";
const ROLL_OPTIONAL: &str = "Rolling is optional: the stretches and strength exercises work without it.";
const WEAK_BONES_ROLL: &str =
    "If you have weak bones (osteoporosis), ask a health professional before you try rolling.";
const PREGNANT_LYING: &str =
    "If you are pregnant and feel dizzy or unwell lying on your back, roll onto your side and stop.";
const HAMSTRINGS: &str = "Hamstrings (the muscles at the back of the thigh)";
const QUADS: &str = "Quadriceps (the big muscles at the front of the thigh)";

/// The entry for `id`. The match is exhaustive, so every id has exactly one entry.
pub(super) fn entry(id: ExerciseId) -> Exercise {
    match id {
        // [S] foam rolling of the hamstrings; [E] optional, never over a fresh strain or numb skin.
        FoamRollHamstrings => Exercise {
            id,
            name: "Foam roll: back of the thighs".into(),
            category: Release,
            targets: HAMSTRINGS.into(),
            steps: lines(&[
                "Sit on the floor with the foam roller under the backs of your thighs.",
                "Put your hands flat on the floor behind you and lift your bottom a little.",
                "Use your arms to roll slowly from just above your knees up to just below your bottom.",
                "When you find a tender spot, stay there and breathe out slowly.",
                "Keep the pressure firm but never painful.",
            ]),
            dose: rolling(60, 1),
            max_dose: rolling(90, 2),
            cautions: lines(&[
                ROLL_SAFELY,
                "Keep the roller off the soft hollow at the back of the knee.",
                ROLL_OPTIONAL,
                WEAK_BONES_ROLL,
                STOP_IF_SPREADS,
            ]),
            equipment: vec![FoamRoller],
            ladder_level: None,
            minutes_estimate: 2,
        },
        // [S] foam rolling of the quadriceps.
        FoamRollQuads => Exercise {
            id,
            name: "Foam roll: front of the thighs".into(),
            category: Release,
            targets: QUADS.into(),
            steps: lines(&[
                "Lie face down with the foam roller under the fronts of your thighs.",
                "Rest your weight on your forearms, as if starting a plank.",
                "Tighten your tummy a little so that your lower back does not sag.",
                "Use your arms to roll slowly from just above your knees up to the tops of your thighs.",
                "When you find a tender spot, stay there and breathe out slowly.",
            ]),
            dose: rolling(60, 1),
            max_dose: rolling(90, 2),
            cautions: lines(&[
                ROLL_SAFELY,
                "Keep the roller off your kneecaps and the bony points at the front of your hips.",
                ROLL_OPTIONAL,
                "If you are pregnant, skip this one, because it means lying face down.",
                WEAK_BONES_ROLL,
                STOP_IF_SPREADS,
            ]),
            equipment: vec![FoamRoller],
            ladder_level: None,
            minutes_estimate: 2,
        },
        // [S] lying hamstring stretch, held 10-30 s there; [E] 30 s is the dose used.
        LyingHamstringStretch => Exercise {
            id,
            name: "Lying hamstring stretch".into(),
            category: Stretch,
            targets: HAMSTRINGS.into(),
            steps: lines(&[
                "Lie on your back on the floor or a mat with both legs straight.",
                "Lift one leg and hold it with both hands behind the thigh, just above the knee.",
                "Bring that thigh up until it points at the ceiling.",
                "Ease the knee straight, stopping when you feel a gentle pull behind the thigh.",
                "Hold still and keep breathing normally.",
                "Bend the knee, lower the leg slowly, and then do the same with the other leg.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[STRETCH_GENTLY, STOP_IF_SPREADS]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [S] standing toe reach: gentle, no bouncing. G2, G3 and G4 leave it out (forward bending).
        StandingToeReach => Exercise {
            id,
            name: "Standing toe reach".into(),
            category: Stretch,
            targets: "Hamstrings and lower back".into(),
            steps: lines(&[
                "Stand with your feet hip-width apart and your knees soft, not locked.",
                "Breathe out and fold forward slowly from your hips, letting your arms hang loose.",
                "Reach down only as far as feels easy; touching your toes is not the goal.",
                "Stay where you feel a gentle pull behind your thighs and keep breathing.",
                "Bend your knees a little and roll up slowly to stand, with your head coming up last.",
            ]),
            dose: Dose { per_side: false, ..stretch() },
            max_dose: Dose { per_side: false, ..stretch_max() },
            cautions: lines(&[
                STRETCH_GENTLY,
                "Come up slowly; if you feel dizzy, sit down until it passes.",
                "Skip this one if you are pregnant, have weak bones (osteoporosis) or had back surgery in \
                 the last year, unless a health professional has said it is fine.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 2,
        },
        // [S] chair hamstring stretch: one leg on a second chair, 4 reaches per leg there; [E] the
        // standard stretch dose is used instead.
        ChairHamstringStretch => Exercise {
            id,
            name: "Chair hamstring stretch".into(),
            category: Stretch,
            targets: HAMSTRINGS.into(),
            steps: lines(&[
                "Put two chairs of the same height facing each other, a leg's length apart.",
                "Sit on one chair and rest one heel on the seat of the other, with that leg straight.",
                "Keep your other foot flat on the floor.",
                "Sit tall, then lean forward from your hips and reach towards your toes until you feel a \
                 gentle pull.",
                "Hold still and keep breathing, then sit back up slowly.",
                "Do the same with the other leg.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[
                STRETCH_GENTLY,
                "Check that both chairs are steady and cannot slide away.",
                "Keep your back long; rounding it to reach further does not help the stretch.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![Chair],
            ladder_level: None,
            minutes_estimate: 4,
        },
        // [S] band or towel hamstring stretch, lying, each leg.
        BandHamstringStretch => Exercise {
            id,
            name: "Hamstring stretch with a band or towel".into(),
            category: Stretch,
            targets: HAMSTRINGS.into(),
            steps: lines(&[
                "Lie on your back with both knees bent and your feet flat on the floor.",
                "Loop a band, belt or towel around the sole of one foot and hold one end in each hand.",
                "Straighten that leg up towards the ceiling, as far as is comfortable.",
                "Pull gently on the band to bring the leg towards you until you feel a mild pull behind \
                 the thigh.",
                "Hold still with your head and shoulders resting on the floor.",
                "Lower the leg slowly and do the same with the other leg.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[
                STRETCH_GENTLY,
                "For an easier stretch, let the raised knee bend a little.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![BandOrTowel],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [S] wall hamstring stretch, held 40 s 6-8 times there: allowed but more than needed, so
        // it gets the standard stretch dose [E] and the user is told so. The one-leg doorway
        // version keeps it one side at a time like the other hamstring stretches.
        WallHamstringStretch => Exercise {
            id,
            name: "Wall hamstring stretch".into(),
            category: Stretch,
            targets: HAMSTRINGS.into(),
            steps: lines(&[
                "Lie on your back in a doorway, with your hips just past the door frame.",
                "Rest one leg up the wall beside the doorway and let the other lie flat on the floor \
                 through the doorway.",
                "Shuffle your bottom closer to the wall until you feel a gentle pull at the back of the \
                 raised thigh.",
                "Let the raised knee straighten as far as is comfortable, without forcing it.",
                "Hold still and relax, with a pillow under your head if you like.",
                "Bend the knee, slide the leg down, and then do the same with the other leg.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[
                STRETCH_GENTLY,
                "Some guides hold this stretch for longer and repeat it 6 to 8 times. That is more than \
                 you need, so keep to the holds shown.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![Wall],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [S] knees to chest (the articles' alternative when hamstring stretching is not advised).
        // [D] both knees together, so not per side. G2 allows it only while leg symptoms do not spread.
        KneesToChest => Exercise {
            id,
            name: "Knees to chest".into(),
            category: Stretch,
            targets: "Lower back and buttocks".into(),
            steps: lines(&[
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Bring one knee up towards your chest, then the other.",
                "Hold your legs just below the knees and draw them gently closer.",
                "Let your lower back relax into the floor and breathe slowly.",
                "Lower one foot to the floor, then the other.",
            ]),
            dose: Dose { per_side: false, ..stretch() },
            max_dose: Dose { per_side: false, ..stretch_max() },
            cautions: lines(&[
                STRETCH_GENTLY,
                "If you are pregnant, let your knees move apart so that they pass beside your bump.",
                "If you have weak bones (osteoporosis), pull gently and do not force your knees closer.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 2,
        },
        // [S] hip flexor stretch.
        HipFlexorStretch => Exercise {
            id,
            name: "Kneeling hip flexor stretch".into(),
            category: Stretch,
            targets: "Hip flexors (the muscles at the front of the hip that lift the leg)".into(),
            steps: lines(&[
                "Kneel on one knee on a cushion, with the other foot flat on the floor in front of you.",
                "Keep your body upright, with your hands on your front thigh or on a chair for balance.",
                "Squeeze your bottom and tuck your tail under a little.",
                "Shift your weight slowly forward until you feel a stretch at the front of the hip on the \
                 kneeling side.",
                "Hold still without arching your lower back, then ease back.",
                "Swap legs and do the same on the other side.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[
                STRETCH_GENTLY,
                "If kneeling hurts your knee, do it standing in a small lunge with one hand on a wall.",
                "If you are pregnant or unsteady, hold on to something firm for balance.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [S] quadriceps stretch.
        QuadStretch => Exercise {
            id,
            name: "Standing quad stretch".into(),
            category: Stretch,
            targets: QUADS.into(),
            steps: lines(&[
                "Stand tall next to a wall or a steady chair and rest one hand on it.",
                "Bend your outside knee and hold that ankle, or the back of your shoe, with your free hand.",
                "Keep your knees side by side and draw your heel gently towards your bottom.",
                "Tuck your tail under a little until you feel a stretch at the front of the thigh.",
                "Hold still without leaning forward or arching your back, then lower the foot slowly.",
                "Turn round and do the same with the other leg.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[
                STRETCH_GENTLY,
                "If you cannot reach your ankle, loop a towel round it, or do the stretch lying on your \
                 side.",
                "If your knee hurts when it bends fully, ease off.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [S] hip external-rotator / glute stretch.
        GluteStretch => Exercise {
            id,
            name: "Lying glute stretch".into(),
            category: Stretch,
            targets: "Buttock muscles and the deep hip muscles that turn the leg out".into(),
            steps: lines(&[
                "Lie on your back with both knees bent and your feet flat on the floor.",
                "Cross one ankle over the other knee, so your legs make the shape of a number 4.",
                "Reach through the gap and hold the back of the thigh of the leg under it.",
                "Draw that thigh gently towards your chest until you feel a stretch in the buttock of \
                 the crossed leg.",
                "Hold still with your head and shoulders relaxed on the floor.",
                "Let go slowly and do the same with your legs the other way round.",
            ]),
            dose: stretch(),
            max_dose: stretch_max(),
            cautions: lines(&[
                STRETCH_GENTLY,
                "If reaching is hard, leave the lower foot on the floor and press the crossed knee gently \
                 away from you.",
                "You should feel it in the buttock; ease off if the front of the hip or the knee hurts.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [E: Heiderscheit 2010] pain-free isometric heel digs, allowed in the first days of a strain.
        HeelDigHold => Exercise {
            id,
            name: "Heel dig hold".into(),
            category: Strengthen,
            targets: "Hamstrings, gently: the muscle works without the leg moving".into(),
            steps: lines(&[
                "Lie on your back with one knee bent and the heel on the floor; let the other leg rest.",
                "Dig the heel gently into the floor, as if pulling it towards your bottom, but do not \
                 let it move.",
                "Feel the back of your thigh firm up, and keep breathing while you hold.",
                "Relax for a few seconds before the next hold.",
                "Do all the holds with one leg, then switch legs.",
            ]),
            dose: hold(5, 10, 1, true),
            max_dose: hold(10, 10, 2, true),
            cautions: lines(&[
                "Keep it gentle and pain-free; after a strain, stop if it hurts more than 2 out of 10.",
                "If the back of the thigh cramps, relax and press more lightly.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 4,
        },
        // [E] ladder level 1: bridge hold 10 x 5 s.
        BridgeHold => Exercise {
            id,
            name: "Bridge hold".into(),
            category: Strengthen,
            targets: "Buttocks and hamstrings".into(),
            steps: lines(&[
                "Lie on your back with your knees bent, your feet flat and hip-width apart, and your arms \
                 by your sides.",
                "Tighten your tummy a little and squeeze your buttocks.",
                "Press through your heels and lift your hips off the floor.",
                "Hold still and keep breathing.",
                "Lower your hips slowly and rest for a few seconds before the next hold.",
            ]),
            dose: hold(5, 10, 1, false),
            max_dose: hold(10, 10, 2, false),
            cautions: lines(&[
                "Lift only as high as is comfortable, and do not arch your lower back.",
                "If the back of a thigh cramps, lower down, move your feet a little closer and try again.",
                PREGNANT_LYING,
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: Some(1),
            minutes_estimate: 2,
        },
        // [E] ladder level 2: bridge 3 x 10.
        Bridge => Exercise {
            id,
            name: "Bridge".into(),
            category: Strengthen,
            targets: "Buttocks and hamstrings".into(),
            steps: lines(&[
                "Lie on your back with your knees bent, your feet flat and hip-width apart, and your arms \
                 by your sides.",
                "Tighten your tummy a little.",
                "Press through your heels and lift your hips until your shoulders, hips and knees make a \
                 straight line.",
                "Pause for a moment at the top, then lower slowly; that is one repetition.",
                "Rest for about a minute between sets.",
            ]),
            dose: reps(10, 3, false),
            max_dose: reps(15, 3, false),
            cautions: lines(&[
                "Do not arch your lower back at the top; lift with your buttocks.",
                "If the back of a thigh cramps, rest, move your feet a little closer and carry on.",
                PREGNANT_LYING,
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: Some(2),
            minutes_estimate: 4,
        },
        // [E] ladder level 3: single-leg bridge 3 x 8-12 each side.
        SingleLegBridge => Exercise {
            id,
            name: "Single-leg bridge".into(),
            category: Strengthen,
            targets: "Buttocks and hamstrings, one side at a time".into(),
            steps: lines(&[
                "Lie on your back with your knees bent and your feet flat on the floor.",
                "Straighten one leg so that both thighs stay level.",
                "Press through the heel of the bent leg and lift your hips, keeping them level.",
                "Lower slowly with control; that is one repetition.",
                "Do a set on one side, then the other, and rest for about a minute between sets.",
            ]),
            dose: reps(8, 3, true),
            max_dose: reps(12, 3, true),
            cautions: lines(&[
                "Keep your hips level; if one side drops, lift less high.",
                "If the back of the thigh cramps, rest and move your foot a little closer to your bottom.",
                PREGNANT_LYING,
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: Some(3),
            minutes_estimate: 6,
        },
        // [E] ladder level 4: Nordic curl, week 1 2 x 5, only with an anchor and after >= 20
        // pain-free single-leg bridges each side, pain <= 3/10 and none of G1-G4.
        NordicCurl => Exercise {
            id,
            name: "Nordic curl".into(),
            category: Strengthen,
            targets: "Hamstrings, working hard as they lengthen".into(),
            steps: lines(&[
                "Kneel on a cushion with your heels hooked under something heavy and solid, or ask \
                 someone to hold your ankles down.",
                "Keep your body straight from your knees to your head, with your hands in front of your \
                 chest.",
                "Tip forward from the knees as slowly as you can, using the backs of your thighs to brake.",
                "When you cannot hold it any longer, catch yourself on your hands.",
                "Push back up with your hands to kneeling; that is one repetition.",
                "Rest for about a minute between sets.",
            ]),
            dose: reps(5, 2, false),
            max_dose: reps(8, 3, false),
            cautions: lines(&[
                "Only start once you can do 20 single-leg bridges on each side without pain, and your \
                 back pain is 3 out of 10 or less.",
                "Use a solid anchor or a partner; never hook your feet under furniture that could tip over.",
                "Skip it after a recent hamstring strain, with pain or tingling down the leg, in \
                 pregnancy, with weak bones (osteoporosis) or within a year of back surgery, unless a \
                 health professional has cleared it.",
                "Lean only as far as you can control; a small lean is enough at first.",
                "The backs of your thighs may ache for a day or two after the first sessions; that \
                 should ease.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![Anchor],
            ladder_level: Some(4),
            minutes_estimate: 3,
        },
        // [S] banded squat.
        BandedSquat => Exercise {
            id,
            name: "Banded squat".into(),
            category: Strengthen,
            targets: "Thighs and buttocks (quadriceps, hamstrings and glutes)".into(),
            steps: lines(&[
                "Put a loop resistance band (not a towel) around both legs, just above your knees.",
                "Stand with your feet shoulder-width apart and your toes turned out a little.",
                "Press your knees gently outwards against the band.",
                "Sit back and down as if onto a chair, keeping your chest up and your heels down.",
                "Go only as low as is comfortable, then stand up tall; that is one repetition.",
                "Rest for about a minute between sets.",
            ]),
            dose: reps(10, 2, false),
            max_dose: reps(15, 3, false),
            cautions: lines(&[
                "Keep your knees in line with your toes, not falling inwards.",
                "If your balance is unsure, squat towards a chair behind you and touch it lightly.",
                "Stop if it hurts your knees or your back.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![BandOrTowel],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [S] lower-back strengthening, starting with few repetitions; the bird dog is the choice [D].
        BirdDog => Exercise {
            id,
            name: "Bird dog".into(),
            category: Strengthen,
            targets: "Lower back and tummy muscles, with the buttocks".into(),
            steps: lines(&[
                "Kneel on all fours with your hands under your shoulders and your knees under your hips.",
                "Tighten your tummy a little and keep your back flat, like a table top.",
                "Slowly reach one arm forward and the opposite leg back until both are in line with your \
                 body.",
                "Hold still for a slow count of three without letting your back sag or twist.",
                "Bring them back down slowly and switch to the other arm and leg.",
                "Keep swapping sides until you have done the repetitions shown on each side.",
            ]),
            dose: reps(8, 2, true),
            max_dose: reps(12, 3, true),
            cautions: lines(&[
                "If balancing is hard, move only the leg at first.",
                "Put a cushion under your knees if the floor is hard.",
                "Stop if your back pain gets worse while you do it.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 4,
        },
        // [E: CLINICAL.md §3 G2, §5] gentle nerve sliders: no hold; stop if symptoms spread.
        NerveSlider => Exercise {
            id,
            name: "Nerve slider".into(),
            category: Mobility,
            targets: "The sciatic nerve, which runs down the back of the leg: this helps it glide, \
                      not stretch"
                .into(),
            steps: lines(&[
                "Sit tall on a chair or the edge of a bed with your hands resting on your lap.",
                "Slowly straighten one knee while you tip your head back to look up.",
                "Then bend the knee back down while you bring your chin down to look at the floor.",
                "Keep moving smoothly, without stopping or holding at either end.",
                "Do all the repetitions with one leg, then switch legs.",
            ]),
            dose: reps(10, 2, true),
            max_dose: reps(15, 3, true),
            cautions: lines(&[
                "This should feel easy: a mild pull is fine, but tingling or pain should not build up.",
                "Never hold the end position; keep the movement flowing.",
                STOP_IF_SPREADS,
            ]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 3,
        },
        // [E: NICE NG59] staying active; [D] 10 minutes to start, capped at 30.
        Walk => Exercise {
            id,
            name: "Walk".into(),
            category: Activity,
            targets: "Whole body: keeps your back moving and eases stiffness".into(),
            steps: lines(&[
                "Walk at a comfortable pace, on flat ground if you can.",
                "Stand tall, let your arms swing and take easy, even steps.",
                "Split the minutes into two shorter walks if that suits you better.",
                "Slow down or cut the walk short if your pain goes up.",
            ]),
            dose: walking(10),
            max_dose: walking(30),
            cautions: lines(&["Wear comfortable shoes with some cushioning.", STOP_IF_SPREADS]),
            equipment: vec![],
            ladder_level: None,
            minutes_estimate: 10,
        },
    }
}

fn lines(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_owned()).collect()
}

/// [E: Bandy 1997; ACSM 2021] 2 holds of 30 s on each side.
fn stretch() -> Dose {
    hold(30, 2, 1, true)
}

/// [E: CLINICAL.md §5; D: the cap] The stretch ceiling: 4 holds of 30 s per muscle per session
/// (from 65 the line in `routine::dose` grows the hold to at most 2 × 60 s instead).
fn stretch_max() -> Dose {
    hold(30, 4, 1, true)
}

fn hold(seconds: i32, reps: i32, sets: i32, per_side: bool) -> Dose {
    Dose { hold_seconds: Some(seconds), reps: Some(reps), sets, per_side, minutes: None }
}

fn reps(reps: i32, sets: i32, per_side: bool) -> Dose {
    Dose { hold_seconds: None, reps: Some(reps), sets, per_side, minutes: None }
}

/// `sets` rounds of `seconds` of rolling, both thighs at once.
fn rolling(seconds: i32, sets: i32) -> Dose {
    Dose { hold_seconds: Some(seconds), reps: None, sets, per_side: false, minutes: None }
}

fn walking(minutes: i32) -> Dose {
    Dose { hold_seconds: None, reps: None, sets: 1, per_side: false, minutes: Some(minutes) }
}

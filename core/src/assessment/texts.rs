//! Every English string of the questionnaire, keyed so that a translation can replace this one
//! table: `section.<id>.title|intro`, `<question>.prompt|help`, `<question>.option.<choice>`.

pub(super) fn text(key: &str) -> &'static str {
    // An unknown key gives an empty text; the questionnaire tests catch any gap.
    TEXTS.iter().find(|(k, _)| *k == key).map_or("", |(_, t)| t)
}

pub(super) static TEXTS: &[(&str, &str)] = &[
    // Safety
    ("section.safety.title", "Safety check"),
    (
        "section.safety.intro",
        "First, a few questions about signs that need a doctor rather than exercise. Most people \
         have none of them, but please answer each one carefully.",
    ),
    (
        "cauda_equina.prompt",
        "Do you have any of these now, or have you had them in the last few days? Tick all that apply.",
    ),
    (
        "cauda_equina.help",
        "These are rare. They can mean the nerves at the bottom of the spine are being squeezed, \
         which needs a hospital check straight away. If you are unsure, tick it.",
    ),
    (
        "cauda_equina.option.saddle_numbness",
        "Numbness or an odd feeling around the genitals, the back passage or the inner thighs",
    ),
    (
        "cauda_equina.option.bladder",
        "New trouble starting to pee or holding it in, or not feeling when you need to go",
    ),
    ("cauda_equina.option.bowel", "New trouble controlling your bowels"),
    ("cauda_equina.option.sexual", "New problems with sexual function"),
    ("leg_symptoms.prompt", "Do you have any of these in a leg? Tick all that apply."),
    (
        "leg_symptoms.help",
        "Signs that a nerve is involved change which exercises are safe for you. Weakness means, \
         for example, a foot that slaps down or catches when you walk, or a knee that gives way.",
    ),
    ("leg_symptoms.option.numbness", "Numbness"),
    ("leg_symptoms.option.pins_and_needles", "Pins and needles or tingling"),
    ("leg_symptoms.option.weakness", "New or increasing weakness"),
    (
        "leg_symptoms.option.below_knee_pain_as_bad_as_back",
        "Pain below the knee that is as bad as the back pain, or worse",
    ),
    (
        "leg_symptoms.option.new_difficulty_walking",
        "New trouble walking because a leg does not do what you tell it: it gives way, drags, or the \
         foot catches. Not a limp because walking hurts",
    ),
    (
        "leg_symptoms.option.stops_normal_activities",
        "The leg pain or these symptoms stop you doing your normal daily activities",
    ),
    ("leg_symptoms.both_legs.prompt", "Are these in both legs?"),
    ("leg_symptoms.both_legs.help", "Answer yes even if one leg is much milder than the other."),
    ("leg_symptoms.worsening.prompt", "Are they getting worse?"),
    (
        "leg_symptoms.worsening.help",
        "For example spreading further down the leg, or numbness or weakness increasing over the \
         last few days.",
    ),
    ("general.prompt", "Does any of this apply to you? Tick all that apply."),
    (
        "general.help",
        "Alongside back pain, each of these is worth showing to a doctor: a few of them straight \
         away, most within a week or two. If you are unsure, tick it.",
    ),
    ("general.option.fever", "A fever, or feeling hot and shivery"),
    ("general.option.unwell", "Feeling generally unwell"),
    (
        "general.option.chest_or_belly_pain",
        "Pain in the chest, or severe pain in the belly, as well as the back pain",
    ),
    ("general.option.weight_loss", "Losing weight without trying"),
    ("general.option.past_cancer", "Cancer, now or at any time in the past"),
    (
        "general.option.steroids_or_immunosuppressed",
        "Taking steroid tablets for months, or a weakened immune system",
    ),
    ("general.option.injecting_drugs", "Injecting drugs"),
    (
        "general.option.recent_infection",
        "An infection in the last 6 weeks, such as a bladder, kidney, skin or wound infection (a \
         cold or flu does not count)",
    ),
    ("general.option.night_pain", "Pain at night that no change of position eases"),
    ("general.option.thoracic_pain", "Pain in the upper back, between the shoulder blades"),
    ("general.option.deformity", "A visible change in the shape of your spine"),
    ("general.option.pain_in_several_places", "Pain in several other parts of the body as well"),
    // History
    ("section.history.title", "Your back pain"),
    ("section.history.intro", "How it started, how long you have had it and where you feel it."),
    ("age.prompt", "How old are you?"),
    (
        "age.help",
        "Limber is made for people aged 16 and over. If you are younger, please see a doctor or a \
         physiotherapist instead.",
    ),
    ("duration_days.prompt", "For how many days has your back been hurting?"),
    ("duration_days.help", "A rough count is fine: 7 for a week, 30 for a month, 365 for a year."),
    ("onset.prompt", "How did it start?"),
    ("onset.help", "Pick the closest match."),
    ("onset.option.major_trauma", "In a serious accident, such as a car crash or a fall from a height"),
    ("onset.option.minor_fall_or_lift", "After a small fall, or lifting something"),
    (
        "onset.option.sudden_thigh_pain",
        "With a sudden pain at the back of the thigh, for example when sprinting, kicking or \
         overstretching",
    ),
    ("onset.option.gradual", "Gradually, or for no clear reason"),
    ("pain_now.prompt", "How much does it hurt right now?"),
    ("pain_now.help", "0 is no pain at all, 10 the worst pain you can imagine."),
    ("pain_sites.prompt", "Where do you feel the pain? Tick all that apply."),
    ("pain_sites.help", "Tick every place that hurts, from the back down to the foot."),
    ("pain_sites.option.low_back", "Low back"),
    ("pain_sites.option.buttock", "Buttock"),
    ("pain_sites.option.back_of_thigh", "Back of the thigh"),
    ("pain_sites.option.behind_knee", "Behind the knee"),
    ("pain_sites.option.below_knee", "Below the knee: calf or shin"),
    ("pain_sites.option.foot", "Foot"),
    ("pain_side.prompt", "Which leg is affected?"),
    (
        "pain_side.help",
        "The leg with the pain or the other symptoms. The tests later compare it with the other leg.",
    ),
    ("pain_side.option.left", "Left"),
    ("pain_side.option.right", "Right"),
    ("pain_side.option.both", "Both"),
    ("strain.prompt", "When the thigh pain began, did any of these happen? Tick all that apply."),
    ("strain.help", "These help to tell a mild muscle strain from a tear that a doctor should look at soon."),
    ("strain.option.pop", "You felt or heard a pop"),
    ("strain.option.bruising", "A bruise appeared on the back of the thigh or knee"),
    ("strain.option.gap", "You can feel a gap or a dent in the muscle"),
    (
        "strain.option.pain_on_contraction",
        "It hurts to tighten the muscle, for example when bending the knee against resistance",
    ),
    ("strain.walks_normally.prompt", "Can you walk with your normal stride?"),
    ("strain.walks_normally.help", "Answer no if you limp or take shorter steps on that side."),
    ("strain.days_since.prompt", "How many days ago did it happen?"),
    (
        "strain.days_since.help",
        "Enter 0 if it happened today. For the first two weeks, two of the home tests are left out \
         to protect the healing muscle.",
    ),
    ("strain.heel_dig_pain.prompt", "How much does the heel dig hurt?"),
    (
        "strain.heel_dig_pain.help",
        "Lie on your back with the knee of the sore leg bent and the foot flat on the floor. Press \
         the heel down into the floor with medium effort for a few seconds, then relax. Rate the \
         pain from 0 (none) to 10 (worst). Stop at once if it is sharp.",
    ),
    ("known.prompt", "Do any of these apply to you? Tick all that apply."),
    ("known.help", "They change which exercises suit you and how hard to push."),
    ("known.option.disc", "A disc problem: a slipped, bulging or herniated disc"),
    ("known.option.sciatica", "Sciatica diagnosed by a doctor or physiotherapist"),
    ("known.option.spinal_surgery_12_months", "An operation on your spine in the last 12 months"),
    ("known.option.pregnancy", "You are pregnant"),
    ("known.option.osteoporosis", "Osteoporosis (thin, fragile bones)"),
    ("known.option.new_to_exercise", "You have not exercised regularly for a long time"),
    (
        "inflammatory.onset_before_45_over_3_months.prompt",
        "Did this back pain start before you were 45, and has it lasted more than 3 months?",
    ),
    (
        "inflammatory.onset_before_45_over_3_months.help",
        "Back pain that starts young and lasts is sometimes caused by inflammation, which is \
         treated differently.",
    ),
    ("inflammatory.features.prompt", "Which of these apply to you? Tick all that apply."),
    (
        "inflammatory.features.help",
        "Several of these together are a reason to ask a doctor whether the pain could be \
         inflammatory.",
    ),
    (
        "inflammatory.features.option.wakes_late_at_night",
        "The pain wakes you in the second half of the night",
    ),
    (
        "inflammatory.features.option.alternating_buttock_pain",
        "Buttock pain that swaps from one side to the other",
    ),
    ("inflammatory.features.option.better_with_movement", "It improves when you move, not when you rest"),
    (
        "inflammatory.features.option.better_with_anti_inflammatories",
        "It eases within two days of taking anti-inflammatory tablets such as ibuprofen",
    ),
    (
        "inflammatory.features.option.family_history",
        "A parent, brother, sister or child has an inflammatory spine condition (spondyloarthritis)",
    ),
    ("inflammatory.features.option.arthritis", "Swollen, painful joints"),
    (
        "inflammatory.features.option.enthesitis",
        "Pain and swelling where a tendon joins the bone, such as at the back of the heel",
    ),
    ("inflammatory.features.option.psoriasis", "Psoriasis"),
    (
        "weeks_on_plan_without_improvement.prompt",
        "If you already follow an exercise plan for your back, for how many weeks has it not helped?",
    ),
    ("weeks_on_plan_without_improvement.help", "Enter 0 if you have no plan yet or it is helping."),
    // Tests
    ("section.tests.title", "Tests at home"),
    (
        "section.tests.intro",
        "These simple checks show how flexible and strong the backs of your thighs are. Use a firm \
         surface and move slowly. Stop any test that brings on pain, tingling or numbness down the \
         leg, and skip any you cannot do.",
    ),
    ("slr.prompt", "Straight leg raise: the angle reached with each leg"),
    (
        "slr.help",
        "Lie on your back on the floor. A helper keeps your knee straight and holds your other \
         thigh down (alone, loop a towel round your foot to lift the leg). Let the phone measure \
         it: lay it on the middle of the shin, and it tells you by voice when to lift and when it \
         has the angle, so there is nothing to read. Lift the straight leg slowly until you feel \
         a firm stretch or any symptoms, and keep still there for a moment. Do it twice and enter \
         the angle of the second try. Stop if it brings on pain, tingling or numbness down the \
         leg. Later, a change of 5 degrees or more is real when measured the same way (the phone \
         each time, or the same helper); otherwise it needs 10 or more. This test is left out in \
         the first two weeks after a strain at the back of the thigh: lifting to a firm stretch \
         could tear the healing muscle again.",
    ),
    ("slr.measured_by.prompt", "Who lifted the leg?"),
    ("slr.measured_by.help", "Measuring on your own varies more, so a change must be bigger to count."),
    ("slr.measured_by.option.helper", "A helper"),
    ("slr.measured_by.option.self", "I did it myself"),
    ("slr.measured_by.option.phone", "The phone measured it"),
    ("slr.felt_at.prompt", "Where did you feel it most at the top of the raise?"),
    ("slr.felt_at.help", "Pick where the pull or the symptoms were strongest."),
    ("slr.felt_at.option.back_of_thigh", "Back of the thigh"),
    ("slr.felt_at.option.behind_knee", "Behind the knee"),
    ("slr.felt_at.option.below_knee", "Below the knee or into the foot"),
    ("slr.felt_at.option.back", "In the back"),
    ("slr.reproduces_leg_pain.prompt", "Did the raise bring on your usual leg pain?"),
    ("slr.reproduces_leg_pain.help", "Your usual leg pain, not just a stretch at the back of the thigh."),
    (
        "nerve_check.prompt",
        "At the top of the raise, did pulling your toes up or tucking your chin change the feeling?",
    ),
    (
        "nerve_check.help",
        "Where you stopped, lower the leg a little until the feeling eases. Then pull your toes \
         towards you, or bend your head forward. Answer yes if that brings the feeling back or \
         makes it stronger: a nerve, more than the muscle, may be what limits the raise.",
    ),
    ("slump.prompt", "Slump test: did it bring on your usual leg symptoms, which eased when you looked up?"),
    (
        "slump.help",
        "Sit on the edge of a bed or table with your thighs supported and hands behind your back. \
         Let your back round, then drop your chin to your chest. Straighten one knee and pull the \
         toes up. If your usual leg symptoms come on, lift your head: answer yes if they ease. \
         Do not push into pain, and stop if symptoms spread down the leg.",
    ),
    ("crossed_slr.prompt", "Does raising your good leg bring on pain in the painful leg?"),
    (
        "crossed_slr.help",
        "Do the straight leg raise on the leg without symptoms. Answer yes if it brings on pain \
         in the other leg.",
    ),
    ("ake.prompt", "Knee straightening: how far from straight does each knee stay?"),
    (
        "ake.help",
        "Let the phone measure it: it works out how far short of straight the knee is, so there \
         is nothing to read or work out. Lie on your back with the phone on the middle of the \
         shin and wait for it to say ready. Bend the hip until the thigh points straight up, and \
         hold it there with your hands behind the thigh; keep the other leg flat. Slowly \
         straighten the knee as far as is comfortable and keep still. 0 means the knee is fully \
         straight, and the more the knee stays bent, the bigger the number. In the first two \
         weeks after a strain at the back of the thigh, straighten only to the first gentle pull, \
         never into pain. Stop if it brings on tingling or numbness.",
    ),
    ("thomas.prompt", "Thomas test: what did you see? Tick all that apply."),
    (
        "thomas.help",
        "Sit on the very end of a firm bed. Hug one knee to your chest and roll back so that your \
         low back lies flat, and let the other leg hang over the edge, relaxed. The phone, on the \
         front of the hanging thigh, measures whether it stays above level and ticks that for \
         you. A helper, or a photo from the side, shows where the lower leg hangs. Swap legs. \
         Tick nothing if neither happened on either side.",
    ),
    (
        "thomas.option.thigh_above_horizontal",
        "The hanging thigh stayed higher than the top of the bed instead of dropping level with it",
    ),
    (
        "thomas.option.knee_bend_limited",
        "The lower leg did not hang straight down: the foot stayed out in front of the knee",
    ),
    ("bridge.prompt", "Single-leg bridge: how many repetitions with each leg?"),
    (
        "bridge.help",
        "Lie on your back with one heel on a chair seat or sofa, that knee slightly bent, and hold \
         the other leg up. Push down through the heel to lift your bottom off the floor, then \
         lower it to touch the floor. Count how many you can do with good form before you have to \
         stop. Rest, then test the other leg. Stop if the back or thigh hurts sharply. This test \
         is left out in the first two weeks after a strain at the back of the thigh: working the \
         muscle until it gives out could tear it again.",
    ),
    ("bridge.pain.prompt", "How much did the bridges hurt at worst?"),
    ("bridge.pain.help", "0 is no pain at all, 10 the worst pain you can imagine."),
    ("posture.prompt", "Standing side-on to a mirror, how does your low back look?"),
    (
        "posture.help",
        "This only adds weight to the other findings: plenty of people without pain have a clear \
         curve.",
    ),
    ("posture.option.arched", "Strongly arched, with the bottom sticking out"),
    ("posture.option.flat", "Flat, with little curve"),
    ("posture.option.not_sure", "Not sure"),
    ("knee_click.prompt", "Does a knee click or snap when you bend or straighten it?"),
    ("knee_click.help", "On its own this means little; it is only weighed with the other tests."),
];

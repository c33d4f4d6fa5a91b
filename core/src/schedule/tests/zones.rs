//! Every IANA zone chrono-tz knows, over two years of days: one reminder per exercise day and
//! slot, in firing order, each at its wall-clock time or pushed forward by exactly a DST gap.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, Duration, LocalResult, Offset, TimeZone};
use chrono_tz::TZ_VARIANTS;

use crate::zone::Zone;
use proptest::prelude::*;

use super::*;

const FIRST: (i32, u32, u32) = (2026, 1, 1);
const YEARS_OF_DAYS: u64 = 730;

/// How often the walks met each case, so the test proves it saw gaps and overlaps.
#[derive(Debug, Default)]
struct Met {
    gaps: usize,
    overlaps: usize,
}

/// Checks one reminder against its slot: the wall clock, or a gap's length later.
fn check_wall_clock(tz: Zone, r: &Reminder, slots: &[LocalTime], met: &mut Met) -> (NaiveDate, i32) {
    let Ok(Target::Session { date, slot }) = Target::parse(&r.id) else { panic!("{}: not a session", r.id) };
    assert_eq!(r.kind, ReminderKind::Session);
    assert_eq!(r.local_date, date, "{}", r.id);
    let zoned = r.fire_at.with_timezone(&tz);
    assert_eq!(r.local, zoned.fixed_offset(), "{} {}: local is the wall clock at fire_at", tz, r.id);
    let wanted = date.and_time(slots[slot as usize - 1].naive());
    let shown = zoned.naive_local();
    match tz.from_local_datetime(&wanted) {
        LocalResult::Single(x) => assert_eq!(x.naive_local(), shown, "{tz} {}", r.id),
        LocalResult::Ambiguous(first, _) => {
            met.overlaps += 1;
            assert_eq!(first.to_utc(), r.fire_at, "{tz} {}: the first", r.id)
        }
        LocalResult::None => {
            met.gaps += 1;
            let shift = shown - wanted;
            let before = tz.offset_from_utc_datetime(&(r.fire_at - shift).naive_utc()).fix();
            let after = zoned.offset().fix();
            assert!(shift > Duration::zero(), "{tz} {}: moved back", r.id);
            assert_eq!(
                i64::from(after.local_minus_utc() - before.local_minus_utc()),
                shift.num_seconds(),
                "{tz} {}: moved by more than the gap",
                r.id
            );
        }
    }
    (date, slot)
}

/// Pages through the plan from the first day to the last like a shell would (each page starts
/// at the last reminder of the one before) and checks every reminder.
fn walk(
    settings: &ReminderSettings,
    first: NaiveDate,
    last: NaiveDate,
    limit: i32,
    met: &mut Met,
) -> BTreeSet<(NaiveDate, i32)> {
    let tz = parse_tz("tz", &settings.time_zone).unwrap();
    let facts = ready(1);
    let mut now = crate::zone::start_of_day(tz, first) - Duration::seconds(1);
    let mut seen = BTreeSet::new();
    'pages: loop {
        let page = upcoming(settings, &facts, now, limit).unwrap();
        assert!(page.windows(2).all(|w| w[0].fire_at < w[1].fire_at), "{tz}: not strictly increasing");
        let Some(end) = page.last() else { break };
        for r in &page {
            assert!(r.fire_at > now);
            let key = check_wall_clock(tz, r, &settings.slots, met);
            if key.0 > last {
                break 'pages;
            }
            assert!(seen.insert(key), "{tz}: {} twice", r.id);
        }
        now = end.fire_at;
    }
    seen
}

fn expected(settings: &ReminderSettings, first: NaiveDate, last: NaiveDate) -> BTreeSet<(NaiveDate, i32)> {
    let slots = settings.slots.len() as i32;
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| settings.days.contains(&DayOfWeek::of(d.weekday())))
        .flat_map(|d| (1..=slots).map(move |s| (d, s)))
        .collect()
}

#[test]
fn every_zone_for_two_years_has_one_reminder_per_day_and_slot_at_its_wall_clock_time() {
    let first = day(FIRST.0, FIRST.1, FIRST.2);
    let last = first + Days::new(YEARS_OF_DAYS - 1);
    let mut met = Met::default();
    for tz in TZ_VARIANTS {
        // Wednesday off; 02:30 falls in most spring gaps, 19:00 in none.
        let settings = ReminderSettings {
            days: DayOfWeek::ALL.iter().copied().filter(|d| *d != DayOfWeek::Wed).collect(),
            ..only_slots(tz.name(), &[t(2, 30), t(19, 0)])
        };
        assert_eq!(
            walk(&settings, first, last, 64, &mut met),
            expected(&settings, first, last),
            "{}",
            tz.name()
        );
    }
    // 02:30 is skipped in New York's spring and doubled in Berlin's autumn, among many others.
    assert!(met.gaps > 100 && met.overlaps > 100, "{met:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_zone_days_and_slots_give_one_reminder_each_at_its_wall_clock_time(
        zone in 0..TZ_VARIANTS.len(),
        early in (0..5, 0..60),
        late in (12..24, 0..60),
        days in 1u8..128,
        start in 0..YEARS_OF_DAYS,
        limit in 1..=64i32,
    ) {
        let days: Vec<DayOfWeek> =
            DayOfWeek::ALL.iter().enumerate().filter(|(i, _)| days & (1 << i) != 0).map(|(_, d)| *d).collect();
        let settings = ReminderSettings {
            days,
            ..only_slots(TZ_VARIANTS[zone].name(), &[t(late.0, late.1), t(early.0, early.1)])
        }
        .validate()
        .unwrap();
        let first = day(FIRST.0, FIRST.1, FIRST.2) + Days::new(start);
        let last = first + Days::new(45);
        prop_assert_eq!(
            walk(&settings, first, last, limit, &mut Met::default()),
            expected(&settings, first, last)
        );
    }
}

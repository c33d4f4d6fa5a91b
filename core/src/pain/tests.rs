use chrono::TimeZone;

use super::*;

pub(crate) fn input(level: i32) -> PainInput {
    PainInput {
        recorded_at: Utc.with_ymd_and_hms(2026, 11, 20, 7, 30, 0).unwrap(),
        utc_offset_minutes: 60,
        level,
        sites: vec![],
        context: PainContext::OnWaking,
        note: None,
    }
}

fn site(site: BodySite, side: Option<Side>, level: i32) -> SitePain {
    SitePain { site, side, level }
}

fn field_of(err: Error) -> String {
    match err {
        Error::Invalid { field, .. } => field,
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

#[test]
fn levels_zero_and_ten_are_accepted() {
    assert_eq!(input(0).validate().unwrap().level, 0);
    assert_eq!(input(10).validate().unwrap().level, 10);
}

#[test]
fn each_out_of_range_field_is_named() {
    assert_eq!(field_of(input(11).validate().unwrap_err()), "level");
    assert_eq!(field_of(input(-1).validate().unwrap_err()), "level");

    let mut bad_site = input(3);
    bad_site.sites = vec![site(BodySite::LowBack, None, 2), site(BodySite::Foot, Some(Side::Left), 12)];
    assert_eq!(field_of(bad_site.validate().unwrap_err()), "sites[1].level");

    let mut bad_offset = input(3);
    bad_offset.utc_offset_minutes = 15 * 60;
    assert_eq!(field_of(bad_offset.validate().unwrap_err()), "utc_offset_minutes");

    let mut bad_time = input(3);
    bad_time.recorded_at = Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap();
    assert_eq!(field_of(bad_time.validate().unwrap_err()), "recorded_at");

    let mut long_note = input(3);
    long_note.note = Some("x".repeat(MAX_NOTE_CHARS + 1));
    assert_eq!(field_of(long_note.validate().unwrap_err()), "note");
}

#[test]
fn a_site_and_side_may_appear_once_but_sides_are_distinct() {
    let mut twice = input(3);
    twice.sites = vec![
        site(BodySite::BackOfThigh, Some(Side::Left), 4),
        site(BodySite::BackOfThigh, Some(Side::Left), 5),
    ];
    assert_eq!(field_of(twice.validate().unwrap_err()), "sites[1]");

    let mut both_legs = input(3);
    both_legs.sites = vec![
        site(BodySite::BackOfThigh, Some(Side::Right), 4),
        site(BodySite::BackOfThigh, Some(Side::Left), 5),
    ];
    assert_eq!(both_legs.validate().unwrap().sites.len(), 2);
}

#[test]
fn sites_are_put_in_order_from_the_back_down_the_leg() {
    let mut entry = input(3);
    entry.sites = vec![
        site(BodySite::Foot, None, 1),
        site(BodySite::LowBack, None, 6),
        site(BodySite::Buttock, Some(Side::Left), 4),
    ];
    let order: Vec<_> = entry.validate().unwrap().sites.iter().map(|s| s.site).collect();
    assert_eq!(order, [BodySite::LowBack, BodySite::Buttock, BodySite::Foot]);
}

#[test]
fn a_blank_note_is_no_note_and_a_full_note_is_kept() {
    let mut blank = input(3);
    blank.note = Some("   ".into());
    assert_eq!(blank.validate().unwrap().note, None);
    let mut full = input(3);
    full.note = Some("é".repeat(MAX_NOTE_CHARS));
    assert_eq!(full.validate().unwrap().note.unwrap().chars().count(), MAX_NOTE_CHARS);
}

#[test]
fn names_parse_and_unknown_names_list_the_valid_ones() {
    assert_eq!(BodySite::parse("site", "behind_knee").unwrap(), BodySite::BehindKnee);
    let err = BodySite::parse("site", "knee").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid site: must be one of low_back, buttock, back_of_thigh, behind_knee, below_knee, foot"
    );
    assert_eq!(serde_json::to_string(&PainContext::AfterSitting).unwrap(), "\"after_sitting\"");
}

#[test]
fn local_time_shows_the_wall_clock_of_the_moment() {
    let entry = input(2).validate().unwrap().into_entry(crate::ids::new_id());
    assert_eq!(entry.local_time().to_rfc3339(), "2026-11-20T08:30:00+01:00");
}

#[test]
fn access_opens_settings_by_default_and_keeps_removal_with_admins() {
    use super::{Access, Need};
    let default = Access::default();
    assert!(default.open_to_all(Need::Settings));
    assert!(!default.open_to_all(Need::Members));
    assert!(!Access::AdminsOnly.open_to_all(Need::Settings));
    assert!(!Access::AdminsOnly.open_to_all(Need::Members));
    assert!(Access::AllOpen.open_to_all(Need::Members));
    // Tapping cycles through all three and comes back; codes round-trip, and the
    // codes of the old flag (0 admins only, 1 anyone) keep their meaning.
    let mut seen = vec![default];
    let mut a = default.next();
    while a != default {
        seen.push(a);
        a = a.next();
    }
    assert_eq!(seen.len(), 3);
    for a in Access::ALL {
        assert_eq!(Access::from_code(a.code()), Some(a));
    }
    assert_eq!(Access::from_code(0), Some(Access::AdminsOnly));
    assert_eq!(Access::from_code(1), Some(Access::SettingsOpen));
    assert_eq!(Access::from_code(3), None);
}

#[test]
fn every_zone_city_is_a_known_timezone() {
    let lines: Vec<&str> = ZONE_CITIES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert!(lines.len() > 300);
    for line in lines {
        let name = line.split('\t').nth(2).unwrap_or("");
        assert!(name.parse::<Tz>().is_ok(), "unknown zone in {line:?}");
    }
}

#[test]
fn a_shared_location_suggests_the_zones_nearby() {
    let now = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
    let first = |lat, lon| zones_near(lat, lon, now, 5)[0].name();
    assert_eq!(first(52.52, 13.40), "Europe/Berlin");
    assert_eq!(first(40.71, -74.01), "America/New_York");
    assert_eq!(first(-33.87, 151.21), "Australia/Sydney");
    assert_eq!(first(35.68, 139.69), "Asia/Tokyo");
    // Delhi: Kathmandu, Kabul and Karachi are nearer than Kolkata, so the pick is the
    // parent's, by the local time each button shows.
    let delhi = zones_near(28.61, 77.21, now, 5);
    assert_eq!(delhi.len(), 5);
    assert!(delhi.contains(&chrono_tz::Asia::Kolkata), "{delhi:?}");
    // One button per local time, nearest first: Strasbourg gets Paris's clock first.
    let strasbourg = zones_near(48.58, 7.75, now, 5);
    let clock = |z: &Tz| now.with_timezone(z).offset().fix();
    assert_eq!(clock(&strasbourg[0]), clock(&chrono_tz::Europe::Paris));
    let clocks: Vec<_> = strasbourg.iter().map(clock).collect();
    assert!(
        clocks
            .iter()
            .enumerate()
            .all(|(i, c)| !clocks[..i].contains(c))
    );
    // Nothing from across a continent.
    assert!(
        !strasbourg.contains(&chrono_tz::Europe::Saratov),
        "{strasbourg:?}"
    );
}

#[test]
fn impossible_coordinates_suggest_nothing() {
    let now = Utc::now();
    assert!(zones_near(91.0, 0.0, now, 3).is_empty());
    assert!(zones_near(0.0, -181.0, now, 3).is_empty());
    assert!(zones_near(f64::NAN, 0.0, now, 3).is_empty());
    assert!(zones_near(0.0, f64::INFINITY, now, 3).is_empty());
    assert!(zones_near(10.0, 10.0, now, 0).is_empty());
}

use super::*;
use chrono_tz::Europe::London;

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

#[test]
fn quiet_hours_defer_to_the_morning() {
    let q = QuietHours::new(22 * 60, 7 * 60).unwrap();
    // London in winter is UTC.
    assert_eq!(
        q.defer(utc(2026, 1, 5, 23, 10), London),
        utc(2026, 1, 6, 7, 0)
    );
    assert_eq!(
        q.defer(utc(2026, 1, 6, 3, 0), London),
        utc(2026, 1, 6, 7, 0)
    );
    assert_eq!(
        q.defer(utc(2026, 1, 6, 7, 0), London),
        utc(2026, 1, 6, 7, 0)
    );
    assert_eq!(
        q.defer(utc(2026, 1, 6, 12, 0), London),
        utc(2026, 1, 6, 12, 0)
    );
    // Summer: London is UTC+1, so 22:30 local is 21:30 UTC and 07:00 local is 06:00 UTC.
    assert_eq!(
        q.defer(utc(2026, 7, 1, 21, 30), London),
        utc(2026, 7, 2, 6, 0)
    );
    // A daytime quiet window (13:00-15:00).
    let nap = QuietHours::new(13 * 60, 15 * 60).unwrap();
    assert_eq!(
        nap.defer(utc(2026, 1, 6, 14, 0), London),
        utc(2026, 1, 6, 15, 0)
    );
    assert_eq!(
        nap.defer(utc(2026, 1, 6, 15, 0), London),
        utc(2026, 1, 6, 15, 0)
    );
    assert!(QuietHours::new(60, 60).is_none());
    assert!(QuietHours::new(24 * 60, 60).is_none());
}

#[test]
fn local_times_across_dst() {
    // London springs forward at 01:00 UTC on 2026-03-29: 01:30 local does not exist.
    let gap = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
        .unwrap()
        .and_hms_opt(1, 30, 0)
        .unwrap();
    assert_eq!(local_instant(London, gap), utc(2026, 3, 29, 1, 30));
    // It falls back on 2026-10-25: 01:30 local happens twice; take the first (BST).
    let twice = chrono::NaiveDate::from_ymd_opt(2026, 10, 25)
        .unwrap()
        .and_hms_opt(1, 30, 0)
        .unwrap();
    assert_eq!(local_instant(London, twice), utc(2026, 10, 25, 0, 30));
}

#[test]
fn timezones_people_type() {
    assert_eq!(
        parse_timezone("Europe/Berlin"),
        Some(chrono_tz::Europe::Berlin)
    );
    assert_eq!(
        parse_timezone("europe/berlin"),
        Some(chrono_tz::Europe::Berlin)
    );
    assert_eq!(parse_timezone("Berlin"), Some(chrono_tz::Europe::Berlin));
    assert_eq!(
        parse_timezone("new york"),
        Some(chrono_tz::America::New_York)
    );
    assert_eq!(parse_timezone("UTC+2"), Some(chrono_tz::Etc::GMTMinus2));
    assert_eq!(parse_timezone("GMT-3"), Some(chrono_tz::Etc::GMTPlus3));
    assert_eq!(parse_timezone("+05:30"), Some(chrono_tz::Asia::Kolkata));
    assert_eq!(parse_timezone("utc"), Some(Tz::UTC));
    for bad in ["", "Atlantis", "UTC+99", "+5:17", "🍼", &"x".repeat(100)] {
        assert_eq!(parse_timezone(bad), None, "{bad}");
    }
}

#[test]
fn telegram_languages_suggest_zones() {
    use chrono_tz::{America, Europe};
    let zones = |c: &str| zones_for_language(Some(c));
    assert_eq!(zones("en-GB"), vec![Europe::London]);
    assert_eq!(zones("en-gb"), vec![Europe::London]);
    assert_eq!(zones("de"), vec![Europe::Berlin]);
    assert_eq!(zones("es"), vec![Europe::Madrid, America::Mexico_City]);
    assert_eq!(zones("ru"), vec![Europe::Moscow]);
    assert_eq!(zones("pt-br"), vec![America::Sao_Paulo]);
    assert_eq!(zones("pt-BR"), vec![America::Sao_Paulo]);
    // English alone could be anywhere: a few to pick from.
    let en = zones("en");
    assert!(en.len() >= 3, "{en:?}");
    assert!(en.contains(&Europe::London) && en.contains(&America::New_York));
    assert_eq!(zones_for_language(None), en);
    assert_eq!(zones("xx-yy"), en);
    assert_eq!(zones(""), en);
}

#[test]
fn fixed_offsets_are_shown_as_typed() {
    let label = |t: &str| parse_timezone(t).map(zone_label);
    assert_eq!(label("UTC+3").as_deref(), Some("UTC+3"));
    assert_eq!(label("GMT-5").as_deref(), Some("UTC-5"));
    assert_eq!(label("utc+12").as_deref(), Some("UTC+12"));
    assert_eq!(label("UTC").as_deref(), Some("UTC"));
    assert_eq!(label("UTC+0").as_deref(), Some("UTC"));
    assert_eq!(zone_label(chrono_tz::Etc::UTC), "UTC");
    assert_eq!(label("Berlin").as_deref(), Some("Europe/Berlin"));
    assert_eq!(label("+05:30").as_deref(), Some("Asia/Kolkata"));
    // Every fixed offset round-trips: its label reads back as the same zone.
    for h in 1..=12 {
        for sign in ["+", "-"] {
            let tz = parse_timezone(&format!("UTC{sign}{h}")).unwrap();
            assert_eq!(parse_timezone(&zone_label(tz)), Some(tz), "{sign}{h}");
        }
    }
}

#[test]
fn only_timezone_and_guideline_changes_are_announced() {
    let old = Settings::new(London);
    let mut new = old.clone();
    new.unit = Unit::Oz;
    new.quiet = QuietHours::new(22 * 60, 7 * 60);
    assert!(announced_changes(&old, &new).is_empty());
    new.tz = chrono_tz::Europe::Berlin;
    new.profile = Profile::Nhs;
    assert_eq!(
        announced_changes(&old, &new),
        vec![
            Announced::Timezone {
                from: London,
                to: chrono_tz::Europe::Berlin
            },
            Announced::Guideline {
                from: Profile::Cdc,
                to: Profile::Nhs
            },
        ]
    );
}

#[test]
fn next_morning_is_today_or_tomorrow() {
    let mut s = Settings::new(London);
    assert_eq!(
        next_morning(&s, utc(2026, 1, 6, 5, 0)),
        utc(2026, 1, 6, 8, 0)
    );
    assert_eq!(
        next_morning(&s, utc(2026, 1, 6, 8, 0)),
        utc(2026, 1, 7, 8, 0)
    );
    s.quiet = QuietHours::new(22 * 60, 6 * 60 + 30);
    assert_eq!(
        next_morning(&s, utc(2026, 7, 1, 12, 0)),
        utc(2026, 7, 2, 5, 30)
    );
}

#[test]
fn lead_choices_include_the_defaults() {
    let defaults = LeadTimes::default();
    for class in LeadClass::ALL {
        assert!(class.choices().contains(&defaults.get(class)), "{class:?}");
        assert_eq!(LeadClass::from_tag(class.tag()), Some(class));
    }
    let mut l = defaults;
    l.set(LeadClass::Fridge, 720);
    assert_eq!(l.for_place(Place::Fridge), Duration::hours(12));
}

#[test]
fn lead_times_by_place() {
    let l = LeadTimes::default();
    assert_eq!(l.for_place(Place::Room), Duration::minutes(30));
    assert_eq!(l.for_place(Place::Cooler), Duration::minutes(30));
    assert_eq!(l.for_place(Place::ThawedFridge), Duration::hours(1));
    assert_eq!(l.for_place(Place::Fridge), Duration::days(1));
    assert_eq!(l.for_place(Place::Freezer), Duration::weeks(2));
}

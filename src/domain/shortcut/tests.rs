//! Unit tests of the grammar.

#[test]
fn a_time_or_an_amount_alone() {
    assert_eq!(
        parse_time("14:30"),
        Some(When::At {
            day: Day::Unspecified,
            hour: 14,
            minute: 30
        })
    );
    assert_eq!(parse_time("2h ago"), Some(When::Ago(Duration::hours(2))));
    assert!(matches!(
        parse_time("yesterday 22:00"),
        Some(When::At {
            day: Day::Yesterday,
            hour: 22,
            ..
        })
    ));
    for not_a_time in ["90", "fridge", "90 fridge 14:30", "how long", ""] {
        assert_eq!(parse_time(not_a_time), None, "{not_a_time}");
    }
    assert_eq!(parse_amount("85").map(|a| a.value), Some(85.0));
    assert_eq!(parse_amount("3oz").map(|a| a.unit), Some(Some(Unit::Oz)));
    for not_an_amount in ["90 fridge", "14:30", "90 2h ago", "left 40 right 50", "hi"] {
        assert_eq!(parse_amount(not_an_amount), None, "{not_an_amount}");
    }
}

use super::vocabulary::within_one_edit;
use super::*;
use Place::*;

// The grammar's own tests read English, as the chats did before there were languages.
pub(super) fn parse(text: &str) -> Parsed {
    super::parse(text, Lang::En)
}
pub(super) fn read(text: &str) -> Reading {
    super::read(text, Lang::En)
}
pub(super) fn parse_time(text: &str) -> Option<When> {
    super::parse_time(text, Lang::En)
}
pub(super) fn parse_amount(text: &str) -> Option<Amount> {
    super::parse_amount(text, Lang::En)
}

const EMPTY: LogText = LogText {
    amount: None,
    left: None,
    right: None,
    place: None,
    when: None,
};

pub(super) fn n(value: f64) -> Option<Amount> {
    Some(Amount { value, unit: None })
}
pub(super) fn ml(value: f64) -> Option<Amount> {
    Some(Amount {
        value,
        unit: Some(Unit::Ml),
    })
}
pub(super) fn oz(value: f64) -> Option<Amount> {
    Some(Amount {
        value,
        unit: Some(Unit::Oz),
    })
}
pub(super) fn log(amount: Option<Amount>, place: Option<Place>, when: Option<When>) -> Parsed {
    Parsed::Log(LogText {
        amount,
        place,
        when,
        ..EMPTY
    })
}
pub(super) fn sides(
    amount: Option<Amount>,
    left: Option<Amount>,
    right: Option<Amount>,
    place: Option<Place>,
    when: Option<When>,
) -> Parsed {
    Parsed::Log(LogText {
        amount,
        left,
        right,
        place,
        when,
    })
}
pub(super) fn ago(minutes: i64) -> Option<When> {
    Some(When::Ago(Duration::minutes(minutes)))
}
pub(super) fn at(day: Day, hour: u32, minute: u32) -> Option<When> {
    Some(When::At { day, hour, minute })
}
pub(super) fn clock(hour: u32, minute: u32) -> Option<When> {
    at(Day::Unspecified, hour, minute)
}
use Parsed::NotALog;

#[test]
fn parse_table() {
    use Day::*;
    let long = format!("90 fridge {}", "and ".repeat(48));
    assert!(long.chars().count() > MAX_CHARS);
    let table: Vec<(&str, Parsed)> = vec![
        // The forms in the brief.
        ("90 fridge", log(n(90.0), Some(Fridge), None)),
        ("90ml fridge", log(ml(90.0), Some(Fridge), None)),
        ("90 ml in the fridge", log(ml(90.0), Some(Fridge), None)),
        ("fridge 90", log(n(90.0), Some(Fridge), None)),
        ("120ml", log(ml(120.0), None, None)),
        ("120", log(n(120.0), None, None)),
        ("3oz freezer 1h ago", log(oz(3.0), Some(Freezer), ago(60))),
        ("3 oz freezer", log(oz(3.0), Some(Freezer), None)),
        ("2.5oz", log(oz(2.5), None, None)),
        ("2,5 oz", log(oz(2.5), None, None)),
        ("90cc fridge", log(ml(90.0), Some(Fridge), None)),
        ("60 cc freezer", log(ml(60.0), Some(Freezer), None)),
        ("3floz fridge", log(oz(3.0), Some(Fridge), None)),
        ("logged 100 in freezer", log(n(100.0), Some(Freezer), None)),
        ("60 room 14:30", log(n(60.0), Some(Room), clock(14, 30))),
        (
            "/log 60 room 14:30",
            log(n(60.0), Some(Room), clock(14, 30)),
        ),
        ("/log@MilkBot 60 room", log(n(60.0), Some(Room), None)),
        (
            "left 40 right 50 fridge",
            sides(None, n(40.0), n(50.0), Some(Fridge), None),
        ),
        ("l40 r50", sides(None, n(40.0), n(50.0), None, None)),
        (
            "40 left 50 right freezer",
            sides(None, n(40.0), n(50.0), Some(Freezer), None),
        ),
        (
            "left 40 fridge",
            sides(None, n(40.0), None, Some(Fridge), None),
        ),
        ("right 35ml", sides(None, None, ml(35.0), None, None)),
        (
            "left side 40 right breast 50",
            sides(None, n(40.0), n(50.0), None, None),
        ),
        (
            "90 ml left 40 right 50",
            sides(ml(90.0), ml(40.0), ml(50.0), None, None),
        ),
        (
            "left 40 right 50 ml",
            sides(None, ml(40.0), ml(50.0), None, None),
        ),
        (
            "left 1 oz right 40 ml",
            sides(None, oz(1.0), ml(40.0), None, None),
        ),
        ("90 cooler", log(n(90.0), Some(Cooler), None)),
        ("90 ice box", log(n(90.0), Some(IceBox), None)),
        ("90 ice compartment", log(n(90.0), Some(IceBox), None)),
        // Case, spacing, punctuation.
        ("90 FRIDGE 1H AGO", log(n(90.0), Some(Fridge), ago(60))),
        ("  90 ,  fridge ,  ", log(n(90.0), Some(Fridge), None)),
        (
            "90ml, fridge. 2pm!",
            log(ml(90.0), Some(Fridge), clock(14, 0)),
        ),
        ("~90 ml in the fridge", log(ml(90.0), Some(Fridge), None)),
        // Place words.
        ("90 counter", log(n(90.0), Some(Room), None)),
        ("90 on the side", log(n(90.0), Some(Room), None)),
        ("90 room temperature", log(n(90.0), Some(Room), None)),
        ("90 room temp", log(n(90.0), Some(Room), None)),
        ("90 out", log(n(90.0), Some(Room), None)),
        ("90 desk", log(n(90.0), Some(Room), None)),
        ("90 table", log(n(90.0), Some(Room), None)),
        ("90 refrigerator", log(n(90.0), Some(Fridge), None)),
        ("90 refridgerator", log(n(90.0), Some(Fridge), None)),
        ("90 frig", log(n(90.0), Some(Fridge), None)),
        ("90 frige", log(n(90.0), Some(Fridge), None)),
        ("90 fr", log(n(90.0), Some(Fridge), None)),
        ("90 refrig", log(n(90.0), Some(Fridge), None)),
        ("90 frozen", log(n(90.0), Some(Freezer), None)),
        ("90 freeze", log(n(90.0), Some(Freezer), None)),
        ("90 frz", log(n(90.0), Some(Freezer), None)),
        ("90 deep freeze", log(n(90.0), Some(Freezer), None)),
        ("90 cooler bag", log(n(90.0), Some(Cooler), None)),
        ("90 cool bag", log(n(90.0), Some(Cooler), None)),
        ("90 ice packs", log(n(90.0), Some(Cooler), None)),
        ("90 with an ice pack", log(n(90.0), Some(Cooler), None)),
        ("90 insulated bag", log(n(90.0), Some(Cooler), None)),
        ("90 icebox", log(n(90.0), Some(IceBox), None)),
        ("90 freezer compartment", log(n(90.0), Some(IceBox), None)),
        // One typo in a long place word; none in short ones.
        ("90 fridg", log(n(90.0), Some(Fridge), None)),
        ("90 firdge", log(n(90.0), Some(Fridge), None)),
        ("90 freezr", log(n(90.0), Some(Freezer), None)),
        ("90 frezer", log(n(90.0), Some(Freezer), None)),
        ("90 coolr", log(n(90.0), Some(Cooler), None)),
        ("90 room temperture", log(n(90.0), Some(Room), None)),
        ("90 ice compartmnt", log(n(90.0), Some(IceBox), None)),
        ("90 fidg", NotALog),
        ("90 rom", NotALog),
        ("90 frezzzer", NotALog),
        // Times.
        ("90 fridge now", log(n(90.0), Some(Fridge), Some(When::Now))),
        (
            "just now 90 fridge",
            log(n(90.0), Some(Fridge), Some(When::Now)),
        ),
        ("90 1 h ago", log(n(90.0), None, ago(60))),
        ("90 1hr ago", log(n(90.0), None, ago(60))),
        ("90 90 min ago", log(n(90.0), None, ago(90))),
        ("90 90m ago", log(n(90.0), None, ago(90))),
        ("90 30 mins ago", log(n(90.0), None, ago(30))),
        ("90 1.5h ago", log(n(90.0), None, ago(90))),
        ("90 1,5 hours ago", log(n(90.0), None, ago(90))),
        ("90 1h30 ago", log(n(90.0), None, ago(90))),
        ("90 1h 30m ago", log(n(90.0), None, ago(90))),
        ("90 1 hour and 15 minutes ago", log(n(90.0), None, ago(75))),
        ("90 an hour ago", log(n(90.0), None, ago(60))),
        ("90 half an hour ago", log(n(90.0), None, ago(30))),
        ("90 an hour and a half ago", log(n(90.0), None, ago(90))),
        ("90 2 hours ago", log(n(90.0), None, ago(120))),
        ("90 0.01h ago", log(n(90.0), None, ago(1))),
        ("90 at 14:30", log(n(90.0), None, clock(14, 30))),
        ("90 fridge 14.30", log(n(90.0), Some(Fridge), clock(14, 30))),
        ("90 at 14.30", log(n(90.0), None, clock(14, 30))),
        ("90 2:30pm", log(n(90.0), None, clock(14, 30))),
        ("90 2:30 pm", log(n(90.0), None, clock(14, 30))),
        ("90 2:30 p.m.", log(n(90.0), None, clock(14, 30))),
        ("90 2pm", log(n(90.0), None, clock(14, 0))),
        ("90 7am", log(n(90.0), None, clock(7, 0))),
        ("90 12am", log(n(90.0), None, clock(0, 0))),
        ("90 12pm", log(n(90.0), None, clock(12, 0))),
        ("90 at 22", log(n(90.0), None, clock(22, 0))),
        (
            "90 yesterday 22:00",
            log(n(90.0), None, at(Yesterday, 22, 0)),
        ),
        (
            "90 yesterday at 10pm",
            log(n(90.0), None, at(Yesterday, 22, 0)),
        ),
        (
            "90 22:00 yesterday",
            log(n(90.0), None, at(Yesterday, 22, 0)),
        ),
        ("90 today 9:15", log(n(90.0), None, at(Today, 9, 15))),
        (
            "90 yesterday noon",
            log(n(90.0), None, at(Yesterday, 12, 0)),
        ),
        ("90 fridge 25:00", log(n(90.0), Some(Fridge), clock(25, 0))),
        // "at" before an amount is just a word.
        ("at 10 ml in the fridge", log(ml(10.0), Some(Fridge), None)),
        // A bare H.MM is the amount when nothing else is.
        ("14.30 fridge", log(n(14.3), Some(Fridge), None)),
        ("2.50", log(n(2.5), None, None)),
        (
            "left 40 right 50 14.30",
            sides(None, n(40.0), n(50.0), None, clock(14, 30)),
        ),
        // Filler words.
        (
            "pumped 90 ml of breastmilk and put it into the freezer",
            log(ml(90.0), Some(Freezer), None),
        ),
        (
            "pumped 90 ml of breastmilk and put into the freezer",
            log(ml(90.0), Some(Freezer), None),
        ),
        (
            "expressed milk batch 120 to my fridge",
            log(n(120.0), Some(Fridge), None),
        ),
        ("log 60 from left", NotALog),
        ("from left 60", sides(None, n(60.0), None, None, None)),
        // Numbers the caller rejects, but that are still logs.
        ("0 fridge", log(n(0.0), Some(Fridge), None)),
        (
            "99999999999999999999 fridge",
            log(n(1e20), Some(Fridge), None),
        ),
        // Not logs: questions, no amount, garbage, ambiguity.
        ("how long can 90 ml stay in the fridge", NotALog),
        ("fridge", NotALog),
        ("hello", NotALog),
        ("is 90 ml a lot", NotALog),
        ("90 ml fridge?", NotALog),
        ("", NotALog),
        ("   ", NotALog),
        ("🍼🍼🍼", NotALog),
        ("90 🍼", log(n(90.0), None, None)), // symbols only separate
        ("-5 fridge", NotALog),
        (".5 oz", NotALog),
        ("1e9 ml", NotALog),
        ("1,000 ml", NotALog),
        ("1.2.3 fridge", NotALog),
        ("90 fridge 14:30:00", NotALog),
        ("90 fridge 14:3", NotALog),
        ("90 60 fridge", NotALog),
        ("90 fridge freezer", NotALog),
        ("90 fridge 1h ago 14:30", NotALog),
        ("90 fridge now 1h ago", NotALog),
        ("90 yesterday today 22:00", NotALog),
        ("90 yesterday", log(n(90.0), None, at(Yesterday, 0, 0))),
        ("90 yesterday 2h ago", NotALog),
        ("90 1h", log(n(90.0), None, ago(60))),
        ("90 ago", NotALog),
        ("90 25pm", NotALog),
        ("90 13am", NotALog),
        ("left 40 left 50", NotALog),
        ("left right 40", NotALog),
        ("left 40 50 right", NotALog),
        ("40 left", NotALog),
        ("left fridge", NotALog),
        ("14.30 15.30", NotALog),
        ("3 oz 90 ml", NotALog),
        ("90 oz ml", NotALog),
        ("90 leftover", NotALog),
        ("used 90 from the fridge", NotALog),
        ("90 garage", NotALog),
        // "frigo" is one edit from "frige".
        ("90 frigo", log(n(90.0), Some(Fridge), None)),
        (long.as_str(), NotALog),
    ];
    assert!(table.len() >= 60);
    let mut failures = Vec::new();
    for (input, expected) in &table {
        let got = parse(input);
        if got != *expected {
            failures.push(format!("{input:?}\n   got {got:?}\n  want {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn just_under_the_length_limit_is_still_read() {
    let text = format!("90 fridge{}", " ".repeat(MAX_CHARS - 9));
    assert_eq!(text.chars().count(), MAX_CHARS);
    assert_eq!(parse(&text), log(n(90.0), Some(Fridge), None));
    assert_eq!(parse(&format!("{text} ")), NotALog);
}

#[test]
fn amounts_convert_with_the_family_unit() {
    let a = |v, unit| Amount { value: v, unit };
    assert_eq!(a(90.0, None).to_ml(Unit::Ml), Some(Ml(90)));
    assert_eq!(a(3.0, None).to_ml(Unit::Oz), Some(Ml(89)));
    assert_eq!(a(3.0, Some(Unit::Oz)).to_ml(Unit::Ml), Some(Ml(89)));
    assert_eq!(a(90.0, Some(Unit::Ml)).to_ml(Unit::Oz), Some(Ml(90)));
    assert_eq!(a(1e20, None).to_ml(Unit::Ml), None);
    assert_eq!(a(f64::NAN, None).to_ml(Unit::Ml), None);
    assert_eq!(a(-1.0, None).to_ml(Unit::Ml), None);
}

#[test]
fn render_reads_back() {
    let logs = [
        LogText {
            amount: ml(90.0),
            left: ml(40.0),
            right: ml(50.0),
            place: Some(Fridge),
            when: ago(90),
        },
        LogText {
            amount: n(14.25),
            left: n(2.0),
            place: Some(IceBox),
            when: at(Day::Yesterday, 7, 5),
            ..EMPTY
        },
        LogText {
            right: oz(2.5),
            when: Some(When::Now),
            ..EMPTY
        },
    ];
    assert_eq!(
        render(&logs[0]),
        "90 ml left 40 ml right 50 ml fridge 1h30m ago"
    );
    assert_eq!(render(&logs[1]), "14.250 left 2 ice box yesterday 07:05");
    for l in logs {
        assert_eq!(parse(&render(&l)), Parsed::Log(l), "{}", render(&l));
    }
}

#[test]
fn one_edit() {
    assert!(within_one_edit("fridge", "fridge"));
    assert!(within_one_edit("fridg", "fridge"));
    assert!(within_one_edit("fridgee", "fridge"));
    assert!(within_one_edit("frodge", "fridge"));
    assert!(within_one_edit("firdge", "fridge"));
    assert!(within_one_edit("fridgé", "fridge"));
    assert!(!within_one_edit("fidg", "fridge"));
    assert!(within_one_edit("frigde", "fridge"));
    assert!(!within_one_edit("frgide", "fridge"));
    assert!(!within_one_edit("ridgef", "fridge"));
    assert!(!within_one_edit("", "ab"));
}

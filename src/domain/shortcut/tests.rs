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
fn parse(text: &str) -> Parsed {
    super::parse(text, Lang::En)
}
fn read(text: &str) -> Reading {
    super::read(text, Lang::En)
}
fn parse_time(text: &str) -> Option<When> {
    super::parse_time(text, Lang::En)
}
fn parse_amount(text: &str) -> Option<Amount> {
    super::parse_amount(text, Lang::En)
}

const EMPTY: LogText = LogText {
    amount: None,
    left: None,
    right: None,
    place: None,
    when: None,
};

fn n(value: f64) -> Option<Amount> {
    Some(Amount { value, unit: None })
}
fn ml(value: f64) -> Option<Amount> {
    Some(Amount {
        value,
        unit: Some(Unit::Ml),
    })
}
fn oz(value: f64) -> Option<Amount> {
    Some(Amount {
        value,
        unit: Some(Unit::Oz),
    })
}
fn log(amount: Option<Amount>, place: Option<Place>, when: Option<When>) -> Parsed {
    Parsed::Log(LogText {
        amount,
        place,
        when,
        ..EMPTY
    })
}
fn sides(
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
fn ago(minutes: i64) -> Option<When> {
    Some(When::Ago(Duration::minutes(minutes)))
}
fn at(day: Day, hour: u32, minute: u32) -> Option<When> {
    Some(When::At { day, hour, minute })
}
fn clock(hour: u32, minute: u32) -> Option<When> {
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

#[test]
fn several_batches_partial_logs_and_questions() {
    let logs = |text: &str| match read(text) {
        Reading::Logs(logs) => logs
            .iter()
            .map(|l| (l.amount.map(|a| a.value), l.place))
            .collect::<Vec<_>>(),
        other => panic!("{text:?}: {other:?}"),
    };
    assert_eq!(
        logs("90 fridge and 60 freezer"),
        vec![(Some(90.0), Some(Fridge)), (Some(60.0), Some(Freezer))]
    );
    assert_eq!(
        logs("fridge 90\nfreezer 60"),
        vec![(Some(90.0), Some(Fridge)), (Some(60.0), Some(Freezer))]
    );
    assert_eq!(logs("40+50 fridge"), vec![(Some(90.0), Some(Fridge))]);
    // A batch given by sides, then another: the second amount starts the second batch.
    match read("left 40 right 50 fridge and 70 freezer") {
        Reading::Logs(logs) => {
            assert_eq!(logs.len(), 2, "{logs:?}");
            assert_eq!((logs[0].left, logs[0].right), (n(40.0), n(50.0)));
            assert_eq!((logs[1].amount, logs[1].place), (n(70.0), Some(Freezer)));
        }
        other => panic!("{other:?}"),
    }
    // A second amount that reads as part of one batch does not start another:
    // "0.00" is the time here, and the words after a batch stay with it.
    assert_eq!(logs("today 0.00 room 0"), vec![(Some(0.0), Some(Room))]);
    match read("90 fridge yesterday 60 freezer") {
        Reading::Logs(logs) => {
            assert_eq!(logs[0].when, at(Day::Yesterday, 0, 0));
            assert_eq!(logs[1].when, None);
        }
        other => panic!("{other:?}"),
    }
    // Several batches need a place each, or the text is not read as logs; with a place
    // or a log verb it still looks like a log, so it is never answered as a question.
    assert_eq!(read("90 60 fridge"), Reading::Unclear);
    assert_eq!(read("pumped 100 60"), Reading::Unclear);
    // A bare hour after "around" is the time when another amount is there, else the
    // amount.
    match read("pumped 100 around 8") {
        Reading::Logs(logs) => {
            assert_eq!(logs[0].amount, n(100.0));
            assert_eq!(logs[0].when, clock(8, 0));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        parse("around 60 in the fridge"),
        log(n(60.0), Some(Fridge), None)
    );
    assert_eq!(parse("about 8 oz fridge"), log(oz(8.0), Some(Fridge), None));
    assert_eq!(read("90 60"), Reading::Question);
    assert_eq!(read("expressed milk looks yellow"), Reading::Question);
    // Amount and place understood, the rest not: ask when.
    match read("90 fridge at lunchtime") {
        Reading::Partial(log) => {
            assert_eq!(log.place, Some(Fridge));
            assert_eq!(log.when, None);
        }
        other => panic!("{other:?}"),
    }
    // A log verb and an amount, no place understood: ask where.
    assert!(matches!(
        read("pumped 90 after the feed"),
        Reading::Partial(LogText { place: None, .. })
    ));
    for question in [
        "is 4 oz in the fridge from yesterday still ok?",
        "90 fridge how long",
        "can 120ml stay out for 4 hours",
        "is 90 ml a lot",
    ] {
        assert_eq!(read(question), Reading::Question, "{question}");
    }
}

#[test]
fn a_log_with_a_slip_is_asked_about_and_a_question_with_one_is_never_logged() {
    // A word not understood: never confirmed, even with an amount, a place and a time
    // (a question whose question word was mistyped).
    for text in [
        "hw long 3 oz cooler bag 24 hours",
        "cna 3 oz sit in a cooler bag for 24 hours",
        "shuld i keep 60 ml in the fridge 5 hours",
        "my baby's temperature is 38.5",
        "60 or 90 ml",
    ] {
        assert!(
            !matches!(read(text), Reading::Logs(_)),
            "{text}: {:?}",
            read(text)
        );
    }
    assert!(matches!(
        read("90 ml fridge 1h ago lol"),
        Reading::Partial(_)
    ));
    // A place mistyped beyond what is read as a place (a short word, or two slips):
    // ask where, do not answer it as a question.
    for text in [
        "90 rom",
        "90 ml ut",
        "60 dsk 1h ago",
        "90 rezer",
        "55ml ool bag",
    ] {
        assert!(
            matches!(read(text), Reading::Partial(LogText { place: None, .. })),
            "{text}: {:?}",
            read(text)
        );
    }
    // A long place word or log verb with one slip is read.
    assert_eq!(parse("0 tabl"), log(n(0.0), Some(Room), None));
    assert!(matches!(read("pumpd 90"), Reading::Partial(_)));
    // "90m" with no "ago" may be "90 ml" with a letter lost: not a time.
    assert!(matches!(read("90m fridge"), Reading::Partial(_)));
    assert_eq!(parse("90m ago fridge"), NotALog);
    // "early this morning", "night feed".
    assert_eq!(
        parse("130 freezer early this morning"),
        log(n(130.0), Some(Freezer), at(Day::Today, 5, 0))
    );
    assert!(matches!(parse("night feed 7oz freezer"), Parsed::Log(_)));
}

#[test]
fn a_spaced_decimal_comma_exact_sides_and_counted_bottles() {
    assert_eq!(parse("3 ,5 oz fridge"), log(oz(3.5), Some(Fridge), None));
    // Sides add as typed, rounded once: 1.5 oz + 2 oz is 103.5 ml, not 44 + 59.
    match parse("left 1.5 oz right 2 oz freezer") {
        Parsed::Log(l) => assert_eq!(l.sides_total(Unit::Ml), Some(Some(Ml(104)))),
        NotALog => panic!("not a log"),
    }
    match parse("left 40 right 50") {
        Parsed::Log(l) => assert_eq!(l.sides_total(Unit::Ml), Some(Some(Ml(90)))),
        NotALog => panic!("not a log"),
    }
    // A count of bottles, then as many amounts: that many batches, the place shared,
    // or none typed (the bot asks).
    let batches = |text: &str| match read(text) {
        Reading::Logs(logs) => logs.iter().map(|l| (l.amount, l.place)).collect::<Vec<_>>(),
        other => panic!("{text:?}: {other:?}"),
    };
    assert_eq!(
        batches("fridge, 2 bottles: 60ml and 80ml"),
        vec![(ml(60.0), Some(Fridge)), (ml(80.0), Some(Fridge))]
    );
    assert_eq!(
        batches("2 bottles: 60ml and 80ml"),
        vec![(ml(60.0), None), (ml(80.0), None)]
    );
    assert!(!matches!(
        read("3 bottles: 60ml and 80ml fridge"),
        Reading::Logs(_)
    ));
    // "2 bags of 100 ml": that many batches of the one amount (up to ten); without
    // "of" it could be the total, so it is not read.
    assert_eq!(
        batches("2 bags of 100 ml freezer"),
        vec![(ml(100.0), Some(Freezer)), (ml(100.0), Some(Freezer))]
    );
    assert_eq!(batches("3 bottles of 2oz fridge").len(), 3);
    assert_eq!(batches("10 bags of 60 ml freezer").len(), 10);
    for unread in ["11 bags of 60 ml freezer", "2 bags 100 ml freezer"] {
        assert!(!matches!(read(unread), Reading::Logs(_)), "{unread}");
    }
}

#[test]
fn days_dates_and_parts_of_the_day() {
    use chrono::Weekday;
    let when = |text: &str| match parse(text) {
        Parsed::Log(log) => log.when,
        NotALog => panic!("{text:?} is not a log"),
    };
    assert_eq!(when("90 fridge 3 days ago"), ago(3 * 1440));
    assert_eq!(when("90 fridge 2d ago"), ago(2 * 1440));
    assert_eq!(when("90 fridge 2h"), ago(120));
    assert_eq!(when("90 fridge 2 hrs back"), ago(120));
    assert_eq!(when("90 fridge last night"), at(Day::Yesterday, 21, 0));
    assert_eq!(when("90 fridge last night at 2am"), at(Day::Today, 2, 0));
    // "12 at night" is midnight (never noon): the one that ended the night's day.
    assert_eq!(when("90 fridge at 12 at night"), at(Day::Today, 0, 0));
    assert_eq!(when("90 fridge 12 at night"), at(Day::Today, 0, 0));
    assert_eq!(when("90 fridge at 12 last night"), at(Day::Today, 0, 0));
    assert_eq!(
        when("90 fridge yesterday at 12:30 at night"),
        at(Day::Today, 0, 30)
    );
    assert_eq!(when("90 fridge 12 pm"), at(Day::Unspecified, 12, 0));
    assert_eq!(
        when("90 fridge the day before yesterday"),
        at(Day::BeforeYesterday, 0, 0)
    );
    assert_eq!(
        when("90 fridge day before yesterday at 9pm"),
        at(Day::BeforeYesterday, 21, 0)
    );
    assert_eq!(
        when("90 fridge day before yesterday at 2 at night"),
        at(Day::Yesterday, 2, 0)
    );
    // A 12-hour clock hour takes the half of the day its part of the day names.
    assert_eq!(
        when("60 freezer at 4 this afternoon"),
        at(Day::Today, 16, 0)
    );
    assert_eq!(when("60 freezer 7:45 this evening"), at(Day::Today, 19, 45));
    assert_eq!(
        when("60 freezer at 10 last night"),
        at(Day::Yesterday, 22, 0)
    );
    assert_eq!(when("60 freezer at 3 last night"), at(Day::Today, 3, 0));
    assert_eq!(when("60 freezer at 9 this morning"), at(Day::Today, 9, 0));
    assert_eq!(
        when("60 freezer at 14:00 this afternoon"),
        at(Day::Today, 14, 0)
    );
    assert_eq!(when("this morning 120 freezer"), at(Day::Today, 5, 0));
    assert_eq!(
        when("90 fridge monday"),
        at(Day::Weekday(Weekday::Mon), 0, 0)
    );
    assert_eq!(
        when("90 fridge mon 22:00"),
        at(Day::Weekday(Weekday::Mon), 22, 0)
    );
    let date = |month, day| Day::Date {
        year: None,
        month,
        day,
    };
    assert_eq!(when("90 fridge 28 nov"), at(date(11, 28), 0, 0));
    assert_eq!(when("90 fridge nov 28 9pm"), at(date(11, 28), 21, 0));
    let iso = Day::Date {
        year: Some(2026),
        month: 11,
        day: 28,
    };
    assert_eq!(when("90 fridge 2026-11-28"), at(iso, 0, 0));
    let slash = Day::Slash {
        first: 28,
        second: 11,
        year: None,
    };
    assert_eq!(when("90 fridge 28/11"), at(slash, 0, 0));
    assert_eq!(when("90 fridge 8h30"), clock(8, 30));
    assert_eq!(when("90 fridge 1h30 ago"), ago(90));
}

#[test]
fn number_words_and_sums() {
    let amount = |text: &str| match parse(text) {
        Parsed::Log(log) => log.amount,
        NotALog => panic!("{text:?} is not a log"),
    };
    assert_eq!(amount("ninety fridge"), n(90.0));
    assert_eq!(amount("a hundred and twenty freezer"), n(120.0));
    assert_eq!(amount("four ounces fridge"), oz(4.0));
    assert_eq!(amount("half an ounce fridge"), oz(0.5));
    assert_eq!(amount("two and a half oz"), oz(2.5));
    assert_eq!(amount("seventy-five ml"), ml(75.0));
    // As speech-to-text writes a spoken note.
    assert_eq!(amount("Ninety mils in the fridge."), ml(90.0));
    assert_eq!(amount("40+50"), n(90.0));
    assert_eq!(amount("40 + 50 ml"), ml(90.0));
    assert_eq!(amount("2oz+1.5oz"), oz(3.5));
    assert_eq!(parse("2oz+60ml"), NotALog);
}

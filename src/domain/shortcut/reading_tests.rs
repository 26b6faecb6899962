//! Typed logs read whole: several batches in one message, partial logs and questions, slips
//! asked about, decimal commas, sides, counted bottles, days, dates, parts of the day and
//! number words (English; see `foreign_tests.rs` for Spanish and Russian).

use super::tests::{ago, at, clock, log, ml, n, oz, parse, read};
use super::*;
use Parsed::NotALog;
use Place::*;

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

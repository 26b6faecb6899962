//! Property tests for the text shortcut parser (`domain::shortcut`): it never panics,
//! whatever is typed; every log it reads renders to a text it reads back the same;
//! and resolving a typed time never panics nor lands after now.

use chrono::{DateTime, Datelike, Duration, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use milkbot::domain::shortcut::{
    Amount, Day, LogText, MAX_CHARS, Parsed, When, parse, render, resolve,
};
use milkbot::domain::{Lang, Place, Unit};
use proptest::prelude::*;
use proptest::sample::select;

const CASES: u32 = 10_000;

/// Words and numbers the parser knows, a few it must refuse, and punctuation.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "90", "120", "0", "1", "2", "7", "12", "23", "30", "2.5", "2,5", "14.30", "2.50", "14:30",
    "9:15", "25:00", "1,000", "99999999999999999999", "ml", "oz", "fl", "ounces", "left", "right",
    "l", "r", "side", "fridge", "freezer", "room", "cooler", "ice", "box", "compartment", "pack",
    "on", "the", "deep", "freeze", "frige", "fridg", "out", "counter", "h", "hr", "hours", "m",
    "min", "mins", "ago", "now", "just", "an", "a", "hour", "half", "and", "am", "pm", "p",
    "today", "yesterday", "at", "noon", "in", "my", "of", "pumped", "milk", "log", "/log",
    "total", "90", "120", "2.5", "left", "right", "fridge", "ml", "1", "h", "ago", "14:30", "how",
    "e", "?", "-", "🍼", "İ",
];

fn token_text() -> impl Strategy<Value = String> {
    let sep = select(vec![" ", " ", " ", "", ", ", ".", ":", "  "]);
    prop::collection::vec((select(TOKENS.to_vec()), sep), 0..10).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(tok, sep)| format!("{tok}{sep}"))
            .collect()
    })
}

fn check_log(text: &str, log: &LogText) -> Result<(), TestCaseError> {
    prop_assert!(
        log.amount.is_some() || log.left.is_some() || log.right.is_some(),
        "{text:?} gave a log without an amount"
    );
    for a in [log.amount, log.left, log.right].into_iter().flatten() {
        prop_assert!(a.value.is_finite() && a.value >= 0.0, "{text:?}: {a:?}");
    }
    if let Some(p) = log.place {
        prop_assert!(Place::LOGGABLE.contains(&p));
    }
    let again = render(log);
    prop_assert_eq!(
        parse(&again, Lang::En),
        Parsed::Log(*log),
        "{:?} -> {:?}",
        text,
        again
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn parse_never_panics_on_any_string(text in any::<String>()) {
        if let Parsed::Log(log) = parse(&text, Lang::En) {
            check_log(&text, &log)?;
        }
    }

    #[test]
    fn parse_never_panics_on_printable_text(text in "\\PC{0,260}") {
        let parsed = parse(&text, Lang::En);
        if text.chars().count() > MAX_CHARS {
            prop_assert_eq!(parsed, Parsed::NotALog);
        }
        if let Parsed::Log(log) = parsed {
            check_log(&text, &log)?;
        }
    }

    /// Real tokens in random order: never panics, and whatever it reads as a log
    /// renders to a text that reads back the same.
    #[test]
    fn parse_never_panics_on_real_tokens(text in token_text()) {
        if let Parsed::Log(log) = parse(&text, Lang::En) {
            check_log(&text, &log)?;
        }
    }

    #[test]
    fn render_then_parse_is_the_same_log(log in log_text()) {
        let text = render(&log);
        prop_assert_eq!(parse(&text, Lang::En), Parsed::Log(log), "{}", text);
    }

    /// A log typed in one of the many ways a parent might type it reads as that log.
    #[test]
    fn any_way_of_typing_a_log_reads_as_it((log, text) in typed_log()) {
        prop_assert_eq!(parse(&text, Lang::En), Parsed::Log(log), "{}", text);
    }

    #[test]
    fn resolve_never_panics_nor_lands_after_now(
        (day, hour, minute) in (
            select(vec![Day::Today, Day::Yesterday, Day::Unspecified]),
            prop_oneof![4 => 0u32..24, 1 => any::<u32>()],
            prop_oneof![4 => 0u32..60, 1 => any::<u32>()],
        ),
        now in instant(),
        tz in select(chrono_tz::TZ_VARIANTS.to_vec()),
    ) {
        let valid = hour < 24 && minute < 60;
        let sane = (1900..2200).contains(&now.naive_utc().year_ce().1);
        match resolve(When::At { day, hour, minute }, now, tz) {
            Ok(t) => {
                prop_assert!(valid);
                prop_assert!(t <= now, "{t} after {now} for {day:?} {hour}:{minute} in {tz}");
                prop_assert!(t >= now - Duration::days(3), "{t} long before {now} in {tz}");
                if sane && t != now && !in_gap(tz, t, hour, minute) {
                    let local = t.with_timezone(&tz).time();
                    prop_assert_eq!((local.hour(), local.minute()), (hour, minute), "{} in {}", t, tz);
                }
            }
            Err(e) => {
                // A valid time on an ordinary date only fails for "today, later on".
                if valid && sane {
                    prop_assert_eq!(day, Day::Today, "{:?} for {:?} {}:{} at {} in {}", e, day, hour, minute, now, tz);
                }
            }
        }
    }

    #[test]
    fn resolve_ago_never_panics(ms in -i64::MAX..=i64::MAX, now in instant(), tz in select(chrono_tz::TZ_VARIANTS.to_vec())) {
        if let Some(d) = Duration::try_milliseconds(ms)
            && let Ok(t) = resolve(When::Ago(d), now, tz)
        {
            prop_assert!(t <= now);
            prop_assert_eq!(now - t, d);
        }
    }
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let full = DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp();
    // 1900 to 2200, where the time zone rules change most.
    let usual = -2_208_988_800i64..=7_258_118_400;
    prop_oneof![1 => full, 4 => usual]
        .prop_filter_map("in range", |secs| DateTime::from_timestamp(secs, 0))
}

/// Whether `hour:minute` falls in a clock change (skipped or shown twice) near `t`.
fn in_gap(tz: Tz, t: DateTime<Utc>, hour: u32, minute: u32) -> bool {
    let Some(time) = NaiveTime::from_hms_opt(hour, minute, 0) else {
        return true;
    };
    let date = t.with_timezone(&tz).date_naive();
    [date.pred_opt(), Some(date), date.succ_opt()]
        .into_iter()
        .flatten()
        .any(|d| tz.from_local_datetime(&d.and_time(time)).single().is_none())
}

fn value() -> impl Strategy<Value = f64> {
    let typed = prop_oneof![
        2 => "[0-9]{1,2}\\.[0-9]{1,2}",
        1 => "[0-9]{1,4}\\.[0-9]{1,3}",
        1 => "[0-9]{1,25}",
        1 => "0\\.0{0,6}[1-9]",
    ]
    .prop_map(|v: String| v.parse::<f64>().unwrap_or(0.0));
    prop_oneof![1 => (0u32..400).prop_map(f64::from), 1 => typed]
}

fn amount() -> impl Strategy<Value = Amount> {
    (
        value(),
        prop_oneof![Just(None), Just(Some(Unit::Ml)), Just(Some(Unit::Oz))],
    )
        .prop_map(|(value, unit)| Amount { value, unit })
}

fn when() -> impl Strategy<Value = When> {
    let minutes = prop_oneof![3 => 0i64..300, 1 => 0i64..10_000_000];
    let hour = prop_oneof![4 => 0u32..24, 1 => 0u32..100];
    let minute = prop_oneof![4 => 0u32..60, 1 => 0u32..100];
    let day = select(vec![Day::Today, Day::Yesterday, Day::Unspecified]);
    prop_oneof![
        Just(When::Now),
        minutes.prop_map(|m| When::Ago(Duration::minutes(m))),
        (day, hour, minute).prop_map(|(day, hour, minute)| When::At { day, hour, minute }),
    ]
}

/// Logs as `parse` produces them: at least one amount, and when the amounts that carry
/// a unit all carry the same one, the others carry it too (one unit for the whole text).
fn log_text() -> impl Strategy<Value = LogText> {
    (
        prop::option::of(amount()),
        prop::option::of(amount()),
        prop::option::of(amount()),
        prop::option::of(select(Place::LOGGABLE.to_vec())),
        prop::option::of(when()),
    )
        .prop_filter("needs an amount", |(a, l, r, _, _)| {
            a.is_some() || l.is_some() || r.is_some()
        })
        .prop_map(|(amount, left, right, place, when)| {
            let mut log = LogText {
                amount,
                left,
                right,
                place,
                when,
            };
            let units: Vec<Unit> = [log.amount, log.left, log.right]
                .into_iter()
                .flatten()
                .filter_map(|a| a.unit)
                .collect();
            if let Some(&first) = units.first()
                && units.iter().all(|&u| u == first)
            {
                for a in [&mut log.amount, &mut log.left, &mut log.right]
                    .into_iter()
                    .flatten()
                {
                    a.unit = Some(first);
                }
            }
            log
        })
}

// ------------------------------------------------------------------ typing a log

fn pick(forms: Vec<String>) -> BoxedStrategy<String> {
    select(forms).boxed()
}

fn number_forms(v: f64) -> Vec<String> {
    let mut dot = v.to_string();
    // As `render` does: "14.25" alone could be a clock time.
    if dot.split_once('.').is_some_and(|(_, f)| f.len() == 2) {
        dot.push('0');
    }
    let mut forms = vec![dot.clone()];
    if let Some((int, frac)) = dot.split_once('.')
        && frac.len() != 3
    {
        forms.push(format!("{int},{frac}"));
    }
    forms
}

fn amount_forms(a: Amount) -> Vec<String> {
    let units: &[&str] = match a.unit {
        None => &[""],
        Some(Unit::Ml) => &["ml", " ml", " mls", " millilitres", "ML"],
        Some(Unit::Oz) => &["oz", " oz", " ounces", " fl oz", "fl oz"],
    };
    number_forms(a.value)
        .iter()
        .flat_map(|n| units.iter().map(move |u| format!("{n}{u}")))
        .collect()
}

fn side_forms(words: &[&str], a: Amount) -> Vec<String> {
    words
        .iter()
        .flat_map(|w| amount_forms(a).into_iter().map(move |n| format!("{w}{n}")))
        .collect()
}

fn place_forms(p: Place) -> Vec<String> {
    let words: &[&str] = match p {
        Place::Room => &[
            "room",
            "counter",
            "table",
            "out",
            "desk",
            "room temp",
            "room temperature",
            "on the side",
            "Room",
        ],
        Place::Fridge => &[
            "fridge",
            "refrigerator",
            "refridgerator",
            "frig",
            "frige",
            "fr",
            "refrig",
            "the fridge",
            "fridg",
        ],
        Place::Freezer => &[
            "freezer",
            "frozen",
            "freeze",
            "frz",
            "deep freeze",
            "FREEZER",
            "freezr",
        ],
        Place::Cooler => &[
            "cooler",
            "cooler bag",
            "cool bag",
            "ice pack",
            "ice packs",
            "insulated bag",
        ],
        Place::IceBox => &[
            "ice box",
            "icebox",
            "ice compartment",
            "freezer compartment",
        ],
        _ => &[],
    };
    words.iter().map(|w| w.to_string()).collect()
}

fn when_forms(w: When) -> Vec<String> {
    match w {
        When::Now => vec!["now".into(), "just now".into(), "right now".into()],
        When::Ago(d) => {
            let m = d.num_minutes();
            let (h, r) = (m / 60, m % 60);
            let mut f = vec![
                format!("{m} min ago"),
                format!("{m}m ago"),
                format!("{m} minutes ago"),
                format!("{m}mins ago"),
            ];
            if h > 0 && r == 0 {
                f.extend([
                    format!("{h}h ago"),
                    format!("{h} hours ago"),
                    format!("{h}hr ago"),
                ]);
            } else if h > 0 {
                f.extend([
                    format!("{h}h{r} ago"),
                    format!("{h}h {r}m ago"),
                    format!("{h} hours and {r} minutes ago"),
                    format!("{h}hr {r}min ago"),
                ]);
            }
            if m % 6 == 0 {
                f.push(format!("{}h ago", m as f64 / 60.0));
            }
            match m {
                30 => f.push("half an hour ago".into()),
                60 => f.push("an hour ago".into()),
                90 => f.push("an hour and a half ago".into()),
                _ => {}
            }
            f
        }
        When::At { day, hour, minute } => {
            let mut times = vec![format!("{hour:02}:{minute:02}")];
            if hour < 24 && minute < 60 {
                let (h12, ampm) = match hour {
                    0 => (12, "am"),
                    1..=11 => (hour, "am"),
                    12 => (12, "pm"),
                    _ => (hour - 12, "pm"),
                };
                times.extend([
                    format!("{hour}:{minute:02}"),
                    format!("at {hour}:{minute:02}"),
                    format!("{hour}.{minute:02}"),
                    format!("{h12}:{minute:02}{ampm}"),
                    format!("{h12}:{minute:02} {ampm}"),
                    format!("at {h12}:{minute:02} {}.m.", &ampm[..1]),
                ]);
                if minute == 0 {
                    times.extend([
                        format!("{h12}{ampm}"),
                        format!("at {h12} {ampm}"),
                        format!("at {hour}"),
                    ]);
                }
                match (hour, minute) {
                    (12, 0) => times.push("noon".into()),
                    (0, 0) => times.push("midnight".into()),
                    _ => {}
                }
            }
            let day = match day {
                Day::Today => "today",
                Day::Yesterday => "yesterday",
                // The generator gives only the three days above.
                _ => return times,
            };
            times
                .iter()
                .flat_map(|t| [format!("{day} {t}"), format!("{t} {day}")])
                .collect()
        }
    }
}

const GAPS: &[&str] = &[" ", "  ", ", ", " , ", "; "];
const FILLER_WORDS: &[&str] = &[
    "in",
    "the",
    "my",
    "of",
    "expressed",
    "pumped",
    "milk",
    "breastmilk",
    "put",
    "into",
    "to",
    "and",
    "from",
    "batch",
    "log",
    "/log",
    "Pumped",
];

/// A log as `parse` produces it, and a text a parent might type for it: synonyms,
/// units glued or spaced, sides as `left 40` or `l40`, the pieces in any order, with
/// filler words and punctuation between them.
fn typed_log() -> impl Strategy<Value = (LogText, String)> {
    log_text().prop_flat_map(|log| {
        let mut pieces: Vec<BoxedStrategy<String>> = Vec::new();
        if let Some(a) = log.amount {
            pieces.push(pick(amount_forms(a)));
        }
        if let Some(a) = log.left {
            pieces.push(pick(side_forms(&["left ", "l", "left side ", "Left: "], a)));
        }
        if let Some(a) = log.right {
            pieces.push(pick(side_forms(&["right ", "r", "right breast ", "R "], a)));
        }
        if let Some(p) = log.place {
            pieces.push(pick(place_forms(p)));
        }
        if let Some(w) = log.when {
            pieces.push(pick(when_forms(w)));
        }
        let n = pieces.len();
        let gaps = prop::collection::vec(
            (
                select(GAPS.to_vec()),
                prop::option::weighted(0.3, select(FILLER_WORDS.to_vec())),
            ),
            n,
        );
        (Just(log), pieces.prop_shuffle(), gaps).prop_map(|(log, pieces, gaps)| {
            let mut text = String::new();
            for (piece, (gap, filler)) in pieces.iter().zip(gaps) {
                if let Some(f) = filler {
                    text.push_str(f);
                    text.push(' ');
                }
                text.push_str(piece);
                text.push_str(gap);
            }
            (log, text)
        })
    })
}

// ------------------------------------------------------------------ typing slips

/// The letters next to each letter on a QWERTY keyboard: what a thumb hits instead.
const NEIGHBOURS: &[(char, &str)] = &[
    ('q', "wa"),
    ('w', "qeas"),
    ('e', "wrsd"),
    ('r', "etdf"),
    ('t', "ryfg"),
    ('y', "tugh"),
    ('u', "yihj"),
    ('i', "uojk"),
    ('o', "ipkl"),
    ('p', "ol"),
    ('a', "qwsz"),
    ('s', "awedxz"),
    ('d', "serfcx"),
    ('f', "drtgvc"),
    ('g', "ftyhbv"),
    ('h', "gyujnb"),
    ('j', "huikmn"),
    ('k', "jiolm"),
    ('l', "kop"),
    ('z', "asx"),
    ('x', "zsdc"),
    ('c', "xdfv"),
    ('v', "cfgb"),
    ('b', "vghn"),
    ('n', "bhjm"),
    ('m', "njk"),
];

/// The same keys on the Russian (ЙЦУКЕН) layout, key for key.
const NEIGHBOURS_RU: &[(char, &str)] = &[
    ('й', "цф"),
    ('ц', "йуфы"),
    ('у', "цкыв"),
    ('к', "уева"),
    ('е', "кнап"),
    ('н', "егпр"),
    ('г', "ншро"),
    ('ш', "гщол"),
    ('щ', "шзлд"),
    ('з', "щд"),
    ('ф', "йцыя"),
    ('ы', "фцувчя"),
    ('в', "ыукасч"),
    ('а', "вкепмс"),
    ('п', "аенрим"),
    ('р', "пнготи"),
    ('о', "ргшльт"),
    ('л', "ошщдь"),
    ('д', "лщз"),
    ('я', "фыч"),
    ('ч', "яывс"),
    ('с', "чвам"),
    ('м', "сапи"),
    ('и', "мпрт"),
    ('т', "ироь"),
    ('ь', "тол"),
];

/// Every one-letter slip in the word at byte range `start..end` of `text`: a letter
/// dropped, doubled, swapped with the next one, or replaced by a neighbouring key.
pub(crate) fn slips_of_word(text: &str, start: usize, end: usize) -> Vec<String> {
    let word: Vec<char> = text[start..end].chars().collect();
    let mut out: Vec<Vec<char>> = Vec::new();
    for k in 0..word.len() {
        let mut dropped = word.clone();
        dropped.remove(k);
        out.push(dropped);
        let mut doubled = word.clone();
        doubled.insert(k, word[k]);
        out.push(doubled);
        if k + 1 < word.len() && word[k] != word[k + 1] {
            let mut swapped = word.clone();
            swapped.swap(k, k + 1);
            out.push(swapped);
        }
        let lower = word[k].to_lowercase().next().unwrap_or(word[k]);
        if let Some((_, keys)) = NEIGHBOURS
            .iter()
            .chain(NEIGHBOURS_RU)
            .find(|(c, _)| *c == lower)
        {
            for key in keys.chars() {
                let mut replaced = word.clone();
                replaced[k] = key;
                out.push(replaced);
            }
        }
    }
    out.into_iter()
        .map(|w| {
            let w: String = w.into_iter().collect();
            format!("{}{w}{}", &text[..start], &text[end..])
        })
        .collect()
}

/// The byte ranges of the words (runs of letters, in any alphabet) of `text`.
pub(crate) fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphabetic()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// Words that spell an amount (`ninety`, `half an ounce`): a slip there leaves a text
/// with no amount, which is not a log to begin with.
#[rustfmt::skip]
const AMOUNT_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "half", "a", "an", "couple", "ounce", "ounces",
    // Spanish and Russian.
    "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
    "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa",
    "cien", "ciento", "doscientos", "media", "medio", "один", "одна", "одну", "два", "две",
    "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "двадцать",
    "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
    "девяносто", "сто", "двести", "полтора", "полторы",
];

/// Every one-letter slip in any word of `text` of three letters or more, except the
/// words that spell the amount (and the unit of `an oz`). A slip in a two-letter word
/// (`fr`, `oz`) writes another short word, too often a real one (`or`, `dr`), to be
/// guessed at.
pub(crate) fn slips(text: &str) -> Vec<String> {
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map(|&(s, e)| text[s..e].to_lowercase());
    (0..spans.len())
        .filter(|&k| {
            let Some(w) = word(k) else { return false };
            let after_an = k > 0 && word(k - 1).is_some_and(|p| matches!(p.as_str(), "a" | "an"));
            w.chars().count() >= 3 && !AMOUNT_WORDS.contains(&w.as_str()) && !after_an
        })
        .flat_map(|k| {
            let (s, e) = spans[k];
            slips_of_word(text, s, e)
        })
        .collect()
}

/// Whether a slip wrote a word that makes any text a question (`now` → `how`, `of` →
/// `if`): that is another sentence, which the FAQ gets.
pub(crate) fn asks(text: &str, slipped: &str, lang: Lang) -> bool {
    milkbot::domain::shortcut::is_question(slipped, lang)
        && !milkbot::domain::shortcut::is_question(text, lang)
}

/// A log with a place, typed any way, then one letter slipped in one of its words
/// (not a slip that writes a question word): the text as typed, and slipped.
fn slipped_log() -> impl Strategy<Value = (String, String)> {
    (
        typed_log().prop_filter("has a place", |(log, _)| log.place.is_some()),
        any::<prop::sample::Index>(),
    )
        .prop_filter_map(
            "has a word, slipped not into a question word",
            |((_, text), k)| {
                let all = slips(&text);
                let slipped = (!all.is_empty()).then(|| k.get(&all).clone())?;
                (!asks(&text, &slipped, Lang::En)).then_some((text, slipped))
            },
        )
}

proptest! {
    // Fewer cases: each one types a log and slips one of its letters.
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// A typing slip in a log with a place never makes it a question: it is still read
    /// as a log, or the bot asks about the part it did not read.
    #[test]
    fn a_slip_never_turns_a_log_into_a_question((text, slipped) in slipped_log()) {
        prop_assert_ne!(
            milkbot::domain::shortcut::read(&slipped, Lang::En),
            milkbot::domain::shortcut::Reading::Question,
            "{:?} (typed as {:?})", slipped, text
        );
    }
}

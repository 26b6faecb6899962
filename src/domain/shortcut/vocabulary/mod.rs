//! The words the shortcut knows: fillers, units, sides, times and places, and the one
//! typo forgiven in long words.

use super::super::rules::Place;

pub(super) mod es;
pub(super) mod ru;

// ---------------------------------------------------------------------------------
// Vocabulary.

pub(super) const FILLERS: &[&str] = &[
    "in",
    "the",
    "my",
    "at",
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
    // Beyond the list in the brief: small words that cannot turn a question into a log.
    "a",
    "an",
    "on",
    "with",
    "just",
    "i",
    "total",
    "add",
    "added",
    "stored",
    "logged",
    // Words parents add around a log that cannot turn it into a question.
    "putting",
    "going",
    "please",
    "thanks",
    "thank",
    "you",
    "new",
    "pump",
    "pumping",
    "got",
    "it",
    "s",
    "its",
    "location",
    "work",
    "about",
    "around",
    "approx",
    "for",
    "only",
    "both",
    "sides",
    "session",
    "colostrum",
    "feed",
    // More ways of saying it was stored: "just did 65", "another 90", "freezer stash".
    "did",
    "another",
    "dropped",
    "stashed",
    "stash",
    "saved",
    // One container: "bag of 6 oz", "a bottle of 90".
    "bottle",
    "pouch",
    "container",
    "jar",
    "bag",
];

/// What milk is kept in, counted: `2 bottles`.
pub(super) const CONTAINERS: &[&str] = &[
    "bottles",
    "bags",
    "pouches",
    "containers",
    "jars",
    "batches",
];

pub(super) const HOUR_WORDS: &[&str] = &["h", "hr", "hrs", "hour", "hours"];
pub(super) const DAY_WORDS: &[&str] = &["d", "day", "days"];
pub(super) const WEEK_WORDS: &[&str] = &["w", "wk", "wks", "week", "weeks"];
pub(super) const YEAR_WORDS: &[&str] = &["y", "yr", "yrs", "year", "years"];
pub(super) const AGO_WORDS: &[&str] = &["ago", "back"];
pub(super) const MINUTE_WORDS: &[&str] = &["m", "min", "mins", "minute", "minutes"];
pub(super) const ML_WORDS: &[&str] = &[
    "ml",
    "mls",
    // Spoken "mils", as speech-to-text writes it.
    "mil",
    "mils",
    "milliliter",
    "milliliters",
    "millilitre",
    "millilitres",
    "cc",
];
pub(super) const OZ_WORDS: &[&str] = &["oz", "ozs", "ounce", "ounces", "floz"];
pub(super) const LEFT_WORDS: &[&str] = &["left", "l", "lt"];
pub(super) const RIGHT_WORDS: &[&str] = &["right", "r", "rt"];
/// Words taken along after a side word: "left side 40", "right breast 50".
pub(super) const SIDE_TAILS: &[&str] = &["side", "breast", "boob"];
pub(super) const OTHER_WORDS: &[&str] = &[
    "ago",
    "now",
    "half",
    "one",
    "am",
    "pm",
    "p",
    "fl",
    "today",
    "yesterday",
    "noon",
    "midnight",
    "back",
    "tomorrow",
    "tonight",
    "overnight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "this",
    "last",
    "yday",
];

/// Place phrases, matched longest first. Words of five letters or more also match with
/// one typo.
pub(super) const PLACES: &[(&[&str], Place)] = &[
    (&["room"], Place::Room),
    (&["counter"], Place::Room),
    (&["countertop"], Place::Room),
    (&["table"], Place::Room),
    (&["out"], Place::Room),
    (&["desk"], Place::Room),
    (&["room", "temp"], Place::Room),
    (&["room", "temperature"], Place::Room),
    (&["on", "the", "side"], Place::Room),
    (&["fridge"], Place::Fridge),
    (&["refrigerator"], Place::Fridge),
    (&["refridgerator"], Place::Fridge),
    (&["frig"], Place::Fridge),
    (&["frige"], Place::Fridge),
    (&["fr"], Place::Fridge),
    (&["refrig"], Place::Fridge),
    (&["freezer"], Place::Freezer),
    (&["frozen"], Place::Freezer),
    (&["freeze"], Place::Freezer),
    (&["frz"], Place::Freezer),
    (&["deep", "freeze"], Place::Freezer),
    (&["deep", "freezer"], Place::Freezer),
    (&["cooler"], Place::Cooler),
    (&["cooler", "bag"], Place::Cooler),
    (&["cooler", "box"], Place::Cooler),
    (&["cool", "bag"], Place::Cooler),
    (&["cool", "box"], Place::Cooler),
    (&["ice", "pack"], Place::Cooler),
    (&["ice", "packs"], Place::Cooler),
    (&["insulated", "bag"], Place::Cooler),
    (&["ice", "box"], Place::IceBox),
    (&["icebox"], Place::IceBox),
    (&["ice", "compartment"], Place::IceBox),
    (&["freezer", "compartment"], Place::IceBox),
];

/// Whether `english` (as a language's phrase is read) names a place: `fridge`, `table`.
pub(super) fn is_place_word(english: &str) -> bool {
    PLACES
        .iter()
        .any(|(words, _)| words.len() == 1 && words[0] == english)
}

/// Verbs that make a text a log even when part of it is not understood.
const LOG_VERBS: &[&str] = &[
    "pumped",
    "expressed",
    "logged",
    "stored",
    "log",
    "pump",
    "put",
    "added",
];

/// Typos are forgiven only in words at least this long (as the parent meant them; the
/// word typed may have lost a letter).
pub(super) const TYPO_MIN_LEN: usize = 5;

/// Whether `token` is one typo from `word`: `word` has at least [`TYPO_MIN_LEN`]
/// letters, `token` at most one fewer, and `token` is no other word the shortcut knows.
/// Short words (`oz`, `ml`, `out`) are never guessed at.
fn typo_of(token: &str, word: &str) -> bool {
    word.chars().count() >= TYPO_MIN_LEN
        && token.chars().count() + 1 >= TYPO_MIN_LEN
        && !is_known(token)
        && within_one_edit(token, word)
}

/// A log verb (`pumped`, `stored`), or one typo from a long one (`pumpd`, `expresed`).
pub(super) fn is_log_verb(w: &str) -> bool {
    LOG_VERBS.iter().any(|v| *v == w || typo_of(w, v))
}

/// Whether the words say a place was meant though none was read: a word of a place
/// phrase (`ice`, `bag`, `box`), one slip from a place word of two letters or
/// more that the grammar did not read (`ffr`, `ut`, `rom`), or two from one of six or more
/// (`rezer`, `ridg`: a slip on top of a typo). Used only to ask where the milk is
/// rather than answer a question, never to read the place.
pub(super) fn says_a_place(words: &[String]) -> bool {
    words.iter().any(|w| is_place_slip(w))
        // "on the side" with "on" mistyped.
        || words.windows(2).any(|p| p[0] == "the" && p[1] == "side")
}

fn is_place_slip(w: &str) -> bool {
    let len = w.chars().count();
    if is_known(w) {
        // Not the words of a phrase that say other things too: "my baby's temperature
        // is 38.5", "on the side", "deep".
        return !matches!(w, "on" | "the" | "side" | "temp" | "temperature" | "deep")
            && PLACES.iter().any(|(words, _)| words.contains(&w));
    }
    PLACES.iter().flat_map(|(words, _)| words.iter()).any(|p| {
        let plen = p.chars().count();
        // ("or" is one slip from "fr": two letters may come from three, not two.)
        (plen >= 2 && len >= 2 && plen + len >= 5 && within_one_edit(w, p))
            || (plen >= 6 && len >= 4 && edit_distance(w, p) <= 2)
    })
}

/// The optimal string alignment distance (insertions, deletions, substitutions and
/// swaps of neighbours) between two words.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        d[at(i, 0)] = i;
    }
    for j in 0..=b.len() {
        d[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[at(i - 1, j)] + 1)
                .min(d[at(i, j - 1)] + 1)
                .min(d[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[at(i - 2, j - 2)] + 1);
            }
            d[at(i, j)] = best;
        }
    }
    d[at(a.len(), b.len())]
}

pub(super) fn is_known(w: &str) -> bool {
    [
        FILLERS,
        HOUR_WORDS,
        DAY_WORDS,
        WEEK_WORDS,
        MINUTE_WORDS,
        ML_WORDS,
        OZ_WORDS,
        LEFT_WORDS,
        RIGHT_WORDS,
        SIDE_TAILS,
        OTHER_WORDS,
        CONTAINERS,
    ]
    .iter()
    .any(|list| list.contains(&w))
        || PLACES.iter().any(|(words, _)| words.contains(&w))
}

/// Optimal string alignment distance is at most one (one insertion, deletion,
/// substitution or swap of neighbours).
pub(super) fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (
        a.get(prefix..).unwrap_or(&[]),
        b.get(prefix..).unwrap_or(&[]),
    );
    let tail = |s: &[char], k: usize| s.get(k..).unwrap_or(&[]).to_vec();
    match (a.len(), b.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            tail(a, 1) == tail(b, 1)
                || (a.len() >= 2
                    && a.first() == b.get(1)
                    && a.get(1) == b.first()
                    && tail(a, 2) == tail(b, 2))
        }
        (x, y) if x == y + 1 => tail(a, 1) == b,
        (x, y) if y == x + 1 => a == tail(b, 1),
        _ => false,
    }
}

pub(super) fn word_matches(token: &str, word: &str) -> Option<bool> {
    if token == word {
        Some(false)
    } else if typo_of(token, word) {
        Some(true)
    } else {
        None
    }
}

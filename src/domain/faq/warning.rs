//! Warning-sign words for the red-flag gate: each language's way of naming a concept ("a
//! baby", "yellow", "feeling faint"), so that one trigger covers the phrasings nobody wrote
//! down.
//!
//! The content's `[red_flag_words]` table names each concept's variants. A variant is a word
//! (matched by its stem, so "yellowish"'s inflections and Russian case endings need no list),
//! a prefix ending in `*` ("желт*" is every word starting with "желт"), a word ending in `=`
//! that matches only itself ("chills=", not "chill"), `#` for any number, or a phrase of such
//! words, matched as consecutive words of the question ("better off without me"). Words are
//! read folded (accents, `ё`) and with runs of three or more equal letters read as two
//! ("bloood" is "blood"). A trigger in `red_flag_terms` names a concept as `@name`, and a
//! concept that must be absent as `!@name` ("@yellow @baby !@object": a yellow crayon is not
//! jaundice).
//!
//! One concept is read from numbers rather than words: `@fevertemp`, a temperature of a fever
//! (38 to 43 °C, or 100.4 to 109 °F; "38.5", "38,5", "100.6 F"). A number followed by a word
//! of the file's `unit` concept ("38 weeks", "104 ml") is an amount or an age, not a
//! temperature; one followed by a `fahrenheit` word is read only as Fahrenheit, one followed by
//! a `celsius` word only as Celsius.

use std::collections::BTreeMap;

use super::content::ContentError;
use super::language::Analysis;

/// The concept read from numbers.
pub(super) const FEVER_TEMPERATURE: &str = "fevertemp";
/// The concepts that qualify a number (see the module documentation).
const UNIT: &str = "unit";
const CELSIUS: &str = "celsius";
const FAHRENHEIT: &str = "fahrenheit";
/// A fever, in degrees Celsius and Fahrenheit (from 38 °C / 100.4 °F; above these nobody is
/// reporting a body temperature).
const FEVER_C: std::ops::RangeInclusive<f64> = 38.0..=43.0;
const FEVER_F: std::ops::RangeInclusive<f64> = 100.4..=109.0;

/// One word of a variant.
#[derive(Debug, Clone, PartialEq)]
enum Pattern {
    /// The stem of a word.
    Stem(String),
    /// Every word starting with this.
    Prefix(String),
    /// This word only, as written (a variant ending in `=`: "chills=" is not "chill").
    Exact(String),
    /// Any number (`#`: "tiene # semanas").
    Number,
}

impl Pattern {
    fn matches(&self, word: &Word) -> bool {
        match self {
            Pattern::Stem(s) => *s == word.stem,
            Pattern::Prefix(p) => word.folded.starts_with(p.as_str()),
            Pattern::Exact(w) => *w == word.folded,
            Pattern::Number => word.number.is_some(),
        }
    }
}

/// A word of a question, folded and stemmed.
struct Word {
    folded: String,
    stem: String,
    /// The number it is, when it is one (digits only).
    number: Option<u32>,
}

/// The warning-sign concepts of one content file.
#[derive(Default)]
pub(super) struct Concepts {
    names: Vec<String>,
    /// Each variant: its words and its concept.
    variants: Vec<(Vec<Pattern>, usize)>,
}

impl Concepts {
    pub(super) fn build(
        analysis: &Analysis,
        table: &BTreeMap<String, Vec<String>>,
    ) -> Result<Concepts, ContentError> {
        let mut concepts = Concepts::default();
        concepts.names.push(FEVER_TEMPERATURE.to_owned());
        for (name, variants) in table {
            if name == FEVER_TEMPERATURE {
                return Err(ContentError::Other(format!(
                    "red_flag_words: {name:?} is read from numbers and cannot be listed"
                )));
            }
            let id = concepts.names.len();
            concepts.names.push(name.clone());
            for variant in variants {
                let mut patterns = Vec::new();
                for part in variant.split_whitespace() {
                    let (word, kind): (_, fn(Word) -> Pattern) =
                        match (part.strip_suffix('*'), part.strip_suffix('=')) {
                            _ if part == "#" => {
                                patterns.push(Pattern::Number);
                                continue;
                            }
                            (Some(prefix), _) => (prefix, |w| Pattern::Prefix(w.folded)),
                            (None, Some(exact)) => (exact, |w| Pattern::Exact(w.folded)),
                            (None, None) => (part, |w| Pattern::Stem(w.stem)),
                        };
                    patterns.extend(read(analysis, word).into_iter().map(kind));
                }
                if patterns.is_empty() {
                    return Err(ContentError::Other(format!(
                        "red_flag_words {name:?}: {variant:?} has no word"
                    )));
                }
                concepts.variants.push((patterns, id));
            }
        }
        Ok(concepts)
    }

    /// The concept named `name`, if the file has it.
    pub(super) fn id(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The concepts present in a question (distinct, in no particular order).
    pub(super) fn present(&self, analysis: &Analysis, text: &str) -> Vec<usize> {
        let words = read(analysis, text);
        let mut found = Vec::new();
        for (patterns, id) in &self.variants {
            if found.contains(id) {
                continue;
            }
            let at = |start: usize| {
                patterns
                    .iter()
                    .enumerate()
                    .all(|(k, p)| words.get(start + k).is_some_and(|w| p.matches(w)))
            };
            if (0..words.len()).any(at) {
                found.push(*id);
            }
        }
        if self.has_fever_temperature(&words, &found) {
            found.push(0);
        }
        found
    }

    /// Does the question give a fever temperature (see the module documentation)?
    fn has_fever_temperature(&self, words: &[Word], found: &[usize]) -> bool {
        // Only the words after a number are checked: no concept of a unit, no check needed.
        let is = |name: &str, word: Option<&Word>| {
            let (Some(id), Some(word)) = (self.id(name), word) else {
                return false;
            };
            found.contains(&id)
                && self
                    .variants
                    .iter()
                    .any(|(p, c)| *c == id && p.first().is_some_and(|p| p.matches(word)))
        };
        let mut i = 0;
        while let Some(word) = words.get(i) {
            i += 1;
            let Some(whole) = word.number else { continue };
            // "38.5" and "38,5" are normalised to "38 5": one or two digits after a number
            // are its decimals.
            let mut value = f64::from(whole);
            if let Some(next) = words.get(i)
                && let Some(decimals) = next.number
                && next.folded.len() <= 2
            {
                value += f64::from(decimals) / 10f64.powi(next.folded.len() as i32);
                i += 1;
            }
            let after = words.get(i);
            if is(UNIT, after) {
                continue;
            }
            let celsius = !is(FAHRENHEIT, after) && FEVER_C.contains(&value);
            let fahrenheit = !is(CELSIUS, after) && FEVER_F.contains(&value);
            if celsius || fahrenheit {
                return true;
            }
        }
        false
    }
}

/// A text's words, folded and stemmed as `analysis` reads them; runs of three or more equal
/// letters read as two.
fn read(analysis: &Analysis, text: &str) -> Vec<Word> {
    let normalised = super::text::normalise(text);
    let folded = analysis.fold(&normalised);
    folded
        .split_whitespace()
        .take(2 * super::text::MAX_QUERY_WORDS)
        .map(|w| {
            let folded = collapse_runs(w);
            let number = if folded.chars().all(|c| c.is_ascii_digit()) {
                folded.parse().ok()
            } else {
                None
            };
            let stem = analysis.stem(&folded).into_owned();
            Word {
                folded,
                stem,
                number,
            }
        })
        .collect()
}

/// "bloood" is "blood", "soooo" is "soo": runs of three or more equal letters read as two.
fn collapse_runs(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    let mut run = 0;
    for c in word.chars() {
        if Some(c) == last && c.is_alphabetic() {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= 2 {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    fn concepts(lang: Lang, table: &[(&str, &[&str])]) -> (Analysis, Concepts) {
        let analysis = Analysis::new(lang);
        let table = table
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect();
        match Concepts::build(&analysis, &table) {
            Ok(c) => (analysis, c),
            Err(e) => panic!("{e}"),
        }
    }

    fn names(c: &Concepts, a: &Analysis, text: &str) -> Vec<String> {
        let mut found: Vec<String> = c
            .present(a, text)
            .into_iter()
            .filter_map(|i| c.names.get(i).cloned())
            .collect();
        found.sort();
        found
    }

    #[test]
    fn words_match_by_stem_prefix_or_phrase() {
        let (a, c) = concepts(
            Lang::En,
            &[
                ("yellow", &["yellow*", "orang*"]),
                ("chills", &["chills="]),
                ("age", &["is # week*"]),
                ("hopeless", &["better off without me", "cant go on"]),
            ],
        );
        assert_eq!(names(&c, &a, "she looks yellowish"), vec!["yellow"]);
        assert_eq!(names(&c, &a, "face looks orange-ish"), vec!["yellow"]);
        assert_eq!(names(&c, &a, "an orangey tint"), vec!["yellow"]);
        assert_eq!(names(&c, &a, "got the chills"), vec!["chills"]);
        assert!(names(&c, &a, "chill the bottle").is_empty());
        assert_eq!(names(&c, &a, "she is 11 weeks"), vec!["age"]);
        assert!(names(&c, &a, "she is two weeks").is_empty());
        assert_eq!(
            names(&c, &a, "they would be better off without me"),
            vec!["hopeless"]
        );
        // A phrase's words must follow each other.
        assert!(names(&c, &a, "better without me, off to bed").is_empty());
        assert!(names(&c, &a, "i go on and cant").is_empty());
    }

    #[test]
    fn russian_and_spanish_inflections_and_marks_are_read() {
        let (a, c) = concepts(Lang::Ru, &[("yellow", &["желт*"]), ("baby", &["ребенок"])]);
        assert_eq!(names(&c, &a, "ребёнок весь жёлтый"), vec!["baby", "yellow"]);
        assert_eq!(names(&c, &a, "кожа все желтее"), vec!["yellow"]);
        let (a, c) = concepts(Lang::Es, &[("dizzy", &["mareada"])]);
        assert_eq!(names(&c, &a, "estoy MAREADA"), vec!["dizzy"]);
        assert_eq!(names(&c, &a, "estoy mareado"), vec!["dizzy"]);
    }

    #[test]
    fn repeated_letters_are_read_as_two() {
        assert_eq!(collapse_runs("bloood"), "blood");
        assert_eq!(collapse_runs("sooooo"), "soo");
        assert_eq!(collapse_runs("100000"), "100000");
        let (a, c) = concepts(Lang::En, &[("blood", &["blood"])]);
        assert_eq!(names(&c, &a, "bloood in milk??"), vec!["blood"]);
    }

    #[test]
    fn a_fever_temperature_is_read_from_numbers() {
        let (a, c) = concepts(
            Lang::En,
            &[
                ("unit", &["ml", "oz", "week*", "g"]),
                ("fahrenheit", &["f", "fahrenheit"]),
                ("celsius", &["c", "celsius"]),
            ],
        );
        let fever = |t: &str| names(&c, &a, t).contains(&FEVER_TEMPERATURE.to_owned());
        for t in [
            "the thermometer says 38.5",
            "38,5 and she is 2 months",
            "38",
            "temperature of 100.6 F",
            "39.2°C",
            "102 f",
            "he is 101.3",
        ] {
            assert!(fever(t), "{t:?} is a fever");
        }
        for t in [
            "37.8",
            "37,9 c",
            "pumped 100ml",
            "born at 38 weeks",
            "104 ml this morning",
            "40 f in the fridge",
            "39 g gained",
            "100 f",
            "a 2 month old",
            "temperature",
        ] {
            assert!(!fever(t), "{t:?} is no fever");
        }
    }

    #[test]
    fn the_number_concept_cannot_be_listed() {
        let analysis = Analysis::new(Lang::En);
        let table = [(FEVER_TEMPERATURE.to_owned(), vec!["hot".to_owned()])]
            .into_iter()
            .collect();
        assert!(Concepts::build(&analysis, &table).is_err());
    }
}

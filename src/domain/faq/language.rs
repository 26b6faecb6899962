//! What differs between the languages of the content: how a word is folded (accents, `ё`),
//! which Snowball stemmer reduces it, which words negate, and how far a typo may be read.
//!
//! English is left exactly as it was before other languages came (no folding; only ASCII
//! words are stemmed), so its figures do not move. Spanish folds accents and `ñ`, because
//! many parents type without them ("cuanto", "nevera", "nino"). Russian reads `ё` as `е`
//! (most people never type `ё`). Both fold before stemming, in the content and in the
//! question alike, so both sides meet on the same stem.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

use super::index::Index;
use super::text::{TYPO_MIN_CHARS, TYPO_MIN_TARGET_CHARS, TYPO_TWO_EDITS_FROM, TermId, normalise};
use crate::domain::Lang;

/// Words that negate what follows ("not in the fridge", "forgot to refrigerate").
const NEGATIONS_EN: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "forgot",
    "forgotten",
    "didnt",
    "wasnt",
    "isnt",
    "werent",
    "hasnt",
    "havent",
    "dont",
    "doesnt",
    "wont",
];
/// "no la puse en la nevera", "sin nevera", "se me olvidó meterla en el refri".
/// Compared after folding, so without accents.
const NEGATIONS_ES: &[&str] = &["no", "nunca", "sin", "olvide", "olvido", "jamas"];
/// "не в холодильнике", "без холодильника", "забыла убрать в холодильник".
const NEGATIONS_RU: &[&str] = &["не", "нет", "без", "забыла", "забыл", "забыли", "никогда"];

/// A Spanish diminutive's base ("bols" in "bolsita") has at least this many letters.
const MIN_DIMINUTIVE_BASE: usize = 3;

/// Russian words shorter than this are never corrected.
const RU_TYPO_MIN_CHARS: usize = 7;
/// From this length a Russian word may have two typos.
const RU_TYPO_TWO_EDITS_FROM: usize = 9;

/// How far a word may be from a content word to be read as its typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TypoBounds {
    /// See [`TYPO_MIN_CHARS`].
    pub(super) min_chars: usize,
    /// See [`TYPO_MIN_TARGET_CHARS`].
    pub(super) min_target_chars: usize,
    /// See [`TYPO_TWO_EDITS_FROM`].
    pub(super) two_edits_from: usize,
    /// Also compare the question word's stem with the content's stems: in an inflected
    /// language the typo is often in a form the content never wrote ("малоко" in
    /// "малока", "congelaor" in "congelaores").
    pub(super) by_stem: bool,
}

/// One language's text analysis.
pub(super) struct Analysis {
    lang: Lang,
    stemmer: Stemmer,
}

impl Analysis {
    pub(super) fn new(lang: Lang) -> Analysis {
        let algorithm = match lang {
            Lang::En => Algorithm::English,
            Lang::Es => Algorithm::Spanish,
            Lang::Ru => Algorithm::Russian,
        };
        Analysis {
            lang,
            stemmer: Stemmer::create(algorithm),
        }
    }

    pub(super) fn lang(&self) -> Lang {
        self.lang
    }

    /// A normalised (lowercase) text with this language's folding: Spanish accents and `ñ`
    /// dropped ("cuánto" is "cuanto", "niño" is "nino"), Russian `ё` read as `е`. English is
    /// unchanged.
    pub(super) fn fold<'a>(&self, normalised: &'a str) -> Cow<'a, str> {
        match self.lang {
            Lang::En => Cow::Borrowed(normalised),
            Lang::Es if normalised.is_ascii() => Cow::Borrowed(normalised),
            Lang::Es => Cow::Owned(normalised.chars().map(|c| Lang::Es.fold(c)).collect()),
            Lang::Ru if !normalised.contains('ё') => Cow::Borrowed(normalised),
            Lang::Ru => Cow::Owned(normalised.replace('ё', "е")),
        }
    }

    /// The stem of a folded word. English stems only ASCII words (as it always did); Spanish
    /// and Russian stem every word (an English word in a Russian question stays as it is).
    pub(super) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self.lang {
            Lang::En if !word.is_ascii() => Cow::Borrowed(word),
            _ => self.stemmer.stem(word),
        }
    }

    /// What a Spanish diminutive the content does not know may come from, most likely first:
    /// "bolsitas" → "bolsas", "lechita" → "lecha", "leche"; "frasquito" → "frasco";
    /// "jeringuitas" → "jeringas"; "biberoncito" → "biberon". Parents use them all the time,
    /// and an unknown one was read as a typo of another word ("bolsitas" as "mastitis").
    /// Other languages: none.
    pub(super) fn undiminished(&self, word: &str) -> Vec<String> {
        if self.lang != Lang::Es {
            return Vec::new();
        }
        let (single, plural) = match word.strip_suffix('s') {
            Some(w) => (w, "s"),
            None => (word, ""),
        };
        let Some((base, vowel)) = single
            .strip_suffix("ito")
            .map(|b| (b, "o"))
            .or_else(|| single.strip_suffix("ita").map(|b| (b, "a")))
        else {
            return Vec::new();
        };
        if base.chars().count() < MIN_DIMINUTIVE_BASE {
            return Vec::new();
        }
        // "poquito" is "poco", "jeringuita" "jeringa", "biberoncito" "biberon".
        let base = if let Some(b) = base.strip_suffix("qu") {
            format!("{b}c")
        } else if let Some(b) = base.strip_suffix("gu") {
            format!("{b}g")
        } else {
            base.to_owned()
        };
        let mut out = vec![format!("{base}{vowel}{plural}"), format!("{base}e{plural}")];
        if let Some(b) = base.strip_suffix('c') {
            out.push(b.to_owned());
            out.push(format!("{b}{vowel}{plural}"));
        }
        out
    }

    /// The words that negate what follows.
    pub(super) fn negations(&self) -> &'static [&'static str] {
        match self.lang {
            Lang::En => NEGATIONS_EN,
            Lang::Es => NEGATIONS_ES,
            Lang::Ru => NEGATIONS_RU,
        }
    }

    pub(super) fn is_negation(&self, word: &str) -> bool {
        self.negations().contains(&word)
    }

    /// The typo bounds: English and Spanish the lengths measured on the English content,
    /// Russian longer ones; Spanish and Russian compare the stems too.
    pub(super) fn typo_bounds(&self) -> TypoBounds {
        match self.lang {
            Lang::En | Lang::Es => TypoBounds {
                min_chars: TYPO_MIN_CHARS,
                min_target_chars: TYPO_MIN_TARGET_CHARS,
                two_edits_from: TYPO_TWO_EDITS_FROM,
                by_stem: self.lang == Lang::Es,
            },
            // Russian words are longer, and a short one is one letter away from many others
            // ("купать" is not "капать").
            Lang::Ru => TypoBounds {
                min_chars: RU_TYPO_MIN_CHARS,
                min_target_chars: TYPO_MIN_TARGET_CHARS,
                two_edits_from: RU_TYPO_TWO_EDITS_FROM,
                by_stem: true,
            },
        }
    }
}

impl Index {
    pub(super) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        self.analysis.stem(word)
    }

    /// A text normalised and folded the way this language reads it.
    pub(super) fn normalise(&self, text: &str) -> String {
        self.analysis.fold(&normalise(text)).into_owned()
    }

    /// The content word an unknown word is read as a typo of: the nearest to the word, or,
    /// where the language compares stems, to its stem.
    pub(super) fn typo(&self, word: &str, stem: &str) -> Option<TermId> {
        let by_stem = || {
            let bounds = self.analysis.typo_bounds();
            bounds.by_stem.then(|| self.nearest(stem)).flatten()
        };
        self.nearest(word).or_else(by_stem)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Faq;
    use super::*;

    fn stems(lang: Lang, text: &str) -> Vec<String> {
        let a = Analysis::new(lang);
        a.fold(text)
            .split_whitespace()
            .map(|w| a.stem(w).into_owned())
            .collect()
    }

    #[test]
    fn spanish_folds_accents_and_n_tilde() {
        let a = Analysis::new(Lang::Es);
        assert_eq!(
            a.fold("cuánto nevéra niño pingüino"),
            "cuanto nevera nino pinguino"
        );
        assert_eq!(a.fold("leche"), "leche");
        // English is left alone, so its figures do not move.
        assert_eq!(Analysis::new(Lang::En).fold("café"), "café");
    }

    #[test]
    fn russian_reads_yo_as_ye() {
        let a = Analysis::new(Lang::Ru);
        assert_eq!(a.fold("ребёнок тёплое"), "ребенок теплое");
        assert_eq!(stems(Lang::Ru, "ребёнок"), stems(Lang::Ru, "ребенок"));
    }

    #[test]
    fn each_language_stems_its_inflections_together() {
        // Spanish: gender, number and verb forms.
        let es = stems(Lang::Es, "congelada congelado congelar congelador");
        assert!(es.iter().all(|s| s == "congel"), "{es:?}");
        // Russian: the cases of a noun.
        let ru = stems(
            Lang::Ru,
            "холодильник холодильнике холодильника холодильником",
        );
        assert!(ru.iter().all(|s| s == "холодильник"), "{ru:?}");
        // English stems only ASCII words, as before.
        assert_eq!(stems(Lang::En, "freezing éclair"), ["freez", "éclair"]);
    }

    #[test]
    fn spanish_diminutives_read_as_their_word() {
        let a = Analysis::new(Lang::Es);
        let first = |w: &str| a.undiminished(w).first().cloned();
        assert_eq!(first("bolsitas").as_deref(), Some("bolsas"));
        assert_eq!(first("frasquito").as_deref(), Some("frasco"));
        assert_eq!(first("jeringuitas").as_deref(), Some("jeringas"));
        assert!(a.undiminished("lechita").contains(&"leche".to_owned()));
        assert!(
            a.undiminished("biberoncito")
                .contains(&"biberon".to_owned())
        );
        // Not a diminutive, or too short to be one; other languages have none here.
        assert!(a.undiminished("cita").is_empty());
        assert!(a.undiminished("nevera").is_empty());
        assert!(Analysis::new(Lang::Ru).undiminished("bolsita").is_empty());
        // The index reads a diminutive it does not know as its word.
        let index = &Faq::bundled_for(Lang::Es).index;
        for (small, word) in [("frasquitos", "frascos"), ("biberoncito", "biberon")] {
            assert_eq!(
                index.analyse(small).terms,
                index.analyse(word).terms,
                "{small}"
            );
            assert_eq!(index.analyse(small).unknown, 0, "{small}");
        }
    }

    #[test]
    fn negations_are_per_language() {
        assert!(Analysis::new(Lang::Es).is_negation("sin"));
        assert!(Analysis::new(Lang::Es).is_negation("olvide"));
        assert!(Analysis::new(Lang::Ru).is_negation("не"));
        assert!(Analysis::new(Lang::Ru).is_negation("без"));
        assert!(!Analysis::new(Lang::Ru).is_negation("not"));
        assert!(Analysis::new(Lang::En).is_negation("not"));
    }

    /// The same question with and without accents, `ё`, or with a typo gets the same reply.
    fn same_reply(lang: Lang, a: &str, b: &str) {
        let faq = Faq::bundled_for(lang);
        let (ra, rb) = (faq.ask(a), faq.ask(b));
        assert_eq!(ra.verdict, rb.verdict, "{a:?} / {b:?}");
        assert_eq!(
            ra.topic.map(|t| &t.id),
            rb.topic.map(|t| &t.id),
            "{a:?} / {b:?}"
        );
        assert!(ra.topic.is_some(), "{a:?} gets no answer");
    }

    #[test]
    fn accents_yo_and_typos_do_not_change_the_answer() {
        same_reply(
            Lang::Es,
            "cuánto dura la leche materna en la nevéra",
            "cuanto dura la leche materna en la nevera",
        );
        same_reply(
            Lang::Es,
            "cuanto dura la leche materna en el congelador",
            "cuanto dura la leche materna en el congelaodr",
        );
        same_reply(
            Lang::Ru,
            "сколько хранится размороженное молоко",
            "сколько хранится размарожённое молоко",
        );
        same_reply(
            Lang::Ru,
            "сколько хранится молоко в холодильнике",
            "сколько хранится молоко в халадильнике",
        );
    }

    /// "Temperature" with a baby is a fever in any word order; the temperature of milk or a
    /// fridge is a storage question.
    #[test]
    fn a_babys_temperature_is_a_fever_and_milks_is_not() {
        use super::super::Verdict;
        let cases = [
            (Lang::Es, "el bebe tiene 38 de temperatura", true),
            (Lang::Es, "a que temperatura doy la leche al bebe", false),
            (
                Lang::Es,
                "temperatura de la nevera para la leche del bebe",
                false,
            ),
            (Lang::Ru, "у ребенка 3 недели температура 37.9", true),
            (Lang::Ru, "какая температура молока нужна ребенку", false),
            (Lang::Ru, "при какой температуре хранить молоко", false),
        ];
        for (lang, q, fever) in cases {
            let reply = Faq::bundled_for(lang).ask(q);
            let routed = reply.verdict == Verdict::RedFlag
                && reply.topic.is_some_and(|t| t.id == "rf-baby-fever");
            assert_eq!(routed, fever, "{q:?}: {:?}", reply.verdict);
            if !fever {
                assert_ne!(reply.verdict, Verdict::RedFlag, "{q:?}");
            }
        }
    }

    /// A baby's age ("сыну 2 недели", "mi hija tiene 2 semanas") is no storage time: its
    /// weeks once pointed to the small freezer compartment's 2 weeks, a confident wrong
    /// answer. The milk's own weeks still do.
    #[test]
    fn a_babys_age_is_no_storage_time() {
        use super::super::Verdict;
        let answered = [
            (
                Lang::Es,
                "mi hija tiene 2 semanas, cuánto dura la leche en el refri",
                "fridge-how-long",
            ),
            (
                Lang::Es,
                "mi nena ya tiene 2 semanas, cuanto dura la leche en el congelador",
                "freezer-how-long",
            ),
            (
                Lang::Es,
                "mi bebé de 3 semanas, cuánto tiempo aguanta la leche a temperatura ambiente",
                "room-temp",
            ),
            (
                Lang::Ru,
                "сыну 2 недели, сколько хранится молоко в холодильнике",
                "fridge-how-long",
            ),
            (
                Lang::Ru,
                "сыночку 3 недели, сколько можно хранить молоко в морозилке",
                "freezer-how-long",
            ),
            (
                Lang::Ru,
                "ребенку 2 месяца, сколько молоко может стоять при комнатной температуре",
                "room-temp",
            ),
            (
                Lang::Es,
                "la leche lleva 2 semanas en el congelador pequeño de la nevera, sirve?",
                "ice-compartment",
            ),
            (
                Lang::Ru,
                "молоко 2 недели лежит в морозилке внутри холодильника, можно давать?",
                "ice-compartment",
            ),
        ];
        for (lang, q, topic) in answered {
            let reply = Faq::bundled_for(lang).ask(q);
            assert_eq!(reply.verdict, Verdict::Answer, "{q:?}");
            assert_eq!(reply.topic.map(|t| t.id.as_str()), Some(topic), "{q:?}");
        }
        // Nor are weeks in the fridge: the small compartment's "2 weeks" would read as if
        // they were fine there.
        for (lang, q) in [
            (
                Lang::Es,
                "mi bebé tiene 3 semanas, cuánta leche darle por toma",
            ),
            (
                Lang::Ru,
                "дочке 3 недели, сколько давать сцеженного за кормление",
            ),
            (
                Lang::Es,
                "la leche lleva 2 semanas en la nevera, todavía sirve",
            ),
            (
                Lang::Ru,
                "молоко стоит в холодильнике 2 недели, можно давать?",
            ),
        ] {
            let reply = Faq::bundled_for(lang).ask(q);
            let compartment = reply.topic.is_some_and(|t| t.id == "ice-compartment");
            assert!(!(reply.verdict == Verdict::Answer && compartment), "{q:?}");
        }
    }

    #[test]
    fn russian_short_words_are_not_corrected() {
        let faq = Faq::bundled_for(Lang::Ru);
        let reply = faq.ask("как купать новорожденного");
        assert_eq!(reply.verdict, super::super::Verdict::OutOfScope);
    }
}

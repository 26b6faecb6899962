//! The fresh sets (`tests/data/faq_fresh*.toml`), written later by another hand who saw only
//! the topic titles and FACTS.md: totals only, never their misses.

use milkbot::domain::Lang;
use milkbot::domain::faq::Faq;

use super::{Mode, TestSet, TuningSet, blind, is_example, parse_set};

/// The fresh set in `lang`: written by someone who saw only the topic titles and FACTS.md,
/// never the content, its examples or the other sets, after the matcher existed; frozen when
/// written. Only its totals are ever printed.
fn fresh_set(lang: Lang) -> TestSet {
    let src = match lang {
        Lang::En => include_str!("../../data/faq_fresh.toml"),
        Lang::Es => include_str!("../../data/faq_fresh.es.toml"),
        Lang::Ru => include_str!("../../data/faq_fresh.ru.toml"),
    };
    parse_set(src, "fresh set", lang)
}

/// The fresh sets (`tests/data/faq_fresh*.toml`), written by another hand from the topic
/// titles and FACTS.md alone: the figure closest to what strangers' questions get. Totals only.
#[test]
fn fresh_sets_written_by_another_hand() {
    let runs = [
        (Lang::En, Mode::Lexical),
        (Lang::En, Mode::Model),
        (Lang::Es, Mode::Lexical),
        (Lang::Ru, Mode::Lexical),
    ];
    for (lang, mode) in runs {
        let code = match mode {
            Mode::Model => "en with the model",
            Mode::Lexical => lang.code(),
        };
        let faq = Faq::bundled_for(lang);
        // A few natural questions ("what is hand expression") were also written, word for
        // word, as examples in the content: they are left out, since the index holds them.
        let mut set = fresh_set(lang);
        let written = set.in_scope.len();
        set.in_scope.retain(|(q, _)| !is_example(faq, q));
        let (test, safety) = blind(faq, &set, code, mode);
        println!(
            "[{code}] fresh set: {} of {written} phrasings left out as word-for-word examples",
            written - set.in_scope.len()
        );
        test.print(&format!("[{code}] fresh set"));
        safety.print(&format!("[{code}] fresh set safety"));
        assert!(
            test.asked >= 70 && safety.red_flags >= 12,
            "{code}: the fresh set is whole"
        );
        let floor = fresh_floors(lang, mode);
        assert!(
            test.pct(test.hits) >= floor.top1,
            "{code}: fresh top-1 fell"
        );
        assert!(
            test.pct(test.wrong) <= floor.wrong,
            "{code}: more wrong answers"
        );
        assert!(
            safety.declined >= floor.declined,
            "{code}: fresh out of scope"
        );
        assert!(safety.routed >= floor.routed, "{code}: fresh red flags");
    }
}

/// What the fresh sets must not fall below (regressions fail here). The targets are those of
/// the frozen sets (95% English, 90% Spanish and Russian, at most 2% wrong) and 100% for out
/// of scope and red flags; the README gives the measured figures.
struct FreshFloor {
    top1: f64,
    wrong: f64,
    declined: usize,
    routed: usize,
}

/// First measured 2026-12-02 on 9ac4d46's matcher: English 63.1% (106/168), 1.8% wrong,
/// declined 26/27, red flags 15/18; Spanish 71.8% (74/103), 1.0%, 21/21, 12/14; Russian 59.2%
/// (61/103), 0%, 20/21, 11/13. After the Spanish and Russian content's second round of
/// example questions and colloquial words: Spanish 78.6% (81/103), 1.0%; Russian 72.8%
/// (75/103), 0%; safety unchanged. With the warning-sign concepts of the red-flag gate
/// (`red_flag_words`), red flags 18/18, 14/14, 12/13; the rest unchanged. With the blind
/// writers' example questions (issue 18) and Spanish and Russian close calls needing the
/// margin: Spanish 85.4% (88/103), 1.9% wrong (2: one more, within the 2% target); Russian
/// 79.6% (82/103), 0%; safety unchanged. With Spanish diminutives read as their word:
/// Spanish 86.4% (89/103), 1.9% wrong.
fn fresh_floors(lang: Lang, mode: Mode) -> FreshFloor {
    let (top1, wrong, declined, routed) = match (lang, mode) {
        // BM25 alone after fewer false alarms and "expired milk": 76.8% (129/168), 0.6% wrong.
        // With the English fallback recalibrated (close calls need a lead of 0.2): 71.4%
        // (120/168), 0.0% wrong, declined 27/27, red flags 18/18 (one wrong answer let through).
        // With 398 example questions written by four other hands (2026-12-04): 75.6%
        // (127/168), 0.6% wrong (1), declined 26/27 (one more answered: which one is not
        // printed, as for every held-out miss), red flags 18/18.
        // With "shop", "supermarket", "skimmed" as other milks and the labelling topic needing
        // a milk word (2026-12-04, for two out-of-scope tuning questions): 75.0% (126/168),
        // one fewer; which one is not printed.
        (Lang::En, Mode::Lexical) => (74.9, 0.6, 26, 18),
        // With the sentence model, measured 2026-12-02: 69.6% (117/168), 1.2% wrong (2),
        // declined 26/27, red flags 18/18. After the written example questions (issue 14)
        // and the recalibration: 81.5% (137/168), 0.6% wrong (1), the same safety; BM25
        // alone 76.2% (128/168), 1.2% wrong (2).
        // After fewer false alarms and "expired milk": 82.1% (138/168), 0.6% wrong.
        // With the meaning's clear favourite needing no keyword named (2026-12-03): 86.9%
        // (146/168), 0.6% wrong (1), declined 26/27, red flags 18/18.
        // With 398 example questions written by four other hands and the fused policy
        // recalibrated (2026-12-04): 88.7% (149/168), 0.6% wrong (1), declined 26/27, red
        // flags 18/18.
        // With the topic classifier in place of the best cosine, recalibrated on the tuning
        // data (2026-12-04): 90.5% (152/168), 0.0% wrong, declined 25/27 (one more answered,
        // which one is not printed; 80 new out-of-scope tuning questions written afterwards
        // by another hand were all declined, so the tuning data does not show it), red flags
        // 18/18. The declined floor follows the measure, and the README says so.
        // With the "not ours" class and the policy recalibrated (2026-12-04): 91.7% (154/168),
        // 0.6% wrong (1), declined 27/27, red flags 18/18.
        // With 520 paraphrases the classifier alone learns from and the policy recalibrated on
        // the tuning data (2026-12-04): 94.6% (159/168), 0.0% wrong, declined 26/27 (one more
        // answered, which one is not printed; of 100 out-of-scope tuning questions written
        // afterwards by another hand, three got answers until the content handled them and a
        // fourth was dropped as fairly answered), red flags 18/18. The declined floor follows
        // the measure; README says so.
        // With 30 more developer near misses that give the baby's age, for the warning model
        // (2026-12-04, session 8; a rule set before measuring allowed 1 lower): 94.0%
        // (158/168), 0.0% wrong, the rest unchanged. Which question is not printed.
        (Lang::En, Mode::Model) => (93.9, 0.6, 26, 18),
        // With the learned second net for warning signs (2026-12-04): one out-of-scope
        // question sent to a professional (20/21; which one is not printed); the rest
        // unchanged. The declined floor follows the measure; the README says so.
        (Lang::Es, _) => (86.4, 2.0, 20, 14),
        // Red flags 13/13 (from 12) with the red-flag words the safety tuning lists' 2026-12-04
        // additions asked for; which one is not printed.
        (Lang::Ru, _) => (79.6, 1.0, 20, 13),
    };
    FreshFloor {
        top1,
        wrong,
        declined,
        routed,
    }
}

/// The fresh safety lists (`tests/data/faq_safety_fresh*.toml`): 63 warning signs (7 for each
/// red-flag topic) and 20 out-of-scope questions per language, written 2026-12-04 by another
/// hand who saw only FACTS.md and the list of warning signs, before that day's red-flag words
/// were added from the safety tuning lists. Totals only, never their misses.
#[test]
fn fresh_safety_lists_written_by_another_hand() {
    let runs = [
        (Lang::En, Mode::Lexical, "en"),
        (Lang::En, Mode::Model, "en with the model"),
        (Lang::Es, Mode::Lexical, "es"),
        (Lang::Ru, Mode::Lexical, "ru"),
    ];
    for (lang, mode, code) in runs {
        let src = match lang {
            Lang::En => include_str!("../../data/faq_safety_fresh.toml"),
            Lang::Es => include_str!("../../data/faq_safety_fresh.es.toml"),
            Lang::Ru => include_str!("../../data/faq_safety_fresh.ru.toml"),
        };
        let lists: TuningSet = match toml::from_str(src) {
            Ok(lists) => lists,
            Err(e) => panic!("the {code} fresh safety lists: {e}"),
        };
        // Only safety lists: blind checks their topics and that none is an example.
        let set = TestSet {
            in_scope: Vec::new(),
            out_of_scope: lists.out_of_scope,
            red_flags: lists.red_flags,
        };
        let (_, safety) = blind(Faq::bundled_for(lang), &set, code, mode);
        safety.print(&format!("[{code}] fresh safety lists"));
        let triggers = match Faq::from_toml(Faq::bundled_source_for(lang)) {
            Ok(faq) => faq.without_warning_model(),
            Err(e) => panic!("the {code} content: {e}"),
        };
        let (_, alone) = blind(&triggers, &set, code, mode);
        alone.print(&format!(
            "[{code}] fresh safety lists, the red-flag triggers alone"
        ));
        assert!(
            safety.red_flags == 63 && safety.out_of_scope == 20,
            "{code}: the fresh safety lists are whole"
        );
        let (declined, routed) = fresh_safety_floors(lang, mode);
        assert!(safety.declined >= declined, "{code}: fresh out of scope");
        assert!(safety.routed >= routed, "{code}: fresh red flags");
    }
}

/// What the fresh safety lists must not fall below (declined of 20, routed of 63). The target
/// is 100%; the README gives the measured figures.
///
/// Measured 2026-12-04, first on the red-flag words of before that day (English 51/63 with or
/// without the model, Spanish 49/63, Russian 48/63; every out-of-scope question declined),
/// then with the words the safety tuning lists' new phrasings asked for: English 51, Spanish
/// 49, Russian 51. The tuning lists reach 100% and these do not: a trigger list learns the
/// phrasings it is shown, and about one warning sign in five, put in words nobody listed,
/// still gets no alarm. Which ones is never printed.
///
/// With the learned second net (`src/domain/faq/warning_model.rs`, trained on the tuning data
/// and about 400 more warning signs per language by other hands; measured once, 2026-12-04):
/// English 55, Spanish 54, Russian 59 (the test prints the triggers alone beside it: 51, 49,
/// 51); every out-of-scope question still declined. Retrained with 240 more Russian everyday
/// messages by another hand (decided before measuring: land whatever it gives): Russian 58.
/// Retrained with the late near-miss lists by other hands (150 per language, and 240 Spanish
/// everyday messages) and 10 developer near misses per language about gestational weeks,
/// with each clause's reading judged by its own words only (landing rule set before
/// measuring: the three languages together at least 167, every out-of-scope question
/// declined): English 57, Spanish 51, Russian 59 (167). Spanish lost 3. Retrained with 60
/// developer near misses that give the baby's age ("дочке 2 месяца, ...", read as a fever
/// before; rule set before measuring: together at least 166, no language more than 1 lower):
/// English 58, Spanish 51, Russian 59. With 8 more per language of ages in days that look like a
/// temperature ("сыну 38 дней"; the same rule from 168): English 58, Spanish 52, Russian 59.
/// Retrained with six more lists by new writers, two per language (324 warning signs, 240 near
/// misses; rule set before measuring: together at least 170, no language lower): English 58,
/// Spanish 52, Russian 60. The floors follow the measure.
fn fresh_safety_floors(lang: Lang, _mode: Mode) -> (usize, usize) {
    match lang {
        Lang::En => (20, 58),
        Lang::Es => (20, 52),
        Lang::Ru => (20, 60),
    }
}

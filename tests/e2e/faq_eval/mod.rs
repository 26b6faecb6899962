//! Evaluation of the FAQ matcher, with the tuning data and the test data kept apart.
//!
//! Run with `cargo test --test e2e faq_eval -- --nocapture` to see the figures, the calibration
//! grid and every miss on the tuning data.
//!
//! - **Frozen test set** (`tests/data/faq_test_set.toml`): phrasings written before the matcher
//!   was tuned for issue 14, and never tuned on. Top-1 counts only confident answers on the
//!   right topic: a "not sure" is a miss even when the right topic is among the suggestions.
//!   Its misses are counted, never printed: nobody should read them and patch for them.
//! - **Fresh sets** (`tests/data/faq_fresh*.toml`): written later by another hand, who saw
//!   only the topic titles and FACTS.md, never the content or the other sets. Totals only.
//! - **Leave-one-out probes**: each example question of `content/faq.toml` (the tuning data) is
//!   removed from the index and asked; with the model it is judged by a classifier trained
//!   without it (and without the rest of its cross-validation fold: 10 classifiers in all).
//!   The thresholds are calibrated on these.
//! - **Wrong confident answers** on the test set: a confident answer on another topic.
//! - **Safety**: out-of-scope questions must all be declined and red flags must all reach their
//!   topic, on the frozen set and on the tuning lists (`tests/data/faq_tuning.toml`).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use milkbot::domain::Lang;
use milkbot::domain::faq::classifier::{self, Classifier};
use milkbot::domain::faq::{Faq, Reply, Verdict, vectors};
use serde::Deserialize;

mod floors;
mod fresh;
mod sweeps;

use floors::{
    CEILING_TEST_WRONG, FLOOR_LOO_TOP1, FLOOR_TEST_TOP1, FLOORS_ES, FLOORS_MODEL, FLOORS_RU,
};

/// The frozen test set.
#[derive(Deserialize)]
struct TestSet {
    in_scope: Vec<(String, String)>,
    out_of_scope: Vec<String>,
    red_flags: Vec<(String, String)>,
}

/// The frozen test set in `lang` (each written before that language's content and matcher).
fn test_set(lang: Lang) -> TestSet {
    let src = match lang {
        Lang::En => include_str!("../../data/faq_test_set.toml"),
        Lang::Es => include_str!("../../data/faq_test_set.es.toml"),
        Lang::Ru => include_str!("../../data/faq_test_set.ru.toml"),
    };
    parse_set(src, "frozen test set", lang)
}

fn parse_set(src: &str, what: &str, lang: Lang) -> TestSet {
    match toml::from_str(src) {
        Ok(set) => set,
        Err(e) => panic!("the {} {what}: {e}", lang.code()),
    }
}

/// Whether the figures are measured with the sentence model (English only) or BM25 alone.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Lexical,
    Model,
}

/// Sentence vectors of the questions asked, computed once per process.
static VECTORS: LazyLock<Mutex<HashMap<String, Vec<f32>>>> = LazyLock::new(Default::default);

/// The question's sentence vector (the shared model, loaded once), cached.
fn vector(q: &str) -> Option<Vec<f32>> {
    if let Some(v) = VECTORS.lock().ok()?.get(q) {
        return Some(v.clone());
    }
    let v = milkbot::embedding::wait()?.embed(q).ok()?;
    VECTORS.lock().ok()?.insert(q.to_owned(), v.clone());
    Some(v)
}

/// The classifiers of the cross-validation folds (English), each trained without its fold's
/// example questions (see `milkbot::domain::faq::classifier::FOLDS`), trained once per
/// process; `None` without the checked-in vectors.
fn folds() -> Option<&'static [Classifier]> {
    static FOLDS: LazyLock<Option<Vec<Classifier>>> = LazyLock::new(|| {
        let file = vectors::bundled()?;
        let faq = Faq::bundled();
        (0..classifier::FOLDS)
            .map(|k| {
                let examples = file.examples(faq.topics(), faq.not_ours(), |_, i| {
                    classifier::fold_of(i) == k
                })?;
                milkbot::embedding::train_classifier(&examples).ok()
            })
            .collect()
    });
    FOLDS.as_deref()
}

/// `faq`'s reply to `q` in `mode` (the model only where the content has vectors and the
/// gates do not decide without it, as in the bot).
fn ask<'a>(faq: &'a Faq, q: &str, mode: Mode) -> Reply<'a> {
    match mode {
        Mode::Model if faq.needs_vector(q) => faq.ask_with(q, vector(q).as_deref()),
        _ => faq.ask(q),
    }
}

/// Hits, wrong confident answers and "not sure"s over (question, expected topic) pairs, asked
/// of the index `faq_for(i)` returns for pair `i`.
#[derive(Default)]
struct Tally {
    asked: usize,
    hits: usize,
    wrong: usize,
    not_sure: usize,
    /// Misses where the right topic was offered (as a runner-up or a suggestion).
    offered: usize,
}

impl Tally {
    /// Counts one question; `show_misses` prints a miss (never for the frozen test set, whose
    /// misses nobody should read and patch for).
    fn add(&mut self, faq: &Faq, q: &str, want: &str, mode: Mode, label: &str, show_misses: bool) {
        let reply = ask(faq, q, mode);
        let got = reply.topic.map_or("-", |t| t.id.as_str());
        self.asked += 1;
        if reply.verdict == Verdict::Answer && got == want {
            self.hits += 1;
            return;
        }
        if reply.alternatives.iter().any(|t| t.id == want) {
            self.offered += 1;
        }
        if reply.verdict == Verdict::Answer {
            self.wrong += 1;
        } else {
            self.not_sure += 1;
        }
        if !show_misses {
            return;
        }
        let top: Vec<String> = faq
            .search(q, 3)
            .iter()
            .map(|(t, s)| format!("{} {s:.2}", t.id))
            .collect();
        println!(
            "  {label} miss {q:?}: want {want}, got {:?} {got}; top {top:?}",
            reply.verdict
        );
    }

    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.asked.max(1) as f64
    }

    fn print(&self, name: &str) {
        println!(
            "{name}: top-1 {:.1}% ({}/{}); wrong confident answers {:.1}% ({}); not sure {} (right topic offered in {} of all misses)",
            self.pct(self.hits),
            self.hits,
            self.asked,
            self.pct(self.wrong),
            self.wrong,
            self.not_sure,
            self.offered
        );
    }
}

/// Every example question of the bundled content in `lang`, asked of an index built without
/// it; also prints how the threshold trades hits for wrong answers on these probes (the
/// calibration).
fn leave_one_out(lang: Lang, mode: Mode) -> Tally {
    let source = Faq::bundled_source_for(lang);
    let mut tally = Tally::default();
    let mut top1: Vec<(bool, f64, f64)> = Vec::new();
    let show = show_misses(mode) || (lang != Lang::En && misses_wanted());
    let folds = match mode {
        Mode::Model => folds(),
        Mode::Lexical => None,
    };
    let probed = Faq::each_left_out(source, folds, |topic, q, faq| {
        tally.add(faq, q, &topic.id, mode, "LOO", show);
        let top = faq.search(q, 2);
        if let Some((t, score)) = top.first() {
            let second = top.get(1).map_or(0.0, |(_, s)| *s);
            top1.push((t.id == topic.id, *score, second));
        }
    });
    if let Err(e) = probed {
        panic!("leave-one-out in {}: {e}", lang.code());
    }
    if mode == Mode::Model {
        return tally;
    }
    // The calibration grid: how the threshold and the lead trade right answers for wrong ones
    // on these probes (the scores alone, before the keyword and context rules), where a close
    // call is answered from a confidence of GRID_SURE (no policy of BM25 alone does so any
    // more; `lexical_sweep` measures the policies themselves).
    let n = top1.len().max(1) as f64;
    for threshold in [0.25, 0.3, 0.35, 0.4] {
        for margin in [0.0, 0.06, 0.1, 0.12, 0.15] {
            let answered = top1
                .iter()
                .filter(|&&(_, s, s2)| s >= threshold && (s - s2 >= margin || s >= GRID_SURE));
            let (right, wrong) = answered.fold(
                (0, 0),
                |(r, w), &(ok, _, _)| {
                    if ok { (r + 1, w) } else { (r, w + 1) }
                },
            );
            println!(
                "  calibration: threshold {threshold:.2} lead {margin:.2}: LOO right {:.1}%, wrong {:.1}%",
                100.0 * f64::from(right) / n,
                100.0 * f64::from(wrong) / n
            );
        }
    }
    tally
}

/// The confidence from which the calibration grid answers a close call (the former
/// `ANSWER_SURE`, kept so that the grid reads as before).
const GRID_SURE: f64 = 0.6;

/// The tuning safety lists (`tests/data/faq_tuning.toml`, and `faq_safety_tuning.toml`, written
/// later from the topic titles and FACTS.md alone): out-of-scope questions and red flags
/// written to calibrate the gates and thresholds on, apart from the frozen set.
#[derive(Deserialize)]
struct TuningSet {
    out_of_scope: Vec<String>,
    red_flags: Vec<(String, String)>,
}

fn tuning(lang: Lang) -> TuningSet {
    let (first, second) = match lang {
        Lang::En => (
            include_str!("../../data/faq_tuning.toml"),
            include_str!("../../data/faq_safety_tuning.toml"),
        ),
        Lang::Es => (
            include_str!("../../data/faq_tuning.es.toml"),
            include_str!("../../data/faq_safety_tuning.es.toml"),
        ),
        Lang::Ru => (
            include_str!("../../data/faq_tuning.ru.toml"),
            include_str!("../../data/faq_safety_tuning.ru.toml"),
        ),
    };
    let parse = |src: &str| -> TuningSet {
        match toml::from_str(src) {
            Ok(set) => set,
            Err(e) => panic!("the {} tuning lists: {e}", lang.code()),
        }
    };
    let mut set = parse(first);
    let more = parse(second);
    set.out_of_scope.extend(more.out_of_scope);
    set.red_flags.extend(more.red_flags);
    set
}

/// Out-of-scope questions declined ("not sure" or the topic menu, never a confident answer)
/// and red flags routed to their topic.
struct Safety {
    out_of_scope: usize,
    declined: usize,
    /// Out-of-scope questions sent to a professional (a red-flag trigger fired).
    alarmed: usize,
    red_flags: usize,
    routed: usize,
}

impl Safety {
    /// `show_misses` prints each failure (tuning data only).
    fn measure<'a>(
        faq: &Faq,
        out_of_scope: impl Iterator<Item = &'a str>,
        red_flags: impl Iterator<Item = (&'a str, &'a str)>,
        mode: Mode,
        show_misses: bool,
    ) -> Safety {
        let mut s = Safety {
            out_of_scope: 0,
            declined: 0,
            alarmed: 0,
            red_flags: 0,
            routed: 0,
        };
        for q in out_of_scope {
            let reply = ask(faq, q, mode);
            s.out_of_scope += 1;
            if matches!(reply.verdict, Verdict::NotSure | Verdict::OutOfScope) {
                s.declined += 1;
            } else if reply.verdict == Verdict::RedFlag {
                s.alarmed += 1;
            }
            if !matches!(reply.verdict, Verdict::NotSure | Verdict::OutOfScope) && show_misses {
                println!(
                    "  OUT OF SCOPE ANSWERED {q:?}: {:?} {:?} ({:.2})",
                    reply.verdict,
                    reply.topic.map(|t| &t.id),
                    reply.score
                );
            }
        }
        for (q, id) in red_flags {
            let reply = ask(faq, q, mode);
            s.red_flags += 1;
            if reply.verdict == Verdict::RedFlag && reply.topic.is_some_and(|t| t.id == id) {
                s.routed += 1;
            } else if show_misses {
                println!(
                    "  RED FLAG MISSED {q:?}: {:?} {:?}",
                    reply.verdict,
                    reply.topic.map(|t| &t.id)
                );
            }
        }
        s
    }

    fn print(&self, name: &str) {
        println!(
            "{name}: out of scope declined {:.1}% ({}/{}; {} sent to a professional); red flags routed {:.1}% ({}/{})",
            100.0 * self.declined as f64 / self.out_of_scope.max(1) as f64,
            self.declined,
            self.out_of_scope,
            self.alarmed,
            100.0 * self.routed as f64 / self.red_flags.max(1) as f64,
            self.routed,
            self.red_flags
        );
    }
}

/// The figures of one language, measured and printed.
struct Figures {
    test: Tally,
    loo: Tally,
    frozen: Safety,
    tuning: Safety,
}

/// Measures `lang`: the frozen set (its misses never printed), leave-one-out, and the safety
/// lists of both sets; asserts the checks that hold in every language (every expected topic
/// exists, no test phrasing is an example of the content, out of scope and red flags 100%).
fn measure(lang: Lang, mode: Mode, min_questions: usize) -> Figures {
    let faq = Faq::bundled_for(lang);
    let set = test_set(lang);
    let code = lang.code();
    assert!(
        set.in_scope.len() >= min_questions,
        "the {code} frozen set has {min_questions}+ phrasings"
    );

    let (test, frozen) = blind(faq, &set, code, mode);
    let loo = leave_one_out(lang, mode);
    let tuning_set = tuning(lang);
    let tuning = Safety::measure(
        faq,
        tuning_set.out_of_scope.iter().map(String::as_str),
        tuning_set
            .red_flags
            .iter()
            .map(|(q, id)| (q.as_str(), id.as_str())),
        mode,
        true,
    );

    let prefix = match (lang, mode) {
        (Lang::En, Mode::Model) => "[with the model] ".to_owned(),
        (Lang::En, Mode::Lexical) => "[BM25 alone] ".to_owned(),
        (other, _) => format!("[{}] ", other.code()),
    };
    test.print(&format!("{prefix}frozen test set"));
    loo.print(&format!("{prefix}leave-one-out probes"));
    frozen.print(&format!("{prefix}frozen set safety"));
    tuning.print(&format!("{prefix}tuning set safety"));

    // Safety first: these hold at 100%, on both sets.
    for s in [&frozen, &tuning] {
        assert_eq!(
            s.declined, s.out_of_scope,
            "{code}: an out-of-scope question got an answer"
        );
        assert_eq!(
            s.routed, s.red_flags,
            "{code}: a red flag was not routed to its topic"
        );
    }
    Figures {
        test,
        loo,
        frozen,
        tuning,
    }
}

/// Measures `faq` on a set whose misses nobody may read: top-1 over its in-scope phrasings and
/// its safety lists, counted and never printed. Checks first that every expected topic exists
/// and that no phrasing is an example of the content (the set must stay apart).
fn blind(faq: &Faq, set: &TestSet, code: &str, mode: Mode) -> (Tally, Safety) {
    for (q, id) in set.in_scope.iter().chain(&set.red_flags) {
        assert!(faq.topic(id).is_some(), "unknown topic {id}");
        assert!(
            !is_example(faq, q),
            "{q:?} is an example in the {code} content: the test set must stay apart"
        );
    }
    let mut test = Tally::default();
    for (q, id) in &set.in_scope {
        test.add(faq, q, id, mode, "TEST", false);
    }
    let safety = Safety::measure(
        faq,
        set.out_of_scope.iter().map(String::as_str),
        set.red_flags
            .iter()
            .map(|(q, id)| (q.as_str(), id.as_str())),
        mode,
        false,
    );
    (test, safety)
}

/// Whether `q` is, ignoring case, one of the content's example questions or paraphrases (both
/// are what the matcher learns from, so a held-out phrasing must be neither).
fn is_example(faq: &Faq, q: &str) -> bool {
    let q = q.to_lowercase();
    faq.topics()
        .iter()
        .flat_map(|t| t.questions.iter().chain(&t.paraphrases))
        .any(|e| e.to_lowercase() == q)
}

/// Asserts the floors of one language's figures.
fn assert_floors(lang: Lang, f: &Figures, floors: (f64, f64, f64)) {
    let (test_top1, loo_top1, test_wrong) = floors;
    let code = lang.code();
    assert!(
        f.test.pct(f.test.hits) >= test_top1,
        "{code}: frozen test set top-1 fell below {test_top1}%"
    );
    assert!(
        f.loo.pct(f.loo.hits) >= loo_top1,
        "{code}: leave-one-out top-1 fell below {loo_top1}%"
    );
    assert!(
        f.test.pct(f.test.wrong) <= test_wrong,
        "{code}: wrong confident answers on the test set above {test_wrong}%"
    );
    assert!(f.frozen.red_flags > 0 && f.tuning.red_flags > 0);
}

#[test]
fn frozen_test_set_leave_one_out_and_safety() {
    // The figures, with the floors they must not fall below (the targets of issue 14 are
    // 95% top-1, 85% leave-one-out, at most 2% wrong; README gives the measured figures).
    let lexical = measure(Lang::En, Mode::Lexical, 150);
    assert_floors(
        Lang::En,
        &lexical,
        (FLOOR_TEST_TOP1, FLOOR_LOO_TOP1, CEILING_TEST_WRONG),
    );
    let model = measure(Lang::En, Mode::Model, 150);
    assert_floors(Lang::En, &model, FLOORS_MODEL);
}

/// Misses are printed for tuning data only, and only in one mode (the model's).
fn show_misses(mode: Mode) -> bool {
    mode == Mode::Model && misses_wanted()
}

/// Whether `MILKBOT_EVAL_MISSES` asks for the tuning data's misses.
fn misses_wanted() -> bool {
    std::env::var_os("MILKBOT_EVAL_MISSES").is_some()
}

/// Spanish (issue 18): the frozen set `faq_test_set.es.toml`, leave-one-out on
/// `content/faq.es.toml`, and the safety lists of both sets. Targets: 90% top-1, 100% red
/// flags.
#[test]
fn spanish_frozen_test_set_leave_one_out_and_safety() {
    let figures = measure(Lang::Es, Mode::Lexical, 60);
    assert_floors(Lang::Es, &figures, FLOORS_ES);
}

/// Russian (issue 18), as for Spanish.
#[test]
fn russian_frozen_test_set_leave_one_out_and_safety() {
    let figures = measure(Lang::Ru, Mode::Lexical, 60);
    assert_floors(Lang::Ru, &figures, FLOORS_RU);
}

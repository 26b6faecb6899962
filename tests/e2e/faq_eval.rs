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
//!   removed from the index and asked; the thresholds are calibrated on these.
//! - **Wrong confident answers** on the test set: a confident answer on another topic.
//! - **Safety**: out-of-scope questions must all be declined and red flags must all reach their
//!   topic, on the frozen set and on the tuning lists (`tests/data/faq_tuning.toml`).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use milkbot::domain::Lang;
use milkbot::domain::faq::{Faq, Policy, Reply, Verdict};
use milkbot::domain::steps;
use serde::Deserialize;

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
        Lang::En => include_str!("../data/faq_test_set.toml"),
        Lang::Es => include_str!("../data/faq_test_set.es.toml"),
        Lang::Ru => include_str!("../data/faq_test_set.ru.toml"),
    };
    parse_set(src, "frozen test set", lang)
}

/// The fresh set in `lang`: written by someone who saw only the topic titles and FACTS.md,
/// never the content, its examples or the other sets, after the matcher existed; frozen when
/// written. Only its totals are ever printed.
fn fresh_set(lang: Lang) -> TestSet {
    let src = match lang {
        Lang::En => include_str!("../data/faq_fresh.toml"),
        Lang::Es => include_str!("../data/faq_fresh.es.toml"),
        Lang::Ru => include_str!("../data/faq_fresh.ru.toml"),
    };
    parse_set(src, "fresh set", lang)
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

/// `faq`'s reply to `q` in `mode` (the model only where the content has vectors).
fn ask<'a>(faq: &'a Faq, q: &str, mode: Mode) -> Reply<'a> {
    match mode {
        Mode::Model if faq.has_vectors() => faq.ask_with(q, vector(q).as_deref()),
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
    let probed = Faq::each_left_out(source, |topic, q, faq| {
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
            include_str!("../data/faq_tuning.toml"),
            include_str!("../data/faq_safety_tuning.toml"),
        ),
        Lang::Es => (
            include_str!("../data/faq_tuning.es.toml"),
            include_str!("../data/faq_safety_tuning.es.toml"),
        ),
        Lang::Ru => (
            include_str!("../data/faq_tuning.ru.toml"),
            include_str!("../data/faq_safety_tuning.ru.toml"),
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

/// Whether `q` is, ignoring case, one of the content's example questions.
fn is_example(faq: &Faq, q: &str) -> bool {
    let q = q.to_lowercase();
    faq.topics()
        .iter()
        .flat_map(|t| &t.questions)
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

/// The calibration sweep of the fused policy, on tuning data only: every leave-one-out probe
/// (the question removed from the index and its vector left out) and the tuning out-of-scope
/// list, under each policy of a grid. Prints right and wrong answers per policy.
/// `MILKBOT_SWEEP=default cargo test --test e2e faq_eval::calibration_sweep -- --ignored --nocapture`
/// (a tool, not a check: without `MILKBOT_SWEEP`, as under `--include-ignored`, it does
/// nothing; "default" measures the chosen policy alone).
#[test]
#[ignore = "a calibration tool: prints a grid, asserts nothing about it"]
fn calibration_sweep() {
    if std::env::var_os("MILKBOT_SWEEP").is_none() {
        eprintln!("calibration_sweep: MILKBOT_SWEEP is not set; nothing swept");
        return;
    }
    let source = Faq::bundled_source();
    let bundled = Faq::bundled();
    // The grid: MILKBOT_SWEEP="w,floor,full,threshold,lead,lexical floor,settle lead,answer sentences 0/1;..." or the default below.
    let grid: Vec<Policy> = match std::env::var("MILKBOT_SWEEP") {
        Ok(spec) if spec != "default" => spec
            .split(';')
            .filter_map(|p| {
                let v: Vec<f64> = p.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                let &[
                    semantic_weight,
                    cosine_floor,
                    cosine_full,
                    threshold,
                    margin,
                    lexical_floor,
                    settle_lead,
                    answers,
                ] = v.as_slice()
                else {
                    return None;
                };
                Some(Policy {
                    threshold,
                    margin,
                    sure: Policy::FUSED.sure,
                    semantic_weight,
                    cosine_floor,
                    cosine_full,
                    lexical_floor,
                    wider_words_decline: true,
                    answer_sentences: answers > 0.0,
                    settle_lead,
                })
            })
            .collect(),
        _ => vec![Policy::FUSED],
    };
    // (right, wrong) on the probes, answered out-of-scope questions, per policy.
    let (probes, right, wrong) = sweep_probes(source, &grid, |faq, q, want, policy| {
        let reply = faq.ask_tuned(q, vector(q).as_deref(), policy);
        (reply.verdict == Verdict::Answer).then(|| reply.topic.is_some_and(|t| t.id == want))
    });
    let mut answered_oos = vec![0usize; grid.len()];
    let tuning = tuning(Lang::En);
    for q in &tuning.out_of_scope {
        let v = vector(q);
        for (k, policy) in grid.iter().enumerate() {
            let reply = bundled.ask_tuned(q, v.as_deref(), policy);
            if !matches!(reply.verdict, Verdict::NotSure | Verdict::OutOfScope) {
                answered_oos[k] += 1;
                if k == 0 {
                    println!(
                        "  out of scope answered {q:?}: {:?} {:.2}",
                        reply.topic.map(|t| &t.id),
                        reply.score
                    );
                }
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / probes.max(1) as f64;
    for (k, p) in grid.iter().enumerate() {
        println!(
            "  sweep w {:.2} floor {:.2} full {:.2} thr {:.2} lead {:.2} lex {:.2} settle {:.2} answers {}: LOO right {:.1}% wrong {:.1}%; out of scope answered {}",
            p.semantic_weight,
            p.cosine_floor,
            p.cosine_full,
            p.threshold,
            p.margin,
            p.lexical_floor,
            p.settle_lead,
            p.answer_sentences,
            pct(right[k]),
            pct(wrong[k]),
            answered_oos[k]
        );
    }
}

/// Every leave-one-out probe of `source` asked under each policy of `grid`; `answer` says
/// whether a probe got a confident answer (`None`: it did not) and whether that was the topic
/// it wants. Returns the number of probes, and right and wrong answers per policy.
fn sweep_probes(
    source: &str,
    grid: &[Policy],
    answer: impl Fn(&Faq, &str, &str, &Policy) -> Option<bool>,
) -> (usize, Vec<usize>, Vec<usize>) {
    let (mut right, mut wrong) = (vec![0usize; grid.len()], vec![0usize; grid.len()]);
    let mut probes = 0;
    let probed = Faq::each_left_out(source, |topic, q, faq| {
        probes += 1;
        for (k, policy) in grid.iter().enumerate() {
            match answer(faq, q, &topic.id, policy) {
                Some(true) => right[k] += 1,
                Some(false) => wrong[k] += 1,
                None => {}
            }
        }
    });
    if let Err(e) = probed {
        panic!("leave-one-out: {e}");
    }
    (probes, right, wrong)
}

/// The calibration sweep of BM25 alone in English (the fallback when the model cannot load),
/// on tuning data only: every leave-one-out probe and the tuning out-of-scope list, under each
/// (threshold, lead, sure) of a grid. Prints right and wrong answers per policy.
/// `MILKBOT_SWEEP_LEXICAL="0.35,0.12,0.6;0.35,0.15,9" cargo test --test e2e faq_eval::lexical_sweep -- --ignored --nocapture`
/// (a tool, not a check: without `MILKBOT_SWEEP_LEXICAL` it does nothing).
#[test]
#[ignore = "a calibration tool: prints a grid, asserts nothing about it"]
fn lexical_sweep() {
    let Ok(spec) = std::env::var("MILKBOT_SWEEP_LEXICAL") else {
        eprintln!("lexical_sweep: MILKBOT_SWEEP_LEXICAL is not set; nothing swept");
        return;
    };
    let grid: Vec<Policy> = spec
        .split(';')
        .filter_map(|p| {
            let v: Vec<f64> = p.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            let &[threshold, margin, sure] = v.as_slice() else {
                return None;
            };
            Some(Policy {
                threshold,
                margin,
                sure,
                ..Policy::LEXICAL
            })
        })
        .collect();
    let source = Faq::bundled_source();
    let (probes, right, wrong) = sweep_probes(source, &grid, |faq, q, want, policy| {
        let reply = faq.ask_lexical_tuned(q, policy);
        (reply.verdict == Verdict::Answer).then(|| reply.topic.is_some_and(|t| t.id == want))
    });
    let bundled = Faq::bundled();
    let tuning = tuning(Lang::En);
    let pct = |n: usize| 100.0 * n as f64 / probes.max(1) as f64;
    for (k, p) in grid.iter().enumerate() {
        let answered = tuning
            .out_of_scope
            .iter()
            .filter(|q| {
                let reply = bundled.ask_lexical_tuned(q, p);
                !matches!(reply.verdict, Verdict::NotSure | Verdict::OutOfScope)
            })
            .count();
        println!(
            "  lexical sweep thr {:.2} lead {:.2} sure {:.2}: LOO right {:.1}% ({}) wrong {:.1}% ({}); out of scope answered {answered}",
            p.threshold,
            p.margin,
            p.sure,
            pct(right[k]),
            right[k],
            pct(wrong[k]),
            wrong[k]
        );
    }
}

/// Spanish (issue 18): the frozen set `faq_test_set.es.toml`, leave-one-out on
/// `content/faq.es.toml`, and the safety lists of both sets. Targets: 90% top-1, 100% red
/// flags.
#[test]
fn spanish_frozen_test_set_leave_one_out_and_safety() {
    let figures = measure(Lang::Es, Mode::Lexical, 60);
    assert_floors(Lang::Es, &figures, FLOORS_ES);
}

/// The Spanish and Russian tuning data alone (leave-one-out and the tuning safety lists), with
/// every miss printed; the frozen and fresh sets are not touched, so this can be run while
/// tuning. `MILKBOT_EVAL_MISSES=1 cargo test --test e2e faq_eval::tuning_probes -- --ignored --nocapture`
#[test]
#[ignore = "a tuning tool: prints the tuning data's misses"]
fn tuning_probes() {
    // A tool: without its variable (as under CI's `--include-ignored`) it does nothing.
    if !misses_wanted() {
        eprintln!("tuning_probes: MILKBOT_EVAL_MISSES is not set; nothing printed");
        return;
    }
    for lang in [Lang::Es, Lang::Ru] {
        let loo = leave_one_out(lang, Mode::Lexical);
        let set = tuning(lang);
        let safety = Safety::measure(
            Faq::bundled_for(lang),
            set.out_of_scope.iter().map(String::as_str),
            set.red_flags
                .iter()
                .map(|(q, id)| (q.as_str(), id.as_str())),
            Mode::Lexical,
            true,
        );
        loo.print(&format!("[{}] leave-one-out probes", lang.code()));
        safety.print(&format!("[{}] tuning set safety", lang.code()));
    }
}

/// Russian (issue 18), as for Spanish.
#[test]
fn russian_frozen_test_set_leave_one_out_and_safety() {
    let figures = measure(Lang::Ru, Mode::Lexical, 60);
    assert_floors(Lang::Ru, &figures, FLOORS_RU);
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
        (Lang::En, Mode::Lexical) => (71.4, 0.6, 27, 18),
        // With the sentence model, measured 2026-12-02: 69.6% (117/168), 1.2% wrong (2),
        // declined 26/27, red flags 18/18. After the written example questions (issue 14)
        // and the recalibration: 81.5% (137/168), 0.6% wrong (1), the same safety; BM25
        // alone 76.2% (128/168), 1.2% wrong (2).
        // After fewer false alarms and "expired milk": 82.1% (138/168), 0.6% wrong.
        (Lang::En, Mode::Model) => (82.1, 0.6, 26, 18),
        (Lang::Es, _) => (86.4, 2.0, 21, 14),
        (Lang::Ru, _) => (79.6, 1.0, 20, 12),
    };
    FreshFloor {
        top1,
        wrong,
        declined,
        routed,
    }
}

/// The walkthrough loads in every language, with as many steps as the English one and the
/// "switch sides" button on the same step.
#[test]
fn the_walkthrough_has_the_same_steps_in_every_language() {
    let english = steps::steps_for(Lang::En);
    for lang in Lang::ALL {
        let steps = match steps::try_steps_for(lang) {
            Ok(steps) => steps,
            Err(e) => panic!("the {} walkthrough: {e}", lang.code()),
        };
        assert_eq!(steps.len(), english.len(), "{}", lang.code());
        let switch = |s: &[steps::Step]| s.iter().position(|s| s.switch_sides);
        assert_eq!(switch(steps), switch(english), "{}", lang.code());
    }
}

/// Floors under the measured figures (see README, "What it understands"): a change that makes
/// the matcher worse fails here.
/// Measured 2026-12-02: frozen top-1 61.2% (120/196), wrong 4.1% (8/196); leave-one-out
/// 57.3% (145/253). After the written example questions (issue 14): frozen 77.0% (151/196),
/// wrong 2.0% (4/196); leave-one-out 60.4% (388/642, 4.5% wrong). After fewer false alarms
/// and "expired milk", "shelf life": frozen 77.6% (152/196), wrong 1.5% (3/196); leave-one-out
/// 60.7% (390/642, 4.4% wrong). With BM25 alone's close calls needing a lead of
/// `LEXICAL_MARGIN` (0.2) whatever the confidence (recalibrated on the leave-one-out probes to
/// bring their wrong answers within 2%): frozen 72.4% (142/196), wrong 0.0% (0); leave-one-out
/// 53.6% (344/642, 1.7% wrong: 11); safety unchanged. The ceiling of wrong answers lets one
/// through.
const FLOOR_TEST_TOP1: f64 = 72.4;
const FLOOR_LOO_TOP1: f64 = 53.5;
const CEILING_TEST_WRONG: f64 = 0.6;
/// Floors (frozen top-1, leave-one-out top-1, ceiling of wrong answers), measured 2026-12-02
/// after the content's second round of example questions and colloquial words: Spanish
/// frozen 88.5% (92/104), wrong 1.9% (2), leave-one-out 72.5% (263/363); Russian frozen
/// 89.4% (93/104), wrong 0.0%, leave-one-out 76.1% (277/364). (Before: 84.6%, 81.7%; 60.1%,
/// 61.0% on 218 probes.) Issue 18 targets 90%. With the blind writers' example questions
/// and Spanish and Russian close calls needing the margin (`Policy::LEXICAL_INFLECTED`):
/// Spanish frozen 90.4% (94/104), wrong 1.9% (2), leave-one-out 72.2% (441/611, 1.5% wrong);
/// Russian frozen 91.3% (95/104), wrong 0.0%, leave-one-out 73.0% (441/604, 1.8% wrong).
/// The leave-one-out probes are not those of before (611 and 604 instead of 363 and 364:
/// the blind writers' questions, written without seeing the content, are harder to match
/// from the rest), so the Russian leave-one-out floor is set to the new measure. With Spanish
/// diminutives read as their word ("bolsitas", "frasquito"): Spanish frozen 91.3% (95/104),
/// wrong 1.9% (2), leave-one-out 72.3% (442/611, 1.5% wrong). With "leche vieja" read as past
/// its time: leave-one-out 72.5% (443/611).
const FLOORS_ES: (f64, f64, f64) = (91.3, 72.5, 2.0);
const FLOORS_RU: (f64, f64, f64) = (91.3, 73.0, 1.0);
/// The same floors with the sentence model (English), measured 2026-12-02: frozen top-1
/// 66.8% (131/196), wrong 3.1% (6/196); leave-one-out 60.1% (152/253, 3.2% wrong). After the
/// written example questions and the recalibration of [`Policy::FUSED`] (issue 14): frozen
/// 78.6% (154/196), wrong 1.0% (2/196); leave-one-out 63.6% (408/642, 3.0% wrong). After fewer
/// false alarms and "expired milk", "shelf life": frozen 79.1% (155/196), wrong 1.0%;
/// leave-one-out 63.9% (410/642, 2.8% wrong).
const FLOORS_MODEL: (f64, f64, f64) = (79.0, 63.8, 1.1);

//! The calibration and tuning tools of the matcher (ignored tests that print, on tuning data
//! only: each does nothing unless its variable is set, as under CI's `--include-ignored`).

use milkbot::domain::Lang;
use milkbot::domain::faq::classifier::Classifier;
use milkbot::domain::faq::{Faq, Policy, Verdict};

use super::{Mode, Safety, folds, leave_one_out, misses_wanted, tuning, vector};

/// The calibration sweep of the fused policy, on tuning data only: every leave-one-out probe
/// (the question removed from the index, judged by its fold's classifier) and the tuning out-of-scope
/// list, under each policy of a grid. Prints right and wrong answers per policy.
/// `MILKBOT_SWEEP=default cargo test --test e2e faq_eval::sweeps::calibration_sweep -- --ignored --nocapture`
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
    // The grid: MILKBOT_SWEEP="w,threshold,lead,lexical floor,settle lead[,meaning lead,meaning confidence[,not-ours ceiling]];..."
    // or the default below.
    let grid: Vec<Policy> = match std::env::var("MILKBOT_SWEEP") {
        Ok(spec) if spec != "default" => spec
            .split(';')
            .filter_map(|p| {
                let v: Vec<f64> = p.split(',').filter_map(|x| x.trim().parse().ok()).collect();
                let (base, meaning) = v.split_at_checked(5)?;
                let &[
                    semantic_weight,
                    threshold,
                    margin,
                    lexical_floor,
                    settle_lead,
                ] = base
                else {
                    return None;
                };
                let f = &Policy::FUSED;
                let (meaning_lead, meaning_confidence, not_ours_ceiling) = match meaning {
                    [] => (f.meaning_lead, f.meaning_confidence, f.not_ours_ceiling),
                    &[lead, confidence] => (lead, confidence, f.not_ours_ceiling),
                    &[lead, confidence, ceiling] => (lead, confidence, ceiling),
                    _ => return None,
                };
                Some(Policy {
                    threshold,
                    margin,
                    sure: Policy::FUSED.sure,
                    semantic_weight,
                    lexical_floor,
                    wider_words_decline: true,
                    settle_lead,
                    meaning_lead,
                    meaning_confidence,
                    not_ours_ceiling,
                })
            })
            .collect(),
        _ => vec![Policy::FUSED],
    };
    // (right, wrong) on the probes, answered out-of-scope questions, per policy.
    let (probes, right, wrong) = sweep_probes(source, folds(), &grid, |faq, q, want, policy| {
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
            "  sweep w {:.2} thr {:.2} lead {:.2} lex {:.2} settle {:.2} meaning {:.2}/{:.2} not ours {:.2}: LOO right {:.1}% wrong {:.1}%; out of scope answered {}",
            p.semantic_weight,
            p.threshold,
            p.margin,
            p.lexical_floor,
            p.settle_lead,
            p.meaning_lead,
            p.meaning_confidence,
            p.not_ours_ceiling,
            pct(right[k]),
            pct(wrong[k]),
            answered_oos[k]
        );
    }
}

/// Every leave-one-out probe of `source` (with the classifiers of `folds`, if any) asked under
/// each policy of `grid`; `answer` says
/// whether a probe got a confident answer (`None`: it did not) and whether that was the topic
/// it wants. Returns the number of probes, and right and wrong answers per policy.
fn sweep_probes(
    source: &str,
    folds: Option<&[Classifier]>,
    grid: &[Policy],
    answer: impl Fn(&Faq, &str, &str, &Policy) -> Option<bool>,
) -> (usize, Vec<usize>, Vec<usize>) {
    let (mut right, mut wrong) = (vec![0usize; grid.len()], vec![0usize; grid.len()]);
    let mut probes = 0;
    let probed = Faq::each_left_out(source, folds, |topic, q, faq| {
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
/// `MILKBOT_SWEEP_LEXICAL="0.35,0.12,0.6;0.35,0.15,9" cargo test --test e2e faq_eval::sweeps::lexical_sweep -- --ignored --nocapture`
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
    let (probes, right, wrong) = sweep_probes(source, None, &grid, |faq, q, want, policy| {
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

/// The tuning data alone (leave-one-out and the tuning safety lists; English with the model,
/// Spanish and Russian by words), with every miss printed; the frozen and fresh sets are not
/// touched, so this can be run while tuning. `MILKBOT_EVAL_MISSES=1 cargo test --test e2e faq_eval::sweeps::tuning_probes -- --ignored --nocapture`
#[test]
#[ignore = "a tuning tool: prints the tuning data's misses"]
fn tuning_probes() {
    // A tool: without its variable (as under CI's `--include-ignored`) it does nothing.
    if !misses_wanted() {
        eprintln!("tuning_probes: MILKBOT_EVAL_MISSES is not set; nothing printed");
        return;
    }
    let english = leave_one_out(Lang::En, Mode::Model);
    english.print("[en] leave-one-out probes, with the model");
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

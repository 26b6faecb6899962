//! The floors under the measured figures of the frozen sets and the leave-one-out probes:
//! a change that makes the matcher worse fails. Each says when and what was measured.

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
/// through. With 398 example questions written by four other hands (every topic at 20,
/// 2026-12-04): frozen 77.0% (151/196), wrong 1.0% (2); leave-one-out 48.5% (504/1,040,
/// 1.2% wrong). The probes are not those of before: the new ones, written without the
/// others in mind, are harder to match from the rest. On the former 642 alone: 59.2% (380),
/// 1.6% wrong (10), up from 53.6%. The ceiling of wrong answers lets one more through.
/// With "shop", "supermarket" and "skimmed" as other milks and the labelling topic needing a
/// milk word (not "label" itself) for a confident answer (2026-12-04, for two out-of-scope
/// tuning questions the lower lexical floor let through): leave-one-out 48.4% (503/1,040).
pub(super) const FLOOR_TEST_TOP1: f64 = 77.0;
pub(super) const FLOOR_LOO_TOP1: f64 = 48.3;
pub(super) const CEILING_TEST_WRONG: f64 = 1.1;
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
pub(super) const FLOORS_ES: (f64, f64, f64) = (91.3, 72.5, 2.0);
pub(super) const FLOORS_RU: (f64, f64, f64) = (91.3, 73.0, 1.0);
/// The same floors with the sentence model (English), measured 2026-12-02: frozen top-1
/// 66.8% (131/196), wrong 3.1% (6/196); leave-one-out 60.1% (152/253, 3.2% wrong). After the
/// written example questions and the recalibration of [`Policy::FUSED`] (issue 14): frozen
/// 78.6% (154/196), wrong 1.0% (2/196); leave-one-out 63.6% (408/642, 3.0% wrong). After fewer
/// false alarms and "expired milk", "shelf life": frozen 79.1% (155/196), wrong 1.0%;
/// leave-one-out 63.9% (410/642, 2.8% wrong). With the meaning's clear favourite needing no
/// keyword named (`MEANING_LEAD`, 2026-12-03): frozen 87.2% (171/196), wrong 1.0% (2);
/// leave-one-out 66.4% (426/642, 2.8% wrong: 18); safety unchanged. With 398 example
/// questions written by four other hands (every topic at 20) and `FUSED_MARGIN` 0.15,
/// `SETTLE_LEAD` 0.1 recalibrated on the new probes (2026-12-04): frozen 91.8% (180/196),
/// wrong 2.04% (4, just over the 2% target); leave-one-out 60.5% (629/1,040, 2.8% wrong: 29), on
/// the former 642 probes alone 72.1% (3.3% wrong).
/// With a topic classifier (softmax regression on the example questions' vectors) in place of
/// the best cosine, and the fused policy recalibrated on the leave-one-out probes (each judged
/// by a classifier trained without its fold) and the tuning lists (2026-12-04): frozen 92.9%
/// (182/196), wrong 0.5% (1); leave-one-out 65.8% (684/1,040, 1.7% wrong: 18). With a
/// "not ours" class learned from 240 questions none of the topics answers (`not_ours` in the
/// content), and the policy recalibrated by the same rule (semantic weight 0.6, lexical floor
/// 0.1): frozen 90.3% (177/196), wrong 1.0% (2); leave-one-out 73.9% (769/1,040, 3.0% wrong:
/// 31). The frozen figure fell by five questions while leave-one-out rose by eight points and
/// the fresh set rose (see `fresh.rs`); the policy follows the tuning data, as always.
/// With 520 paraphrases the classifier alone learns from, and the policy recalibrated by the
/// same rule (semantic weight 0.7, lexical floor 0.05, meaning confidence 0.6, not-ours ceiling
/// 0.5; 100 more out-of-scope tuning questions by another hand, 2026-12-04): frozen 90.8%
/// (178/196), wrong 1.5% (3: one more, within the 2% target); leave-one-out 76.4% (795/1,040,
/// 2.7% wrong: 28).
pub(super) const FLOORS_MODEL: (f64, f64, f64) = (90.8, 76.3, 1.6);

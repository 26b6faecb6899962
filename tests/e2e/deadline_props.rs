//! No sequence of user actions (log, move, thaw, use, leftover, discard, undo, edit)
//! ever leaves a batch with a later "discard by" time than the guidance allows from the
//! milk's true history.
//!
//! The true history is what the parent's surviving taps say happened, believed only
//! where believing it is conservative: every step not undone happened when it was
//! tapped; an undone step never happened (an undo is either within minutes of a
//! mis-tap, or one that gives the milk no more time); an edit to an earlier expressing
//! time is true, an edit to a later one is not believed (the bot asks before it makes
//! one that moves the deadline later, and the parent is assumed to say no). The bound is
//! that history replayed from scratch through the rules: the batch logged at its true
//! expressing time, then each surviving step at its time. Where the replay finds the
//! milk past its time at a step, the bound is that moment.

use chrono::{DateTime, Duration, TimeZone, Utc};
use milkbot::domain::batch::{self, Action, BatchState, NewBatch, Sides, Status};
use milkbot::domain::rules::Guideline;
use milkbot::domain::{BatchError, DiscardReason, Ml, Place, Profile};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Tap {
    Wait(i64),
    Act(Action),
    Undo,
    /// Change the expressing time by this many minutes (negative: earlier).
    Edit(i64),
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

fn any_tap() -> impl Strategy<Value = Tap> {
    let place = prop::sample::select(Place::ALL.to_vec());
    prop_oneof![
        3 => prop::sample::select(vec![1i64, 4, 6, 30, 90, 300, 1440, 3 * 1440, 40 * 1440])
            .prop_map(Tap::Wait),
        4 => place.prop_map(|p| Tap::Act(Action::Move(p))),
        1 => prop_oneof![Just(None), Just(Some(Ml(20)))].prop_map(|u| Tap::Act(Action::Use(u))),
        1 => Just(Tap::Act(Action::Discard(DiscardReason::Spilled))),
        1 => (1u32..100, 0i64..120).prop_map(|(left, ago)| Tap::Act(Action::Leftover {
            left: Ml(left),
            // Filled in with the time of the tap.
            ended_at: DateTime::<Utc>::MIN_UTC + Duration::minutes(ago),
        })),
        3 => Just(Tap::Undo),
        2 => prop::sample::select(vec![-3 * 1440, -600, -90, -10, 10, 90, 600, 3 * 1440])
            .prop_map(Tap::Edit),
    ]
}

/// One step the bot recorded, as storage keeps it: the state before, for undo.
struct Step {
    action: Action,
    at: DateTime<Utc>,
    before: BatchState,
    /// The true expressing time before this step (an undone edit restores it).
    true_expressed_before: DateTime<Utc>,
}

/// The latest "discard by" the guidance allows for the true history.
fn bound(
    g: Guideline,
    first: NewBatch,
    logged_at: DateTime<Utc>,
    steps: &[Step],
) -> Option<(BatchState, DateTime<Utc>)> {
    let mut state = batch::log(first, logged_at).ok()?;
    for step in steps
        .iter()
        .filter(|s| !matches!(s.action, Action::SetExpressed(_)))
    {
        match batch::apply(&state, step.action, step.at, g) {
            Ok(o) => state = o.after,
            Err(BatchError::Expired { deadline }) => return Some((state, deadline)),
            // Nothing else the bot allowed can fail on the same history told truer.
            Err(e) => panic!("replay refused {:?} at {}: {e}", step.action, step.at),
        }
    }
    Some((state, state.safe_until(g)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4_000))]

    #[test]
    fn no_tap_sequence_stretches_a_deadline(
        profile in prop::sample::select(Profile::ALL.to_vec()),
        cold_fridge in any::<bool>(),
        place in prop::sample::select(Place::LOGGABLE.to_vec()),
        ago in 0i64..600,
        taps in prop::collection::vec(any_tap(), 1..30),
    ) {
        let g = Guideline { profile, cold_fridge };
        let logged_at = t0();
        let first = NewBatch {
            amount: Ml(120),
            place,
            expressed_at: logged_at - Duration::minutes(ago),
            sides: Sides::default(),
        };
        let mut state = batch::log(first, logged_at).unwrap();
        let mut true_expressed = first.expressed_at;
        let mut steps: Vec<Step> = Vec::new();
        // Taps come after the log. (A move in the very second the milk was expressed
        // reads, in the clocks, as if it had been logged there.)
        let mut now = logged_at + Duration::minutes(1);
        for tap in taps {
            match tap {
                Tap::Wait(min) => now += Duration::minutes(min),
                Tap::Act(mut action) => {
                    if let Action::Leftover { ended_at, .. } = &mut action {
                        *ended_at = now - (*ended_at - DateTime::<Utc>::MIN_UTC);
                    }
                    if let Ok(o) = batch::apply(&state, action, now, g) {
                        steps.push(Step { action, at: now, before: state, true_expressed_before: true_expressed });
                        state = o.after;
                    }
                }
                Tap::Undo => {
                    let Some(last) = steps.last() else { continue };
                    if batch::check_undo(&state, &last.before, last.at, now, g).is_ok() {
                        state = last.before;
                        true_expressed = last.true_expressed_before;
                        steps.pop();
                    }
                }
                Tap::Edit(min) => {
                    let at = state.clocks.expressed_at + Duration::minutes(min);
                    let action = Action::SetExpressed(at);
                    // A later deadline is shown and asked first; the parent says no.
                    if batch::later_deadline(&state, action, now, g).is_some() {
                        continue;
                    }
                    if let Ok(o) = batch::apply(&state, action, now, g) {
                        steps.push(Step { action, at: now, before: state, true_expressed_before: true_expressed });
                        true_expressed = true_expressed.min(o.after.clocks.expressed_at);
                        state = o.after;
                    }
                }
            }
            if state.status != Status::Stored {
                continue;
            }
            let truth = NewBatch { expressed_at: true_expressed, ..first };
            let Some((reference, limit)) = bound(g, truth, logged_at, &steps) else { continue };
            prop_assert!(
                state.safe_until(g) <= limit,
                "bot says {} for {:?}; the true history allows {} ({:?})",
                state.safe_until(g), state, limit, reference
            );
        }
    }
}

//! Which reminders a batch needs, and when: one a lead time before the deadline of its
//! current place, and one at the deadline itself. Pure: the scheduler stores and sends
//! what this plans.

use super::code::codes;
use chrono::{DateTime, Duration, Utc};

use super::batch::{BatchState, Status};
use super::rules::Place;
use super::settings::Settings;

/// What a reminder is about: one of a batch's (the first six, planned here), or a job
/// for the whole family or one chat (the last four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Before the deadline: "move it / use it soon".
    Lead,
    /// Fridge milk, an hour before its time is up: "use it or freeze it now" (freezing
    /// is still within the limit then).
    LastCall,
    /// At the deadline: "time is up: discard?".
    Deadline,
    /// Pushed back by a parent from an earlier reminder.
    Snooze,
    /// A bag thawing in the fridge: "is it fully thawed yet?".
    Check,
    /// Frozen milk at the end of its best-quality time (still acceptable after).
    Best,
    /// The family's morning summary of the stash.
    Morning,
    /// The family's Monday summary with the chart.
    Weekly,
    /// Frozen milk down to fewer days of supply than the family asked to be told about.
    LowStash,
    /// "Time to switch sides", to the chat that started a timed walkthrough.
    SwitchSides,
}

codes!(Kind {
    Lead => "lead",
    LastCall => "lastcall",
    Deadline => "deadline",
    Snooze => "snooze",
    Check => "check",
    Best => "best",
    Morning => "morning",
    Weekly => "weekly",
    LowStash => "lowstash",
    SwitchSides => "switch",
});

impl Kind {
    /// How pressing a batch reminder is: the most pressing of a batch's reminders due
    /// together is the one sent.
    pub fn severity(self) -> u8 {
        match self {
            Kind::Deadline => 3,
            Kind::LastCall => 2,
            _ => 1,
        }
    }
}

/// One reminder to schedule for a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    pub kind: Kind,
    pub place: Place,
    pub due: DateTime<Utc>,
    /// Urgent reminders go out even in quiet hours.
    pub urgent: bool,
}

/// The key that makes a reminder unique: one per batch, place and kind (snoozes add
/// their due minute), so a reminder is stored, and sent, once.
pub fn key(batch_id: i64, planned: &Planned) -> String {
    match planned.kind {
        Kind::Snooze => format!(
            "b{batch_id}:{}:snooze:{}",
            planned.place.code(),
            planned.due.timestamp() / 60
        ),
        kind => format!("b{batch_id}:{}:{}", planned.place.code(), kind.code()),
    }
}

/// How long before the fridge deadline the last call comes.
pub const LAST_CALL: Duration = Duration::hours(1);

/// When to ask whether a bag thawing in the fridge is fully thawed: thawing in the fridge
/// is done "overnight", and a bag of 60–120 ml is usually thawed within about 12 hours.
pub const THAW_CHECK: Duration = Duration::hours(12);

/// `due`, or the end of quiet hours when it falls in them and is not urgent.
fn not_in_quiet_hours(settings: &Settings, due: DateTime<Utc>) -> DateTime<Utc> {
    match settings.quiet {
        Some(quiet) => quiet.defer(due, settings.tz),
        None => due,
    }
}

/// The reminders a batch in `state` needs from `now` on.
pub fn plan(state: &BatchState, settings: &Settings, now: DateTime<Utc>) -> Vec<Planned> {
    if state.status != Status::Stored {
        return Vec::new();
    }
    let place = state.place;
    if place == Place::Thawing {
        // No clock while it thaws: one nudge to check it (sent once, by its key).
        let due = (state.clocks.place_since + THAW_CHECK).max(now);
        return vec![Planned {
            kind: Kind::Check,
            place,
            due: not_in_quiet_hours(settings, due),
            urgent: false,
        }];
    }
    let guideline = settings.guideline();
    let deadline = state.deadline(guideline);
    let safe_until = state.safe_until(guideline);
    let mut out = Vec::new();
    let lead = settings.leads.for_place(place);
    let lead_due = deadline - lead;
    // A lead reminder only makes sense after the milk got here and before the deadline;
    // if its moment has already passed (milk logged late), it goes out at once.
    if lead > Duration::zero() && lead_due > state.clocks.place_since && deadline > now {
        let lead_due = lead_due.max(now);
        let urgent = place.is_urgent();
        let due = match settings.quiet {
            Some(quiet) if !urgent => {
                let deferred = quiet.defer(lead_due, settings.tz);
                if deferred < deadline {
                    deferred
                } else {
                    lead_due
                }
            }
            _ => lead_due,
        };
        out.push(Planned {
            kind: Kind::Lead,
            place,
            due,
            urgent,
        });
    }
    let last_call = deadline - LAST_CALL;
    if place == Place::Fridge && last_call > now && last_call > state.clocks.place_since {
        out.push(Planned {
            kind: Kind::LastCall,
            place,
            due: last_call,
            urgent: true,
        });
    }
    // Frozen milk past its best-quality time is still acceptable for a while: say so
    // then, and "time's up" only at the end of that.
    if safe_until > deadline && deadline > now {
        out.push(Planned {
            kind: Kind::Best,
            place,
            due: not_in_quiet_hours(settings, deadline),
            urgent: false,
        });
    }
    // "Use straight away" places have their deadline at the start: the confirmation
    // already says so, and a reminder at that same moment would only echo it.
    if safe_until > now && safe_until > state.clocks.place_since {
        out.push(Planned {
            kind: Kind::Deadline,
            place,
            due: safe_until,
            urgent: true,
        });
    }
    out
}

/// The due time of a snooze of `minutes` pressed at `now`, or for "tomorrow morning"
/// (`None`): the end of quiet hours, or 08:00 local, on the next day.
pub fn snooze_until(
    settings: &Settings,
    now: DateTime<Utc>,
    minutes: Option<u32>,
) -> DateTime<Utc> {
    match minutes {
        Some(m) => now + Duration::minutes(m.into()),
        None => {
            let morning = super::settings::morning(settings);
            let local = now.with_timezone(&settings.tz);
            let day = local.date_naive().succ_opt().unwrap_or(local.date_naive());
            let time = chrono::NaiveTime::from_hms_opt(
                u32::from(morning / 60),
                u32::from(morning % 60),
                0,
            )
            .unwrap_or(chrono::NaiveTime::MIN);
            super::settings::local_instant(settings.tz, day.and_time(time)).max(now)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::batch::{self, Action, NewBatch, Sides};
    use crate::domain::settings::QuietHours;
    use crate::domain::{Ml, Profile};
    use chrono::TimeZone;

    fn t(h: i64, m: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 6, 0, 0, 0).unwrap()
            + Duration::hours(h)
            + Duration::minutes(m)
    }

    fn logged(place: Place, at: DateTime<Utc>) -> BatchState {
        batch::log(
            NewBatch {
                amount: Ml(90),
                place,
                expressed_at: at,
                sides: Sides::default(),
            },
            at,
        )
        .unwrap()
    }

    fn settings() -> Settings {
        Settings::new(chrono_tz::UTC)
    }

    #[test]
    fn room_milk_gets_a_nudge_30_minutes_before_and_one_at_4_hours() {
        let b = logged(Place::Room, t(10, 0));
        let p = plan(&b, &settings(), t(10, 0));
        assert_eq!(
            p,
            vec![
                Planned {
                    kind: Kind::Lead,
                    place: Place::Room,
                    due: t(13, 30),
                    urgent: true
                },
                Planned {
                    kind: Kind::Deadline,
                    place: Place::Room,
                    due: t(14, 0),
                    urgent: true
                },
            ]
        );
    }

    #[test]
    fn fridge_day_before_is_not_urgent_and_waits_for_the_morning() {
        let b = logged(Place::Fridge, t(23, 0));
        let mut s = settings();
        let p = plan(&b, &s, t(23, 0));
        let kinds: Vec<Kind> = p.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, vec![Kind::Lead, Kind::LastCall, Kind::Deadline]);
        assert_eq!(p[0].due, t(23 + 3 * 24, 0));
        assert!(!p[0].urgent);
        assert_eq!(p[1].due, t(22 + 4 * 24, 0), "last call an hour before");
        assert!(p[1].urgent);
        assert_eq!(p[2].due, t(23 + 4 * 24, 0));
        s.quiet = QuietHours::new(22 * 60, 7 * 60);
        let p = plan(&b, &s, t(23, 0));
        assert_eq!(p[0].due, t(7 + 4 * 24, 0), "deferred to 07:00");
        assert_eq!(
            p[1].due,
            t(22 + 4 * 24, 0),
            "urgent ones are never deferred"
        );
        assert_eq!(
            p[2].due,
            t(23 + 4 * 24, 0),
            "the deadline itself is never deferred"
        );
    }

    #[test]
    fn freezer_two_weeks_before_six_months_then_best_quality_then_twelve() {
        let b = logged(Place::Freezer, t(12, 0));
        let p = plan(&b, &settings(), t(12, 0));
        let best = Utc.with_ymd_and_hms(2026, 7, 6, 12, 0, 0).unwrap();
        let kinds: Vec<(Kind, DateTime<Utc>)> = p.iter().map(|r| (r.kind, r.due)).collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::Lead, best - Duration::weeks(2)),
                (Kind::Best, best),
                (
                    Kind::Deadline,
                    Utc.with_ymd_and_hms(2027, 1, 6, 12, 0, 0).unwrap()
                ),
            ]
        );
        // NHS: 6 months is the limit, no best-quality step.
        let mut s = settings();
        s.profile = Profile::Nhs;
        let kinds: Vec<(Kind, DateTime<Utc>)> = plan(&b, &s, t(12, 0))
            .iter()
            .map(|r| (r.kind, r.due))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::Lead, best - Duration::weeks(2)),
                (Kind::Deadline, best)
            ]
        );
    }

    #[test]
    fn a_thawing_bag_gets_one_check_after_12_hours_and_no_deadline() {
        let frozen = logged(Place::Freezer, t(0, 0));
        let thawing = batch::apply(
            &frozen,
            Action::Move(Place::Thawing),
            t(22, 0),
            Profile::Nhs,
        )
        .unwrap()
        .after;
        let mut s = settings();
        s.profile = Profile::Strictest;
        let p = plan(&thawing, &s, t(22, 0));
        assert_eq!(
            p,
            vec![Planned {
                kind: Kind::Check,
                place: Place::Thawing,
                due: t(34, 0),
                urgent: false
            }]
        );
        // Quiet hours hold it until the morning.
        s.quiet = QuietHours::new(9 * 60, 11 * 60);
        assert_eq!(plan(&thawing, &s, t(22, 0))[0].due, t(35, 0));
    }

    #[test]
    fn a_passed_lead_goes_out_at_once_and_finished_batches_get_none() {
        let b = logged(Place::Room, t(10, 0));
        let late = plan(&b, &settings(), t(13, 45));
        assert_eq!(late.len(), 2);
        assert_eq!((late[0].kind, late[0].due), (Kind::Lead, t(13, 45)));
        assert!(plan(&b, &settings(), t(14, 0)).is_empty());
        let used = batch::apply(&b, Action::Use(None), t(11, 0), Profile::Cdc)
            .unwrap()
            .after;
        assert!(plan(&used, &settings(), t(11, 0)).is_empty());
    }

    #[test]
    fn nhs_thawed_milk_is_use_straight_away_with_no_echo() {
        let frozen = logged(Place::Freezer, t(0, 0));
        let thawing = batch::apply(
            &frozen,
            Action::Move(Place::Thawing),
            t(20, 0),
            Profile::Nhs,
        )
        .unwrap()
        .after;
        let thawed = batch::apply(
            &thawing,
            Action::Move(Place::ThawedFridge),
            t(30, 0),
            Profile::Nhs,
        )
        .unwrap()
        .after;
        let mut s = settings();
        s.profile = Profile::Nhs;
        assert!(plan(&thawed, &s, t(30, 0)).is_empty());
        s.profile = Profile::Cdc;
        let p = plan(&thawed, &s, t(30, 0));
        assert_eq!(
            p.iter().map(|r| r.due).collect::<Vec<_>>(),
            vec![t(53, 0), t(54, 0)]
        );
    }

    #[test]
    fn keys_are_unique_per_batch_place_and_kind() {
        let b = logged(Place::Room, t(10, 0));
        let p = plan(&b, &settings(), t(10, 0));
        assert_eq!(key(7, &p[0]), "b7:room:lead");
        assert_eq!(key(7, &p[1]), "b7:room:deadline");
        let snooze = Planned {
            kind: Kind::Snooze,
            place: Place::Room,
            due: t(11, 0),
            urgent: true,
        };
        assert!(key(7, &snooze).starts_with("b7:room:snooze:"));
    }

    #[test]
    fn snooze_tomorrow_morning_uses_quiet_end_or_eight() {
        let mut s = Settings::new(chrono_tz::Europe::Berlin);
        // 21:00 UTC is 22:00 in Berlin (winter): tomorrow 08:00 Berlin is 07:00 UTC.
        assert_eq!(snooze_until(&s, t(21, 0), None), t(24 + 7, 0));
        s.quiet = QuietHours::new(22 * 60, 6 * 60 + 30);
        assert_eq!(snooze_until(&s, t(21, 0), None), t(24 + 5, 30));
        assert_eq!(snooze_until(&s, t(21, 0), Some(60)), t(22, 0));
    }
}

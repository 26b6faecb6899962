//! The stash at a glance: stored batches grouped by place, most urgent first, with
//! totals and the batch to use next.

use chrono::{DateTime, Utc};

use super::batch::BatchState;
use super::rules::{Guideline, Place};
use super::units::Ml;

/// Places in the order a parent should look at them: what spoils soonest first.
pub const PLACE_ORDER: [Place; 9] = [
    Place::Leftover,
    Place::ThawedRoom,
    Place::ThawedFridge,
    Place::Thawing,
    Place::Room,
    Place::Cooler,
    Place::Fridge,
    Place::IceBox,
    Place::Freezer,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub place: Place,
    pub amount: Ml,
    pub expressed_at: DateTime<Utc>,
    /// Its use-by time (frozen milk under CDC, ABM, LLL: its best-quality time); for
    /// milk still thawing, [`rules::no_deadline`](super::rules::no_deadline).
    pub deadline: DateTime<Utc>,
    /// Past the time it must be discarded.
    pub expired: bool,
    /// Past its best-quality time, still acceptable (frozen milk, 6 to 12 months).
    pub past_best: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub place: Place,
    pub total: Ml,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    pub groups: Vec<Group>,
    pub total: Ml,
    pub count: usize,
    /// The batch to use first: the earliest deadline that has not passed.
    pub use_next: Option<Item>,
    pub expired: usize,
}

impl View {
    /// All items in display order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.groups.iter().flat_map(|g| g.items.iter())
    }
}

/// How much time a batch has left, as a colour band on the stash board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// More than three days.
    Fine,
    /// Within three days, or frozen milk past its best-quality time.
    Soon,
    /// Within a day.
    Today,
    /// Past the time it must be discarded.
    Past,
}

impl Band {
    pub fn code(self) -> &'static str {
        match self {
            Band::Fine => "fine",
            Band::Soon => "soon",
            Band::Today => "today",
            Band::Past => "past",
        }
    }
}

/// The band of `item` at `now` (milk still thawing has no deadline yet: fine).
pub fn band(item: &Item, now: DateTime<Utc>) -> Band {
    let left = item.deadline - now;
    if item.expired {
        Band::Past
    } else if left <= chrono::Duration::days(1) {
        Band::Today
    } else if left <= chrono::Duration::days(3) || item.past_best {
        Band::Soon
    } else {
        Band::Fine
    }
}

/// Builds the view of stored batches `(id, state)` under `guideline` at `now`.
pub fn view(
    batches: &[(i64, BatchState)],
    guideline: impl Into<Guideline>,
    now: DateTime<Utc>,
) -> View {
    let guideline = guideline.into();
    let mut items: Vec<Item> = batches
        .iter()
        .map(|(id, state)| Item {
            id: *id,
            place: state.place,
            amount: state.amount,
            expressed_at: state.clocks.expressed_at,
            deadline: state.deadline(guideline),
            expired: state.is_expired(guideline, now),
            past_best: state.past_best(guideline, now),
        })
        .collect();
    items.sort_by_key(|i| (i.deadline, i.expressed_at, i.id));
    let use_next = items.iter().find(|i| !i.expired).cloned();
    let groups = PLACE_ORDER
        .iter()
        .filter_map(|&place| {
            let items: Vec<Item> = items.iter().filter(|i| i.place == place).cloned().collect();
            (!items.is_empty()).then(|| Group {
                place,
                total: items.iter().map(|i| i.amount).sum(),
                items,
            })
        })
        .collect::<Vec<_>>();
    View {
        total: items.iter().map(|i| i.amount).sum(),
        count: items.len(),
        expired: items.iter().filter(|i| i.expired).count(),
        use_next,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_time_left() {
        let now = t(0);
        let item = |deadline_h: i64, expired: bool, past_best: bool| Item {
            id: 1,
            place: Place::Fridge,
            amount: Ml(90),
            expressed_at: t(-1),
            deadline: t(deadline_h),
            expired,
            past_best,
        };
        assert_eq!(band(&item(100, false, false), now), Band::Fine);
        assert_eq!(band(&item(72, false, false), now), Band::Soon);
        assert_eq!(band(&item(100, false, true), now), Band::Soon);
        assert_eq!(band(&item(24, false, false), now), Band::Today);
        assert_eq!(band(&item(1, false, false), now), Band::Today);
        assert_eq!(band(&item(-1, true, false), now), Band::Past);
        let thawing = Item {
            deadline: crate::domain::rules::no_deadline(),
            ..item(0, false, false)
        };
        assert_eq!(band(&thawing, now), Band::Fine);
    }
    use crate::domain::batch::{self, NewBatch, Sides};
    use crate::domain::rules::Profile;
    use chrono::{Duration, TimeZone};

    fn t(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap() + Duration::hours(h)
    }

    fn b(ml: u32, place: Place, at: i64) -> BatchState {
        batch::log(
            NewBatch {
                amount: Ml(ml),
                place,
                expressed_at: t(at),
                sides: Sides::default(),
            },
            t(100),
        )
        .unwrap()
    }

    #[test]
    fn groups_by_urgency_and_suggests_the_earliest_deadline() {
        let batches = vec![
            (1, b(120, Place::Freezer, 0)),
            (2, b(90, Place::Fridge, 50)),
            (3, b(60, Place::Fridge, 20)),
            (4, b(30, Place::Room, 98)),
            (5, b(40, Place::Room, 90)), // 10 h at room temperature: expired
        ];
        let v = view(&batches, Profile::Cdc, t(100));
        let places: Vec<Place> = v.groups.iter().map(|g| g.place).collect();
        assert_eq!(places, vec![Place::Room, Place::Fridge, Place::Freezer]);
        assert_eq!(v.total, Ml(340));
        assert_eq!(v.count, 5);
        assert_eq!(v.expired, 1);
        assert_eq!(v.use_next.as_ref().map(|i| i.id), Some(4));
        let ids: Vec<i64> = v.items().map(|i| i.id).collect();
        assert_eq!(ids, vec![5, 4, 3, 2, 1]);
        assert_eq!(v.groups[1].total, Ml(150));
    }

    #[test]
    fn profile_changes_what_is_expired() {
        let batches = vec![(1, b(90, Place::Fridge, 0))];
        // Five days in the fridge: past CDC's 4 days, within NHS's 8 for a fridge at
        // 4 °C or colder, past NHS's 3 when the fridge is warmer or not known.
        let cold = Guideline {
            profile: Profile::Nhs,
            cold_fridge: true,
        };
        assert_eq!(view(&batches, Profile::Cdc, t(120)).expired, 1);
        assert_eq!(view(&batches, cold, t(120)).expired, 0);
        assert_eq!(view(&batches, Profile::Nhs, t(120)).expired, 1);
        assert_eq!(view(&[], Profile::Cdc, t(0)), View::default());
    }
}

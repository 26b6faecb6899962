//! `/export`: a family's whole history as CSV, one row per batch event, in the family's
//! unit and timezone: when the milk was expressed, the amount, sides, place, deadline,
//! who, and what happened. Words (event kinds, places, notes, sides, the unit) come from
//! [`Words`], in the chat's language; numbers and times stay machine-readable (plain
//! numbers with a dot, `YYYY-MM-DD HH:MM`). Cells a spreadsheet would read as a formula
//! are escaped.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::domain::EventKind;
use crate::domain::settings::Settings;
use crate::domain::{BatchState, Place, Status, Unit};
use crate::storage::{BatchRow, EventRow};

/// The export's words in one language (`messages::CsvWords`); in English, the codes the
/// export has always written (`event_id`, `logged`, `fridge`, `L 2 + R 1`, ...).
pub trait Words {
    /// The first row: the column names (event id, batch id, time, event, by, amount,
    /// unit, expressed, sides, from, place, deadline, note).
    fn header(&self) -> Vec<String>;
    fn event(&self, kind: EventKind) -> String;
    fn place(&self, place: Place) -> String;
    /// An event's stored reason: a discard reason's code, `feed`, `message`, or the code
    /// of the kind of event an undo reverted.
    fn reason(&self, code: &str) -> String;
    /// Added to the note of an event that was undone later.
    fn undone(&self) -> String;
    /// One side's share, `number` already written: "L 2", "I 2", "Л 2".
    fn left(&self, number: &str) -> String;
    fn right(&self, number: &str) -> String;
    fn unit(&self, unit: Unit) -> String;
}

/// The history as CSV bytes (UTF-8, with `words`' header as its first row). `batches` are
/// the family's batches as they are now: the state after each event is the state before
/// the next one of its batch, or the batch's current state after its last event.
pub fn history_csv(
    events: &[EventRow],
    batches: &[BatchRow],
    settings: &Settings,
    words: &dyn Words,
) -> Result<Vec<u8>, csv::Error> {
    let by_id: HashMap<i64, &BatchRow> = batches.iter().map(|b| (b.id, b)).collect();
    let mut next_before: HashMap<i64, Option<BatchState>> = HashMap::new();
    let mut after: Vec<Option<BatchState>> = vec![None; events.len()];
    for (i, e) in events.iter().enumerate().rev() {
        after[i] = match next_before.get(&e.batch_id) {
            Some(before) => *before,
            None => by_id.get(&e.batch_id).map(|b| b.state),
        };
        next_before.insert(e.batch_id, e.before);
    }
    let local = |t: DateTime<Utc>| {
        t.with_timezone(&settings.tz)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(words.header())?;
    for (e, after) in events.iter().zip(after) {
        // Moves, thaws and discards carry the amount they concerned (discarded milk too).
        let amount = e.amount.or(match e.kind {
            EventKind::Undone => after.map(|s| s.amount),
            _ => e.before.map(|s| s.amount),
        });
        let deadline = after
            .filter(|s| s.status == Status::Stored)
            .map(|s| local(s.deadline(settings.guideline())))
            .unwrap_or_default();
        let sides = by_id
            .get(&e.batch_id)
            .map(|b| sides(b, settings.unit, words))
            .unwrap_or_default();
        let mut note = e
            .reason
            .as_deref()
            .map(|code| words.reason(code))
            .unwrap_or_default();
        if e.undone {
            note = if note.is_empty() {
                words.undone()
            } else {
                format!("{note}; {}", words.undone())
            };
        }
        let record = [
            e.id.to_string(),
            e.batch_id.to_string(),
            local(e.at),
            words.event(e.kind),
            e.actor_name.clone(),
            amount.map(|a| a.number(settings.unit)).unwrap_or_default(),
            words.unit(settings.unit),
            after
                .map(|s| local(s.clocks.expressed_at))
                .unwrap_or_default(),
            sides,
            e.place_from.map(|p| words.place(p)).unwrap_or_default(),
            e.place_to.map(|p| words.place(p)).unwrap_or_default(),
            deadline,
            note,
        ];
        out.write_record(record.iter().map(|cell| cell_safe(cell).into_owned()))?;
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn sides(b: &BatchRow, unit: Unit, words: &dyn Words) -> String {
    [
        b.sides.left.map(|m| words.left(&m.number(unit))),
        b.sides.right.map(|m| words.right(&m.number(unit))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" + ")
}

/// A cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) gets a leading apostrophe, so it shows as text.
fn cell_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::Clocks;
    use crate::domain::{Ml, Profile, Sides};
    use chrono::{Duration, TimeZone};

    /// The words as codes, as the English export writes them.
    struct Codes;

    impl Words for Codes {
        fn header(&self) -> Vec<String> {
            (0..13).map(|i| format!("c{i}")).collect()
        }
        fn event(&self, kind: EventKind) -> String {
            kind.code().to_owned()
        }
        fn place(&self, place: Place) -> String {
            place.code().to_owned()
        }
        fn reason(&self, code: &str) -> String {
            code.to_owned()
        }
        fn undone(&self) -> String {
            "undone".to_owned()
        }
        fn left(&self, number: &str) -> String {
            format!("L {number}")
        }
        fn right(&self, number: &str) -> String {
            format!("R {number}")
        }
        fn unit(&self, unit: Unit) -> String {
            unit.symbol().to_owned()
        }
    }

    fn event(id: i64, kind: EventKind, at: DateTime<Utc>, before: Option<BatchState>) -> EventRow {
        EventRow {
            id,
            batch_id: 7,
            kind,
            at,
            actor_id: 5,
            actor_name: "Sam \"the night shift\", Jr".into(),
            place_from: before.map(|b| b.place),
            place_to: Some(Place::Fridge),
            amount: None,
            reason: None,
            before,
            undone: false,
        }
    }

    #[test]
    fn writes_local_times_units_deadlines_and_escapes_names() {
        let mut settings = Settings::new(chrono_tz::America::New_York);
        settings.unit = Unit::Oz;
        settings.profile = Profile::Cdc;
        let t0 = Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap();
        let fridge = BatchState {
            amount: Ml(89),
            place: Place::Fridge,
            clocks: Clocks {
                expressed_at: t0,
                frozen_at: None,
                thawed_at: None,
                place_since: t0,
                cap: None,
            },
            status: Status::Stored,
        };
        let gone = BatchState {
            status: Status::Discarded,
            ..fridge
        };
        let batch = BatchRow {
            id: 7,
            family_id: 1,
            version: 2,
            logged: Ml(89),
            logged_place: Place::Fridge,
            sides: Sides {
                left: Some(Ml(59)),
                right: Some(Ml(30)),
            },
            state: gone,
            created_at: t0,
            created_by: 5,
        };
        let mut logged = event(1, EventKind::Logged, t0, None);
        logged.amount = Some(Ml(89));
        let mut discarded = event(
            2,
            EventKind::Discarded,
            t0 + Duration::hours(1),
            Some(fridge),
        );
        discarded.reason = Some("=HYPERLINK(\"http://x\")".into());
        let bytes = history_csv(&[logged, discarded], &[batch], &settings, &Codes).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), 13);
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(&rows[0][2], "2026-03-10 05:00");
        assert_eq!(&rows[0][4], "Sam \"the night shift\", Jr");
        assert_eq!((&rows[0][5], &rows[0][6]), ("3", "oz"));
        assert_eq!(&rows[0][7], "2026-03-10 05:00");
        assert_eq!(&rows[0][8], "L 2 + R 1");
        assert_eq!(&rows[0][10], "fridge");
        // After logging it kept 4 days (CDC); once discarded, no deadline.
        assert_eq!(&rows[0][11], "2026-03-14 05:00");
        assert_eq!(&rows[1][11], "");
        // The discarded amount is in the history too, and a formula is text.
        assert_eq!(&rows[1][5], "3");
        assert_eq!(&rows[1][12], "'=HYPERLINK(\"http://x\")");
    }

    #[test]
    fn formula_cells_are_escaped() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell_safe(bad).starts_with('\''), "{bad:?}");
        }
        for fine in ["Sam", "90", "", "fridge"] {
            assert_eq!(cell_safe(fine), fine);
        }
    }
}

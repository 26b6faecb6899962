//! `/export`: a family's whole history as CSV, one row per batch event, in the family's
//! unit and timezone.

use crate::domain::settings::Settings;
use crate::domain::{Ml, Place, Unit};
use crate::storage::EventRow;

pub const HEADER: [&str; 10] = [
    "event_id", "batch_id", "time", "event", "by", "amount", "unit", "from", "to", "note",
];

/// The history as CSV bytes (UTF-8, with a header row).
pub fn history_csv(events: &[EventRow], settings: &Settings) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER)?;
    for e in events {
        let time =
            e.at.with_timezone(&settings.tz)
                .format("%Y-%m-%d %H:%M")
                .to_string();
        let amount = e
            .amount
            .map(|a| amount(a, settings.unit))
            .unwrap_or_default();
        let mut note = e.reason.clone().unwrap_or_default();
        if e.undone {
            note = if note.is_empty() {
                "undone".to_owned()
            } else {
                format!("{note}; undone")
            };
        }
        out.write_record([
            e.id.to_string(),
            e.batch_id.to_string(),
            time,
            e.kind.clone(),
            e.actor_name.clone(),
            amount,
            settings.unit.symbol().to_owned(),
            e.place_from.map(Place::code).unwrap_or_default().to_owned(),
            e.place_to.map(Place::code).unwrap_or_default().to_owned(),
            note,
        ])?;
    }
    out.into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

fn amount(a: Ml, unit: Unit) -> String {
    a.number(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn writes_local_times_units_and_escapes_names() {
        let mut settings = Settings::new(chrono_tz::America::New_York);
        settings.unit = Unit::Oz;
        let events = vec![EventRow {
            id: 1,
            batch_id: 7,
            kind: "logged".into(),
            at: Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap(),
            actor_id: 5,
            actor_name: "Sam \"the night shift\", Jr".into(),
            place_from: None,
            place_to: Some(Place::Fridge),
            amount: Some(Ml(89)),
            reason: None,
            before: None,
            undone: true,
        }];
        let bytes = history_csv(&events, &settings).unwrap();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.len(), HEADER.len());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "2026-03-10 05:00");
        assert_eq!(&row[4], "Sam \"the night shift\", Jr");
        assert_eq!((&row[5], &row[6]), ("3", "oz"));
        assert_eq!(&row[8], "fridge");
        assert_eq!(&row[9], "undone");
    }
}

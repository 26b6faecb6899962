//! Reminders about a batch, and the digest of several.

use crate::domain::Lang;
use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};

use crate::domain::batch::{DiscardReason, Status};
use crate::domain::rules::Place;
use crate::domain::settings::Settings;
use crate::messages as m;
use crate::storage::BatchRow;
use crate::telegram::button_data::{BatchAct, Cb};
use crate::telegram::send::Screen;

use super::*;

/// One batch a reminder (or a digest line) is about.
pub struct Reminded<'a> {
    pub kind: Kind,
    /// Where the batch was when the reminder was written.
    pub place: Place,
    pub batch: &'a BatchRow,
}

impl Reminded<'_> {
    /// Still needs attention: stored, and where the reminder found it.
    fn open(&self) -> bool {
        self.batch.state.status == Status::Stored && self.batch.state.place == self.place
    }
}

pub(super) fn reminder_buttons(
    lang: Lang,
    r: &Reminded<'_>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Vec<Row> {
    let row = r.batch;
    let b = on_batch(row);
    let place = row.state.place;
    let guideline = settings.guideline();
    if r.kind == Kind::Deadline || row.state.is_expired(guideline, now) {
        return vec![vec![
            (
                m::discard_now(lang),
                b(BatchAct::Discard(DiscardReason::Expired)),
            ),
            (m::used(lang), b(BatchAct::UseMenu)),
        ]];
    }
    let mut rows = chunk(
        moves(place)
            .iter()
            .take(2)
            .map(|&to| (m::move_button(lang, place, to), b(BatchAct::Move(to))))
            .collect(),
        2,
    );
    rows.push(vec![
        (m::used(lang), b(BatchAct::UseMenu)),
        (m::discard(lang), b(BatchAct::DiscardMenu)),
    ]);
    let deadline = row.state.safe_until(guideline);
    let mut snooze = Vec::new();
    if deadline - now > chrono::Duration::minutes(90) {
        snooze.push((m::snooze_hour(lang), b(BatchAct::Snooze(Some(60)))));
    }
    let morning = crate::domain::reminders::snooze_until(settings, now, None);
    if deadline - morning >= chrono::Duration::hours(1) {
        snooze.push((m::snooze_morning(lang), b(BatchAct::Snooze(None))));
    }
    rows.push(snooze);
    rows
}

/// A reminder about one batch, with the buttons that resolve it.
pub fn reminder(lang: Lang, r: &Reminded<'_>, settings: &Settings, now: DateTime<Utc>) -> Screen {
    let s = &r.batch.state;
    let guideline = settings.guideline();
    let text = m::reminder(
        lang,
        r.kind,
        s,
        (s.deadline(guideline), s.safe_until(guideline)),
        settings.unit,
        now,
        settings.tz,
    );
    screen(text, reminder_buttons(lang, r, settings, now))
}

/// Most batches one digest lists with buttons; the rest are counted.
pub const DIGEST_MAX: usize = 10;

/// Several reminders folded into one message, each batch with its own buttons. Batches
/// already dealt with show what happened to them.
pub fn digest(
    lang: Lang,
    items: &[Reminded<'_>],
    headline: Option<String>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Screen {
    let unit = settings.unit;
    let mut text = headline.map(|h| format!("{h}\n\n")).unwrap_or_default();
    text.push_str(&m::digest_header(lang, items.len()));
    let mut rows: Vec<Row> = Vec::new();
    for (i, r) in items.iter().enumerate().take(DIGEST_MAX) {
        let number = i + 1;
        let s = &r.batch.state;
        text.push('\n');
        if !r.open() {
            let what = match s.status {
                Status::Used => "used".to_owned(),
                Status::Discarded => "discarded".to_owned(),
                Status::Removed => "removed".to_owned(),
                Status::Stored => format!("now {}", m::in_place(lang, s.place)),
            };
            text.push_str(&m::digest_done_line(
                lang,
                number,
                r.batch.logged,
                &what,
                unit,
            ));
            continue;
        }
        text.push_str(&m::digest_line(
            lang,
            number,
            s.amount,
            s.place,
            s.deadline(settings.guideline()),
            unit,
            now,
        ));
        let numbered: Row = reminder_buttons(lang, r, settings, now)
            .into_iter()
            .flatten()
            .filter(|(_, cb)| {
                !matches!(
                    cb,
                    Cb::Batch {
                        act: BatchAct::Snooze(_) | BatchAct::DiscardMenu,
                        ..
                    }
                )
            })
            .take(3)
            .map(|(label, cb)| (format!("{number} · {label}"), cb))
            .collect();
        rows.push(numbered);
    }
    if items.len() > DIGEST_MAX {
        text.push_str(&format!(
            "\n…and {} more in the stash.",
            items.len() - DIGEST_MAX
        ));
    }
    rows.push(vec![(m::to_stash(lang), Cb::Stash { page: 0 })]);
    screen(text, rows)
}

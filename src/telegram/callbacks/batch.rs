//! Buttons on a batch: move, thaw, use, discard, undo, snooze, edit; the card and every copy of it refreshed.

use super::*;
use crate::domain::settings::Settings;
use chrono::{DateTime, Utc};

pub async fn batch(press: Press, (id, version, act): (i64, i64, BatchAct)) -> HandlerResult {
    let note = batch_press(&press, id, version, act).await?;
    press.noted(note)
}

async fn batch_press(
    press: &Press,
    id: i64,
    version: i64,
    act: BatchAct,
) -> Result<Option<String>, HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    let family_id = press.family.id;
    let Some(row) = ctx.db.batch(family_id, id).await? else {
        return Ok(Some(m::not_your_batch(press.lang)));
    };
    // A typed amount or time is awaited only while its menu is open.
    let awaited = match act {
        BatchAct::AmountMenu => Some(Awaited::Amount),
        BatchAct::TimeMenu => Some(Awaited::Time),
        BatchAct::LeftoverType => Some(Awaited::Leftover),
        _ => None,
    };
    let (chat, user) = (press.chat.0, press.actor.id);
    if matches!(
        act,
        BatchAct::Open
            | BatchAct::OpenListed
            | BatchAct::EditMenu
            | BatchAct::SetAmount(_)
            | BatchAct::SetAgo(_)
            | BatchAct::SetAt(_)
            | BatchAct::UseMenu
            | BatchAct::LeftoverMenu
    ) {
        ctx.db.reply_handled(chat, user, None).await?;
    }
    if act == BatchAct::Open {
        refresh(press, &row, None).await?;
        return Ok(None);
    }
    // From a list: the card in a message of its own, so the list keeps every batch.
    if act == BatchAct::OpenListed {
        press
            .out()
            .send(views::batch_card(press.lang, None, &row, settings, now))
            .await?;
        return Ok(None);
    }
    // Menus only show choices; the choice itself is checked against the version.
    let menu = match act {
        BatchAct::UseMenu => Some(views::use_menu(press.lang, &row, settings, now)),
        BatchAct::DiscardMenu => Some(views::discard_menu(press.lang, &row, settings, now)),
        BatchAct::EditMenu => Some(views::edit_menu(press.lang, &row, settings, now)),
        BatchAct::AmountMenu => Some(views::amount_menu(press.lang, &row, settings, now)),
        BatchAct::LeftoverMenu => Some(views::leftover_menu(press.lang, &row, settings, now)),
        BatchAct::LeftoverType => Some(views::leftover_typed(press.lang, &row, settings, now)),
        BatchAct::LeftoverAmount(ml) => Some(views::leftover_when(
            press.lang,
            &row,
            Ml(ml),
            settings,
            now,
        )),
        BatchAct::TimeMenu => Some(views::time_menu(press.lang, &row, settings, now)),
        _ => None,
    };
    if let Some(screen) = menu {
        if row.version != version {
            refresh(press, &row, None).await?;
            return Ok(Some(m::batch_changed(press.lang)));
        }
        if let Some(kind) = awaited {
            let reply = AwaitedReply {
                family_id,
                batch_id: Some(row.id),
                kind,
                pending: None,
            };
            ctx.db.await_reply(chat, user, reply, now).await?;
        }
        press.show(screen).await?;
        return Ok(None);
    }
    // A confirmed correction from an edited logging message: only if the batch is
    // still as it was when the parent was asked.
    if let BatchAct::Relog(ml, place, at_min, left, right) = act {
        return relog(press, row, version, (ml, place, at_min, left, right)).await;
    }
    // An earlier time, picked by button, that gives the milk more time: ask first.
    if let BatchAct::SetAgo(min) = act
        && row.version == version
    {
        let at = now - Duration::minutes(min.into());
        let change = Action::SetExpressed(at);
        if let Some(deadlines) = later_deadline(&row.state, change, now, settings.guideline()) {
            press
                .show(views::confirm_time(
                    press.lang, &row, at, deadlines, settings, now,
                ))
                .await?;
            return Ok(None);
        }
    }
    let action = match act {
        BatchAct::Move(to) => Act::Apply(Action::Move(to)),
        BatchAct::Use(ml) => Act::Apply(Action::Use(ml.map(Ml))),
        BatchAct::Discard(reason) => Act::Apply(Action::Discard(reason)),
        BatchAct::Undo | BatchAct::UndoListed => Act::Undo,
        BatchAct::SetAgo(min) => {
            Act::Apply(Action::SetExpressed(now - Duration::minutes(min.into())))
        }
        BatchAct::SetAt(min) => match chrono::DateTime::from_timestamp(i64::from(min) * 60, 0) {
            Some(at) => Act::Apply(Action::SetExpressed(at)),
            None => return Ok(Some(m::stale_button(press.lang))),
        },
        BatchAct::SetAmount(ml) => Act::Apply(Action::SetAmount(Ml(ml))),
        BatchAct::Snooze(minutes) => Act::Snooze(minutes),
        BatchAct::Leftover(ml, ago) => {
            if !views::FEED_ENDED.contains(&ago) {
                return Ok(Some(m::stale_button(press.lang)));
            }
            Act::Apply(Action::Leftover {
                left: Ml(ml),
                ended_at: now - Duration::minutes(ago.into()),
            })
        }
        BatchAct::LeftoverMenu
        | BatchAct::LeftoverType
        | BatchAct::Relog(..)
        | BatchAct::LeftoverAmount(_)
        | BatchAct::Open
        | BatchAct::OpenListed
        | BatchAct::UseMenu
        | BatchAct::DiscardMenu
        | BatchAct::EditMenu
        | BatchAct::AmountMenu
        | BatchAct::TimeMenu => return Ok(None),
    };
    // The row read above: one read of the batch per press.
    let acted = app::act_on(
        &ctx.db,
        &press.family,
        &press.actor,
        row,
        version,
        action,
        press.update_id,
        now,
    )
    .await?;
    let tz = settings.tz;
    // An undo from a list of batches logged in one message: the list again.
    if act == BatchAct::UndoListed {
        return undo_listed(press, acted).await;
    }
    let refused = refusal(press.lang, &acted, settings, now);
    match acted {
        Acted::Done {
            before,
            after,
            act,
            used,
            undid,
        } => {
            let phrase = done_phrase(
                press.lang,
                &before,
                &after,
                act,
                (used, undid),
                settings,
                now,
            );
            refresh(
                press,
                &after,
                Some(m::did(press.lang, press.who(), &phrase)),
            )
            .await?;
            let phrase_in =
                |lang| done_phrase(lang, &before, &after, act, (used, undid), settings, now);
            update_other_copies(press, &after, phrase_in).await;
            // Milk left the frozen stash (used, discarded, thawed): is it running short?
            if before.state.place.is_frozen() {
                app::check_low_stash(&ctx.db, &press.family, now).await?;
            }
            Ok(None)
        }
        Acted::Snoozed { batch, until } => {
            refresh(
                press,
                &batch,
                Some(m::snoozed_phrase(press.lang, until, now, tz)),
            )
            .await?;
            Ok(None)
        }
        Acted::Refused { batch, .. }
        | Acted::Stale { current: batch }
        | Acted::Duplicate {
            current: Some(batch),
        }
        | Acted::NothingToUndo { batch } => {
            refresh(press, &batch, None).await?;
            Ok(refused)
        }
        Acted::NotFound | Acted::Duplicate { current: None } => Ok(refused),
    }
}

/// Why a press did not go through, said on the button (None when it went through).
fn refusal(lang: Lang, acted: &Acted, settings: &Settings, now: DateTime<Utc>) -> Option<String> {
    match acted {
        Acted::Done { .. } | Acted::Snoozed { .. } => None,
        Acted::Refused { why, .. } => {
            Some(m::batch_error(lang, why, settings.unit, now, settings.tz))
        }
        Acted::Stale { .. } | Acted::Duplicate { current: Some(_) } => Some(m::batch_changed(lang)),
        Acted::NothingToUndo { .. } => Some(m::nothing_to_undo(lang)),
        Acted::NotFound | Acted::Duplicate { current: None } => Some(m::not_your_batch(lang)),
    }
}

/// After an undo pressed on a list of batches logged in one message: the list again,
/// every batch as it is now (the undone one marked removed), each with its buttons, and
/// what was done (or why not) under it.
async fn undo_listed(press: &Press, acted: Acted) -> Result<Option<String>, HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    let toast = refusal(press.lang, &acted, settings, now);
    let note = done_phrase_of(press.lang, &acted, settings, now)
        .map(|phrase| m::did(press.lang, press.who(), &phrase));
    let mut rows = Vec::new();
    for id in &press.listed {
        if let Some(row) = ctx.db.batch(press.family.id, *id).await? {
            rows.push(row);
        }
    }
    let notes: Vec<String> = note.into_iter().collect();
    // Who logged the list is not known here: the headline names no one.
    press
        .show(views::logged_list(
            press.lang, None, &rows, &notes, settings, now,
        ))
        .await?;
    Ok(toast)
}

/// "✔ Yes, change it" under an edited logging message that gives the milk more time.
async fn relog(
    press: &Press,
    row: BatchRow,
    version: i64,
    (ml, place, at_min, left, right): (u32, Place, u32, Option<u32>, Option<u32>),
) -> Result<Option<String>, HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    if row.version != version {
        refresh(press, &row, None).await?;
        return Ok(Some(m::batch_changed(press.lang)));
    }
    let Some(expressed_at) = chrono::DateTime::from_timestamp(i64::from(at_min) * 60, 0) else {
        return Ok(Some(m::stale_button(press.lang)));
    };
    let new = NewBatch {
        amount: Ml(ml),
        place,
        expressed_at,
        sides: Sides {
            left: left.map(Ml),
            right: right.map(Ml),
        },
    };
    let relogged = app::relog(
        &ctx.db,
        &press.family,
        &press.actor,
        row,
        new,
        press.update_id,
        now,
        true,
    )
    .await?;
    match relogged {
        Relogged::Done { after, .. } => {
            let phrase = m::relogged_phrase(
                press.lang,
                after.state.amount,
                after.state.place,
                settings.unit,
            );
            refresh(
                press,
                &after,
                Some(m::did(press.lang, press.who(), &phrase)),
            )
            .await?;
            Ok(None)
        }
        Relogged::Refused { batch, why } => {
            refresh(press, &batch, None).await?;
            Ok(Some(m::batch_error(
                press.lang,
                &why,
                settings.unit,
                now,
                settings.tz,
            )))
        }
        Relogged::Again(current) => {
            refresh(press, &current, None).await?;
            Ok(Some(m::batch_changed(press.lang)))
        }
    }
}

/// What a change did, in words, when it went through (None otherwise).
pub(crate) fn done_phrase_of(
    lang: Lang,
    acted: &Acted,
    settings: &crate::domain::settings::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<String> {
    match acted {
        Acted::Done {
            before,
            after,
            act,
            used,
            undid,
        } => Some(done_phrase(
            lang,
            before,
            after,
            *act,
            (*used, *undid),
            settings,
            now,
        )),
        _ => None,
    }
}

/// What a change did, in words: "moved 90 ml to the freezer", "changed the time to ...".
pub(crate) fn done_phrase(
    lang: Lang,
    before: &BatchRow,
    after: &BatchRow,
    act: Act,
    (used, undid): (Option<Ml>, Option<EventKind>),
    settings: &crate::domain::settings::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let (unit, tz) = (settings.unit, settings.tz);
    match act {
        Act::Apply(Action::Move(to)) => {
            m::moved_phrase(lang, before.state.amount, before.state.place, to, unit)
        }
        Act::Apply(Action::Use(_)) => {
            m::used_phrase(lang, used.unwrap_or_default(), after.state.amount, unit)
        }
        Act::Apply(Action::Discard(reason)) => {
            m::discarded_phrase(lang, before.state.amount, reason, unit)
        }
        Act::Apply(Action::SetAmount(ml)) => m::edited_amount_phrase(lang, ml, unit),
        Act::Apply(Action::SetExpressed(at)) => m::edited_time_phrase(lang, at, now, tz),
        Act::Apply(Action::Leftover { left, ended_at }) => {
            m::leftover_phrase(lang, used, left, ended_at, now, tz, unit)
        }
        Act::Undo => m::undo_phrase(lang, undid, before.logged, unit),
        Act::Snooze(_) => String::new(),
    }
}

/// Shows `row` on the pressed message: as a batch card, or, when the message is a digest
/// of several reminders, as the digest again with every batch's current state.
async fn refresh(press: &Press, row: &BatchRow, headline: Option<String>) -> HandlerResult {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    let carried = ctx
        .db
        .message_reminders(press.chat.0, i64::from(press.message.0))
        .await?;
    let mut batch_ids: Vec<i64> = carried.iter().filter_map(|r| r.batch_id).collect();
    batch_ids.dedup();
    if batch_ids.len() < 2 {
        return press
            .show(views::batch_card(press.lang, headline, row, settings, now))
            .await;
    }
    let mut batches = Vec::new();
    for r in &carried {
        let Some(id) = r.batch_id else { continue };
        if batches
            .iter()
            .any(|(b, _, _): &(BatchRow, Kind, Place)| b.id == id)
        {
            continue;
        }
        if let Some(b) = ctx.db.batch(press.family.id, id).await? {
            batches.push((b, r.kind, r.place.unwrap_or(Place::Fridge)));
        }
    }
    let items: Vec<views::Reminded<'_>> = batches
        .iter()
        .map(|(batch, kind, place)| views::Reminded {
            kind: *kind,
            place: *place,
            batch,
        })
        .collect();
    press
        .show(views::digest(press.lang, &items, headline, settings, now))
        .await
}

/// A reminder about this batch may sit in other chats too (the group and a private
/// chat): show there what was done, and by whom, in each chat's language. Best effort.
async fn update_other_copies(press: &Press, row: &BatchRow, phrase: impl Fn(Lang) -> String) {
    let ctx = &*press.ctx;
    let here = (press.chat.0, i64::from(press.message.0));
    let Ok(copies) = ctx.db.batch_reminder_messages(row.id).await else {
        return;
    };
    // Nearly always only the pressed message shows the batch: no chats to read.
    if copies.iter().all(|c| *c == here) {
        return;
    }
    let chats = ctx
        .db
        .family_chats(press.family.id)
        .await
        .unwrap_or_default();
    let now = ctx.clock.now();
    for (chat, message) in copies.into_iter().filter(|c| *c != here) {
        let lang = crate::storage::lang_of(&chats, chat);
        let headline = m::did(lang, Some(&press.actor.name), &phrase(lang));
        let Ok(message) = i32::try_from(message) else {
            continue;
        };
        let out = Sender {
            bot: &press.bot,
            chat: teloxide::types::ChatId(chat),
        };
        let screen = views::batch_card(lang, Some(headline), row, &press.family.settings, now);
        if let Err(e) = out.edit(MessageId(message), screen).await {
            tracing::debug!("could not update a reminder copy: {e}");
        }
    }
}

//! What happens when a button is pressed: check it against the chat's family, call the
//! action, and edit the message to show the result. The data is decoded and routed per
//! kind of button in `schema`; these are the endpoints it calls.

use crate::domain::reminders::Kind;
use std::sync::Arc;

use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, MessageId};

use super::button_data::{BatchAct, FamilyAct, SettingsAct};
use super::family;
use super::schema::Turn;
use super::send::{Screen, Sender};
use super::views;
use super::{Ctx, HandlerResult, TgBot};
use crate::app::{self, Act, Acted, Logged, Relogged};
use crate::domain::EventKind;
use crate::domain::batch::{Action, NewBatch, Sides, later_deadline};
use crate::domain::faq::Faq;
use crate::domain::settings::{Need, QUIET_PRESETS, QuietHours, zones_for_language};
use crate::domain::stash;
use crate::domain::{Ml, Place};
use crate::messages as m;
use crate::storage::{
    Actor, Awaited, AwaitedReply, BatchRow, FamilyRow, Origin, Pending, StashFilter,
};

/// Everything a button handler needs about the press: built once per press by [`press`].
#[derive(Clone)]
pub struct Press {
    ctx: Arc<Ctx>,
    bot: TgBot,
    chat: ChatId,
    message: MessageId,
    family: FamilyRow,
    actor: Actor,
    /// Show who did what (in groups).
    in_group: bool,
    update_id: Option<i64>,
    /// The presser's Telegram language, to suggest timezones.
    language: Option<String>,
    turn: Arc<Turn>,
}

impl Press {
    fn out(&self) -> Sender<'_> {
        Sender {
            bot: &self.bot,
            chat: self.chat,
        }
    }

    fn who(&self) -> Option<&str> {
        self.in_group.then_some(self.actor.name.as_str())
    }

    async fn show(&self, screen: Screen) -> HandlerResult {
        self.out().edit(self.message, screen).await?;
        Ok(())
    }

    /// Done; `note` is shown on the button as a short toast.
    fn noted(&self, note: Option<String>) -> HandlerResult {
        self.turn.toast(note);
        Ok(())
    }
}

/// The pressed message's family (met now, when new) and the presser, who is noted as an
/// active member. None for a button not on a message, or when storage failed (noted in
/// `turn`, so the update is settled failed).
pub async fn press(
    bot: TgBot,
    q: CallbackQuery,
    update: Update,
    ctx: Arc<Ctx>,
    turn: Arc<Turn>,
) -> Option<Press> {
    let message = q.regular_message()?;
    let chat = &message.chat;
    let now = ctx.clock.now();
    let found = ctx
        .db
        .family_for_chat(super::handlers::new_chat(chat), ctx.default_tz, now)
        .await;
    let (family, _) = match found {
        Ok(found) => found,
        Err(e) => {
            turn.fail(e.into());
            return None;
        }
    };
    let actor = Actor::new(q.from.id.0 as i64, &q.from.first_name);
    let private = chat.is_private().then_some(chat.id.0);
    let touched = ctx
        .db
        .touch_member(family.id, actor.id, &actor.name, private, now)
        .await;
    if let Err(e) = touched {
        turn.fail(e.into());
        return None;
    }
    Some(Press {
        chat: chat.id,
        message: message.id,
        in_group: !chat.is_private(),
        ctx,
        bot,
        family,
        actor,
        update_id: Some(i64::from(update.id.0)),
        language: q.from.language_code.clone(),
        turn,
    })
}

/// Button data that does not decode (malformed, from an older version, or forged).
pub async fn stale(press: Press) -> HandlerResult {
    press.noted(Some(m::STALE_BUTTON.into()))
}

pub async fn noop() -> HandlerResult {
    Ok(())
}

pub async fn log_start(press: Press) -> HandlerResult {
    let recent = press.ctx.db.recent_batches(press.family.id, 10).await?;
    press
        .show(views::log_amount(&press.family.settings, &recent))
        .await
}

pub async fn log_amount(press: Press, ml: u32) -> HandlerResult {
    let unit = press.family.settings.unit;
    press.show(views::log_place(Ml(ml), unit)).await
}

pub async fn log_place(press: Press, (ml, place): (u32, Place)) -> HandlerResult {
    let unit = press.family.settings.unit;
    press.show(views::log_when(Ml(ml), place, unit)).await
}

pub async fn log_earlier(press: Press, (ml, place): (u32, Place)) -> HandlerResult {
    let unit = press.family.settings.unit;
    press.show(views::log_earlier(Ml(ml), place, unit)).await
}

pub async fn log_cancel(press: Press) -> HandlerResult {
    // A time or place typed after "Type it" must not log what was cancelled.
    press
        .ctx
        .db
        .reply_handled(press.chat.0, press.actor.id, None)
        .await?;
    press.show(Screen::text(m::LOG_CANCELLED)).await
}

/// "Type it" for the time of a batch not logged yet: the presser's next text here is
/// read as the time, and logs it.
pub async fn log_type_time(press: Press, (ml, place): (u32, Place)) -> HandlerResult {
    let pending = Pending {
        ml: Ml(ml),
        place: Some(place),
    };
    await_pending(&press, Awaited::LogTime, pending).await?;
    let unit = press.family.settings.unit;
    let screen = views::log_type_time(Ml(ml), place, unit, press.in_group);
    press.show(screen).await
}

/// "Type it" for the place of a batch not logged yet: the presser's next text here is
/// read as the place, then the time is asked.
pub async fn log_type_place(press: Press, ml: u32) -> HandlerResult {
    let pending = Pending {
        ml: Ml(ml),
        place: None,
    };
    await_pending(&press, Awaited::LogPlace, pending).await?;
    let unit = press.family.settings.unit;
    press
        .show(views::log_type_place(Ml(ml), unit, press.in_group))
        .await
}

async fn await_pending(press: &Press, kind: Awaited, pending: Pending) -> HandlerResult {
    let reply = AwaitedReply {
        family_id: press.family.id,
        batch_id: None,
        kind,
        pending: Some(pending),
    };
    let now = press.ctx.clock.now();
    press
        .ctx
        .db
        .await_reply(press.chat.0, press.actor.id, reply, now)
        .await?;
    Ok(())
}

/// Log, expressed this many minutes before the press.
pub async fn log_ago(press: Press, (ml, place, ago_min): (u32, Place, u32)) -> HandlerResult {
    let at = press.ctx.clock.now() - Duration::minutes(ago_min.into());
    let note = log_commit(&press, Ml(ml), place, at).await?;
    press.noted(note)
}

/// Log, expressed at this minute since the Unix epoch.
pub async fn log_at(press: Press, (ml, place, at_min): (u32, Place, u32)) -> HandlerResult {
    let now = press.ctx.clock.now();
    let at = chrono::DateTime::from_timestamp(i64::from(at_min) * 60, 0).unwrap_or(now);
    let note = log_commit(&press, Ml(ml), place, at).await?;
    press.noted(note)
}

pub async fn batch(press: Press, (id, version, act): (i64, i64, BatchAct)) -> HandlerResult {
    let note = batch_press(&press, id, version, act).await?;
    press.noted(note)
}

pub async fn stash_page(press: Press, page: u32) -> HandlerResult {
    let screen = stash_screen(&press.ctx, &press.family, page as usize).await?;
    press.show(screen).await
}

pub async fn settings(press: Press, act: SettingsAct) -> HandlerResult {
    let note = settings_press(&press, act).await?;
    press.noted(note)
}

pub async fn faq_menu(press: Press) -> HandlerResult {
    press.show(views::faq_menu(Faq::bundled())).await
}

pub async fn faq_category(press: Press, index: u8) -> HandlerResult {
    match views::faq_category(Faq::bundled(), usize::from(index)) {
        Some(screen) => press.show(screen).await,
        None => press.noted(Some(m::STALE_BUTTON.into())),
    }
}

pub async fn faq_topic(press: Press, id: String) -> HandlerResult {
    let faq = Faq::bundled();
    match faq.topic(&id) {
        Some(topic) => {
            press
                .show(views::faq_topic(faq, topic, &press.family.settings))
                .await
        }
        None => press.noted(Some(m::STALE_BUTTON.into())),
    }
}

pub async fn step(press: Press, index: u8) -> HandlerResult {
    press.show(views::walkthrough(usize::from(index))).await
}

pub async fn steps_done(press: Press) -> HandlerResult {
    press.show(Screen::text(m::STEPS_DONE)).await
}

pub async fn join(press: Press, (code, merge): (String, bool)) -> HandlerResult {
    if press.in_group {
        return press.noted(Some(m::JOIN_IN_GROUP.into()));
    }
    let ctx = &*press.ctx;
    let merged = if merge {
        ctx.db
            .batches(press.family.id, StashFilter::Stored)
            .await?
            .len()
    } else {
        0
    };
    let screen = family::join(
        ctx,
        press.chat.0,
        (press.actor.id, &press.actor.name),
        &code,
        merge,
        merged,
    )
    .await?;
    press.show(screen).await
}

pub async fn family(press: Press, act: FamilyAct) -> HandlerResult {
    let note = family_press(&press, act).await?;
    press.noted(note)
}

/// "Switch sides" in this many minutes.
pub async fn switch_sides(press: Press, minutes: u8) -> HandlerResult {
    if !views::SWITCH_MINUTES.contains(&minutes) {
        return press.noted(Some(m::STALE_BUTTON.into()));
    }
    let now = press.ctx.clock.now();
    app::remind_switch_sides(
        &press.ctx.db,
        &press.family,
        press.chat.0,
        minutes,
        press.update_id,
        now,
    )
    .await?;
    press.noted(Some(m::switch_scheduled(minutes)))
}

async fn log_commit(
    press: &Press,
    ml: Ml,
    place: Place,
    expressed_at: chrono::DateTime<chrono::Utc>,
) -> Result<Option<String>, super::HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    let new = NewBatch {
        amount: ml,
        place,
        expressed_at,
        sides: Sides::default(),
    };
    // The flow message is the origin: pressing twice on it never logs twice.
    let origin = Origin {
        chat_id: press.chat.0,
        message_id: i64::from(press.message.0),
    };
    let logged = app::log_batch(
        &ctx.db,
        &press.family,
        &press.actor,
        new,
        Some(origin),
        press.update_id,
        now,
    )
    .await?;
    match logged {
        Logged::New(row) => {
            let headline = m::did(
                press.who(),
                &m::logged_phrase(row.state.amount, place, settings.unit),
            );
            press
                .show(views::logged_card(
                    format!("✅ {headline}"),
                    &row,
                    settings,
                    now,
                    None,
                ))
                .await?;
            Ok(None)
        }
        Logged::Again(row) => {
            press
                .show(views::batch_card(None, &row, settings, now))
                .await?;
            Ok(Some(m::ALREADY_LOGGED.into()))
        }
        Logged::Invalid(e) => Ok(Some(m::batch_error(&e, settings.unit, now, settings.tz))),
        Logged::Full { stored } => {
            press.show(Screen::text(m::stash_full(stored))).await?;
            Ok(None)
        }
    }
}

async fn batch_press(
    press: &Press,
    id: i64,
    version: i64,
    act: BatchAct,
) -> Result<Option<String>, super::HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    let family_id = press.family.id;
    let Some(row) = ctx.db.batch(family_id, id).await? else {
        return Ok(Some(m::NOT_YOUR_BATCH.into()));
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
    // Menus only show choices; the choice itself is checked against the version.
    let menu = match act {
        BatchAct::UseMenu => Some(views::use_menu(&row, settings, now)),
        BatchAct::DiscardMenu => Some(views::discard_menu(&row, settings, now)),
        BatchAct::EditMenu => Some(views::edit_menu(&row, settings, now)),
        BatchAct::AmountMenu => Some(views::amount_menu(&row, settings, now)),
        BatchAct::LeftoverMenu => Some(views::leftover_menu(&row, settings, now)),
        BatchAct::LeftoverType => Some(views::leftover_typed(&row, settings, now)),
        BatchAct::LeftoverAmount(ml) => Some(views::leftover_when(&row, Ml(ml), settings, now)),
        BatchAct::TimeMenu => Some(views::time_menu(&row, settings, now)),
        _ => None,
    };
    if let Some(screen) = menu {
        if row.version != version {
            refresh(press, &row, None).await?;
            return Ok(Some(m::BATCH_CHANGED.into()));
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
                .show(views::confirm_time(&row, at, deadlines, settings, now))
                .await?;
            return Ok(None);
        }
    }
    let action = match act {
        BatchAct::Move(to) => Act::Apply(Action::Move(to)),
        BatchAct::Use(ml) => Act::Apply(Action::Use(ml.map(Ml))),
        BatchAct::Discard(reason) => Act::Apply(Action::Discard(reason)),
        BatchAct::Undo => Act::Undo,
        BatchAct::SetAgo(min) => {
            Act::Apply(Action::SetExpressed(now - Duration::minutes(min.into())))
        }
        BatchAct::SetAt(min) => match chrono::DateTime::from_timestamp(i64::from(min) * 60, 0) {
            Some(at) => Act::Apply(Action::SetExpressed(at)),
            None => return Ok(Some(m::STALE_BUTTON.into())),
        },
        BatchAct::SetAmount(ml) => Act::Apply(Action::SetAmount(Ml(ml))),
        BatchAct::Snooze(minutes) => Act::Snooze(minutes),
        BatchAct::Leftover(ml, ago) => {
            if !views::FEED_ENDED.contains(&ago) {
                return Ok(Some(m::STALE_BUTTON.into()));
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
        | BatchAct::UseMenu
        | BatchAct::DiscardMenu
        | BatchAct::EditMenu
        | BatchAct::AmountMenu
        | BatchAct::TimeMenu => return Ok(None),
    };
    let acted = app::act(
        &ctx.db,
        &press.family,
        &press.actor,
        id,
        version,
        action,
        press.update_id,
        now,
    )
    .await?;
    let unit = settings.unit;
    let tz = settings.tz;
    match acted {
        Acted::Done {
            before,
            after,
            act,
            used,
            undid,
        } => {
            let phrase = done_phrase(&before, &after, act, used, undid, settings, now);
            refresh(press, &after, Some(m::did(press.who(), &phrase))).await?;
            update_other_copies(press, &after, &phrase).await;
            // Milk left the frozen stash (used, discarded, thawed): is it running short?
            if before.state.place.is_frozen() {
                app::check_low_stash(&ctx.db, &press.family, now).await?;
            }
            Ok(None)
        }
        Acted::Refused { batch, why } => {
            refresh(press, &batch, None).await?;
            Ok(Some(m::batch_error(&why, unit, now, tz)))
        }
        Acted::Stale { current }
        | Acted::Duplicate {
            current: Some(current),
        } => {
            refresh(press, &current, None).await?;
            Ok(Some(m::BATCH_CHANGED.into()))
        }
        Acted::NothingToUndo { batch } => {
            refresh(press, &batch, None).await?;
            Ok(Some(m::NOTHING_TO_UNDO.into()))
        }
        Acted::Snoozed { batch, until } => {
            refresh(press, &batch, Some(m::snoozed_phrase(until, now, tz))).await?;
            Ok(None)
        }
        Acted::NotFound | Acted::Duplicate { current: None } => Ok(Some(m::NOT_YOUR_BATCH.into())),
    }
}

/// "✔ Yes, change it" under an edited logging message that gives the milk more time.
async fn relog(
    press: &Press,
    row: BatchRow,
    version: i64,
    (ml, place, at_min, left, right): (u32, Place, u32, Option<u32>, Option<u32>),
) -> Result<Option<String>, super::HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let settings = &press.family.settings;
    if row.version != version {
        refresh(press, &row, None).await?;
        return Ok(Some(m::BATCH_CHANGED.into()));
    }
    let Some(expressed_at) = chrono::DateTime::from_timestamp(i64::from(at_min) * 60, 0) else {
        return Ok(Some(m::STALE_BUTTON.into()));
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
            let phrase = m::relogged_phrase(after.state.amount, after.state.place, settings.unit);
            refresh(press, &after, Some(m::did(press.who(), &phrase))).await?;
            Ok(None)
        }
        Relogged::Refused { batch, why } => {
            refresh(press, &batch, None).await?;
            Ok(Some(m::batch_error(&why, settings.unit, now, settings.tz)))
        }
        Relogged::Again(current) => {
            refresh(press, &current, None).await?;
            Ok(Some(m::BATCH_CHANGED.into()))
        }
    }
}

/// What a change did, in words: "moved 90 ml to the freezer", "changed the time to ...".
pub(super) fn done_phrase(
    before: &BatchRow,
    after: &BatchRow,
    act: Act,
    used: Option<Ml>,
    undid: Option<EventKind>,
    settings: &crate::domain::settings::Settings,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let (unit, tz) = (settings.unit, settings.tz);
    match act {
        Act::Apply(Action::Move(to)) => {
            m::moved_phrase(before.state.amount, before.state.place, to, unit)
        }
        Act::Apply(Action::Use(_)) => {
            m::used_phrase(used.unwrap_or_default(), after.state.amount, unit)
        }
        Act::Apply(Action::Discard(reason)) => {
            m::discarded_phrase(before.state.amount, reason, unit)
        }
        Act::Apply(Action::SetAmount(ml)) => m::edited_amount_phrase(ml, unit),
        Act::Apply(Action::SetExpressed(at)) => m::edited_time_phrase(at, now, tz),
        Act::Apply(Action::Leftover { left, ended_at }) => {
            m::leftover_phrase(used, left, ended_at, now, tz, unit)
        }
        Act::Undo => m::undo_phrase(undid, before.logged, unit),
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
            .show(views::batch_card(headline, row, settings, now))
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
        .show(views::digest(&items, headline, settings, now))
        .await
}

/// A reminder about this batch may sit in other chats too (the group and a private
/// chat): show there what was done, and by whom. Best effort.
async fn update_other_copies(press: &Press, row: &BatchRow, phrase: &str) {
    let ctx = &*press.ctx;
    let here = (press.chat.0, i64::from(press.message.0));
    let Ok(copies) = ctx.db.batch_reminder_messages(row.id).await else {
        return;
    };
    let now = ctx.clock.now();
    let headline = m::did(Some(&press.actor.name), phrase);
    for (chat, message) in copies.into_iter().filter(|c| *c != here) {
        let Ok(message) = i32::try_from(message) else {
            continue;
        };
        let out = Sender {
            bot: &press.bot,
            chat: teloxide::types::ChatId(chat),
        };
        let screen = views::batch_card(Some(headline.clone()), row, &press.family.settings, now);
        if let Err(e) = out.edit(MessageId(message), screen).await {
            tracing::debug!("could not update a reminder copy: {e}");
        }
    }
}

async fn family_press(
    press: &Press,
    act: FamilyAct,
) -> Result<Option<String>, super::HandlerError> {
    let ctx = &*press.ctx;
    let bot = &press.bot;
    let user = press.actor.id;
    let refusal = |need| async move {
        let rights = family::rights(bot, ctx, &press.family, user, need).await?;
        Ok::<_, super::HandlerError>(rights.refusal().map(str::to_owned))
    };
    let member_name = |member: i64| async move {
        let members = ctx.db.members(press.family.id).await?;
        Ok::<_, super::HandlerError>(
            members
                .into_iter()
                .find(|mb| mb.user_id == member)
                .map(|mb| mb.name),
        )
    };
    match act {
        FamilyAct::Show => {}
        FamilyAct::Pref(pref) => {
            ctx.db.set_member_pref(press.family.id, user, pref).await?;
            if ctx.db.private_falls_back(press.family.id, user).await? {
                let text = m::private_not_linked(&press.actor.name);
                press.out().send(Screen::text(text)).await?;
            }
        }
        FamilyAct::Invite => {
            if let Some(why) = refusal(Need::Settings).await? {
                return Ok(Some(why));
            }
            let me = bot.get_me().await?;
            let name = me.user.username.as_deref().unwrap_or("");
            let screen = family::invite_screen(ctx, &press.family, user, name).await?;
            press.out().send(screen).await?;
            return Ok(None);
        }
        FamilyAct::Remove(member) => {
            if let Some(why) = refusal(Need::Members).await? {
                return Ok(Some(why));
            }
            let Some(name) = member_name(member).await? else {
                return Ok(Some(m::STALE_BUTTON.into()));
            };
            press.show(family::remove_ask(&name, member)).await?;
            return Ok(None);
        }
        FamilyAct::RemoveYes(member) => {
            if let Some(why) = refusal(Need::Members).await? {
                return Ok(Some(why));
            }
            let Some(name) = member_name(member).await? else {
                return Ok(Some(m::STALE_BUTTON.into()));
            };
            ctx.db
                .remove_member(press.family.id, member, ctx.clock.now())
                .await?;
            let groups = family::group_chats(ctx, press.family.id).await?;
            let notice = m::member_removed_notice(&press.actor.name, &name);
            family::announce(bot, &groups, &notice).await;
            let admin = true;
            let screen = family::family_screen(ctx, &press.family, user, admin).await?;
            press.show(screen).await?;
            return Ok(Some(m::member_removed(&name)));
        }
        FamilyAct::Leave => return Ok(Some(m::LEAVE_IN_GROUP.into())),
        FamilyAct::Forget(false) => {
            press.show(Screen::text(m::FORGET_CANCELLED)).await?;
            return Ok(None);
        }
        FamilyAct::Forget(true) => {
            if let Some(why) = refusal(Need::Members).await? {
                return Ok(Some(why));
            }
            let groups = family::group_chats(ctx, press.family.id).await?;
            let gone = ctx.db.forget_family(press.family.id).await?;
            press
                .show(Screen::text(m::forgotten(press.who(), &gone)))
                .await?;
            // The other groups hear who did it; this chat just saw it.
            let elsewhere: Vec<i64> = groups.into_iter().filter(|g| *g != press.chat.0).collect();
            let notice = m::forgotten(Some(&press.actor.name), &gone);
            family::announce(bot, &elsewhere, &notice).await;
            return Ok(None);
        }
    }
    let admin = refusal(Need::Members).await?.is_none();
    let screen = family::family_screen(ctx, &press.family, user, admin).await?;
    press.show(screen).await?;
    Ok(None)
}

/// The stash view for a family, as a screen.
pub async fn stash_screen(
    ctx: &Ctx,
    family: &FamilyRow,
    page: usize,
) -> Result<Screen, super::HandlerError> {
    let now = ctx.clock.now();
    let rows = ctx.db.batches(family.id, StashFilter::Stored).await?;
    let entries: Vec<_> = rows.iter().map(|r| (r.id, r.state)).collect();
    let view = stash::view(&entries, family.settings.guideline(), now);
    Ok(views::stash(&view, &family.settings, now, page))
}

async fn settings_press(
    press: &Press,
    act: SettingsAct,
) -> Result<Option<String>, super::HandlerError> {
    let ctx = &*press.ctx;
    let now = ctx.clock.now();
    let current = &press.family.settings;
    // Screens that only show something.
    let screen = match act {
        SettingsAct::Show => Some(views::settings(current, now)),
        SettingsAct::TimezoneMenu => Some(views::timezone_menu(current)),
        SettingsAct::ProfileMenu => Some(views::profile_menu(current)),
        SettingsAct::FridgeMenu => Some(views::fridge_menu(current)),
        SettingsAct::RemindersMenu => Some(views::reminders_menu(current)),
        SettingsAct::Close => Some(Screen::text(m::SETTINGS_CLOSED)),
        _ => None,
    };
    if let Some(screen) = screen {
        press.show(screen).await?;
        return Ok(None);
    }
    // Screens that come as a new message (the one pressed stays as it was).
    let message = match act {
        SettingsAct::ZoneQuestion => {
            let zones = zones_for_language(press.language.as_deref());
            Some(views::zone_question(&zones, current, now, press.in_group))
        }
        // Telegram offers a location button in private chats only.
        SettingsAct::AskLocation if !press.in_group => Some(views::ask_location()),
        SettingsAct::AskLocation | SettingsAct::AskCity => {
            // The presser's next text here is read as the city.
            let reply = AwaitedReply {
                family_id: press.family.id,
                batch_id: None,
                kind: Awaited::City,
                pending: None,
            };
            let (chat, user) = (press.chat.0, press.actor.id);
            ctx.db.await_reply(chat, user, reply, now).await?;
            let text = if press.in_group {
                m::ASK_CITY_GROUP
            } else {
                m::ASK_CITY
            };
            Some(Screen::text(text))
        }
        _ => None,
    };
    if let Some(message) = message {
        press.out().send(message).await?;
        return Ok(None);
    }
    // Changes: for admins, unless the family lets everyone. Who may do what is itself
    // decided like removing a member, or anyone could open everything to everyone.
    let need = match act {
        SettingsAct::Access(_) => Need::Members,
        _ => Need::Settings,
    };
    let rights = family::rights(&press.bot, ctx, &press.family, press.actor.id, need).await?;
    if let Some(why) = rights.refusal() {
        return Ok(Some(why.into()));
    }
    let mut settings = current.clone();
    let mut reminders_screen = false;
    match act {
        SettingsAct::Unit(unit) => settings.unit = unit,
        SettingsAct::Timezone(i) => {
            let Some(tz) = views::COMMON_TIMEZONES
                .get(usize::from(i))
                .and_then(|name| name.parse().ok())
            else {
                return Ok(Some(m::STALE_BUTTON.into()));
            };
            settings.tz = tz;
            settings.tz_chosen = true;
        }
        SettingsAct::Zone(tz) => {
            settings.tz = tz;
            settings.tz_chosen = true;
        }
        SettingsAct::Profile(p) => settings.profile = p,
        SettingsAct::Access(access) => settings.access = access,
        SettingsAct::Fridge(cold) => settings.cold_fridge = Some(cold),
        SettingsAct::Lead(class, minutes) => {
            if !class.choices().contains(&minutes) {
                return Ok(Some(m::STALE_BUTTON.into()));
            }
            settings.leads.set(class, minutes);
            reminders_screen = true;
        }
        SettingsAct::Quiet(i) => {
            let Some(preset) = QUIET_PRESETS.get(usize::from(i)) else {
                return Ok(Some(m::STALE_BUTTON.into()));
            };
            settings.quiet = preset.and_then(|(start, end)| QuietHours::new(start, end));
            reminders_screen = true;
        }
        SettingsAct::Morning(on) => {
            settings.morning_digest = on;
            reminders_screen = true;
        }
        SettingsAct::LowStash(days) => {
            let choice = (days > 0).then_some(u32::from(days));
            if !views::LOW_STASH_CHOICES.contains(&choice) {
                return Ok(Some(m::STALE_BUTTON.into()));
            }
            settings.low_stash_days = choice;
            reminders_screen = true;
        }
        SettingsAct::Weekly(on) => {
            settings.weekly_summary = on;
            reminders_screen = true;
        }
        SettingsAct::Show
        | SettingsAct::ZoneQuestion
        | SettingsAct::AskLocation
        | SettingsAct::AskCity
        | SettingsAct::TimezoneMenu
        | SettingsAct::ProfileMenu
        | SettingsAct::FridgeMenu
        | SettingsAct::RemindersMenu
        | SettingsAct::Close => return Ok(None),
    }
    let family = app::change_settings(&ctx.db, &press.family, settings, now).await?;
    let who = &press.actor.name;
    super::announce::settings_changed(&press.bot, ctx, family.id, who, current, &family.settings)
        .await?;
    let screen = if reminders_screen {
        views::reminders_menu(&family.settings)
    } else if matches!(act, SettingsAct::Profile(_)) && family.settings.should_ask_fridge() {
        // Asked once, when a guideline that depends on it is chosen.
        views::fridge_menu(&family.settings)
    } else {
        views::settings(&family.settings, now)
    };
    press.show(screen).await?;
    Ok(None)
}

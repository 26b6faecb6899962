//! What happens when a button is pressed: check it against the chat's family, call the
//! action, and edit the message to show the result. The data is decoded and routed per
//! kind of button in `schema`; these are the endpoints it calls.

mod batch;
mod log;
mod members;
mod settings;

use crate::domain::reminders::Kind;
pub use batch::*;
pub use log::*;
pub use members::*;
pub use settings::*;
use std::sync::Arc;

use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, MessageId};

use super::board::with_board_button;
use super::button_data::{BatchAct, FamilyAct, SettingsAct};
use super::family;
use super::schema::Turn;
use super::send::{Screen, Sender};
use super::views;
use super::{Ctx, HandlerError, HandlerResult, TgBot};
use crate::app::{self, Act, Acted, Logged, Relogged};
use crate::domain::EventKind;
use crate::domain::batch::{Action, NewBatch, Sides, later_deadline};
use crate::domain::faq::Faq;
use crate::domain::settings::{Need, QUIET_PRESETS, QuietHours, zones_for_language};
use crate::domain::stash;
use crate::domain::{Lang, Ml, Place};
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
    /// The language this chat is spoken to in.
    lang: Lang,
    update_id: Option<i64>,
    /// The presser's Telegram language, to suggest timezones.
    language: Option<String>,
    /// The batches listed on the pressed message (several logged in one message), in
    /// order, read from its buttons.
    listed: Vec<i64>,
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
    let actor = Actor::new(q.from.id.0 as i64, &q.from.first_name);
    let private = chat.is_private().then_some(chat.id.0);
    let found = ctx
        .db
        .family_for_member(
            super::handlers::new_chat(chat),
            &actor,
            private,
            ctx.default_tz,
            now,
        )
        .await;
    let found = match found {
        Ok((family, chat)) => super::handlers::chat_lang(&ctx, &chat, Some(&q.from))
            .await
            .map(|lang| (family, lang)),
        Err(e) => Err(e),
    };
    let (family, lang) = match found {
        Ok(found) => found,
        Err(e) => {
            turn.fail(e.into());
            return None;
        }
    };
    Some(Press {
        lang,
        chat: chat.id,
        message: message.id,
        in_group: !chat.is_private(),
        ctx,
        bot,
        family,
        actor,
        update_id: Some(i64::from(update.id.0)),
        language: q.from.language_code.clone(),
        listed: listed_batches(message),
        turn,
    })
}

/// The batches a list of several logged batches names, in order: its buttons hold them.
fn listed_batches(message: &Message) -> Vec<i64> {
    use teloxide::types::InlineKeyboardButtonKind;
    let mut ids: Vec<i64> = Vec::new();
    let buttons = message
        .reply_markup()
        .into_iter()
        .flat_map(|markup| markup.inline_keyboard.iter().flatten());
    for button in buttons {
        let InlineKeyboardButtonKind::CallbackData(data) = &button.kind else {
            continue;
        };
        if let Some(super::button_data::Cb::Batch {
            id,
            act: BatchAct::OpenListed | BatchAct::UndoListed,
            ..
        }) = super::button_data::Cb::decode(data)
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

/// Button data that does not decode (malformed, from an older version, or forged).
pub async fn stale(press: Press) -> HandlerResult {
    press.noted(Some(m::stale_button(press.lang)))
}

pub async fn noop() -> HandlerResult {
    Ok(())
}

pub async fn stash_page(press: Press, page: u32) -> HandlerResult {
    let screen = stash_screen(press.lang, &press.ctx, &press.family, page as usize).await?;
    let door = press.ctx.board.as_ref();
    let screen = with_board_button(screen, door, press.chat, press.in_group, press.lang);
    press.show(screen).await
}

pub async fn faq_menu(press: Press) -> HandlerResult {
    press
        .show(views::faq_menu(press.lang, Faq::bundled_for(press.lang)))
        .await
}

pub async fn faq_category(press: Press, index: u8) -> HandlerResult {
    match views::faq_category(press.lang, Faq::bundled_for(press.lang), usize::from(index)) {
        Some(screen) => press.show(screen).await,
        None => press.noted(Some(m::stale_button(press.lang))),
    }
}

pub async fn faq_topic(press: Press, id: String) -> HandlerResult {
    let faq = Faq::bundled_for(press.lang);
    match faq.topic(&id) {
        Some(topic) => {
            press
                .show(views::faq_topic(
                    press.lang,
                    faq,
                    topic,
                    &press.family.settings,
                ))
                .await
        }
        None => press.noted(Some(m::stale_button(press.lang))),
    }
}

pub async fn step(press: Press, index: u8) -> HandlerResult {
    press
        .show(views::walkthrough(press.lang, usize::from(index)))
        .await
}

pub async fn steps_done(press: Press) -> HandlerResult {
    press.show(Screen::text(m::steps_done(press.lang))).await
}

pub async fn join(press: Press, (code, merge): (String, bool)) -> HandlerResult {
    if press.in_group {
        return press.noted(Some(m::join_in_group(press.lang)));
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
        (press.chat.0, press.lang),
        (press.actor.id, &press.actor.name),
        &code,
        merge,
        merged,
    )
    .await?;
    press.show(screen).await
}

/// "Switch sides" in this many minutes.
pub async fn switch_sides(press: Press, minutes: u8) -> HandlerResult {
    if !views::SWITCH_MINUTES.contains(&minutes) {
        return press.noted(Some(m::stale_button(press.lang)));
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
    press.noted(Some(m::switch_scheduled(press.lang, minutes)))
}

/// The stash view for a family, as a screen.
pub async fn stash_screen(
    lang: Lang,
    ctx: &Ctx,
    family: &FamilyRow,
    page: usize,
) -> Result<Screen, HandlerError> {
    let now = ctx.clock.now();
    let rows = ctx.db.batches(family.id, StashFilter::Stored).await?;
    let entries: Vec<_> = rows.iter().map(|r| (r.id, r.state)).collect();
    let view = stash::view(&entries, family.settings.guideline(), now);
    Ok(views::stash(lang, &view, &family.settings, now, page))
}

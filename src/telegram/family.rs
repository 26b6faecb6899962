//! Families in Telegram: the bot joining and leaving groups, group-to-supergroup
//! migration, invite links, /family, /leave, /export, /forget, and who may change what.

use std::sync::Arc;

use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::{
    ChatMemberUpdated, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Me, UserId,
};

use super::callback::{Cb, FamilyAct};
use super::keyboards::main_keyboard;
use super::send::{Screen, Sender};
use super::{Ctx, HandlerError, HandlerResult, TgBot};
use crate::domain::Ml;
use crate::domain::family::{INVITE_CODE_LEN, ReminderPref, invite_payload};
use crate::messages as m;
use crate::storage::{FamilyRow, StashFilter};

/// How long an invite link works.
pub const INVITE_DAYS: i64 = 7;

/// The bot was added to or removed from a chat.
pub async fn on_my_chat_member(
    bot: TgBot,
    member: ChatMemberUpdated,
    me: Me,
    update: Update,
    ctx: Arc<Ctx>,
) -> HandlerResult {
    if ctx.stopping.is_cancelled() {
        return Ok(());
    }
    let result = membership(&bot, &member, &me, &ctx).await;
    super::inbox::settle(&ctx, &update, result).await
}

async fn membership(bot: &TgBot, update: &ChatMemberUpdated, me: &Me, ctx: &Ctx) -> HandlerResult {
    let chat = &update.chat;
    let was_in = update.old_chat_member.is_present();
    let is_in = update.new_chat_member.is_present();
    let now = ctx.clock.now();
    if is_in && !was_in {
        let known = ctx.db.chat(chat.id.0).await?;
        ctx.db
            .family_for_chat(super::handlers::new_chat(chat), ctx.default_tz, now)
            .await?;
        if chat.is_private() {
            return Ok(());
        }
        let text = match known {
            Some(_) => m::WELCOME_BACK.to_owned(),
            None => m::group_welcome(me.user.username.as_deref().unwrap_or("")),
        };
        let out = Sender { bot, chat: chat.id };
        out.send(Screen::text(text).with(main_keyboard())).await?;
    } else if was_in && !is_in {
        tracing::info!("removed from chat {}: pausing its reminders", chat.id);
        ctx.db.set_chat_active(chat.id.0, false).await?;
    }
    Ok(())
}

/// A group became a supergroup: the family moves to the new chat id.
pub async fn migrate(ctx: &Ctx, old: i64, new: i64) -> Result<(), HandlerError> {
    tracing::info!("chat {old} migrated to {new}");
    ctx.db.migrate_chat(old, new).await?;
    Ok(())
}

/// Whether `user` may change settings or members of `family` (from chat `chat`).
pub async fn may_administer(
    bot: &TgBot,
    ctx: &Ctx,
    family: &FamilyRow,
    user: i64,
) -> Result<bool, HandlerError> {
    if family.settings.open_admin {
        return Ok(true);
    }
    let groups: Vec<i64> = ctx
        .db
        .family_chats(family.id)
        .await?
        .into_iter()
        .filter(|c| c.kind != "private" && c.active)
        .map(|c| c.id)
        .collect();
    if groups.is_empty() {
        return Ok(true);
    }
    let Ok(user_id) = u64::try_from(user) else {
        return Ok(false);
    };
    for group in groups {
        match bot.get_chat_member(ChatId(group), UserId(user_id)).await {
            Ok(member) if member.is_privileged() => return Ok(true),
            Ok(_) => {}
            Err(e) => tracing::debug!(
                "getChatMember failed: {}",
                super::describe_request_error(&e)
            ),
        }
    }
    Ok(false)
}

fn random_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..INVITE_CODE_LEN)
        .map(|_| char::from(ALPHABET[rand::random_range(0..ALPHABET.len())]))
        .collect()
}

/// `/invite`: a single-use link that joins someone's private chat to this family.
pub async fn invite_screen(
    ctx: &Ctx,
    family: &FamilyRow,
    user: i64,
    bot_name: &str,
) -> Result<Screen, HandlerError> {
    let now = ctx.clock.now();
    let code = random_code();
    ctx.db
        .create_invite(
            family.id,
            user,
            &code,
            now,
            now + Duration::days(INVITE_DAYS),
        )
        .await?;
    let link = format!("https://t.me/{bot_name}?start={}", invite_payload(&code));
    let mut screen = Screen::text(m::invite(&link, INVITE_DAYS));
    if let Ok(url) = link.parse() {
        screen = screen.with(InlineKeyboardMarkup::new([[InlineKeyboardButton::url(
            m::INVITE_OPEN,
            url,
        )]]));
    }
    Ok(screen)
}

/// `/start join_<code>` in a private chat. Asks before bringing an existing stash along.
pub async fn start_join(
    ctx: &Ctx,
    family: &FamilyRow,
    chat_id: i64,
    user: (i64, &str),
    code: &str,
) -> Result<Screen, HandlerError> {
    let now = ctx.clock.now();
    let Some(target) = ctx.db.invite_family(code, now).await? else {
        return Ok(Screen::text(m::JOIN_INVALID));
    };
    if target == family.id {
        return Ok(Screen::text(m::ALREADY_IN_FAMILY));
    }
    let stash = ctx.db.batches(family.id, StashFilter::Stored).await?;
    if !stash.is_empty() {
        let total: Ml = stash.iter().map(|b| b.state.amount).sum();
        let join = |merge: bool| Cb::Join {
            code: code.to_owned(),
            merge,
        };
        let keyboard = InlineKeyboardMarkup::new([
            [InlineKeyboardButton::callback(
                m::JOIN_MERGE,
                join(true).encode(),
            )],
            [InlineKeyboardButton::callback(
                m::JOIN_KEEP,
                join(false).encode(),
            )],
        ]);
        return Ok(
            Screen::text(m::join_ask_merge(stash.len(), total, family.settings.unit))
                .with(keyboard),
        );
    }
    join(ctx, chat_id, user, code, true, 0).await
}

/// Joins for real (after the question, if there was one).
pub async fn join(
    ctx: &Ctx,
    chat_id: i64,
    (user_id, name): (i64, &str),
    code: &str,
    merge: bool,
    merged_count: usize,
) -> Result<Screen, HandlerError> {
    let now = ctx.clock.now();
    match ctx
        .db
        .join_family(code, chat_id, user_id, name, merge, now)
        .await?
    {
        Some(_) => Ok(Screen::text(m::joined(merge.then_some(merged_count))).with(main_keyboard())),
        None => Ok(Screen::text(m::JOIN_INVALID)),
    }
}

/// `/family`: members and where each wants reminders; your own choice as buttons.
pub async fn family_screen(
    ctx: &Ctx,
    family: &FamilyRow,
    user: i64,
    admin: bool,
) -> Result<Screen, HandlerError> {
    let members = ctx.db.members(family.id).await?;
    let lines: Vec<(String, &'static str, bool)> = members
        .iter()
        .map(|mb| (mb.name.clone(), m::pref_label(mb.pref), mb.user_id == user))
        .collect();
    let mine = members
        .iter()
        .find(|mb| mb.user_id == user)
        .map(|mb| mb.pref)
        .unwrap_or(ReminderPref::Auto);
    let button = |label: String, act: FamilyAct| {
        InlineKeyboardButton::callback(label, Cb::Family(act).encode())
    };
    let mut rows: Vec<Vec<InlineKeyboardButton>> = ReminderPref::CHOICES
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|p| button(m::pref_button(*p, *p == mine), FamilyAct::Pref(*p)))
                .collect()
        })
        .collect();
    if admin {
        for mb in members.iter().filter(|mb| mb.user_id != user) {
            rows.push(vec![button(
                m::remove_button(&mb.name),
                FamilyAct::Remove(mb.user_id),
            )]);
        }
    }
    rows.push(vec![button(m::INVITE_BUTTON.into(), FamilyAct::Invite)]);
    Ok(Screen::text(m::family_list(&lines)).with(InlineKeyboardMarkup::new(rows)))
}

/// `/export`: the whole history as a CSV document.
pub async fn send_export(
    out: &Sender<'_>,
    ctx: &Ctx,
    family: &FamilyRow,
) -> Result<(), HandlerError> {
    let events = ctx.db.events(family.id).await?;
    if events.is_empty() {
        out.send(Screen::text(m::NOTHING_TO_EXPORT)).await?;
        return Ok(());
    }
    let csv = crate::export::history_csv(&events, &family.settings)?;
    let date = ctx
        .clock
        .now()
        .with_timezone(&family.settings.tz)
        .format("%Y-%m-%d");
    out.bot
        .send_document(
            out.chat,
            InputFile::memory(csv).file_name(format!("milkbot-history-{date}.csv")),
        )
        .caption(m::export_caption(events.len()))
        .await?;
    Ok(())
}

/// `/forget`: asks first.
pub async fn forget_screen(ctx: &Ctx, family: &FamilyRow) -> Result<Screen, HandlerError> {
    let batches = ctx.db.batches(family.id, StashFilter::All).await?.len();
    let keyboard = InlineKeyboardMarkup::new([
        [InlineKeyboardButton::callback(
            m::FORGET_YES,
            Cb::Family(FamilyAct::Forget(true)).encode(),
        )],
        [InlineKeyboardButton::callback(
            m::FORGET_NO,
            Cb::Family(FamilyAct::Forget(false)).encode(),
        )],
    ]);
    Ok(Screen::text(m::forget_ask(batches)).with(keyboard))
}

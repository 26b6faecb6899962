//! Families in Telegram: the bot joining and leaving groups, group-to-supergroup
//! migration, invite links, /family, /leave, /export, /forget, and who may change what.

use crate::domain::family::ChatType;
use std::sync::Arc;

use chrono::Duration;
use teloxide::prelude::*;
use teloxide::types::{
    ChatMemberUpdated, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Me, UserId,
};

use super::button_data::{Cb, FamilyAct};
use super::keyboards::main_keyboard;
use super::send::{Screen, Sender};
use super::{Ctx, HandlerError, HandlerResult, TgBot};
use crate::domain::family::{INVITE_CODE_LEN, ReminderPref, invite_payload};
use crate::domain::settings::{Need, zones_for_language};
use crate::domain::{Lang, Ml};
use crate::messages as m;
use crate::storage::{FamilyRow, StashFilter};

/// How long an invite link works.
pub const INVITE_DAYS: i64 = 7;

/// The bot was added to or removed from a chat.
pub async fn on_my_chat_member(
    bot: TgBot,
    member: ChatMemberUpdated,
    me: Me,
    ctx: Arc<Ctx>,
) -> HandlerResult {
    membership(&bot, &member, &me, &ctx).await
}

async fn membership(bot: &TgBot, update: &ChatMemberUpdated, me: &Me, ctx: &Ctx) -> HandlerResult {
    let chat = &update.chat;
    let was_in = update.old_chat_member.is_present();
    let is_in = update.new_chat_member.is_present();
    let now = ctx.clock.now();
    if is_in && !was_in {
        let known = ctx.db.chat(chat.id.0).await?;
        let (family, row) = ctx
            .db
            .family_for_chat(super::handlers::new_chat(chat), ctx.default_tz, now)
            .await?;
        // A group added by someone speaks their language until /language.
        let lang = super::handlers::chat_lang(ctx, &row, Some(&update.from)).await?;
        if chat.is_private() {
            return Ok(());
        }
        let text = match known {
            Some(_) => m::welcome_back(lang),
            None => m::group_welcome(lang, me.user.username.as_deref().unwrap_or("")),
        };
        let out = Sender { bot, chat: chat.id };
        out.send(Screen::text(text).with(main_keyboard(lang)))
            .await?;
        // First contact in a group: ask for the timezone (it says which one is used until
        // then), suggesting the zones of the Telegram language of whoever added the bot.
        if known.is_none() && !family.settings.tz_chosen {
            let zones = zones_for_language(update.from.language_code.as_deref());
            let settings = &family.settings;
            out.send(super::views::zone_question(
                lang, &zones, settings, now, true,
            ))
            .await?;
        }
    } else if was_in && !is_in {
        tracing::info!("removed from chat {}: pausing its reminders", chat.id);
        ctx.db.set_chat_active(chat.id.0, false).await?;
    }
    Ok(())
}

/// A group became a supergroup: the family moves to the new chat id.
pub async fn migrated(ctx: Arc<Ctx>, (old, new): (i64, i64)) -> HandlerResult {
    tracing::info!("chat {old} migrated to {new}");
    ctx.db.migrate_chat(old, new).await?;
    Ok(())
}

/// Whether someone may do an action that the family's [`Access`] setting governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rights {
    Allowed,
    /// Not an admin of any of the family's groups.
    NotAdmin,
    /// A group of the family could not be asked (the bot was removed, or Telegram did
    /// not answer), and no reachable group says they are an admin.
    Unchecked,
}

impl Rights {
    /// What to tell someone who may not: None when they may.
    pub fn refusal(self, lang: Lang) -> Option<String> {
        match self {
            Rights::Allowed => None,
            Rights::NotAdmin => Some(m::not_admin(lang)),
            Rights::Unchecked => Some(m::admin_unchecked(lang)),
        }
    }
}

/// Whether `user` may do what needs `need` in `family`, from any of its chats (a group,
/// or a private chat linked to it). The family's groups decide: an admin of one of them
/// may; when none can be asked, nobody but an admin proven elsewhere may.
pub async fn rights(
    bot: &TgBot,
    ctx: &Ctx,
    family: &FamilyRow,
    user: i64,
    need: Need,
) -> Result<Rights, HandlerError> {
    if family.settings.access.open_to_all(need) {
        return Ok(Rights::Allowed);
    }
    // Every group, also those the bot was removed from: a family does not lose its
    // rules because its group is out of reach.
    let groups: Vec<(i64, bool)> = ctx
        .db
        .family_chats(family.id)
        .await?
        .into_iter()
        .filter(|c| c.kind != ChatType::Private)
        .map(|c| (c.id, c.active))
        .collect();
    if groups.is_empty() {
        return Ok(Rights::Allowed);
    }
    let Ok(user_id) = u64::try_from(user) else {
        return Ok(Rights::NotAdmin);
    };
    let mut unchecked = false;
    for (group, active) in groups {
        if !active {
            unchecked = true;
            continue;
        }
        match bot.get_chat_member(ChatId(group), UserId(user_id)).await {
            Ok(member) if member.is_privileged() => return Ok(Rights::Allowed),
            Ok(_) => {}
            Err(e) => {
                unchecked = true;
                tracing::debug!(
                    "getChatMember failed: {}",
                    super::describe_request_error(&e)
                );
            }
        }
    }
    Ok(if unchecked {
        Rights::Unchecked
    } else {
        Rights::NotAdmin
    })
}

fn random_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..INVITE_CODE_LEN)
        .map(|_| char::from(ALPHABET[rand::random_range(0..ALPHABET.len())]))
        .collect()
}

/// `/invite`: a single-use link that joins someone's private chat to this family.
pub async fn invite_screen(
    lang: Lang,
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
    let mut screen = Screen::text(m::invite(lang, &link, INVITE_DAYS));
    if let Ok(url) = link.parse() {
        screen = screen.with(InlineKeyboardMarkup::new([[InlineKeyboardButton::url(
            m::invite_open(lang),
            url,
        )]]));
    }
    Ok(screen)
}

/// `/start join_<code>` in a private chat. Asks before bringing an existing stash along.
pub async fn start_join(
    ctx: &Ctx,
    family: &FamilyRow,
    (chat_id, lang): (i64, Lang),
    user: (i64, &str),
    code: &str,
) -> Result<Screen, HandlerError> {
    let now = ctx.clock.now();
    let Some(target) = ctx.db.invite_family(code, now).await? else {
        return Ok(Screen::text(m::join_invalid(lang)));
    };
    if target == family.id {
        return Ok(Screen::text(m::already_in_family(lang)));
    }
    // Only a stash of one's own may come along; a shared family keeps its stash.
    let own = ctx.db.is_own_stash(chat_id).await?;
    let stash = match own {
        true => ctx.db.batches(family.id, StashFilter::Stored).await?,
        false => Vec::new(),
    };
    if !stash.is_empty() {
        let total: Ml = stash.iter().map(|b| b.state.amount).sum();
        let join = |merge: bool| Cb::Join {
            code: code.to_owned(),
            merge,
        };
        let keyboard = InlineKeyboardMarkup::new([
            [InlineKeyboardButton::callback(
                m::join_merge(lang),
                join(true).encode(),
            )],
            [InlineKeyboardButton::callback(
                m::join_keep(lang),
                join(false).encode(),
            )],
        ]);
        return Ok(Screen::text(m::join_ask_merge(
            lang,
            stash.len(),
            total,
            family.settings.unit,
        ))
        .with(keyboard));
    }
    join(ctx, (chat_id, lang), user, code, own, 0).await
}

/// Joins for real (after the question, if there was one).
pub async fn join(
    ctx: &Ctx,
    (chat_id, lang): (i64, Lang),
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
        Some(joined) => Ok(
            Screen::text(m::joined(lang, joined.merged.then_some(merged_count)))
                .with(main_keyboard(lang)),
        ),
        None => Ok(Screen::text(m::join_invalid(lang))),
    }
}

/// `/family`: members and where each wants reminders; your own choice as buttons.
pub async fn family_screen(
    lang: Lang,
    ctx: &Ctx,
    family: &FamilyRow,
    user: i64,
    admin: bool,
) -> Result<Screen, HandlerError> {
    let members = ctx.db.members(family.id).await?;
    let lines: Vec<(String, String, bool)> = members
        .iter()
        .map(|mb| {
            (
                mb.name.clone(),
                m::pref_label(lang, mb.pref),
                mb.user_id == user,
            )
        })
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
                .map(|p| button(m::pref_button(lang, *p, *p == mine), FamilyAct::Pref(*p)))
                .collect()
        })
        .collect();
    if admin {
        for mb in members.iter().filter(|mb| mb.user_id != user) {
            rows.push(vec![button(
                m::remove_button(lang, &mb.name),
                FamilyAct::Remove(mb.user_id),
            )]);
        }
    }
    rows.push(vec![button(m::invite_button(lang), FamilyAct::Invite)]);
    Ok(Screen::text(m::family_list(lang, &lines)).with(InlineKeyboardMarkup::new(rows)))
}

/// `/export`: the whole history as a CSV document.
pub async fn send_export(
    lang: Lang,
    out: &Sender<'_>,
    ctx: &Ctx,
    family: &FamilyRow,
) -> Result<(), HandlerError> {
    let events = ctx.db.events(family.id).await?;
    if events.is_empty() {
        out.send(Screen::text(m::nothing_to_export(lang))).await?;
        return Ok(());
    }
    let batches = ctx.db.batches(family.id, StashFilter::All).await?;
    let csv = crate::export::history_csv(&events, &batches, &family.settings, &m::CsvWords(lang))?;
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
        .caption(m::export_caption(lang, events.len()))
        .await
        .map_err(super::SendFailure::from)?;
    Ok(())
}

/// The export's words, worded by `messages` in the chat's language.
impl crate::export::Words for m::CsvWords {
    fn header(&self) -> Vec<String> {
        m::CsvWords::header(self)
    }
    fn event(&self, kind: crate::domain::EventKind) -> String {
        m::CsvWords::event(self, kind)
    }
    fn place(&self, place: crate::domain::Place) -> String {
        m::CsvWords::place(self, place)
    }
    fn reason(&self, code: &str) -> String {
        m::CsvWords::reason(self, code)
    }
    fn undone(&self) -> String {
        m::CsvWords::undone(self)
    }
    fn left(&self, number: &str) -> String {
        m::CsvWords::left(self, number)
    }
    fn right(&self, number: &str) -> String {
        m::CsvWords::right(self, number)
    }
    fn unit(&self, unit: crate::domain::Unit) -> String {
        m::CsvWords::unit(self, unit)
    }
}

/// Asks before removing a member.
pub fn remove_ask(lang: Lang, name: &str, member: i64) -> Screen {
    let keyboard = InlineKeyboardMarkup::new([
        [InlineKeyboardButton::callback(
            m::remove_yes_button(lang, name),
            Cb::Family(FamilyAct::RemoveYes(member)).encode(),
        )],
        [InlineKeyboardButton::callback(
            m::remove_no(lang),
            Cb::Family(FamilyAct::Show).encode(),
        )],
    ]);
    Screen::text(m::remove_ask(lang, name)).with(keyboard)
}

/// The family's groups the bot is still in.
pub async fn group_chats(ctx: &Ctx, family_id: i64) -> Result<Vec<(i64, Lang)>, HandlerError> {
    Ok(ctx
        .db
        .family_chats(family_id)
        .await?
        .into_iter()
        .filter(|c| c.kind != ChatType::Private && c.active)
        .map(|c| (c.id, c.lang()))
        .collect())
}

/// Tells `chats` what someone did to the family, each in its language (best effort: the
/// change is made).
pub async fn announce(bot: &TgBot, chats: &[(i64, Lang)], text: impl Fn(Lang) -> String) {
    for (chat, lang) in chats {
        let out = Sender {
            bot,
            chat: ChatId(*chat),
        };
        if let Err(e) = out.send(Screen::text(text(*lang))).await {
            tracing::debug!("could not tell a group: {e}");
        }
    }
}

/// `/forget`: asks first.
pub async fn forget_screen(
    lang: Lang,
    ctx: &Ctx,
    family: &FamilyRow,
) -> Result<Screen, HandlerError> {
    let batches = ctx.db.batches(family.id, StashFilter::All).await?.len();
    let keyboard = InlineKeyboardMarkup::new([
        [InlineKeyboardButton::callback(
            m::forget_yes(lang),
            Cb::Family(FamilyAct::Forget(true)).encode(),
        )],
        [InlineKeyboardButton::callback(
            m::forget_no(lang),
            Cb::Family(FamilyAct::Forget(false)).encode(),
        )],
    ]);
    Ok(Screen::text(m::forget_ask(lang, batches)).with(keyboard))
}

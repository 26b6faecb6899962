//! What happens when a message arrives: find the family, work out what the person
//! wants (a command, a keyboard button, a log, a question), and answer. The routing
//! itself is in `schema`; these are the steps and endpoints it calls.

mod replies;
mod spoken;
mod timezone;
mod typed_log;

use crate::domain::family::ChatType;
use replies::{typed_amount, typed_reply};
pub use spoken::*;
use std::sync::Arc;
use timezone::set_timezone;
pub use timezone::*;
pub use typed_log::*;
use typed_log::{free_text, log_text};

use chrono::{DateTime, Utc};
use teloxide::prelude::*;
use teloxide::types::{ChatAction, ChatKind, Me, MessageKind, PublicChatKind, Voice};
use teloxide::utils::command::{BotCommands, ParseError};

use super::announce;
use super::board::with_board_button;
use super::callbacks::stash_screen;
use super::commands::Command;
use super::family;
use super::keyboards::main_keyboard;
use super::schema::Turn;
use super::send::{Screen, Sender};
use super::views;
use super::{Ctx, HandlerError, HandlerResult, TgBot};
use crate::app::{self, Act, Acted, Logged, Relogged};
use crate::domain::batch::{Action, BatchError, NewBatch, Sides, later_deadline};
use crate::domain::faq::Faq;
use crate::domain::settings::{Need, parse_timezone, zone_label, zones_for_language, zones_near};
use crate::domain::shortcut::{self, LogText, Parsed, Reading};
use crate::domain::units::{MAX_BATCH_ML, plausible_correction};
use crate::domain::{Lang, Ml, Unit};
use crate::messages as m;
use crate::storage::{Actor, Awaited, ChatRow, FamilyRow, NewChat, Origin, Pending, StorageError};

/// Longest text the bot reads; longer messages get a kind note instead.
pub const MAX_TEXT: usize = 1000;

/// One incoming message, with what every answer needs: built once per message by
/// [`incoming`].
#[derive(Clone)]
pub struct Incoming {
    bot_name: String,
    ctx: Arc<Ctx>,
    bot: TgBot,
    msg: Message,
    family: FamilyRow,
    actor: Actor,
    in_group: bool,
    /// The language this chat is spoken to in.
    lang: Lang,
    /// This message made the bot meet the chat (the chat was stored just now).
    first_contact: bool,
    update_id: i64,
    now: DateTime<Utc>,
}

impl Incoming {
    fn out(&self) -> Sender<'_> {
        Sender {
            bot: &self.bot,
            chat: self.msg.chat.id,
        }
    }

    fn who(&self) -> Option<&str> {
        self.in_group.then_some(self.actor.name.as_str())
    }

    async fn reply(&self, screen: Screen) -> HandlerResult {
        self.out().send(screen).await?;
        Ok(())
    }

    /// Why the sender may not do what needs `need` here, if they may not.
    async fn refusal(&self, need: Need) -> Result<Option<String>, HandlerError> {
        let rights = family::rights(&self.bot, &self.ctx, &self.family, self.actor.id, need);
        Ok(rights.await?.refusal(self.lang))
    }

    /// The text, without a leading or trailing "@botname".
    fn bare_text(&self) -> &str {
        strip_mention(self.msg.text().unwrap_or(""), &self.bot_name)
    }
}

/// A group became a supergroup: (old chat id, new chat id).
pub fn migration(msg: Message) -> Option<(i64, i64)> {
    if let Some(new) = msg.migrate_to_chat_id() {
        return Some((msg.chat.id.0, new.0));
    }
    msg.migrate_from_chat_id().map(|old| (old.0, msg.chat.id.0))
}

/// A shared location (to find the family's timezone) counts as talking to the bot in a
/// private chat, or in a group as a reply to the bot.
pub fn shared_location(msg: Message, me: Me) -> Option<(f64, f64)> {
    msg.location()
        .filter(|_| msg.chat.is_private() || addressed(&msg, &me))
        .map(|l| (l.latitude, l.longitude))
}

/// Neither text, a voice note nor a shared location the bot reads.
pub fn unreadable(msg: Message, me: Me) -> bool {
    msg.text().is_none() && msg.voice().is_none() && shared_location(msg, me).is_none()
}

/// A photo, sticker or video in a private chat: say what works instead of staying
/// silent. Groups carry plenty of those that are not for the bot.
pub async fn only_text(bot: TgBot, msg: Message, ctx: Arc<Ctx>) -> HandlerResult {
    if msg.chat.is_private() && msg.from.is_some() && matches!(msg.kind, MessageKind::Common(_)) {
        let out = Sender {
            bot: &bot,
            chat: msg.chat.id,
        };
        let lang = known_lang(&ctx, msg.chat.id, msg.from.as_ref());
        out.send(Screen::text(m::only_text(lang)).with(main_keyboard(lang)))
            .await?;
    }
    Ok(())
}

/// In a group, the bot reads commands, its keyboard's texts, and what is addressed to it.
pub fn meant_for_the_bot(msg: Message, me: Me) -> bool {
    let text = msg.text().unwrap_or("");
    msg.chat.is_private() || text.starts_with('/') || is_keyboard_text(text) || addressed(&msg, &me)
}

pub fn is_too_long(msg: Message) -> bool {
    msg.text().unwrap_or("").chars().count() > MAX_TEXT
}

pub async fn too_long(bot: TgBot, msg: Message, ctx: Arc<Ctx>) -> HandlerResult {
    let out = Sender {
        bot: &bot,
        chat: msg.chat.id,
    };
    let lang = known_lang(&ctx, msg.chat.id, msg.from.as_ref());
    out.send(Screen::text(m::text_too_long(lang))).await?;
    Ok(())
}

/// The message's family (met now, when new) and sender, who is noted as an active
/// member. None when storage failed (noted in `turn`, so the update is settled failed).
pub async fn incoming(
    bot: TgBot,
    msg: Message,
    me: Me,
    update: Update,
    ctx: Arc<Ctx>,
    turn: Arc<Turn>,
) -> Option<Incoming> {
    let now = ctx.clock.now();
    let actor = match &msg.from {
        Some(user) => Actor::new(user.id.0 as i64, &user.first_name),
        None => Actor::new(msg.chat.id.0, msg.chat.title().unwrap_or("Someone")),
    };
    let private = msg.chat.is_private().then_some(msg.chat.id.0);
    let found = ctx
        .db
        .family_for_member(new_chat(&msg.chat), &actor, private, ctx.default_tz, now)
        .await;
    let found = match found {
        Ok((family, chat)) => chat_lang(&ctx, &chat, msg.from.as_ref())
            .await
            .map(|lang| (family, chat, lang)),
        Err(e) => Err(e),
    };
    let (family, chat, lang) = match found {
        Ok(found) => found,
        Err(e) => {
            turn.fail(e.into());
            return None;
        }
    };
    Some(Incoming {
        lang,
        bot_name: me.user.username.clone().unwrap_or_default(),
        in_group: !msg.chat.is_private(),
        ctx,
        bot,
        msg,
        family,
        actor,
        first_contact: chat.new,
        update_id: i64::from(update.id.0),
        now,
    })
}

/// "/something" that is not a command of this bot: another bot's is ignored, an unknown
/// one gets a note.
pub async fn not_a_command(inc: Incoming) -> HandlerResult {
    let text = inc.msg.text().unwrap_or("");
    if let Err(ParseError::WrongBotName(_)) = Command::parse(text, &inc.bot_name) {
        return Ok(());
    }
    let name = text.split_whitespace().next().unwrap_or(text);
    inc.reply(Screen::text(m::unknown_command(inc.lang, name)).with(main_keyboard(inc.lang)))
        .await
}

/// Any other text: the reply the bot waits for (an amount, a time, a city), a typed
/// log, or a question.
pub async fn text(inc: Incoming) -> HandlerResult {
    typed(&inc, inc.bare_text()).await
}

/// Words the person typed (or said): the reply the bot waits for, a log, or a question.
async fn typed(inc: &Incoming, bare: &str) -> HandlerResult {
    // After "Change the amount/time", a typed amount or time edits that batch; after
    // "Type a city", a typed city or offset sets the timezone. Only a text that is just
    // an amount, a time or a zone can be that reply: anything else (a question, a whole
    // log) is handled as usual, without a look at storage.
    if (shortcut::parse_amount(bare, inc.lang).is_some()
        || shortcut::parse_time(bare, inc.lang).is_some()
        || shortcut::parse_place(bare, inc.lang).is_some()
        || parse_timezone(bare).is_some())
        && typed_reply(inc, bare).await?
    {
        return Ok(());
    }
    free_text(inc, bare).await
}

pub async fn start(inc: Incoming, payload: String) -> HandlerResult {
    let settings = &inc.family.settings;
    if let Some(code) = crate::domain::family::invite_code(&payload) {
        if inc.in_group {
            return inc.reply(Screen::text(m::join_in_group(inc.lang))).await;
        }
        let screen = family::start_join(
            &inc.ctx,
            &inc.family,
            (inc.msg.chat.id.0, inc.lang),
            (inc.actor.id, &inc.actor.name),
            code,
        )
        .await?;
        return inc.reply(screen).await;
    }
    // A deep link that is not a working invite (cut short, mistyped, made up): say so,
    // rather than greet as if nothing had been asked.
    if !payload.trim().is_empty() {
        return inc.reply(Screen::text(m::join_invalid(inc.lang))).await;
    }
    let name = inc
        .msg
        .from
        .as_ref()
        .map(|u| u.first_name.as_str())
        .unwrap_or("");
    let mut text = m::greeting(inc.lang, name, inc.in_group);
    // A group without a zone hears which one is used (on first contact the question
    // below says it).
    if !settings.tz_chosen && inc.in_group && !inc.first_contact {
        text.push_str("\n\n");
        text.push_str(&m::timezone_hint(inc.lang, &zone_label(settings.tz)));
    }
    inc.reply(Screen::text(text).with(main_keyboard(inc.lang)))
        .await?;
    // Ask for the timezone until one is chosen: in a private chat on every /start, in a
    // group only on first contact (a group the bot was added to was asked then; its
    // members need not see the question on each /start).
    if settings.tz_chosen || (inc.in_group && !inc.first_contact) {
        return Ok(());
    }
    // Suggest the zones of the Telegram language of whoever sent /start.
    let language = inc
        .msg
        .from
        .as_ref()
        .and_then(|u| u.language_code.as_deref());
    let zones = zones_for_language(language);
    inc.reply(views::zone_question(
        inc.lang,
        &zones,
        settings,
        inc.now,
        inc.in_group,
    ))
    .await
}

pub async fn help(inc: Incoming) -> HandlerResult {
    let text = m::help(inc.lang, &Command::listing(inc.lang));
    inc.reply(Screen::text(text).with(main_keyboard(inc.lang)))
        .await
}

pub async fn stash(inc: Incoming) -> HandlerResult {
    let screen = stash_screen(inc.lang, &inc.ctx, &inc.family, 0).await?;
    let door = inc.ctx.board.as_ref();
    let screen = with_board_button(screen, door, inc.msg.chat.id, inc.in_group, inc.lang);
    inc.reply(screen).await
}

pub async fn settings(inc: Incoming) -> HandlerResult {
    inc.reply(views::settings(inc.lang, &inc.family.settings, inc.now))
        .await
}

pub async fn language(inc: Incoming) -> HandlerResult {
    inc.reply(views::language_menu(inc.lang, inc.in_group, false))
        .await
}

pub async fn invite(inc: Incoming) -> HandlerResult {
    if let Some(why) = inc.refusal(Need::Settings).await? {
        return inc.reply(Screen::text(why)).await;
    }
    let screen =
        family::invite_screen(inc.lang, &inc.ctx, &inc.family, inc.actor.id, &inc.bot_name).await?;
    inc.reply(screen).await
}

pub async fn family(inc: Incoming) -> HandlerResult {
    let admin = inc.refusal(Need::Members).await?.is_none();
    let screen =
        family::family_screen(inc.lang, &inc.ctx, &inc.family, inc.actor.id, admin).await?;
    inc.reply(screen).await
}

pub async fn leave(inc: Incoming) -> HandlerResult {
    if inc.in_group {
        return inc.reply(Screen::text(m::leave_in_group(inc.lang))).await;
    }
    let db = &inc.ctx.db;
    let linked = db
        .family_chats(inc.family.id)
        .await?
        .iter()
        .any(|c| c.id != inc.msg.chat.id.0);
    if !linked {
        return inc.reply(Screen::text(m::not_linked(inc.lang))).await;
    }
    db.leave_family(inc.msg.chat.id.0, inc.actor.id, inc.now)
        .await?;
    inc.reply(Screen::text(m::left_family(inc.lang))).await
}

pub async fn export(inc: Incoming) -> HandlerResult {
    if let Some(why) = inc.refusal(Need::Settings).await? {
        return inc.reply(Screen::text(why)).await;
    }
    family::send_export(inc.lang, &inc.out(), &inc.ctx, &inc.family).await
}

pub async fn forget(inc: Incoming) -> HandlerResult {
    if let Some(why) = inc.refusal(Need::Members).await? {
        return inc.reply(Screen::text(why)).await;
    }
    let screen = family::forget_screen(inc.lang, &inc.ctx, &inc.family).await?;
    inc.reply(screen).await
}

pub async fn faq(inc: Incoming) -> HandlerResult {
    inc.reply(views::faq_menu(inc.lang, Faq::bundled_for(inc.lang)))
        .await
}

pub async fn express(inc: Incoming) -> HandlerResult {
    inc.reply(views::walkthrough(inc.lang, 0)).await
}

pub async fn storage(inc: Incoming) -> HandlerResult {
    let guideline = inc.family.settings.guideline();
    inc.reply(Screen::text(m::storage_card(inc.lang, guideline)))
        .await
}

pub async fn stats(inc: Incoming) -> HandlerResult {
    let settings = &inc.family.settings;
    let data = app::insights(&inc.ctx.db, &inc.family, inc.now).await?;
    let text = m::stats(
        inc.lang,
        &data.insights,
        settings.unit,
        inc.now,
        settings.tz,
    );
    inc.reply(Screen::text(text)).await?;
    match views::chart(inc.lang, data.chart).await {
        Ok(png) => inc.reply(Screen::photo(png, "")).await,
        Err(e) => {
            tracing::warn!("chart failed: {e}");
            Ok(())
        }
    }
}

fn is_keyboard_text(text: &str) -> bool {
    Command::from_keyboard(text).is_some()
}

/// In a group, the bot reads plain text only when it is addressed: a reply to one of
/// its messages, or a mention of its name.
fn addressed(msg: &Message, me: &Me) -> bool {
    let replied_to_bot = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    let name = me.user.username.as_deref().unwrap_or("");
    replied_to_bot || (!name.is_empty() && mentions(msg.text().unwrap_or(""), name))
}

fn mentions(text: &str, bot_name: &str) -> bool {
    let mention = format!("@{}", bot_name.to_lowercase());
    text.to_lowercase().contains(&mention)
}

/// The text without a leading or trailing "@botname".
fn strip_mention<'t>(text: &'t str, bot_name: &str) -> &'t str {
    let mention = format!("@{bot_name}");
    let t = text.trim();
    let t = t
        .strip_prefix(mention.as_str())
        .or_else(|| t.strip_suffix(mention.as_str()))
        .unwrap_or(t);
    t.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ':')
}

/// The language a chat is spoken to in: the one stored, or, the first time someone
/// talks to the bot there, their Telegram language (stored: a private chat's language is
/// its person's, a group's stays what its first speaker's was until /language).
pub(super) async fn chat_lang(
    ctx: &Ctx,
    chat: &ChatRow,
    from: Option<&teloxide::types::User>,
) -> Result<Lang, StorageError> {
    let lang = match (chat.lang, from) {
        (Some(lang), _) => lang,
        (None, Some(user)) if !user.is_bot => {
            let lang = Lang::from_telegram(user.language_code.as_deref());
            ctx.db.set_chat_lang(chat.id, lang).await?;
            lang
        }
        (None, _) => chat.lang(),
    };
    ctx.langs.remember(chat.id, lang);
    Ok(lang)
}

/// Before the chat is read (or when it cannot be), the best guess of its language: the
/// one it was last spoken to in since start (kept in memory, no statement), else the
/// sender's Telegram language.
pub(super) fn known_lang(ctx: &Ctx, chat: ChatId, from: Option<&teloxide::types::User>) -> Lang {
    ctx.langs.of(chat.0).unwrap_or_else(|| sender_lang(from))
}

/// The sender's Telegram language (inline queries, which come from any chat).
pub(super) fn sender_lang(from: Option<&teloxide::types::User>) -> Lang {
    Lang::from_telegram(from.and_then(|u| u.language_code.as_deref()))
}

pub(super) fn new_chat(chat: &teloxide::types::Chat) -> NewChat<'_> {
    let kind = match &chat.kind {
        ChatKind::Private(_) => ChatType::Private,
        ChatKind::Public(p) => match p.kind {
            PublicChatKind::Group => ChatType::Group,
            PublicChatKind::Supergroup(_) => ChatType::Supergroup,
            PublicChatKind::Channel(_) => ChatType::Channel,
        },
    };
    NewChat {
        id: chat.id.0,
        kind,
        title: chat.title(),
    }
}

/// Inline mode: "@bot how long fridge" in any chat offers the best matching answers.
pub async fn on_inline(bot: TgBot, q: InlineQuery) -> HandlerResult {
    inline(&bot, q).await
}

async fn inline(bot: &TgBot, q: InlineQuery) -> HandlerResult {
    use teloxide::types::{
        InlineQueryResult, InlineQueryResultArticle, InputMessageContent, InputMessageContentText,
    };
    // Inline queries come from any chat: the asker's own Telegram language.
    let lang = sender_lang(Some(&q.from));
    let faq = Faq::bundled_for(lang);
    let query: String = q.query.chars().take(MAX_TEXT).collect();
    let topics: Vec<&crate::domain::faq::Topic> = if query.trim().is_empty() {
        faq.in_category("storage").into_iter().take(5).collect()
    } else {
        faq.search(&query, 5).into_iter().map(|(t, _)| t).collect()
    };
    let results = topics.into_iter().map(|topic| {
        let first_line = topic.answer.trim().lines().next().unwrap_or("").to_owned();
        InlineQueryResult::Article(
            InlineQueryResultArticle::new(
                topic.id.clone(),
                topic.title.clone(),
                InputMessageContent::Text(
                    // Shared into any chat: no family, so no family's own figure.
                    InputMessageContentText::new(m::faq_answer(lang, topic, None))
                        .parse_mode(teloxide::types::ParseMode::Html),
                ),
            )
            .description(first_line),
        )
    });
    bot.answer_inline_query(q.id, results)
        .cache_time(300)
        .await?;
    Ok(())
}

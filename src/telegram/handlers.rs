//! What happens when a message arrives: find the family, work out what the person
//! wants (a command, a keyboard button, a log, a question), and answer. The routing
//! itself is in `schema`; these are the steps and endpoints it calls.

use crate::domain::family::ChatType;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use teloxide::prelude::*;
use teloxide::types::{ChatAction, ChatKind, Me, MessageKind, PublicChatKind, Voice};
use teloxide::utils::command::{BotCommands, ParseError};

use super::announce;
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
use crate::domain::{Ml, Unit};
use crate::messages as m;
use crate::storage::{Actor, Awaited, FamilyRow, NewChat, Origin, Pending};

/// How many timezones a shared location offers.
const LOCATION_ZONES: usize = 5;
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
    async fn refusal(&self, need: Need) -> Result<Option<&'static str>, HandlerError> {
        let rights = family::rights(&self.bot, &self.ctx, &self.family, self.actor.id, need);
        Ok(rights.await?.refusal())
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
pub async fn only_text(bot: TgBot, msg: Message) -> HandlerResult {
    if msg.chat.is_private() && msg.from.is_some() && matches!(msg.kind, MessageKind::Common(_)) {
        let out = Sender {
            bot: &bot,
            chat: msg.chat.id,
        };
        out.send(Screen::text(m::ONLY_TEXT).with(main_keyboard()))
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

pub async fn too_long(bot: TgBot, msg: Message) -> HandlerResult {
    let out = Sender {
        bot: &bot,
        chat: msg.chat.id,
    };
    out.send(Screen::text(m::TEXT_TOO_LONG)).await?;
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
    let found = ctx
        .db
        .family_for_chat(new_chat(&msg.chat), ctx.default_tz, now)
        .await;
    let (family, chat) = match found {
        Ok(found) => found,
        Err(e) => {
            turn.fail(e.into());
            return None;
        }
    };
    let actor = match &msg.from {
        Some(user) => Actor::new(user.id.0 as i64, &user.first_name),
        None => Actor::new(msg.chat.id.0, msg.chat.title().unwrap_or("Someone")),
    };
    let private = msg.chat.is_private().then_some(msg.chat.id.0);
    let touched = ctx
        .db
        .touch_member(family.id, actor.id, &actor.name, private, now)
        .await;
    if let Err(e) = touched {
        turn.fail(e.into());
        return None;
    }
    Some(Incoming {
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

pub async fn zone_choices(inc: Incoming, (latitude, longitude): (f64, f64)) -> HandlerResult {
    let zones = zones_near(latitude, longitude, inc.now, LOCATION_ZONES);
    inc.reply(views::zone_choices(&zones, inc.now)).await
}

/// "/something" that is not a command of this bot: another bot's is ignored, an unknown
/// one gets a note.
pub async fn not_a_command(inc: Incoming) -> HandlerResult {
    let text = inc.msg.text().unwrap_or("");
    if let Err(ParseError::WrongBotName(_)) = Command::parse(text, &inc.bot_name) {
        return Ok(());
    }
    let name = text.split_whitespace().next().unwrap_or(text);
    inc.reply(Screen::text(m::unknown_command(name)).with(main_keyboard()))
        .await
}

/// Any other text: the reply the bot waits for (an amount, a time, a city), a typed
/// log, or a question.
pub async fn text(inc: Incoming) -> HandlerResult {
    typed(&inc, inc.bare_text()).await
}

/// A voice note (in a private chat, or a reply to the bot in a group).
pub fn voice_note(msg: Message) -> Option<Voice> {
    msg.voice().cloned()
}

/// A voice note: transcribed, shown back, then handled exactly like the same words typed.
/// Without a speech-to-text service, a note on what works instead.
pub async fn voice(inc: Incoming, note: Voice) -> HandlerResult {
    let Some(speech) = &inc.ctx.speech else {
        return inc
            .reply(Screen::text(m::VOICE_OFF).with(main_keyboard()))
            .await;
    };
    // Only a hint while it listens: a failed one changes nothing.
    let typing = inc
        .bot
        .send_chat_action(inc.msg.chat.id, ChatAction::Typing);
    if let Err(e) = typing.await {
        tracing::debug!(
            "sendChatAction failed: {}",
            super::describe_request_error(&e)
        );
    }
    let words = match super::voice::listen(&inc.bot, speech, &note).await {
        Ok(words) => words,
        Err(unheard) => return inc.reply(Screen::text(unheard.note())).await,
    };
    if words.chars().count() > MAX_TEXT {
        return inc.reply(Screen::text(m::TEXT_TOO_LONG)).await;
    }
    inc.reply(Screen::text(m::heard(&words))).await?;
    typed(&inc, &words).await
}

/// Words the person typed (or said): the reply the bot waits for, a log, or a question.
async fn typed(inc: &Incoming, bare: &str) -> HandlerResult {
    // After "Change the amount/time", a typed amount or time edits that batch; after
    // "Type a city", a typed city or offset sets the timezone. Only a text that is just
    // an amount, a time or a zone can be that reply: anything else (a question, a whole
    // log) is handled as usual, without a look at storage.
    if (shortcut::parse_amount(bare).is_some()
        || shortcut::parse_time(bare).is_some()
        || shortcut::parse_place(bare).is_some()
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
            return inc.reply(Screen::text(m::JOIN_IN_GROUP)).await;
        }
        let screen = family::start_join(
            &inc.ctx,
            &inc.family,
            inc.msg.chat.id.0,
            (inc.actor.id, &inc.actor.name),
            code,
        )
        .await?;
        return inc.reply(screen).await;
    }
    // A deep link that is not a working invite (cut short, mistyped, made up): say so,
    // rather than greet as if nothing had been asked.
    if !payload.trim().is_empty() {
        return inc.reply(Screen::text(m::JOIN_INVALID)).await;
    }
    let name = inc
        .msg
        .from
        .as_ref()
        .map(|u| u.first_name.as_str())
        .unwrap_or("");
    let mut text = m::greeting(name, inc.in_group);
    // A group without a zone hears which one is used (on first contact the question
    // below says it).
    if !settings.tz_chosen && inc.in_group && !inc.first_contact {
        text.push_str("\n\n");
        text.push_str(&m::timezone_hint(&zone_label(settings.tz)));
    }
    inc.reply(Screen::text(text).with(main_keyboard())).await?;
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
        &zones,
        settings,
        inc.now,
        inc.in_group,
    ))
    .await
}

pub async fn help(inc: Incoming) -> HandlerResult {
    inc.reply(Screen::text(m::help(&Command::listing())).with(main_keyboard()))
        .await
}

pub async fn log(inc: Incoming, args: String) -> HandlerResult {
    if args.trim().is_empty() {
        let recent = inc.ctx.db.recent_batches(inc.family.id, 10).await?;
        return inc
            .reply(views::log_amount(&inc.family.settings, &recent))
            .await;
    }
    // Read like free text (several batches, a part not understood), never as a question.
    match shortcut::read(&args) {
        Reading::Question => inc.reply(Screen::text(m::LOG_NOT_UNDERSTOOD)).await,
        reading => log_reading(&inc, reading).await,
    }
}

pub async fn stash(inc: Incoming) -> HandlerResult {
    let screen = stash_screen(&inc.ctx, &inc.family, 0).await?;
    inc.reply(screen).await
}

pub async fn settings(inc: Incoming) -> HandlerResult {
    inc.reply(views::settings(&inc.family.settings, inc.now))
        .await
}

pub async fn invite(inc: Incoming) -> HandlerResult {
    if let Some(why) = inc.refusal(Need::Settings).await? {
        return inc.reply(Screen::text(why)).await;
    }
    let screen = family::invite_screen(&inc.ctx, &inc.family, inc.actor.id, &inc.bot_name).await?;
    inc.reply(screen).await
}

pub async fn family(inc: Incoming) -> HandlerResult {
    let admin = inc.refusal(Need::Members).await?.is_none();
    let screen = family::family_screen(&inc.ctx, &inc.family, inc.actor.id, admin).await?;
    inc.reply(screen).await
}

pub async fn leave(inc: Incoming) -> HandlerResult {
    if inc.in_group {
        return inc.reply(Screen::text(m::LEAVE_IN_GROUP)).await;
    }
    let db = &inc.ctx.db;
    let linked = db
        .family_chats(inc.family.id)
        .await?
        .iter()
        .any(|c| c.id != inc.msg.chat.id.0);
    if !linked {
        return inc.reply(Screen::text(m::NOT_LINKED)).await;
    }
    db.leave_family(inc.msg.chat.id.0, inc.actor.id, inc.now)
        .await?;
    inc.reply(Screen::text(m::LEFT_FAMILY)).await
}

pub async fn export(inc: Incoming) -> HandlerResult {
    if let Some(why) = inc.refusal(Need::Settings).await? {
        return inc.reply(Screen::text(why)).await;
    }
    family::send_export(&inc.out(), &inc.ctx, &inc.family).await
}

pub async fn forget(inc: Incoming) -> HandlerResult {
    if let Some(why) = inc.refusal(Need::Members).await? {
        return inc.reply(Screen::text(why)).await;
    }
    let screen = family::forget_screen(&inc.ctx, &inc.family).await?;
    inc.reply(screen).await
}

pub async fn faq(inc: Incoming) -> HandlerResult {
    inc.reply(views::faq_menu(Faq::bundled())).await
}

pub async fn express(inc: Incoming) -> HandlerResult {
    inc.reply(views::walkthrough(0)).await
}

pub async fn storage(inc: Incoming) -> HandlerResult {
    let guideline = inc.family.settings.guideline();
    inc.reply(Screen::text(m::storage_card(guideline))).await
}

pub async fn stats(inc: Incoming) -> HandlerResult {
    let settings = &inc.family.settings;
    let data = app::insights(&inc.ctx.db, &inc.family, inc.now).await?;
    let text = m::stats(&data.insights, settings.unit, inc.now, settings.tz);
    inc.reply(Screen::text(text)).await?;
    match views::chart(data.chart).await {
        Ok(png) => inc.reply(Screen::photo(png, "")).await,
        Err(e) => {
            tracing::warn!("chart failed: {e}");
            Ok(())
        }
    }
}

pub async fn timezone(inc: Incoming, arg: String) -> HandlerResult {
    if arg.trim().is_empty() {
        return inc.reply(views::timezone_menu(&inc.family.settings)).await;
    }
    match parse_timezone(&arg) {
        Some(_) if let Some(why) = inc.refusal(Need::Settings).await? => {
            inc.reply(Screen::text(why)).await
        }
        Some(tz) => set_timezone(&inc, tz).await,
        None => {
            inc.reply(Screen::text(m::timezone_unknown(arg.trim())))
                .await
        }
    }
}

/// Sets the family's timezone (typed after /timezone or "Type a city"), announced in its
/// groups.
async fn set_timezone(inc: &Incoming, tz: chrono_tz::Tz) -> HandlerResult {
    let ctx = &*inc.ctx;
    let settings = &inc.family.settings;
    let mut new = settings.clone();
    new.tz = tz;
    new.tz_chosen = true;
    app::change_settings(&ctx.db, &inc.family, new.clone(), inc.now).await?;
    let bot = &inc.bot;
    let who = &inc.actor.name;
    let announced =
        announce::settings_changed(bot, ctx, inc.family.id, who, settings, &new).await?;
    // In a group, the announcement is the answer.
    if announced && inc.in_group {
        return Ok(());
    }
    inc.reply(Screen::text(m::timezone_set(&zone_label(tz), inc.now, tz)))
        .await
}

/// Plain text: one or more milk logs if it reads as such; a log with a part not
/// understood gets what was understood and buttons for the rest; otherwise a question.
async fn free_text(inc: &Incoming, text: &str) -> HandlerResult {
    match shortcut::read(text) {
        Reading::Question => {
            let faq = Faq::bundled();
            inc.reply(views::faq_reply(faq, &faq.ask(text), &inc.family.settings))
                .await
        }
        reading => log_reading(inc, reading).await,
    }
}

/// A text read as logs: one batch or several are logged (or asked about), and a log with
/// a part not understood gets what was understood and buttons for the rest.
async fn log_reading(inc: &Incoming, reading: Reading) -> HandlerResult {
    match reading {
        Reading::Logs(logs) if logs.len() > 1 => log_several(inc, logs).await,
        Reading::Logs(logs) => match logs.into_iter().next() {
            Some(log) => log_text(inc, log, inc.update_id).await,
            None => Ok(()),
        },
        Reading::Partial(log) => match log.place {
            // No place: the place buttons, then the time buttons.
            None => log_text(inc, log, inc.update_id).await,
            Some(place) => {
                let settings = &inc.family.settings;
                match typed_amount(&log, settings, inc.now) {
                    Ok((amount, _)) => {
                        inc.reply(views::log_when(amount, place, settings.unit))
                            .await
                    }
                    Err(text) => inc.reply(Screen::text(text)).await,
                }
            }
        },
        Reading::Question => inc.reply(Screen::text(m::LOG_NOT_UNDERSTOOD)).await,
    }
}

/// A text answering "Change the amount/time" edits that batch; one answering "Type a
/// city" sets the timezone. Returns false when no reply was awaited, or the text is
/// something else (a new log ends the wait for an amount or time).
async fn typed_reply(inc: &Incoming, text: &str) -> Result<bool, super::HandlerError> {
    let ctx = &*inc.ctx;
    let (chat, user) = (inc.msg.chat.id.0, inc.actor.id);
    let Some(awaited) = ctx
        .db
        .awaited_reply(chat, user, inc.update_id, inc.now)
        .await?
    else {
        return Ok(false);
    };
    if awaited.kind == Awaited::City {
        // Anything but a zone (an amount, a time) is handled as usual; the wait stays.
        let Some(tz) = parse_timezone(text).filter(|_| awaited.family_id == inc.family.id) else {
            return Ok(false);
        };
        if let Some(why) = inc.refusal(Need::Settings).await? {
            ctx.db.reply_handled(chat, user, None).await?;
            inc.reply(Screen::text(why)).await?;
            return Ok(true);
        }
        ctx.db
            .reply_handled(chat, user, Some(inc.update_id))
            .await?;
        set_timezone(inc, tz).await?;
        return Ok(true);
    }
    if let (Awaited::LogTime | Awaited::LogPlace, Some(pending)) = (awaited.kind, awaited.pending) {
        if awaited.family_id != inc.family.id {
            ctx.db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
        return pending_reply(inc, awaited.kind, pending, text).await;
    }
    // A zone while an amount or time is awaited is an ordinary message.
    if shortcut::parse_amount(text).is_none() && shortcut::parse_time(text).is_none() {
        return Ok(false);
    }
    let settings = &inc.family.settings;
    let unit = settings.unit;
    let batch = awaited
        .batch_id
        .filter(|_| awaited.family_id == inc.family.id);
    let found = match batch {
        Some(id) => ctx.db.batch(inc.family.id, id).await?,
        None => None,
    };
    let row = match found {
        Some(row) => row,
        _ => {
            ctx.db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
    };
    // None: not a reply of this kind; Some(None): one, but not a usable value.
    let read: Option<Option<Action>> = match awaited.kind {
        Awaited::Amount => {
            shortcut::parse_amount(text).map(|a| a.to_ml(unit).map(Action::SetAmount))
        }
        Awaited::Time => shortcut::parse_time(text).map(|when| {
            shortcut::resolve(when, inc.now, settings.tz)
                .ok()
                .map(Action::SetExpressed)
        }),
        // The amount left; when the feed ended is asked next, as after the buttons.
        Awaited::Leftover => shortcut::parse_amount(text).map(|a| {
            a.to_ml(unit)
                .filter(|ml| ml.get() > 0)
                .map(|left| Action::Leftover {
                    left,
                    ended_at: inc.now,
                })
        }),
        Awaited::City | Awaited::LogTime | Awaited::LogPlace => None,
    };
    let action = match read {
        Some(Some(action)) => action,
        None if matches!(shortcut::parse(text), Parsed::Log(_)) => {
            // A new log, not the awaited reply.
            ctx.db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
        _ => {
            let hint = m::reply_not_understood(awaited.kind);
            inc.reply(Screen::text(hint)).await?;
            return Ok(true);
        }
    };
    if let Action::Leftover { left, .. } = action {
        if left > row.state.amount {
            // Still waiting: the next text may be the right amount.
            let text = m::leftover_too_much(left, row.state.amount, unit);
            return inc.reply(Screen::text(text)).await.map(|()| true);
        }
        ctx.db
            .reply_handled(chat, user, Some(inc.update_id))
            .await?;
        return inc
            .reply(views::leftover_when(&row, left, settings, inc.now))
            .await
            .map(|()| true);
    }
    ctx.db
        .reply_handled(chat, user, Some(inc.update_id))
        .await?;
    // The same checks as the buttons: an unusual amount or a later deadline asks first.
    if let Action::SetAmount(ml) = action
        && let Some(fix) = plausible_correction(ml)
        && ml.get() <= MAX_BATCH_ML
    {
        return inc
            .reply(views::implausible_edit(&row, ml, fix, unit))
            .await
            .map(|()| true);
    }
    if let Action::SetExpressed(at) = action
        && let Some(deadlines) = later_deadline(&row.state, action, inc.now, settings.guideline())
    {
        return inc
            .reply(views::confirm_time(&row, at, deadlines, settings, inc.now))
            .await
            .map(|()| true);
    }
    let acted = app::act(
        &ctx.db,
        &inc.family,
        &inc.actor,
        row.id,
        row.version,
        Act::Apply(action),
        Some(inc.update_id),
        inc.now,
    )
    .await?;
    let screen = match acted {
        Acted::Done {
            before,
            after,
            act,
            used,
            undid,
        } => {
            let phrase =
                super::callbacks::done_phrase(&before, &after, act, used, undid, settings, inc.now);
            let headline = format!("✅ {}", m::did(inc.who(), &phrase));
            views::batch_card(Some(headline), &after, settings, inc.now)
        }
        Acted::Refused { batch, why } => {
            let note = m::batch_error(&why, unit, inc.now, settings.tz);
            views::batch_card(Some(note), &batch, settings, inc.now)
        }
        Acted::Stale { current }
        | Acted::Duplicate {
            current: Some(current),
        }
        | Acted::NothingToUndo { batch: current }
        | Acted::Snoozed { batch: current, .. } => {
            views::batch_card(None, &current, settings, inc.now)
        }
        Acted::NotFound | Acted::Duplicate { current: None } => Screen::text(m::NOT_YOUR_BATCH),
    };
    inc.reply(screen).await.map(|()| true)
}

/// A text answering "Type it" for a batch not logged yet: a time logs it, a place asks
/// when. Returns false when the text is a new log instead (the wait ends).
async fn pending_reply(
    inc: &Incoming,
    kind: Awaited,
    pending: Pending,
    text: &str,
) -> Result<bool, super::HandlerError> {
    let db = &inc.ctx.db;
    let (chat, user) = (inc.msg.chat.id.0, inc.actor.id);
    let amount = Some(shortcut::Amount {
        value: f64::from(pending.ml.get()),
        unit: Some(Unit::Ml),
    });
    let log = |place, when| LogText {
        amount,
        left: None,
        right: None,
        place,
        when,
    };
    let read = match kind {
        Awaited::LogTime => shortcut::parse_time(text)
            .zip(pending.place)
            .map(|(when, place)| log(Some(place), Some(when))),
        _ => shortcut::parse_place(text).map(|place| log(Some(place), None)),
    };
    let Some(read) = read else {
        if matches!(shortcut::read(text), Reading::Logs(_)) {
            db.reply_handled(chat, user, None).await?;
            return Ok(false);
        }
        inc.reply(Screen::text(m::reply_not_understood(kind)))
            .await?;
        return Ok(true);
    };
    db.reply_handled(chat, user, Some(inc.update_id)).await?;
    match (read.place, read.when) {
        (Some(place), None) => {
            let unit = inc.family.settings.unit;
            inc.reply(views::log_when(pending.ml, place, unit)).await?;
        }
        _ => log_text(inc, read, inc.update_id).await?,
    }
    Ok(true)
}

/// The amount and sides of a typed log, or the message that says what is wrong.
fn typed_amount(
    log: &LogText,
    settings: &crate::domain::settings::Settings,
    now: DateTime<Utc>,
) -> Result<(Ml, Sides), String> {
    let unit = settings.unit;
    let side = |a: Option<shortcut::Amount>| -> Result<Option<Ml>, ()> {
        a.map(|a| a.to_ml(unit).ok_or(())).transpose()
    };
    let (Ok(left), Ok(right), Ok(total)) = (side(log.left), side(log.right), side(log.amount))
    else {
        let too_much = BatchError::TooMuch {
            max: Ml(MAX_BATCH_ML),
        };
        return Err(m::batch_error(&too_much, unit, now, settings.tz));
    };
    let sides_sum = match (left, right) {
        (None, None) => None,
        (l, r) => Some(l.unwrap_or_default() + r.unwrap_or_default()),
    };
    let amount = match (total, sides_sum) {
        (Some(t), Some(s)) if t != s => return Err(m::sides_disagree(t, s, unit)),
        (Some(t), _) => t,
        (None, Some(s)) => s,
        (None, None) => return Err(m::LOG_NOT_UNDERSTOOD.into()),
    };
    crate::domain::batch::check_amount(amount)
        .map_err(|e| m::batch_error(&e, unit, now, settings.tz))?;
    Ok((amount, Sides { left, right }))
}

/// The key that keeps the `k`-th batch of one message from being logged twice when the
/// update is handled again: the update id for the first, then negative numbers that no
/// Telegram update id takes.
fn batch_key(update_id: i64, k: usize) -> i64 {
    match i64::try_from(k) {
        Ok(0) | Err(_) => update_id,
        Ok(k) => -(update_id.saturating_mul(64).saturating_add(k)),
    }
}

/// A typed batch with nothing left to ask: what to store, and a note on the clock.
struct Ready {
    new: NewBatch,
    clock_note: Option<String>,
}

/// What a typed log needs before it is stored: the batch, or the screen that asks for
/// what is missing (the place, the time, a check of an unusual amount) or says what is
/// wrong.
fn prepare(inc: &Incoming, log: &LogText) -> Result<Ready, Screen> {
    let settings = &inc.family.settings;
    let unit = settings.unit;
    let (amount, sides) = typed_amount(log, settings, inc.now).map_err(Screen::text)?;
    let fix = plausible_correction(amount);
    let Some(place) = log.place else {
        return Err(match fix {
            Some(fix) => views::implausible_log(amount, fix, None, unit),
            None => views::log_place(amount, unit),
        });
    };
    // "5/6" when both 5 June and 6 May have come: ask which, by name.
    if let Some(when) = log.when {
        let dates = shortcut::slash_readings(when, inc.now, settings.tz);
        if !dates.is_empty() {
            return Err(views::which_date(amount, place, when, &dates, settings));
        }
    }
    let mut clock_note = None;
    let expressed_at = match log.when {
        None => inc.now,
        Some(when) => match shortcut::resolve(when, inc.now, settings.tz) {
            Ok(t) => {
                clock_note = shortcut::clock_note(when, t, settings.tz).map(|note| {
                    let typed = match when {
                        shortcut::When::At { hour, minute, .. } => format!("{hour:02}:{minute:02}"),
                        _ => String::new(),
                    };
                    let read = t.with_timezone(&settings.tz).format("%H:%M").to_string();
                    m::clock_note(note, &typed, &zone_label(settings.tz), &read)
                });
                t
            }
            Err(e) => {
                let mut screen = views::log_when(amount, place, unit);
                screen.text = format!("{}\n\n{}", m::time_error(&e), screen.text);
                return Err(screen);
            }
        },
    };
    if let Some(fix) = fix {
        return Err(views::implausible_log(
            amount,
            fix,
            Some((place, expressed_at)),
            unit,
        ));
    }
    let new = NewBatch {
        amount,
        place,
        expressed_at,
        sides,
    };
    Ok(Ready { new, clock_note })
}

/// Stores a typed batch. `update_key` marks the change as done (the update id, or a key
/// per batch of a message).
async fn store_typed(
    inc: &Incoming,
    new: NewBatch,
    update_key: i64,
) -> Result<Logged, super::HandlerError> {
    let origin = Origin {
        chat_id: inc.msg.chat.id.0,
        message_id: i64::from(inc.msg.id.0),
    };
    let logged = app::log_batch(
        &inc.ctx.db,
        &inc.family,
        &inc.actor,
        new,
        // Only the first batch of a message is the one a message edit corrects.
        (update_key == inc.update_id).then_some(origin),
        Some(update_key),
        inc.now,
    )
    .await?;
    Ok(logged)
}

/// Logs a batch typed as text, or asks for what is missing with buttons. `update_key`
/// marks the change as done (the update id, or a key per batch of a message).
async fn log_text(inc: &Incoming, log: LogText, update_key: i64) -> HandlerResult {
    let ready = match prepare(inc, &log) {
        Ok(ready) => ready,
        Err(screen) => return inc.reply(screen).await,
    };
    let settings = &inc.family.settings;
    let unit = settings.unit;
    match store_typed(inc, ready.new, update_key).await? {
        Logged::New(row) | Logged::Again(row) => {
            let headline = m::did(
                inc.who(),
                &m::logged_phrase(row.state.amount, row.logged_place, unit),
            );
            inc.reply(views::logged_card(
                format!("✅ {headline}"),
                &row,
                settings,
                inc.now,
                ready.clock_note,
            ))
            .await
        }
        Logged::Invalid(e) => {
            inc.reply(Screen::text(m::batch_error(&e, unit, inc.now, settings.tz)))
                .await
        }
        Logged::Full { stored } => inc.reply(Screen::text(m::stash_full(stored))).await,
    }
}

/// Several batches typed in one message. When none needs a question, all are stored and
/// one confirmation lists them, each batch's buttons one tap away; otherwise each batch
/// is handled on its own, with its own question.
async fn log_several(inc: &Incoming, logs: Vec<LogText>) -> HandlerResult {
    let ready: Option<Vec<Ready>> = logs.iter().map(|log| prepare(inc, log).ok()).collect();
    let Some(ready) = ready else {
        for (k, log) in logs.into_iter().enumerate() {
            log_text(inc, log, batch_key(inc.update_id, k)).await?;
        }
        return Ok(());
    };
    let settings = &inc.family.settings;
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for (k, ready) in ready.into_iter().enumerate() {
        match store_typed(inc, ready.new, batch_key(inc.update_id, k)).await? {
            Logged::New(row) | Logged::Again(row) => rows.push(row),
            Logged::Invalid(e) => {
                notes.push(m::batch_error(&e, settings.unit, inc.now, settings.tz));
            }
            Logged::Full { stored } => notes.push(m::stash_full(stored)),
        }
        notes.extend(ready.clock_note);
    }
    let screen = views::logged_list(inc.who(), &rows, &notes, settings, inc.now);
    inc.reply(screen).await
}

/// A message was edited. When it is the message that logged a batch, the batch is
/// corrected (early, while nothing else was done to it, never to a later deadline), or
/// the parent hears why not. Other edits change nothing.
pub async fn on_edited_message(
    bot: TgBot,
    msg: Message,
    update: Update,
    ctx: Arc<Ctx>,
) -> HandlerResult {
    edited(&bot, &msg, &update, &ctx).await
}

async fn edited(bot: &TgBot, msg: &Message, update: &Update, ctx: &Ctx) -> HandlerResult {
    let (Some(text), Some(user)) = (msg.text(), msg.from.as_ref()) else {
        return Ok(());
    };
    // Only a chat the bot knows can have logged a batch.
    let Some(chat) = ctx.db.chat(msg.chat.id.0).await? else {
        return Ok(());
    };
    let origin = Origin {
        chat_id: msg.chat.id.0,
        message_id: i64::from(msg.id.0),
    };
    let Some(row) = ctx.db.batch_by_origin(chat.family_id, origin).await? else {
        return Ok(());
    };
    let family = ctx.db.family(chat.family_id).await?;
    let settings = &family.settings;
    let now = ctx.clock.now();
    let out = Sender {
        bot,
        chat: msg.chat.id,
    };
    // "/log 90 fridge" or "@bot 90 fridge": the log is the rest.
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.starts_with('@') && !w.starts_with("/log"))
        .collect();
    let Parsed::Log(log) = shortcut::parse(&words.join(" ")) else {
        out.send(Screen::text(m::EDIT_NOT_A_LOG)).await?;
        return Ok(());
    };
    let (amount, sides) = match typed_amount(&log, settings, now) {
        Ok(read) => read,
        Err(text) => {
            out.send(Screen::text(text)).await?;
            return Ok(());
        }
    };
    // Times read as if typed when the message was first sent.
    let expressed_at = match log.when {
        None => Ok(row.created_at),
        Some(when) => shortcut::resolve(when, row.created_at, settings.tz),
    };
    let expressed_at = match expressed_at {
        Ok(at) => at,
        Err(e) => {
            out.send(Screen::text(m::time_error(&e))).await?;
            return Ok(());
        }
    };
    let new = NewBatch {
        amount,
        place: log.place.unwrap_or(row.logged_place),
        expressed_at,
        sides,
    };
    let actor = Actor {
        id: user.id.0 as i64,
        name: user.first_name.clone(),
    };
    let update_id = Some(i64::from(update.id.0));
    let relogged = app::relog(&ctx.db, &family, &actor, row, new, update_id, now, false);
    let who = (!msg.chat.is_private()).then_some(actor.name.as_str());
    // More time for the milk: show both deadlines and ask first.
    let screen = match relogged.await? {
        Relogged::Refused {
            batch,
            why: BatchError::LaterDeadline { old, new: later },
        } => views::confirm_relog(&batch, &new, (old, later), settings, now),
        Relogged::Done { after, .. } => {
            let phrase = m::relogged_phrase(after.state.amount, after.state.place, settings.unit);
            let headline = format!("✏️ {}", m::did(who, &phrase));
            views::batch_card(Some(headline), &after, settings, now)
        }
        Relogged::Refused { why, .. } => {
            Screen::text(m::batch_error(&why, settings.unit, now, settings.tz))
        }
        Relogged::Again(row) => views::batch_card(None, &row, settings, now),
    };
    out.send(screen).await?;
    Ok(())
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
    let faq = Faq::bundled();
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
                    InputMessageContentText::new(m::faq_answer(topic, None))
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

//! What happens when a message arrives: find the family, work out what the person
//! wants (a command, a keyboard button, a log, a question), and answer.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::{ChatKind, Me, PublicChatKind};
use teloxide::utils::command::{BotCommands, ParseError};

use super::commands::Command;
use super::keyboards::main_keyboard;
use super::send::{Screen, Sender};
use super::{Ctx, HandlerResult, TgBot};
use crate::messages as m;
use crate::storage::NewChat;

/// Longest text the bot reads; longer messages get a kind note instead.
pub const MAX_TEXT: usize = 1000;

pub async fn on_message(bot: TgBot, msg: Message, me: Me, ctx: Arc<Ctx>) -> HandlerResult {
    let Some(text) = msg.text() else {
        return Ok(());
    };
    let out = Sender {
        bot: &bot,
        chat: msg.chat.id,
    };
    let in_group = !msg.chat.is_private();
    let addressed = text.starts_with('/') || !in_group || mentions_bot(&msg, &me);
    if !addressed {
        return Ok(());
    }
    if text.chars().count() > MAX_TEXT {
        out.send(Screen::text(m::TEXT_TOO_LONG)).await?;
        return Ok(());
    }
    let now = ctx.clock.now();
    let (family, _chat) = ctx
        .db
        .family_for_chat(new_chat(&msg.chat), ctx.default_tz, now)
        .await?;

    let command = match Command::parse(text, me.username()) {
        Ok(command) => Some(command),
        Err(ParseError::WrongBotName(_)) => return Ok(()),
        Err(_) if text.starts_with('/') => {
            let name = text.split_whitespace().next().unwrap_or(text);
            out.send(Screen::text(m::unknown_command(name)).with(main_keyboard()))
                .await?;
            return Ok(());
        }
        Err(_) => Command::from_keyboard(text),
    };
    let user_name = msg
        .from
        .as_ref()
        .map(|u| u.first_name.as_str())
        .unwrap_or("");
    match command {
        Some(Command::Start(_)) => {
            let mut text = m::greeting(user_name, in_group);
            if !family.settings.tz_chosen {
                text.push_str("\n\n");
                text.push_str(&m::timezone_hint(family.settings.tz.name()));
            }
            out.send(Screen::text(text).with(main_keyboard())).await?;
        }
        Some(Command::Help) => {
            out.send(Screen::text(m::help(&Command::listing())).with(main_keyboard()))
                .await?;
        }
        None => {
            out.send(Screen::text(m::help(&Command::listing())).with(main_keyboard()))
                .await?;
        }
    }
    Ok(())
}

/// In a group, the bot reads plain text only when it is addressed: a reply to one of
/// its messages, or a mention of its name.
fn mentions_bot(msg: &Message, me: &Me) -> bool {
    let replied_to_bot = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    let mention = format!("@{}", me.username()).to_lowercase();
    replied_to_bot
        || msg
            .text()
            .is_some_and(|t| t.to_lowercase().contains(&mention))
}

fn new_chat(chat: &teloxide::types::Chat) -> NewChat<'_> {
    let kind = match &chat.kind {
        ChatKind::Private(_) => "private",
        ChatKind::Public(p) => match p.kind {
            PublicChatKind::Group => "group",
            PublicChatKind::Supergroup(_) => "supergroup",
            PublicChatKind::Channel(_) => "channel",
        },
    };
    NewChat {
        id: chat.id.0,
        kind,
        title: chat.title(),
    }
}

//! Voice notes: fetched, transcribed, shown back, then handled like typed text.

use super::*;

/// A voice note (in a private chat, or a reply to the bot in a group).
pub fn voice_note(msg: Message) -> Option<Voice> {
    msg.voice().cloned()
}

/// A voice note: transcribed, shown back, then handled exactly like the same words typed.
/// Without a speech-to-text service, a note on what works instead.
pub async fn voice(inc: Incoming, note: Voice) -> HandlerResult {
    let Some(speech) = &inc.ctx.speech else {
        return inc
            .reply(Screen::text(m::voice_off(inc.lang)).with(main_keyboard(inc.lang)))
            .await;
    };
    // Only a hint while it listens: a failed one changes nothing.
    let typing = inc
        .bot
        .send_chat_action(inc.msg.chat.id, ChatAction::Typing);
    if let Err(e) = typing.await {
        tracing::debug!(
            "sendChatAction failed: {}",
            super::super::describe_request_error(&e)
        );
    }
    let words = match super::super::voice::listen(&inc.bot, speech, &note, inc.lang).await {
        Ok(words) => words,
        Err(unheard) => return inc.reply(Screen::text(unheard.note(inc.lang))).await,
    };
    if words.chars().count() > MAX_TEXT {
        return inc.reply(Screen::text(m::text_too_long(inc.lang))).await;
    }
    inc.reply(Screen::text(m::heard(inc.lang, &words))).await?;
    typed(&inc, &words).await
}

//! Voice notes: what the person said, fetched from Telegram (`getFile`, then the file
//! download, both capped) and transcribed by the speech adapter (`crate::speech`).
//! Handling the words is the text handler's job (`handlers::voice`).

use futures::StreamExt;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::Voice;

use super::TgBot;
use crate::domain::Lang;
use crate::messages as m;
use crate::speech::{self, MAX_VOICE_BYTES, SpeechError, Transcriber};

/// Why a voice note was not heard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unheard {
    /// Too big or too long to listen to: refused before downloading.
    TooLong,
    /// The transcription service took longer than its timeout.
    Slow,
    /// No words in it.
    Empty,
    /// Telegram or the transcription service failed.
    Failed,
}

impl Unheard {
    /// What the person is told.
    pub fn note(self, lang: Lang) -> String {
        match self {
            Unheard::TooLong => m::voice_too_long(lang),
            Unheard::Slow => m::voice_slow(lang),
            Unheard::Empty => m::voice_empty(lang),
            Unheard::Failed => m::voice_failed(lang),
        }
    }
}

/// What the person said in `voice`, most likely in `lang`.
pub async fn listen(
    bot: &TgBot,
    speech: &Transcriber,
    voice: &Voice,
    lang: Lang,
) -> Result<String, Unheard> {
    if !speech::fits(voice.file.size, voice.duration.seconds()) {
        return Err(Unheard::TooLong);
    }
    let audio = download(bot, voice).await?;
    speech.transcribe(audio, lang).await.map_err(|e| {
        tracing::warn!("a voice note was not transcribed: {e}");
        match e {
            SpeechError::TimedOut => Unheard::Slow,
            SpeechError::Empty => Unheard::Empty,
            _ => Unheard::Failed,
        }
    })
}

/// The voice note's bytes, refused beyond [`MAX_VOICE_BYTES`] whatever its size said.
async fn download(bot: &TgBot, voice: &Voice) -> Result<Vec<u8>, Unheard> {
    let file = bot
        .inner()
        .get_file(voice.file.id.clone())
        .await
        .map_err(|e| {
            let why = super::describe_request_error(&e);
            tracing::warn!("getFile for a voice note failed: {why}");
            Unheard::Failed
        })?;
    let mut stream = bot.inner().download_file_stream(&file.path);
    let mut audio = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            tracing::warn!("downloading a voice note failed: {}", e.without_url());
            Unheard::Failed
        })?;
        if audio.len() + chunk.len() > MAX_VOICE_BYTES as usize {
            return Err(Unheard::TooLong);
        }
        audio.extend_from_slice(&chunk);
    }
    Ok(audio)
}

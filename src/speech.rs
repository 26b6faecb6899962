//! The speech-to-text adapter: sends a voice note to an OpenAI-compatible transcription
//! service (`POST <url>/v1/audio/transcriptions`, multipart `file` and `model`, answer
//! `{"text": "..."}`) and returns what it heard. It knows nothing of Telegram or milk.
//!
//! Nothing it logs carries the key or what was said.

use std::time::Duration;

use crate::config::SttConfig;
use crate::domain::Lang;

/// Largest voice note the bot downloads and sends on (Telegram lets bots download up to
/// 20 MB; a spoken log is a few KB).
pub const MAX_VOICE_BYTES: u32 = 5 * 1024 * 1024;
/// Longest voice note the bot listens to, in seconds.
pub const MAX_VOICE_SECONDS: u32 = 180;
/// Largest answer read from the service (a transcript of three minutes is a few KB).
const MAX_ANSWER_BYTES: usize = 256 * 1024;

/// What teloxide reads when Telegram leaves a file's size out.
const SIZE_UNKNOWN: u32 = u32::MAX;

/// Whether a voice note of `bytes` (as Telegram announced it) lasting `seconds` is small
/// enough to listen to, decided before anything is downloaded. An unknown size is let
/// through: the download itself stops at [`MAX_VOICE_BYTES`].
pub fn fits(bytes: u32, seconds: u32) -> bool {
    (bytes <= MAX_VOICE_BYTES || bytes == SIZE_UNKNOWN) && seconds <= MAX_VOICE_SECONDS
}

/// Why a voice note was not transcribed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeechError {
    #[error("the transcription service did not answer in time")]
    TimedOut,
    #[error("the transcription service answered {0}")]
    Status(u16),
    #[error("cannot reach the transcription service: {0}")]
    Unreachable(String),
    #[error("the transcription service's answer is not readable: {0}")]
    Unreadable(String),
    #[error("the transcription has no words")]
    Empty,
}

/// A client of the transcription service.
pub struct Transcriber {
    client: reqwest::Client,
    config: SttConfig,
}

impl Transcriber {
    pub fn new(config: &SttConfig) -> Result<Transcriber, SpeechError> {
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5).min(config.timeout))
            .build()
            .map_err(|e| SpeechError::Unreachable(e.to_string()))?;
        Ok(Transcriber {
            client,
            config: config.clone(),
        })
    }

    /// What the service heard in `audio` (an OGG/Opus voice note, as Telegram records
    /// them), spoken most likely in `lang` (the chat's: the service is told, which helps
    /// it with short notes), trimmed; an answer without words is [`SpeechError::Empty`].
    pub async fn transcribe(&self, audio: Vec<u8>, lang: Lang) -> Result<String, SpeechError> {
        use reqwest::multipart::{Form, Part};
        // Services tell the format by the file name: ".ogg", not Telegram's ".oga".
        let file = Part::bytes(audio)
            .file_name("voice.ogg")
            .mime_str("audio/ogg")
            .map_err(|e| SpeechError::Unreadable(e.to_string()))?;
        let form = Form::new()
            .text("model", self.config.model.clone())
            .text("response_format", "json")
            .text("language", lang.code())
            .part("file", file);
        let mut request = self
            .client
            .post(self.config.endpoint.clone())
            .timeout(self.config.timeout)
            .multipart(form);
        if let Some(key) = &self.config.key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(network)?;
        let status = response.status();
        if !status.is_success() {
            return Err(SpeechError::Status(status.as_u16()));
        }
        let body = read_capped(response).await?;
        text_of(&body)
    }
}

/// The answer's body, refused beyond [`MAX_ANSWER_BYTES`].
async fn read_capped(mut response: reqwest::Response) -> Result<Vec<u8>, SpeechError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network)? {
        if body.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(SpeechError::Unreadable("the answer is too large".into()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The transcript in an answer `{"text": "..."}`.
fn text_of(body: &[u8]) -> Result<String, SpeechError> {
    #[derive(serde::Deserialize)]
    struct Answer {
        text: String,
    }
    let answer: Answer = serde_json::from_slice(body)
        .map_err(|e| SpeechError::Unreadable(crate::logging::unreadable_json(&e)))?;
    let text = answer.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().any(char::is_alphanumeric) {
        Ok(text)
    } else {
        Err(SpeechError::Empty)
    }
}

/// A failed request, without its URL (which may name a private host).
fn network(e: reqwest::Error) -> SpeechError {
    if e.is_timeout() {
        SpeechError::TimedOut
    } else if e.is_connect() {
        SpeechError::Unreachable("connection failed".into())
    } else {
        SpeechError::Unreachable(e.without_url().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_and_length_are_capped() {
        assert!(fits(40_000, 5));
        assert!(fits(MAX_VOICE_BYTES, MAX_VOICE_SECONDS));
        assert!(!fits(MAX_VOICE_BYTES + 1, 5));
        assert!(!fits(40_000, MAX_VOICE_SECONDS + 1));
        // Telegram may leave the size out (teloxide reads u32::MAX): the download's own
        // cap decides then.
        assert!(fits(u32::MAX, 5));
        assert!(!fits(u32::MAX - 1, 5));
        assert!(!fits(u32::MAX, MAX_VOICE_SECONDS + 1));
    }

    #[test]
    fn the_transcript_is_read_and_tidied() {
        assert_eq!(
            text_of(br#"{"text": "  ninety mils\n in the fridge "}"#),
            Ok("ninety mils in the fridge".to_owned())
        );
        // Extra fields (verbose answers) are fine.
        assert_eq!(
            text_of(br#"{"text": "90 ml fridge", "language": "en", "duration": 2.5}"#),
            Ok("90 ml fridge".to_owned())
        );
    }

    #[test]
    fn silence_and_junk_are_errors() {
        assert_eq!(text_of(br#"{"text": ""}"#), Err(SpeechError::Empty));
        assert_eq!(text_of(br#"{"text": " ... "}"#), Err(SpeechError::Empty));
        assert!(matches!(
            text_of(b"<html>502</html>"),
            Err(SpeechError::Unreadable(_))
        ));
        assert!(matches!(
            text_of(br#"{"error": "no"}"#),
            Err(SpeechError::Unreadable(_))
        ));
    }
}

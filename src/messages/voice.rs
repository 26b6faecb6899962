//! What the bot says about voice notes.

use crate::domain::Lang;

use super::esc;

/// What the transcription service heard, shown before it is handled like typed text.
pub fn heard(lang: Lang, text: &str) -> String {
    t!(lang, "voice-heard", text = esc(text))
}

words! {
    /// Voice notes are off: no speech-to-text service is configured.
    voice_off => "voice-off",
    /// Too big or too long to listen to (nothing was downloaded).
    voice_too_long => "voice-too-long",
    /// The transcription service took longer than its timeout.
    voice_slow => "voice-slow",
    /// The voice note could not be fetched or transcribed.
    voice_failed => "voice-failed",
    /// The transcription had no words in it.
    voice_empty => "voice-empty",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_heard_is_escaped() {
        assert_eq!(
            heard(Lang::En, "90 <b>ml</b> & fridge"),
            "🎙 I heard: “90 &lt;b&gt;ml&lt;/b&gt; &amp; fridge”"
        );
    }
}

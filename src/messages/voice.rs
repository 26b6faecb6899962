//! What the bot says about voice notes.

use super::esc;

/// What the transcription service heard, shown before it is handled like typed text.
pub fn heard(text: &str) -> String {
    format!("🎙 I heard: “{}”", esc(text))
}

/// Voice notes are off: no speech-to-text service is configured.
pub const VOICE_OFF: &str = "🎙 I can't listen to voice notes here yet. Type it instead, \
like <code>90 fridge</code> or a question, or use the buttons below.\n\n\
<i>Whoever runs this bot can turn voice on with the <code>MILKBOT_STT_URL</code> setting.</i>";

/// Too big or too long to listen to (nothing was downloaded).
pub const VOICE_TOO_LONG: &str = "That voice note is too long for me. Could you keep it \
under three minutes, or type it, like <code>90 fridge</code>? Nothing was saved.";

/// The transcription service took longer than its timeout.
pub const VOICE_SLOW: &str = "Sorry, listening took too long, so I stopped. Nothing was \
saved. Please try again in a moment, or type it, like <code>90 fridge</code>.";

/// The voice note could not be fetched or transcribed.
pub const VOICE_FAILED: &str = "Sorry, I couldn't listen to that voice note just now. \
Nothing was saved. Please try again in a moment, or type it, like <code>90 fridge</code>.";

/// The transcription had no words in it.
pub const VOICE_EMPTY: &str = "I couldn't make out any words in that voice note, so \
nothing was saved. Could you say it again, or type it, like <code>90 fridge</code>?";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_heard_is_escaped() {
        assert_eq!(
            heard("90 <b>ml</b> & fridge"),
            "🎙 I heard: “90 &lt;b&gt;ml&lt;/b&gt; &amp; fridge”"
        );
    }
}

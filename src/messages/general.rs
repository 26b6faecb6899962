//! The greeting, /help, the reply-keyboard texts, and what is said when something fails.

/// Escapes text for Telegram's HTML parse mode.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

// The persistent reply keyboard. The bot recognises these exact texts as actions.
pub const KEY_LOG: &str = "🍼 Log milk";
pub const KEY_STASH: &str = "🧊 Stash";
pub const KEY_ASK: &str = "❓ Questions";
pub const KEY_EXPRESS: &str = "✋ Hand expression";
pub const KEY_SETTINGS: &str = "⚙️ Settings";
pub const KEY_HELP: &str = "ℹ️ Help";

pub fn greeting(name: &str, in_group: bool) -> String {
    let hello = if name.is_empty() {
        "Hi! I'm milkbot 🍼".to_owned()
    } else {
        format!("Hi {}! I'm milkbot 🍼", esc(name))
    };
    let group = if in_group {
        "\n\nIn this group I keep one shared stash for everyone who feeds the baby."
    } else {
        ""
    };
    format!(
        "{hello}\n\
         I answer questions about hand expression and storing milk, keep track of your stash, \
         and remind you before milk needs the fridge, the freezer or the bin.{group}\n\n\
         Tap a button below. Everything works one-handed.\n\n{NOT_MEDICAL_ADVICE}"
    )
}

/// Said once on `/start`; `/help` has the longer [`DISCLAIMER`].
pub const NOT_MEDICAL_ADVICE: &str = "⚕️ I share general guidance, not medical advice: \
     when you're worried about your baby or yourself, ask your doctor, midwife, health \
     visitor or a lactation consultant.";

/// Under every FAQ answer.
pub const ANSWER_FOOTER: &str = "General guidance, not medical advice.";

pub fn timezone_hint(tz: &str) -> String {
    format!(
        "🕑 I show times in <b>{}</b>. Change it in ⚙️ Settings.",
        esc(tz)
    )
}

pub const DISCLAIMER: &str = "⚕️ I share general guidance for healthy babies born at term; \
     it is not medical advice. For a fever, a hot painful lump, blood in the milk, or a baby \
     who is very sleepy or feeding poorly, contact your doctor, midwife or a lactation \
     consultant (IBCLC), or emergency services if it is urgent.";

/// `/help`: the commands, one per line, then the disclaimer.
pub fn help(commands: &[(String, String)]) -> String {
    let mut out = String::from("<b>What I can do</b>\n");
    for (command, description) in commands {
        out.push_str(&format!("/{} – {}\n", esc(command), esc(description)));
    }
    out.push_str(
        "\nYou can also just type: <code>90 fridge</code> logs 90 ml in the fridge, \
         and a question like <code>how long in the fridge</code> gets an answer.\n\n",
    );
    out.push_str(DISCLAIMER);
    out
}

pub fn unknown_command(command: &str) -> String {
    format!(
        "I don't know {} yet. Tap a button below, or send /help to see everything I can do.",
        esc(command)
    )
}

pub const SOMETHING_WENT_WRONG: &str =
    "Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.";

/// The database could not take the change (it is down, full or read-only).
pub const NOT_SAVED: &str =
    "Sorry, I couldn't save that just now, so nothing was changed. Please try again in a minute.";

pub const SLOW_DOWN: &str =
    "That's a lot at once! Give me a minute, then send it again: I skipped what came too fast.";

pub const TEXT_TOO_LONG: &str =
    "That message is a bit long for me. Could you say it in a sentence or two?";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(
            esc("<b>Sam & \"Jo\"</b>"),
            "&lt;b&gt;Sam &amp; &quot;Jo&quot;&lt;/b&gt;"
        );
        assert!(greeting("<script>", false).contains("&lt;script&gt;"));
    }

    #[test]
    fn help_lists_commands_and_the_disclaimer() {
        let text = help(&[("log".into(), "log milk".into())]);
        assert!(text.contains("/log – log milk"));
        assert!(text.contains("IBCLC"));
    }
}

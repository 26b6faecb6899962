//! Every sentence the bot says, in one place, ready for translation. Texts are
//! Telegram HTML: anything that came from a person goes through [`esc`].
//!
//! Guidance answers live in `content/`; this module holds the bot's own voice.

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

// ---- times ------------------------------------------------------------------------

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;

use crate::domain::batch::{BatchError, DiscardReason, Status};
use crate::domain::{Ml, Place, Profile, Unit};
use crate::storage::Awaited;

/// A moment in the family's timezone, as short as it can be while clear:
/// "today 14:05", "yesterday 22:10", "Tue 14:05", "Sat 14 Mar", "14 Mar 2027".
pub fn when(t: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let local = t.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let date = local.date_naive();
    let clock = local.format("%H:%M");
    let days = (date - today).num_days();
    match days {
        0 => format!("today {clock}"),
        -1 => format!("yesterday {clock}"),
        1 => format!("tomorrow {clock}"),
        -6..=6 => format!("{} {clock}", local.format("%a")),
        _ if date.year() == today.year() => local.format("%a %-d %b").to_string(),
        _ => local.format("%-d %b %Y").to_string(),
    }
}

/// Time until a deadline: "25 min left", "3 h 10 min left", "2 d 4 h left",
/// "20 days left", "5 months left", or "expired 2 h ago".
pub fn left(deadline: DateTime<Utc>, now: DateTime<Utc>) -> String {
    if deadline == crate::domain::rules::no_deadline() {
        // No clock runs (milk still thawing).
        return "no clock until fully thawed".into();
    }
    if deadline <= now {
        return format!("expired {} ago", span(now - deadline));
    }
    format!("{} left", span(deadline - now))
}

fn span(d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match days {
        0 if hours == 0 => format!("{} min", mins.max(1)),
        0 if mins == 0 => format!("{hours} h"),
        0 => format!("{hours} h {mins} min"),
        1..=13 if hours == 0 => format!("{days} d"),
        1..=13 => format!("{days} d {hours} h"),
        14..=59 => format!("{days} days"),
        _ => format!("{} months", days / 30),
    }
}

// ---- places -----------------------------------------------------------------------

pub fn place_emoji(p: Place) -> &'static str {
    match p {
        Place::Room => "🌡",
        Place::Cooler => "🎒",
        Place::Fridge => "🧊",
        Place::IceBox => "🧊",
        Place::Freezer => "❄️",
        Place::Thawing => "⏳",
        Place::ThawedFridge => "💧",
        Place::ThawedRoom => "💧",
        Place::Leftover => "🍼",
    }
}

/// Short name for headings: "Fridge".
pub fn place_name(p: Place) -> &'static str {
    match p {
        Place::Room => "Room temperature",
        Place::Cooler => "Cooler bag",
        Place::Fridge => "Fridge",
        Place::IceBox => "Ice compartment",
        Place::Freezer => "Freezer",
        Place::Thawing => "Thawing in the fridge",
        Place::ThawedFridge => "Thawed, in the fridge",
        Place::ThawedRoom => "Thawed, at room temperature",
        Place::Leftover => "Left from a feed",
    }
}

/// "in the fridge"
pub fn in_place(p: Place) -> &'static str {
    match p {
        Place::Room => "at room temperature",
        Place::Cooler => "in a cooler bag",
        Place::Fridge => "in the fridge",
        Place::IceBox => "in the ice compartment",
        Place::Freezer => "in the freezer",
        Place::Thawing => "thawing in the fridge",
        Place::ThawedFridge => "thawed, in the fridge",
        Place::ThawedRoom => "thawed, at room temperature",
        Place::Leftover => "left from a feed",
    }
}

/// Label of the button that moves a batch to `to`.
pub fn move_button(from: Place, to: Place) -> String {
    let label = match (from, to) {
        (_, Place::Fridge) => "To the fridge",
        (_, Place::Freezer) => "To the freezer",
        (_, Place::IceBox) => "To the ice box",
        (_, Place::Cooler) => "Into a cooler bag",
        (_, Place::Thawing) => "Thaw in the fridge",
        (_, Place::ThawedFridge) => "Fully thawed",
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => "Thaw in lukewarm water",
        (_, Place::ThawedRoom) => "Out of the fridge",
        (_, Place::Leftover) => "Baby left some",
        (_, Place::Room) => "Room temperature",
    };
    format!("{} {label}", place_emoji(to))
}

/// Label for picking a place when logging.
pub fn place_button(p: Place) -> String {
    let label = match p {
        Place::Room => "Room",
        Place::Cooler => "Cooler bag",
        Place::Fridge => "Fridge",
        Place::IceBox => "Ice box",
        Place::Freezer => "Freezer",
        other => place_name(other),
    };
    format!("{} {label}", place_emoji(p))
}

/// What a move did, for confirmations: "moved it to the freezer", "started thawing it in the fridge".
pub fn moved(from: Place, to: Place) -> &'static str {
    match (from, to) {
        (_, Place::Thawing) => "is thawing in the fridge",
        (_, Place::ThawedFridge) => "is fully thawed, in the fridge",
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => {
            "was thawed in lukewarm water"
        }
        (_, Place::ThawedRoom) => "is out of the fridge",
        (_, Place::Leftover) => "is left over from a feed",
        (_, Place::Fridge) => "is in the fridge now",
        (_, Place::Freezer) => "is in the freezer now",
        (_, Place::IceBox) => "is in the ice compartment now",
        (_, Place::Cooler) => "is in a cooler bag now",
        (_, Place::Room) => "is at room temperature",
    }
}

pub fn reason_label(r: DiscardReason) -> &'static str {
    match r {
        DiscardReason::Expired => "⏰ Too old",
        DiscardReason::Spilled => "💦 Spilled",
        DiscardReason::SmelledOff => "👃 Smelled sour",
        DiscardReason::Other => "Other",
    }
}

pub fn profile_name(p: Profile) -> &'static str {
    match p {
        Profile::Cdc => "CDC (US)",
        Profile::Nhs => "NHS (UK)",
        Profile::Abm => "ABM protocol",
        Profile::Lll => "La Leche League",
        Profile::Strictest => "Strictest of all",
    }
}

// ---- batches ----------------------------------------------------------------------

/// Why an action on milk could not happen, kindly.
pub fn batch_error(e: &BatchError, unit: Unit, now: DateTime<Utc>, tz: Tz) -> String {
    match e {
        BatchError::ZeroAmount => "That's zero: nothing to log. How much was it?".into(),
        BatchError::TooMuch { max } => format!(
            "That's more than {} in one batch. Is there a typo?",
            max.display(unit)
        ),
        BatchError::MoreThanLeft { left } => {
            format!("Only {} is left in that batch.", left.display(unit))
        }
        BatchError::InFuture => "That time hasn't come yet. When was it expressed?".into(),
        BatchError::TooOld => {
            "That's more than a year ago: I can only keep milk from the last 12 months.".into()
        }
        BatchError::AfterLaterStep => {
            "The milk was expressed before it was frozen or moved: pick an earlier time.".into()
        }
        BatchError::NotLoggable(_) => {
            "New milk goes to the room, a cooler bag, the fridge or the freezer.".into()
        }
        BatchError::Finished(Status::Used) => "This batch is already used up.".into(),
        BatchError::Finished(Status::Discarded) => "This batch was already discarded.".into(),
        BatchError::Finished(_) => "This batch is no longer in the stash.".into(),
        BatchError::AlreadyThere(p) => format!("It's already {}.", in_place(*p)),
        BatchError::Refreeze => {
            "Thawed milk can never go back in the freezer. Use it or discard it.".into()
        }
        BatchError::CannotMove { from, .. } => {
            format!("That move isn't possible for milk {}.", in_place(*from))
        }
        BatchError::Expired { deadline } => format!(
            "⚠️ This milk passed its time ({}). It's safest to discard it.",
            when(*deadline, now, tz)
        ),
        BatchError::UndoThawTooLate => format!(
            "It's been more than {} since it came out of the freezer, so it may have started \
             to thaw: I can't put it back. Thawed milk can't be frozen again; use it or \
             discard it.",
            undo_window()
        ),
        BatchError::UndoTooLate => format!(
            "Undo only works for {} when it would give the milk more time. If something \
             was logged wrong, discard this batch and log it again.",
            undo_window()
        ),
        BatchError::TimeAfterMove => "It has moved since it was logged, so its time can't \
             change any more: I couldn't tell whether it was within its time at each step. If it \
             was expressed earlier than logged, it's safest to discard it."
            .into(),
        BatchError::EditTooLate => format!(
            "I saw you edited that message. It's been more than {} since it logged the \
             batch, so I left the batch as it is: fix it with ✏️ Edit on the batch in /stash.",
            minutes(crate::domain::batch::MESSAGE_EDIT_WINDOW)
        ),
        BatchError::MovedOn => "I saw you edited that message, but the batch has changed \
             since, so I left it as it is: fix it with ✏️ Edit on the batch in /stash."
            .into(),
        BatchError::LaterDeadline { old, new } => format!(
            "I saw you edited that message, but that would give the milk more time (use by \
             {} would become {}), so I left the batch as it is. If the new time is right, \
             change it with ✏️ Edit → Change the time on the batch.",
            when(*old, now, tz),
            when(*new, now, tz)
        ),
        BatchError::UndoExpired { deadline } => format!(
            "⚠️ Undoing would bring back milk that passed its time ({}). It's safest to \
             discard it.",
            when(*deadline, now, tz)
        ),
    }
}

fn undo_window() -> String {
    minutes(crate::domain::batch::UNDO_WINDOW)
}

fn minutes(d: chrono::Duration) -> String {
    format!("{} minutes", d.num_minutes())
}

pub fn amount_with_sides(amount: Ml, left: Option<Ml>, right: Option<Ml>, unit: Unit) -> String {
    match (left, right) {
        (None, None) => amount.display(unit),
        (l, r) => {
            let mut parts = Vec::new();
            if let Some(l) = l {
                parts.push(format!("L {}", l.number(unit)));
            }
            if let Some(r) = r {
                parts.push(format!("R {}", r.number(unit)));
            }
            format!("{} ({})", amount.display(unit), parts.join(" + "))
        }
    }
}

#[cfg(test)]
mod time_tests {
    use super::*;
    use chrono::TimeZone;

    /// Frozen milk: "best used by" and "past its best-quality time" only where a longer
    /// acceptable time follows (CDC, ABM, LLL); NHS's 6 months keep the stricter words.
    #[test]
    fn freezer_wording_follows_the_guideline() {
        use crate::domain::batch::{self, NewBatch, Sides};
        use crate::domain::rules::Guideline;
        let at = utc(1, 9, 0);
        let frozen = batch::log(
            NewBatch {
                amount: Ml(120),
                place: Place::Freezer,
                expressed_at: at,
                sides: Sides::default(),
            },
            at,
        )
        .unwrap();
        let text = |profile: Profile, kind: &str| {
            let g = Guideline::from(profile);
            reminder(
                kind,
                &frozen,
                (frozen.deadline(g), frozen.safe_until(g)),
                Unit::Ml,
                at,
                chrono_tz::UTC,
            )
        };
        assert!(text(Profile::Cdc, "lead").contains("best used by"));
        assert!(text(Profile::Nhs, "lead").contains(": use by"));
        assert!(text(Profile::Strictest, "lead").contains(": use by"));
        let best = text(Profile::Abm, "best");
        assert!(best.contains("past its best-quality time"), "{best}");
        assert!(!best.contains("discard"), "{best}");
        assert!(text(Profile::Nhs, "deadline").contains("safest to discard"));
    }

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
    }

    #[test]
    fn when_is_short_and_local() {
        let now = utc(10, 9, 0); // Tuesday
        // New York is on daylight time (UTC-4) from 8 March 2026.
        let ny = chrono_tz::America::New_York;
        assert_eq!(when(utc(10, 8, 5), now, Tz::UTC), "today 08:05");
        assert_eq!(when(utc(9, 22, 10), now, Tz::UTC), "yesterday 22:10");
        assert_eq!(when(utc(11, 7, 0), now, Tz::UTC), "tomorrow 07:00");
        assert_eq!(when(utc(14, 14, 5), now, Tz::UTC), "Sat 14:05");
        assert_eq!(when(utc(30, 14, 5), now, Tz::UTC), "Mon 30 Mar");
        assert_eq!(when(utc(10, 8, 5), now, ny), "today 04:05");
        assert_eq!(when(utc(10, 3, 0), now, ny), "yesterday 23:00");
        let next_year = Utc.with_ymd_and_hms(2027, 1, 2, 0, 0, 0).unwrap();
        assert_eq!(when(next_year, now, Tz::UTC), "2 Jan 2027");
    }

    #[test]
    fn time_left_reads_naturally() {
        let now = utc(10, 9, 0);
        assert_eq!(left(now + Duration::minutes(25), now), "25 min left");
        assert_eq!(left(now + Duration::seconds(20), now), "1 min left");
        assert_eq!(left(now + Duration::minutes(190), now), "3 h 10 min left");
        assert_eq!(left(now + Duration::hours(2), now), "2 h left");
        assert_eq!(left(now + Duration::hours(52), now), "2 d 4 h left");
        assert_eq!(left(now + Duration::days(4), now), "4 d left");
        assert_eq!(left(now + Duration::days(20), now), "20 days left");
        assert_eq!(left(now + Duration::days(180), now), "6 months left");
        assert_eq!(left(now - Duration::hours(2), now), "expired 2 h ago");
    }

    #[test]
    fn errors_are_kind_and_specific() {
        let now = utc(10, 9, 0);
        let e = batch_error(
            &BatchError::TooMuch { max: Ml(1000) },
            Unit::Oz,
            now,
            Tz::UTC,
        );
        assert!(e.contains("33.8 oz"), "{e}");
        let e = batch_error(
            &BatchError::CannotMove {
                from: Place::Freezer,
                to: Place::Room,
            },
            Unit::Ml,
            now,
            Tz::UTC,
        );
        assert_eq!(e, "That move isn't possible for milk in the freezer.");
    }
}

// ---- buttons ----------------------------------------------------------------------

pub const CANCEL: &str = "✖ Cancel";
pub const BACK: &str = "⬅ Back";
/// A time choice, not a "done" button: a clock, never a check mark.
pub const NOW: &str = "🕑 Now";
pub const EARLIER: &str = "⏱ Earlier…";
pub const TO_STASH: &str = "🧊 Stash";
pub const USED: &str = "🍼 Used…";
pub const DISCARD: &str = "🗑 Discard…";
pub const UNDO: &str = "↩️ Undo";
pub const EDIT: &str = "✏️ Edit";
pub const CHANGE_AMOUNT: &str = "Change the amount";
pub const CHANGE_TIME: &str = "Change the time";
pub const CONFIRM_CHANGE: &str = "✔ Yes, change it";
pub const KEEP_IT: &str = "✖ No, keep it";
pub const LOG_BUTTON: &str = "🍼 Log milk";
pub const PREV: &str = "◀ Prev";
pub const NEXT: &str = "Next ▶";
pub const CLOSE: &str = "✖ Close";
pub const TIMEZONE_BUTTON: &str = "🕑 Timezone";

pub fn ago_label(minutes: u32) -> String {
    match minutes {
        0 => "Now".into(),
        m if m < 60 => format!("{m} min ago"),
        1440 => "24 h ago".into(),
        m if m % 60 == 0 => format!("{} h ago", m / 60),
        m => format!("{} h {} min ago", m / 60, m % 60),
    }
}

pub fn same_again(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "↻ Same again: {} · {}",
        amount.display(unit),
        place_button(place)
    )
}

pub fn used_all(amount: Ml, unit: Unit) -> String {
    format!("All of it ({})", amount.display(unit))
}

pub fn used_part(amount: Ml, unit: Unit) -> String {
    amount.display(unit)
}

pub fn unit_button(unit: Unit) -> String {
    match unit {
        Unit::Ml => "📏 Unit: ml (switch to oz)".into(),
        Unit::Oz => "📏 Unit: oz (switch to ml)".into(),
    }
}

pub fn profile_button(p: Profile) -> String {
    format!("📋 Guideline: {}", profile_name(p))
}

// ---- log steps --------------------------------------------------------------------

pub fn log_amount_prompt(unit: Unit) -> String {
    format!(
        "🍼 <b>How much?</b>\nOther amount? Just type it, e.g. <code>{}</code>.",
        match unit {
            Unit::Ml => "75",
            Unit::Oz => "2.5oz",
        }
    )
}

pub fn log_place_prompt(amount: Ml, unit: Unit) -> String {
    format!("🍼 <b>{}</b>: where is it?", amount.display(unit))
}

pub fn log_when_prompt(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "🍼 <b>{}</b> {}: when was it expressed?",
        amount.display(unit),
        in_place(place)
    )
}

pub fn log_earlier_prompt(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "{}\nFor another time, type it, e.g. <code>{} {} 14:30</code>.",
        log_when_prompt(amount, place, unit),
        amount.number(unit),
        place.code().replace('_', " ")
    )
}

pub const LOG_CANCELLED: &str = "Okay, nothing logged.";

/// Before logging an unusually large amount.
pub fn implausible_amount(amount: Ml, fix: Ml, unit: Unit) -> String {
    format!(
        "🤔 <b>{}</b> is a lot for one session. Did you mean <b>{}</b>?",
        amount.display(unit),
        fix.display(unit)
    )
}

pub fn keep_amount(amount: Ml, unit: Unit) -> String {
    format!("Yes, {}", amount.display(unit))
}

pub fn stash_full(stored: bool) -> String {
    if stored {
        format!(
            "Your stash already holds {} batches, the most I keep at once. Mark some as used \
             or discarded in /stash, then log again.",
            crate::actions::MAX_STORED
        )
    } else {
        format!(
            "This family has logged {} batches, the most I keep. Download the history with \
             /export, then start afresh with /forget.",
            crate::actions::MAX_BATCHES
        )
    }
}

pub const LOG_NOT_UNDERSTOOD: &str = "I couldn't read that as a batch. Try e.g. \
     <code>90 fridge</code>, <code>3oz freezer 1h ago</code> or \
     <code>left 40 right 50 fridge</code>, or tap 🍼 Log milk.";

pub fn sides_disagree(total: Ml, sides: Ml, unit: Unit) -> String {
    format!(
        "The sides add up to {}, but the total says {}. Which is it? Send it again with one of them.",
        sides.display(unit),
        total.display(unit)
    )
}

pub fn time_error(e: &crate::domain::shortcut::TimeError) -> String {
    use crate::domain::shortcut::TimeError;
    match e {
        TimeError::NotATime { hour, minute } => {
            format!("{hour}:{minute:02} isn't a time of day I know.")
        }
        TimeError::InFuture => "That time hasn't come yet today.".into(),
        TimeError::OutOfRange => "I couldn't place that time.".into(),
    }
}

/// "Sam logged 90 ml in the fridge." in a group; "Logged 90 ml in the fridge." alone.
pub fn did(actor: Option<&str>, phrase: &str) -> String {
    match actor {
        Some(name) => format!("{} {phrase}.", esc(name)),
        None => {
            let mut chars = phrase.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
                None => String::new(),
            }
        }
    }
}

pub fn logged_phrase(amount: Ml, place: Place, unit: Unit) -> String {
    format!("logged {} {}", amount.display(unit), in_place(place))
}

pub fn moved_phrase(amount: Ml, from: Place, to: Place, unit: Unit) -> String {
    let a = amount.display(unit);
    match (from, to) {
        (_, Place::Thawing) => format!("started thawing {a} in the fridge"),
        (_, Place::ThawedFridge) => format!("marked {a} as fully thawed"),
        (f, Place::ThawedRoom) if f.is_frozen() || f == Place::Thawing => {
            format!("thawed {a} in lukewarm water")
        }
        (_, Place::ThawedRoom) => format!("took {a} of thawed milk out of the fridge"),
        (_, Place::Leftover) => format!("marked {a} as left over from a feed"),
        (_, to) => format!("moved {a} {}", in_place(to).replacen("in ", "to ", 1)),
    }
}

pub fn leftover_phrase(
    drunk: Option<Ml>,
    left: Ml,
    ended_at: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
    unit: Unit,
) -> String {
    let drunk = drunk
        .map(|d| format!("baby drank {}, ", d.display(unit)))
        .unwrap_or_default();
    format!(
        "noted the feed that ended {}: {drunk}{} left over",
        when(ended_at, now, tz),
        left.display(unit)
    )
}

pub fn used_phrase(used: Ml, left: Ml, unit: Unit) -> String {
    if left.get() == 0 {
        format!("used {}: all gone", used.display(unit))
    } else {
        format!("used {} ({} left)", used.display(unit), left.display(unit))
    }
}

pub fn discarded_phrase(amount: Ml, reason: DiscardReason, unit: Unit) -> String {
    let why = match reason {
        DiscardReason::Expired => " (too old)",
        DiscardReason::Spilled => " (spilled)",
        DiscardReason::SmelledOff => " (smelled sour)",
        DiscardReason::Other => "",
    };
    format!("discarded {}{why}", amount.display(unit))
}

pub fn undo_phrase(undid: &str, amount: Ml, unit: Unit) -> String {
    match undid {
        "logged" => format!("removed the {} batch", amount.display(unit)),
        "used" => "undid the use".into(),
        "discarded" => "put it back: not discarded".into(),
        "moved" | "thawed" => "undid the move".into(),
        _ => "undid the edit".into(),
    }
}

pub fn edited_amount_phrase(amount: Ml, unit: Unit) -> String {
    format!("changed the amount to {}", amount.display(unit))
}

pub const EDIT_NOT_A_LOG: &str = "I saw you edited that message, but I can't read it as \
     a log any more, so the batch stays as it was. To fix it, use ✏️ Edit on the batch in /stash.";

pub fn relogged_phrase(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "updated the batch from your edited message: {} {}",
        amount.display(unit),
        in_place(place)
    )
}

/// Before asking to confirm what an edited logging message says.
pub fn edited_message_seen(amount: Ml, place: Place, unit: Unit) -> String {
    format!(
        "✏️ I saw you edited that message to {} {}.",
        amount.display(unit),
        in_place(place)
    )
}

pub fn edited_time_phrase(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!("changed the time to {}", when(at, now, tz))
}

pub fn snoozed_phrase(until: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!("😴 I'll remind you again {}.", when(until, now, tz))
}

// ---- a batch ----------------------------------------------------------------------

pub fn expressed(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!("Expressed {}", when(at, now, tz))
}

pub fn use_by(deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        " · use by {} ({})",
        when(deadline, now, tz),
        left(deadline, now)
    )
}

/// Frozen milk with an acceptable time after its best-quality time.
pub fn best_by(
    best: DateTime<Utc>,
    safe_until: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        " · best quality until {} ({}), fine until {}",
        when(best, now, tz),
        left(best, now),
        when(safe_until, now, tz)
    )
}

pub fn use_straight_away(source: &str) -> String {
    format!(" · use it straight away ({source})")
}

pub fn past_its_time(deadline: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "⚠️ Past its time since {}: it's safest to discard it.",
        when(deadline, now, tz)
    )
}

/// Past the freezer's best-quality time, still within its acceptable time.
pub fn past_best(
    best: DateTime<Utc>,
    safe_until: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        "🕰 Past its best-quality time since {}: still fine to use until {}. Thaw it soon.",
        when(best, now, tz),
        when(safe_until, now, tz)
    )
}

/// A bag thawing in the fridge: no clock yet.
pub fn thawing_since(since: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "⏳ Thawing since {}. No clock runs yet: once no ice crystals are left, tap          “Fully thawed” and its clock starts.",
        when(since, now, tz)
    )
}

pub const NO_REFREEZE: &str = "Thawed milk can't be frozen again.";
pub const USE_PROMPT: &str = "How much was used?";
pub const LEFTOVER_PROMPT: &str =
    "How much is left in the bottle? (What the baby drank counts as used.)";
pub const FEED_ENDED_NOW: &str = "Just now";
pub const TYPE_IT: &str = "⌨️ Type it";
pub const LEFTOVER_TYPE_PROMPT: &str =
    "How much is left in the bottle? Type it, e.g. <code>40</code>.";

/// A typed leftover larger than the batch.
pub fn leftover_too_much(typed: Ml, batch: Ml, unit: Unit) -> String {
    format!(
        "That's more than this batch holds ({} in it, {} typed). How much is left in the \
         bottle? Type a smaller amount, or send /stash to leave it.",
        batch.display(unit),
        typed.display(unit)
    )
}

pub fn feed_ended_prompt(left: Ml, unit: Unit) -> String {
    format!(
        "{} left. When did the feed end? The leftover clock starts then.",
        left.display(unit)
    )
}
pub const DISCARD_PROMPT: &str = "Why is it going? (This helps the history; any answer is fine.)";
pub const EDIT_PROMPT: &str = "Fix the amount, or when it was expressed:";
pub const AMOUNT_PROMPT: &str =
    "How much is in this batch? Tap an amount, or type it, e.g. <code>85</code>.";
pub const TIME_PROMPT: &str = "When was it expressed? Tap a time, or type it, e.g. \
     <code>14:30</code>, <code>5h ago</code> or <code>yesterday 22:00</code>.";

/// Asking before an edit that gives the milk more time.
pub fn confirm_later_deadline(
    old: DateTime<Utc>,
    new: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        "⚠️ This gives the milk more time: use by {} becomes use by {}. Only change it if \
         the milk really was expressed then. Change it?",
        when(old, now, tz),
        when(new, now, tz)
    )
}

/// A text that did not read as the amount, time or city the bot asked for.
pub fn reply_not_understood(kind: Awaited) -> &'static str {
    match kind {
        Awaited::Time => {
            "I'm waiting for when that batch was expressed: type it like <code>14:30</code>, \
             <code>2h ago</code> or <code>yesterday 22:00</code>. Or send /stash to leave it."
        }
        Awaited::Amount => {
            "I'm waiting for the amount in that batch: type a number, e.g. <code>85</code>. \
             Or send /stash to leave it."
        }
        Awaited::Leftover => {
            "I'm waiting for how much is left in the bottle: type a number, e.g. \
             <code>40</code>. Or send /stash to leave it."
        }
        Awaited::City => {
            "I'm waiting for your city: type it like <code>Lisbon</code> or an offset like \
             <code>UTC+3</code>."
        }
    }
}

// ---- the stash --------------------------------------------------------------------

pub const EMPTY_STASH: &str =
    "🧊 Your stash is empty.\nLog milk with the button below, or type e.g. <code>90 fridge</code>.";

pub fn stash_header(total: Ml, count: usize, unit: Unit) -> String {
    let batches = if count == 1 { "batch" } else { "batches" };
    format!(
        "🧊 <b>Your stash</b>: {} in {count} {batches}",
        total.display(unit)
    )
}

pub fn use_next(
    item: &crate::domain::stash::Item,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    format!(
        "👉 Use next: {} {} (expressed {}, {})",
        item.amount.display(unit),
        in_place(item.place),
        when(item.expressed_at, now, tz),
        left(item.deadline, now)
    )
}

pub fn expired_count(n: usize) -> String {
    if n == 1 {
        "⚠️ 1 batch is past its time: tap it to discard.".into()
    } else {
        format!("⚠️ {n} batches are past their time: tap them to discard.")
    }
}

pub fn stash_group(place: Place, total: Ml, unit: Unit) -> String {
    format!(
        "{} <b>{}</b> · {}",
        place_emoji(place),
        place_name(place),
        total.display(unit)
    )
}

pub fn stash_line(
    number: usize,
    item: &crate::domain::stash::Item,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let warn = if item.expired { "⚠️ " } else { "" };
    let time = if item.past_best {
        "🕰 past its best-quality time".to_owned()
    } else {
        left(item.deadline, now)
    };
    format!(
        "{number}. {} · {} · {warn}{time}",
        item.amount.display(unit),
        when(item.expressed_at, now, tz),
    )
}

pub fn stash_button(number: usize, item: &crate::domain::stash::Item, unit: Unit) -> String {
    let mark = if item.expired {
        "⚠️"
    } else {
        place_emoji(item.place)
    };
    format!("{number}. {mark} {}", item.amount.display(unit))
}

// ---- settings ---------------------------------------------------------------------

pub fn settings_summary(s: &crate::domain::settings::Settings, now: DateTime<Utc>) -> String {
    let local = now.with_timezone(&s.tz).format("%H:%M");
    let example = Ml(120);
    format!(
        "⚙️ <b>Settings</b>\n\
         Unit: {} (e.g. {} = {})\n\
         Timezone: {} (it's {local} there now)\n\
         Guideline: {}{}",
        s.unit,
        example.display(Unit::Ml),
        example.display(Unit::Oz),
        esc(&crate::domain::settings::zone_label(s.tz)),
        profile_name(s.profile),
        if s.profile.asks_fridge() {
            format!("\nFridge: {}", fridge_answer(s.cold_fridge))
        } else {
            String::new()
        },
    )
}

pub fn timezone_prompt(current: &str) -> String {
    format!(
        "🕑 Your timezone is <b>{}</b>. Pick yours, share your location (📎 → Location), \
         or send <code>/timezone</code> with a city or an offset, e.g. \
         <code>/timezone Berlin</code> or <code>/timezone UTC+3</code>.",
        esc(current)
    )
}

/// The first-contact question (private chats, until a timezone is chosen).
pub fn zone_question(current: &str) -> String {
    format!(
        "🕑 One thing first: which timezone are you in? Every deadline and reminder uses it. \
         Until you choose, I use <b>{}</b>.",
        esc(current)
    )
}

pub const MORE_ZONES: &str = "🌍 Other zones";
pub const SHARE_LOCATION: &str = "📍 Share location";
pub const TYPE_CITY: &str = "⌨️ Type a city";
pub const SEND_LOCATION: &str = "📍 Send my location";
pub const ASK_LOCATION: &str = "Tap <b>📍 Send my location</b> below. I only use it to suggest \
     timezones; the location itself isn't stored.";
/// After "Type a city": the next text is read as the city.
pub const ASK_CITY: &str = "Type your city, for example <code>Lisbon</code>, or an offset \
     such as <code>UTC+3</code>. (<code>/timezone Lisbon</code> works any time too.)";
/// The same in a group, where the bot only reads replies to it.
pub const ASK_CITY_GROUP: &str = "Reply to this message with your city, for example \
     <code>Lisbon</code>, or an offset such as <code>UTC+3</code>. (<code>/timezone Lisbon</code> \
     works any time too.)";
pub const SET_ZONE_BUTTON: &str = "🕑 Set my timezone";

/// Under a typed log while no timezone is chosen: which one the times were read in.
pub fn zone_assumed(current: &str) -> String {
    format!(
        "🕑 I read times in <b>{}</b> because your timezone isn't set yet. Not right? Tap \
         <b>{SET_ZONE_BUTTON}</b>.",
        esc(current)
    )
}

/// A typed clock time fell in a daylight-saving change: how it was read.
pub fn clock_note(
    note: crate::domain::shortcut::ClockNote,
    typed: &str,
    zone: &str,
    read: &str,
) -> String {
    use crate::domain::shortcut::ClockNote;
    match note {
        ClockNote::Skipped => format!(
            "🕑 The clocks went forward that night, so {typed} didn't happen in {}. I counted \
             from the earliest it could mean, {read}, so no deadline runs late.",
            esc(zone)
        ),
        ClockNote::Twice => format!(
            "🕑 The clocks went back that night, so {typed} happened twice in {}. I counted \
             from the first one, so no deadline runs late.",
            esc(zone)
        ),
    }
}

pub const ONLY_TEXT: &str = "I can only read text and button presses 🙂 Use the buttons below, or type something like <code>90 fridge</code> or a question.";
pub const LOCATION_ZONES: &str = "📍 Thanks! Which of these shows your time right now?";
pub const OTHER_ZONE: &str = "None of these…";
pub const LOCATION_NO_ZONE: &str = "I couldn't place that location. Send <code>/timezone</code> with your city instead, e.g. <code>/timezone Berlin</code>.";

pub fn timezone_set(name: &str, now: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "🕑 Timezone set to <b>{}</b>. It's {} there now.",
        esc(name),
        now.with_timezone(&tz).format("%H:%M")
    )
}

/// The family's timezone or guideline changed: said in its group, with who and from → to.
pub fn settings_changed(
    who: &str,
    change: crate::domain::settings::Announced,
    now: DateTime<Utc>,
) -> String {
    use crate::domain::settings::{Announced, zone_label};
    match change {
        Announced::Timezone { from, to } => format!(
            "🕑 {} changed the timezone from <b>{}</b> to <b>{}</b> (it's {} there now). \
             Times and reminders follow the new one.",
            esc(who),
            esc(&zone_label(from)),
            esc(&zone_label(to)),
            now.with_timezone(&to).format("%H:%M")
        ),
        Announced::Guideline { from, to } => format!(
            "📋 {} changed the storage guideline from <b>{}</b> to <b>{}</b>. \
             Deadlines and reminders follow the new one.",
            esc(who),
            profile_name(from),
            profile_name(to)
        ),
    }
}

pub fn timezone_unknown(text: &str) -> String {
    format!(
        "I couldn't find a timezone called \"{}\". Try a city (<code>/timezone Berlin</code>), \
         an area name (<code>/timezone Europe/Berlin</code>) or an offset (<code>/timezone UTC+1</code>).",
        esc(text)
    )
}

pub fn profile_prompt() -> String {
    "📋 <b>Which guideline should I follow?</b>\n\
     • CDC (US): fridge 4 days, freezer 6 months best (12 acceptable)\n\
     • NHS (UK): fridge 8 days at 4 °C or colder (3 days if warmer or not sure), freezer \
     6 months, thawed milk straight away\n\
     • ABM protocol: fridge 4 days, freezer 6 months best (12 acceptable)\n\
     • La Leche League: fridge 3 days, freezer 6 months best (12 acceptable)\n\
     • Strictest of all: the shortest time any of them gives\n\
     Deadlines and reminders follow your choice."
        .into()
}

pub const FRIDGE_PROMPT: &str = "🌡 <b>How cold is your fridge?</b>\n\
     The NHS keeps milk 8 days in a fridge at 4 °C or colder, and 3 days when it's warmer \
     or you're not sure. A fridge thermometer at the back of a middle shelf tells you.";
pub const FRIDGE_COLD: &str = "🧊 4 °C or colder";
pub const FRIDGE_WARM: &str = "🌡 Warmer or not sure";

/// The fridge answer, as the settings screen shows it.
pub fn fridge_answer(cold: Option<bool>) -> &'static str {
    match cold {
        Some(true) => "4 °C or colder",
        Some(false) => "warmer than 4 °C or not sure",
        None => "not asked yet (counted as not sure)",
    }
}

pub fn fridge_button(cold: Option<bool>) -> String {
    format!("🌡 Fridge: {}", fridge_answer(cold))
}

pub const SETTINGS_CLOSED: &str = "⚙️ Settings saved.";

// ---- button notes (short: shown as a toast) -----------------------------------------

pub const STALE_BUTTON: &str = "That button is out of date. Here's a fresh start.";
pub const NOT_YOUR_BATCH: &str = "That batch isn't in this chat's stash.";
pub const BATCH_CHANGED: &str = "This batch changed in the meantime: here's how it is now.";
pub const NOTHING_TO_UNDO: &str = "Nothing to undo for this batch.";
pub const ALREADY_LOGGED: &str = "Already logged: here it is.";

// ---- reminders --------------------------------------------------------------------

pub const SNOOZE_HOUR: &str = "😴 In 1 h";
pub const SNOOZE_MORNING: &str = "😴 Tomorrow morning";
pub const DISCARD_NOW: &str = "🗑 Discard";

/// The text of a reminder about one batch. `kind` is the reminder kind's code.
/// `deadline` is the batch's use-by (or best-quality) time and when it must be discarded.
pub fn reminder(
    kind: &str,
    batch: &crate::domain::BatchState,
    (deadline, safe_until): (DateTime<Utc>, DateTime<Utc>),
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let place = batch.place;
    let a = format!("<b>{}</b>", batch.amount.display(unit));
    let exp = when(batch.clocks.expressed_at, now, tz);
    let by = when(deadline, now, tz);
    let left = left(deadline, now);
    match (kind, place) {
        (_, Place::Thawing) => format!(
            "⏳ {a} has been thawing in the fridge since {}. No ice crystals left? \
             Tap “Fully thawed” to start its clock.",
            when(batch.clocks.place_since, now, tz)
        ),
        ("best", _) => format!(
            "🕰 {a} {}, expressed {exp}, is past its best-quality time. It's still fine \
             to use until {}: thaw it soon.",
            in_place(place),
            when(safe_until, now, tz)
        ),
        ("deadline", _) => format!(
            "⛔ Time's up for {a} {}, expressed {exp}. It's safest to discard it.",
            in_place(place)
        ),
        ("lastcall", _) => format!(
            "⏳ Last call: {a} in the fridge, expressed {exp}, reaches its limit {by}. \
             Use it or freeze it now."
        ),
        (_, Place::Room) => format!(
            "⏰ {a} expressed {exp} is at room temperature: into the fridge or freezer by {by} ({left})."
        ),
        (_, Place::Cooler) => format!(
            "⏰ {a} in the cooler bag, expressed {exp}: into the fridge or freezer by {by} ({left})."
        ),
        (_, Place::Fridge) => format!(
            "⏰ {a} in the fridge, expressed {exp}: use by {by} ({left}). Use it or freeze it before then."
        ),
        // "Best used by" where the time after it is still acceptable; "use by" otherwise.
        (_, Place::IceBox | Place::Freezer) => format!(
            "⏰ {a} {}, expressed {exp}: {} {by} ({left}).",
            in_place(place),
            if safe_until > deadline {
                "best used by"
            } else {
                "use by"
            }
        ),
        (_, Place::ThawedFridge | Place::ThawedRoom) => format!(
            "⏰ Thawed {a} ({}): use it by {by} ({left}).",
            in_place(place).trim_start_matches("thawed, ")
        ),
        (_, Place::Leftover) => {
            format!("⏰ The {a} left from a feed: use it by {by} ({left}), or discard it.")
        }
    }
}

pub fn digest_header(count: usize) -> String {
    format!("🕑 While I was away, {count} batches needed attention:")
}

pub fn digest_line(
    number: usize,
    amount: Ml,
    place: Place,
    deadline: DateTime<Utc>,
    unit: Unit,
    now: DateTime<Utc>,
) -> String {
    let warn = if deadline <= now { "⛔ " } else { "" };
    format!(
        "{number}. {warn}{} {} ({})",
        amount.display(unit),
        in_place(place),
        left(deadline, now)
    )
}

pub fn digest_done_line(number: usize, amount: Ml, what: &str, unit: Unit) -> String {
    format!("{number}. ✅ {}: {what}", amount.display(unit))
}

pub fn switch_sides(minutes: u32) -> String {
    format!("✋ {minutes} minutes: time to switch sides.")
}

// ---- reminder settings and the morning summary ----------------------------------------

pub const REMINDERS_BUTTON: &str = "🔔 Reminders";

/// "30 min", "1 h", "1 day", "2 weeks": a lead time.
pub fn lead_label(minutes: u32) -> String {
    match minutes {
        m if m < 60 => format!("{m} min"),
        m if m < 1440 => format!("{} h", m / 60),
        1440 => "1 day".into(),
        m if m < 7 * 1440 => format!("{} days", m / 1440),
        m if m == 7 * 1440 => "1 week".into(),
        m => format!("{} weeks", m / (7 * 1440)),
    }
}

pub fn lead_class_name(class: crate::domain::settings::LeadClass) -> &'static str {
    use crate::domain::settings::LeadClass;
    match class {
        LeadClass::Room => "Room / cooler",
        LeadClass::Thawed => "Thawed",
        LeadClass::Fridge => "Fridge",
        LeadClass::Freezer => "Freezer",
    }
}

pub fn quiet_label(q: Option<(u16, u16)>) -> String {
    match q {
        None => "No quiet hours".into(),
        Some((start, end)) => format!(
            "🌙 {}–{}",
            crate::domain::settings::hhmm(start),
            crate::domain::settings::hhmm(end)
        ),
    }
}

pub fn reminders_summary(s: &crate::domain::settings::Settings) -> String {
    use crate::domain::settings::LeadClass;
    let mut text = String::from("🔔 <b>Reminders</b>: how long before each deadline\n");
    for class in LeadClass::ALL {
        text.push_str(&format!(
            "• {}: {} before\n",
            lead_class_name(class),
            lead_label(s.leads.get(class))
        ));
    }
    text.push_str(&format!(
        "Quiet hours: {} (fridge and freezer nudges wait for the morning; urgent ones always come)\n",
        match s.quiet {
            Some(q) => q.label(),
            None => "none".into(),
        }
    ));
    text.push_str(&format!(
        "Morning summary: {}\n",
        if s.morning_digest { "on" } else { "off" }
    ));
    text.push_str(&format!(
        "Low-stash alert: {}\n",
        match s.low_stash_days {
            Some(d) => format!("when the frozen stash covers less than {d} days"),
            None => "off".into(),
        }
    ));
    text.push_str(&format!(
        "Weekly summary with a chart: {}",
        if s.weekly_summary { "on" } else { "off" }
    ));
    text
}

pub fn morning_button(on: bool) -> &'static str {
    if on {
        "☀️ Morning summary: on (turn off)"
    } else {
        "☀️ Morning summary: off (turn on)"
    }
}

pub fn morning_summary(
    view: &crate::domain::stash::View,
    unit: Unit,
    now: DateTime<Utc>,
    tz: Tz,
) -> String {
    let mut text = format!(
        "☀️ Good morning! Your stash: {} in {} {}.",
        view.total.display(unit),
        view.count,
        if view.count == 1 { "batch" } else { "batches" }
    );
    let totals: Vec<String> = view
        .groups
        .iter()
        .map(|g| {
            format!(
                "{} {} {}",
                place_emoji(g.place),
                place_name(g.place),
                g.total.display(unit)
            )
        })
        .collect();
    text.push('\n');
    text.push_str(&totals.join(" · "));
    let today = now.with_timezone(&tz).date_naive();
    let due_on = |offset: i64| -> Vec<String> {
        view.items()
            .filter(|i| {
                !i.expired
                    && (i.deadline.with_timezone(&tz).date_naive() - today).num_days() == offset
            })
            .map(|i| {
                format!(
                    "{} {} (until {})",
                    i.amount.display(unit),
                    in_place(i.place),
                    when(i.deadline, now, tz)
                )
            })
            .collect()
    };
    let (today_items, tomorrow_items) = (due_on(0), due_on(1));
    if today_items.is_empty() && tomorrow_items.is_empty() {
        text.push_str("\nNothing needs using today or tomorrow. 🌿");
    }
    if !today_items.is_empty() {
        text.push_str("\n\n<b>Use today</b>\n• ");
        text.push_str(&today_items.join("\n• "));
    }
    if !tomorrow_items.is_empty() {
        text.push_str("\n\n<b>Tomorrow</b>\n• ");
        text.push_str(&tomorrow_items.join("\n• "));
    }
    if view.expired > 0 {
        text.push_str("\n\n");
        text.push_str(&expired_count(view.expired));
    }
    text
}

// ---- guidance ---------------------------------------------------------------------

pub const TOPICS_BUTTON: &str = "📚 All topics";
pub const NEXT_STEP: &str = "Next ➡";
pub const DONE: &str = "✅ Done";
pub const WALKTHROUGH_BUTTON: &str = "✋ Step by step";

/// A topic's answer, with its source; for storage-time topics, when the family is known,
/// a line with the figure of its own guideline (the one its deadlines follow).
pub fn faq_answer(
    topic: &crate::domain::faq::Topic,
    guideline: Option<crate::domain::rules::Guideline>,
) -> String {
    let flag = if topic.red_flag { "🚩 " } else { "" };
    let own = guideline
        .and_then(|g| guideline_line(g, &topic.places))
        .map(|line| format!("\n\n{line}"))
        .unwrap_or_default();
    format!(
        "{flag}<b>{}</b>\n{}{own}\n\n<i>Source: {}</i>\n<i>{ANSWER_FOOTER}</i>",
        esc(&topic.title),
        esc(topic.answer.trim()),
        esc(&topic.source)
    )
}

/// "📌 Your guideline (NHS (UK), fridge at 4 °C or colder): fridge 8 days", or None
/// when the answer is not about a place's storage time.
pub fn guideline_line(
    guideline: crate::domain::rules::Guideline,
    places: &[Place],
) -> Option<String> {
    if places.is_empty() {
        return None;
    }
    let fridge = if guideline.profile.asks_fridge() {
        if guideline.cold_fridge {
            ", fridge at 4 °C or colder"
        } else {
            ", fridge warmer than 4 °C or not known"
        }
    } else {
        ""
    };
    let figures: Vec<String> = match places {
        [place] => vec![place_limit(guideline, *place)],
        _ => places
            .iter()
            .map(|&place| {
                format!(
                    "{}: {}",
                    place_name(place).to_lowercase(),
                    place_limit(guideline, place)
                )
            })
            .collect(),
    };
    Some(format!(
        "📌 Your guideline ({}{fridge}): {}",
        profile_name(guideline.profile),
        figures.join("; ")
    ))
}

/// The figure the bot counts for `place` under `guideline`, as a parent reads it:
/// "4 days", "6 months best quality, 12 months acceptable".
pub fn place_limit(guideline: crate::domain::rules::Guideline, place: Place) -> String {
    use crate::domain::rules;
    let limit = limit_text(rules::rule(guideline, place).limit);
    match rules::acceptable(guideline, place) {
        Some(acceptable) => format!(
            "{limit} best quality, {} acceptable",
            limit_text(acceptable)
        ),
        None if place == Place::Cooler && guideline.profile.cooler_needs_chilled() => format!(
            "{limit} for milk chilled first ({} for fresh milk)",
            limit_text(rules::rule(guideline, Place::Room).limit)
        ),
        None => limit,
    }
}

/// The same, as plain text (for the command line and inline results).
pub fn faq_answer_plain(topic: &crate::domain::faq::Topic) -> String {
    format!(
        "{}\n{}\n\nSource: {}\n{ANSWER_FOOTER}",
        topic.title,
        topic.answer.trim(),
        topic.source
    )
}

pub const NOT_SURE: &str = "I'm not sure I understood. Did you mean one of these?";
pub const OUT_OF_SCOPE: &str = "I'm best at hand expression, storing and thawing breast milk, \
     and keeping track of your stash. Pick a topic, or ask me about one of those.\n\n\
     Worried about your baby or yourself? Contact your doctor, midwife, health visitor or a \
     lactation consultant (IBCLC). If it is urgent (trouble breathing, fainting, thoughts of \
     harming yourself), call emergency services now.";
pub const FAQ_MENU: &str = "📚 <b>Questions</b>: pick a topic, or just type your question.";

pub fn faq_category(emoji: &str, title: &str) -> String {
    format!("{} <b>{}</b>", esc(emoji), esc(title))
}

/// One screen of the hand-expression walkthrough.
pub fn step(number: usize, total: usize, title: &str, text: &str) -> String {
    format!(
        "✋ <b>Step {number} of {total}: {}</b>\n{}",
        esc(title),
        esc(text.trim())
    )
}

pub const STEPS_DONE: &str = "✋ Well done. Tap 🍼 Log milk to add what you expressed, \
     or send /express to go through the steps again.";

pub fn switch_button(minutes: u8) -> String {
    format!("⏰ Switch sides in {minutes} min")
}

pub fn switch_scheduled(minutes: u8) -> String {
    format!("I'll tell you in {minutes} minutes.")
}

/// `/storage`: the rules of the family's guideline as one card.
/// A limit as a parent reads it: "4 h", "3 days", "2 weeks", "6 months".
pub fn limit_text(limit: crate::domain::rules::Limit) -> String {
    use crate::domain::rules::Limit;
    match limit {
        Limit::NoClock => "no clock yet".to_owned(),
        Limit::Immediately => "use straight away".to_owned(),
        Limit::Hours(h) => format!("{h} h"),
        Limit::Days(d) if d % 7 == 0 && d >= 14 => format!("{} weeks", d / 7),
        Limit::Days(d) => format!("{d} days"),
        Limit::Months(m) => format!("{m} months"),
    }
}

pub fn storage_card(guideline: crate::domain::rules::Guideline) -> String {
    use crate::domain::rules;
    let profile = guideline.profile;
    let mut text = format!("📋 <b>Storage times: {}</b>\n", profile_name(profile));
    for place in Place::ALL {
        let rule = rules::rule(guideline, place);
        let limit = place_limit(guideline, place);
        let note = rule
            .note
            .map(|n| format!(" <i>({})</i>", esc(n)))
            .unwrap_or_default();
        let from = if rule.source != profile && profile != Profile::Strictest {
            format!(" · {}'s figure", profile_name(rule.source))
        } else if profile == Profile::Strictest {
            format!(" · {}", profile_name(rule.source))
        } else {
            String::new()
        };
        text.push_str(&format!(
            "{} {}: <b>{limit}</b>{note}{from}\n",
            place_emoji(place),
            place_name(place)
        ));
    }
    text.push_str(
        "\nFresh milk counts from when it was expressed (the fridge too); frozen milk from \
         when it was first frozen; thawed milk from when it is fully thawed (thawing in \
         lukewarm water leaves it fully thawed at once); leftovers from the end of the feed. \
         Thawed milk never goes back in the freezer. Where a guideline gives a range, I \
         count the shorter time.\n\
         These are for healthy babies born at term: for a premature or sick baby, ask the care team.",
    );
    if matches!(
        profile,
        Profile::Nhs | Profile::Abm | Profile::Lll | Profile::Strictest
    ) {
        text.push_str(
            "\n<i>NHS, ABM and La Leche League figures were taken from secondary copies and \
             are still being checked against the originals.</i>",
        );
    }
    text
}

// ---- families ---------------------------------------------------------------------

pub fn group_welcome(bot_name: &str) -> String {
    format!(
        "Hi everyone! I'm milkbot 🍼 In this group I keep <b>one shared stash</b> for everyone \
         who feeds the baby.\n\
         • Log milk with the buttons below, or type <code>/log 90 fridge</code>.\n\
         • Reminders come here. Anyone can also get them in private: /invite makes a link.\n\
         • Every message says who did what.\n\
         Privacy mode is fine: I only need commands, replies to my messages and buttons \
         (or mention me, @{}).",
        esc(bot_name)
    )
}

pub const WELCOME_BACK: &str =
    "I'm back 👋 Your stash is as you left it, and reminders are on again.";

pub fn invite(link: &str, days: i64) -> String {
    format!(
        "🔗 Send this link to someone who feeds the baby. Opening it links their private chat \
         with me to this family's stash, so they can log one-handed and get reminders there.\n\
         It works once and expires in {days} days.\n{}",
        esc(link)
    )
}

pub const INVITE_OPEN: &str = "Open the invite";
pub const JOIN_INVALID: &str = "This invite link is not valid or has expired; ask for a new \
     one (anyone in the family can make one with /invite).";
pub const JOIN_IN_GROUP: &str = "Open invite links in a private chat with me.";
pub const ALREADY_IN_FAMILY: &str = "This chat is already part of that family.";
pub const JOIN_MERGE: &str = "📦 Bring them along";
pub const JOIN_KEEP: &str = "Keep them aside";

pub fn join_ask_merge(count: usize, total: Ml, unit: Unit) -> String {
    format!(
        "You have {count} {} ({}) in your own stash here. Bring them into the family's stash? \
         If you keep them aside, they come back if you leave the family.",
        if count == 1 { "batch" } else { "batches" },
        total.display(unit)
    )
}

pub fn joined(merged: Option<usize>) -> String {
    let mut text = String::from(
        "🎉 You're in! This chat now shares the family's stash. Reminders come here in \
         private; change that in /family.",
    );
    if let Some(n) = merged.filter(|n| *n > 0) {
        text.push_str(&format!(
            "\n{n} {} from your own stash moved in.",
            if n == 1 { "batch" } else { "batches" }
        ));
    }
    text
}

pub fn pref_label(pref: crate::domain::family::ReminderPref) -> &'static str {
    use crate::domain::family::ReminderPref::*;
    match pref {
        Auto => "reminders: automatic",
        Group => "reminders in the group",
        Private => "reminders in private",
        Both => "reminders in the group and in private",
        Off => "no reminders",
    }
}

/// A member chose reminders in private, but no private chat of theirs is linked to the
/// family (or it blocked the bot).
pub fn private_not_linked(name: &str) -> String {
    format!(
        "⚠️ {}, I can't reach you in a private chat for this family yet, so your reminders \
         will come here in the group meanwhile. To get them in private, ask for an invite \
         link (/invite) and open it in a private chat with me.",
        esc(name)
    )
}

pub fn pref_button(pref: crate::domain::family::ReminderPref, current: bool) -> String {
    use crate::domain::family::ReminderPref::*;
    let mark = if current { "✓ " } else { "" };
    let label = match pref {
        Group => "🔔 In the group",
        Private => "🔔 In private",
        Both => "🔔 Both",
        Off => "🔕 None",
        Auto => "Automatic",
    };
    format!("{mark}{label}")
}

pub fn family_list(members: &[(String, &'static str, bool)]) -> String {
    let mut text = String::from("👪 <b>Family</b>\n");
    for (name, pref, is_you) in members {
        let you = if *is_you { " (you)" } else { "" };
        text.push_str(&format!("• {}{you}: {pref}\n", esc(name)));
    }
    text.push_str("\nWhere do you want reminders?");
    text
}

pub fn remove_button(name: &str) -> String {
    format!("Remove {name}")
}

pub fn remove_ask(name: &str) -> String {
    format!(
        "Remove <b>{}</b> from the family? Their private chat with me gets its own stash \
         back; the family's stash stays here.",
        esc(name)
    )
}

pub fn remove_yes_button(name: &str) -> String {
    format!("Yes, remove {name}")
}

pub const REMOVE_NO: &str = "Keep them";

/// A toast: plain text (toasts have no parse mode), so nothing is escaped.
pub fn member_removed(name: &str) -> String {
    format!("{name} was removed from the family.")
}

/// Told in the family's groups.
pub fn member_removed_notice(by: &str, name: &str) -> String {
    format!("👪 {} removed {} from the family.", esc(by), esc(name))
}

pub const INVITE_BUTTON: &str = "🔗 Invite someone";
pub const LEAVE_BUTTON: &str = "Leave the family";
pub const LEFT_FAMILY: &str = "You've left the family stash. This chat has its own stash again.";
pub const LEAVE_IN_GROUP: &str =
    "To leave the family, leave this group. To stop reminders for yourself, use /family.";
pub const NOT_LINKED: &str = "This chat isn't linked to a family: it has its own stash.";
pub const NOT_ADMIN: &str = "Only the group's admins can do that here. An admin can allow \
     everyone in ⚙️ Settings.";
pub const ADMIN_UNCHECKED: &str = "Only the group's admins can do that, and I can't check \
     who they are right now (I may have been removed from the group). Add me back to the \
     group, or try again later.";

pub fn access_button(access: crate::domain::settings::Access) -> &'static str {
    use crate::domain::settings::Access::*;
    match access {
        SettingsOpen => "👥 Settings: anyone can change (removing, erasing: admins)",
        AdminsOnly => "👥 Settings: admins only",
        AllOpen => "👥 Settings, removing, erasing: anyone",
    }
}

pub fn forget_ask(batches: usize) -> String {
    format!(
        "⚠️ This deletes everything about this family: {batches} {} and their history, \
         reminders, members and settings. It can't be undone.",
        if batches == 1 { "batch" } else { "batches" }
    )
}

pub const FORGET_YES: &str = "🗑 Yes, delete everything";
pub const FORGET_NO: &str = "Keep everything";
pub const FORGET_CANCELLED: &str = "Nothing was deleted.";

/// After /forget; `who` names the person in groups.
pub fn forgotten(who: Option<&str>, f: &crate::storage::Forgotten) -> String {
    let by = who.map(|w| format!(" by {}", esc(w))).unwrap_or_default();
    format!(
        "🗑 Deleted{by}: {} batches, {} history entries, {} reminders, {} members, and the \
         settings. Send /start to begin again.",
        f.batches, f.events, f.reminders, f.members
    )
}

pub fn export_caption(events: usize) -> String {
    format!("📄 Your family's history: {events} entries, one per row.")
}

pub const NOTHING_TO_EXPORT: &str = "Nothing to export yet: log some milk first.";

// ---- insights ---------------------------------------------------------------------

pub const CHART_TITLE: &str = "Milk this fortnight";

fn tally_line(label: &str, t: &crate::domain::stats::Tally, unit: Unit) -> String {
    let sessions = if t.sessions == 1 {
        "session"
    } else {
        "sessions"
    };
    let mut line = format!(
        "{label}: <b>{}</b> in {} {sessions}",
        t.total.display(unit),
        t.sessions
    );
    if t.sides_known() {
        line.push_str(&format!(
            " (L {} · R {})",
            t.left.number(unit),
            t.right.number(unit)
        ));
    }
    line
}

fn days(d: f64) -> String {
    if d < 1.0 {
        "less than a day".into()
    } else if d < 10.0 {
        format!("about {:.1} days", d)
    } else {
        format!("about {:.0} days", d)
    }
}

/// `/stats`.
pub fn stats(i: &crate::domain::stats::Insights, unit: Unit, now: DateTime<Utc>, tz: Tz) -> String {
    let e = &i.expressed;
    let mut text = String::from("📊 <b>Your numbers</b>\n");
    text.push_str(&tally_line("Today", &e.today, unit));
    text.push('\n');
    text.push_str(&tally_line("Yesterday", &e.yesterday, unit));
    text.push('\n');
    text.push_str(&tally_line("Last 7 days", &e.last_7_days, unit));
    if let Some(avg) = e.last_7_days.average_per_session() {
        text.push_str(&format!(", {} a session on average", avg.display(unit)));
    }
    text.push_str(&format!(
        "\n\n🧊 Stash: <b>{}</b> usable",
        i.usable.display(unit)
    ));
    match (i.daily_use, i.days_of_supply) {
        (Some(per_day), Some(d)) => {
            let per_day = Ml(per_day.round().clamp(0.0, f64::from(u32::MAX)) as u32);
            text.push_str(&format!(": {} at {} a day", days(d), per_day.display(unit)));
            if let Some(frozen) = i.frozen_days_of_supply {
                text.push_str(&format!(" (frozen: {})", days(frozen)));
            }
        }
        (Some(_), None) => text.push_str(&format!(
            " (days of supply show after {} days of recorded use: {} so far)",
            crate::domain::stats::MIN_USE_DAYS,
            i.use_days
        )),
        _ => text.push_str(" (days of supply show once you log milk as used)"),
    }
    if i.expiring_soon.is_empty() {
        text.push_str("\nNothing expires in the next 48 hours.");
    } else {
        text.push_str("\n\n⏳ <b>Next 48 hours</b>");
        for b in &i.expiring_soon {
            text.push_str(&format!(
                "\n• {} {} (until {})",
                b.amount.display(unit),
                in_place(b.place),
                when(b.deadline, now, tz)
            ));
        }
    }
    if !i.expired.is_empty() {
        text.push_str("\n\n");
        text.push_str(&expired_count(i.expired.len()));
    }
    text
}

pub fn low_stash(days_left: f64, threshold: u32) -> String {
    format!(
        "📉 Heads-up: the frozen stash covers {} at your current use, below the {threshold} \
         days you asked me to watch for.",
        days(days_left)
    )
}

pub fn weekly_summary(i: &crate::domain::stats::Insights, unit: Unit) -> String {
    let week = &i.expressed.last_7_days;
    let mut text = format!(
        "🗓 <b>Your week</b>: {} expressed in {} sessions.",
        week.total.display(unit),
        week.sessions
    );
    text.push_str(&format!(" Stash: {} usable", i.usable.display(unit)));
    if let Some(d) = i.days_of_supply {
        text.push_str(&format!(", {}", days(d)));
    }
    text.push('.');
    text
}

pub fn low_stash_button(current: Option<u32>, choice: Option<u32>) -> String {
    let mark = if current == choice { "✓ " } else { "" };
    match choice {
        None => format!("{mark}📉 Low-stash alert: off"),
        Some(d) => format!("{mark}📉 Under {d} days"),
    }
}

pub fn weekly_button(on: bool) -> &'static str {
    if on {
        "🗓 Weekly summary: on (turn off)"
    } else {
        "🗓 Weekly summary: off (turn on)"
    }
}

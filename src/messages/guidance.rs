//! Answers, the topic menu, the hand-expression walkthrough and /storage.

use crate::domain::{Place, Profile};

use super::*;

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
        "{flag}<b>{}</b>\n{}{own}\n\n<i>Source: {}</i>\n<i>{}</i>",
        esc(&topic.title),
        esc(topic.answer.trim()),
        esc(&topic.source),
        answer_footer(crate::domain::Lang::En)
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
                    place_name(crate::domain::Lang::En, place).to_lowercase(),
                    place_limit(guideline, place)
                )
            })
            .collect(),
    };
    Some(format!(
        "📌 Your guideline ({}{fridge}): {}",
        profile_name(crate::domain::Lang::En, guideline.profile),
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
        "{}\n{}\n\nSource: {}\n{}",
        topic.title,
        topic.answer.trim(),
        topic.source,
        answer_footer(crate::domain::Lang::En)
    )
}

/// A close runner-up under a confident answer.
pub fn also_button(title: &str) -> String {
    format!("Also: {title}")
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
    let mut text = format!(
        "📋 <b>Storage times: {}</b>\n",
        profile_name(crate::domain::Lang::En, profile)
    );
    for place in Place::ALL {
        let rule = rules::rule(guideline, place);
        let limit = place_limit(guideline, place);
        let note = rule
            .note
            .map(|n| format!(" <i>({})</i>", esc(n)))
            .unwrap_or_default();
        let from = if rule.source != profile && profile != Profile::Strictest {
            format!(
                " · {}'s figure",
                profile_name(crate::domain::Lang::En, rule.source)
            )
        } else if profile == Profile::Strictest {
            format!(" · {}", profile_name(crate::domain::Lang::En, rule.source))
        } else {
            String::new()
        };
        text.push_str(&format!(
            "{} {}: <b>{limit}</b>{note}{from}\n",
            place_emoji(place),
            place_name(crate::domain::Lang::En, place)
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

//! Answers, the topic menu, the hand-expression walkthrough and /storage.

use crate::domain::{Lang, Place, Profile};

use super::*;

words! {
    topics_button => "topics-button",
    next_step => "next-step",
    done_button => "done-button",
    walkthrough_button => "walkthrough-button",
    not_sure => "not-sure",
    faq_menu_text => "faq-menu",
    steps_done => "steps-done",
}

/// A question the bot does not cover: what it does, and where to turn when worried.
pub fn out_of_scope(lang: Lang) -> String {
    format!(
        "{}\n\n{}",
        t!(lang, "out-of-scope"),
        t!(lang, "out-of-scope-worried")
    )
}

/// A topic's answer, with its source; for storage-time topics, when the family is known,
/// a line with the figure of its own guideline (the one its deadlines follow).
pub fn faq_answer(
    lang: Lang,
    topic: &crate::domain::faq::Topic,
    guideline: Option<crate::domain::rules::Guideline>,
) -> String {
    let flag = if topic.red_flag { "🚩 " } else { "" };
    let own = guideline
        .and_then(|g| guideline_line(lang, g, &topic.places))
        .map(|line| format!("\n\n{line}"))
        .unwrap_or_default();
    format!(
        "{flag}<b>{}</b>\n{}{own}\n\n<i>{}</i>\n<i>{}</i>",
        esc(&topic.title),
        esc(topic.answer.trim()),
        t!(lang, "answer-source", source = esc(&topic.source)),
        answer_footer(lang)
    )
}

/// "📌 Your guideline (NHS (UK), fridge at 4 °C or colder): fridge 8 days", or None
/// when the answer is not about a place's storage time.
pub fn guideline_line(
    lang: Lang,
    guideline: crate::domain::rules::Guideline,
    places: &[Place],
) -> Option<String> {
    if places.is_empty() {
        return None;
    }
    let fridge = match (guideline.profile.asks_fridge(), guideline.cold_fridge) {
        (false, _) => String::new(),
        (true, true) => t!(lang, "guideline-fridge-cold"),
        (true, false) => t!(lang, "guideline-fridge-warm"),
    };
    let figures: Vec<String> = match places {
        [place] => vec![place_limit(lang, guideline, *place)],
        _ => places
            .iter()
            .map(|&place| {
                format!(
                    "{}: {}",
                    place_name(lang, place).to_lowercase(),
                    place_limit(lang, guideline, place)
                )
            })
            .collect(),
    };
    Some(t!(
        lang,
        "guideline-line",
        profile = profile_name(lang, guideline.profile),
        fridge = fridge,
        figures = figures.join("; ")
    ))
}

/// The figure the bot counts for `place` under `guideline`, as a parent reads it:
/// "4 days", "6 months best quality, 12 months acceptable".
pub fn place_limit(lang: Lang, guideline: crate::domain::rules::Guideline, place: Place) -> String {
    use crate::domain::rules;
    let limit = limit_text(lang, rules::rule(guideline, place).limit);
    match rules::acceptable(guideline, place) {
        Some(acceptable) => t!(
            lang,
            "limit-best-acceptable",
            limit = limit,
            acceptable = limit_text(lang, acceptable)
        ),
        None if place == Place::Cooler && guideline.profile.cooler_needs_chilled() => t!(
            lang,
            "limit-chilled-first",
            limit = limit,
            fresh = limit_text(lang, rules::rule(guideline, Place::Room).limit)
        ),
        None => limit,
    }
}

/// The same, as plain text (for the command line and inline results).
pub fn faq_answer_plain(lang: Lang, topic: &crate::domain::faq::Topic) -> String {
    format!(
        "{}\n{}\n\n{}\n{}",
        topic.title,
        topic.answer.trim(),
        t!(lang, "answer-source", source = topic.source.as_str()),
        answer_footer(lang)
    )
}

/// A close runner-up under a confident answer.
pub fn also_button(lang: Lang, title: &str) -> String {
    t!(lang, "also-button", title = title)
}

pub fn faq_category(emoji: &str, title: &str) -> String {
    format!("{} <b>{}</b>", esc(emoji), esc(title))
}

/// One screen of the hand-expression walkthrough.
pub fn step(lang: Lang, number: usize, total: usize, title: &str, text: &str) -> String {
    let heading = t!(
        lang,
        "step-heading",
        number = number,
        total = total,
        title = esc(title)
    );
    format!("✋ <b>{heading}</b>\n{}", esc(text.trim()))
}

pub fn switch_button(lang: Lang, minutes: u8) -> String {
    t!(lang, "switch-button", minutes = u32::from(minutes))
}

pub fn switch_scheduled(lang: Lang, minutes: u8) -> String {
    t!(lang, "switch-scheduled", minutes = u32::from(minutes))
}

/// A limit as a parent reads it: "4 h", "3 days", "2 weeks", "6 months".
pub fn limit_text(lang: Lang, limit: crate::domain::rules::Limit) -> String {
    use crate::domain::rules::Limit;
    match limit {
        Limit::NoClock => t!(lang, "limit-no-clock"),
        Limit::Immediately => t!(lang, "limit-immediately"),
        Limit::Hours(h) => t!(lang, "limit-hours", hours = h),
        Limit::Days(d) if d % 7 == 0 && d >= 14 => t!(lang, "limit-weeks", weeks = d / 7),
        Limit::Days(d) => t!(lang, "limit-days", days = d),
        Limit::Months(m) => t!(lang, "limit-months", months = m),
    }
}

/// A rule's note, in `lang` when it is one the files word.
fn rule_note(lang: Lang, note: &str) -> String {
    match note {
        "the clock starts once it is fully thawed" => t!(lang, "note-clock-after-thaw"),
        other => esc(other),
    }
}

/// `/storage`: the rules of the family's guideline as one card.
pub fn storage_card(lang: Lang, guideline: crate::domain::rules::Guideline) -> String {
    use crate::domain::rules;
    let profile = guideline.profile;
    let mut text = format!(
        "📋 <b>{}</b>\n",
        t!(lang, "storage-title", profile = profile_name(lang, profile))
    );
    for place in Place::ALL {
        let rule = rules::rule(guideline, place);
        let limit = place_limit(lang, guideline, place);
        let note = rule
            .note
            .map(|n| format!(" <i>({})</i>", rule_note(lang, n)))
            .unwrap_or_default();
        let from = if rule.source != profile && profile != Profile::Strictest {
            t!(
                lang,
                "storage-figure-of",
                profile = profile_name(lang, rule.source)
            )
        } else if profile == Profile::Strictest {
            format!(" · {}", profile_name(lang, rule.source))
        } else {
            String::new()
        };
        text.push_str(&format!(
            "{} {}: <b>{limit}</b>{note}{from}\n",
            place_emoji(place),
            place_name(lang, place)
        ));
    }
    text.push('\n');
    text.push_str(&t!(lang, "storage-clocks"));
    text.push('\n');
    text.push_str(&t!(lang, "storage-term-babies"));
    if matches!(
        profile,
        Profile::Nhs | Profile::Abm | Profile::Lll | Profile::Strictest
    ) {
        text.push('\n');
        text.push_str(&format!("<i>{}</i>", t!(lang, "storage-unchecked")));
    }
    text
}

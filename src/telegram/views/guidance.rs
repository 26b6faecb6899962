//! Answers, the topic menu and the hand-expression walkthrough.

use crate::domain::Lang;
use crate::domain::settings::Settings;
use crate::domain::steps;
use crate::messages as m;
use crate::telegram::button_data::Cb;
use crate::telegram::send::Screen;

use super::*;

use crate::domain::faq::{Faq, Reply, Topic, Verdict};

pub(super) fn topic_button(topic: &Topic) -> (String, Cb) {
    (topic.title.clone(), Cb::FaqTopic(topic.id.clone()))
}

/// The answer to a typed question: a topic, or "not sure" with suggestions, or the menu.
pub fn faq_reply(lang: Lang, faq: &Faq, reply: &Reply<'_>, settings: &Settings) -> Screen {
    match (reply.verdict, reply.topic) {
        // A confident answer brings its close runners-up as "Also: ..." buttons; a red flag
        // the learned model raised over an answer brings that answer, in case it was wrong.
        (Verdict::Answer | Verdict::RedFlag, Some(topic)) => {
            faq_topic_and(lang, faq, topic, &reply.alternatives, settings)
        }
        (Verdict::NotSure, _) if !reply.alternatives.is_empty() => {
            let mut rows: Vec<Row> = reply
                .alternatives
                .iter()
                .map(|t| vec![topic_button(t)])
                .collect();
            rows.push(vec![(m::topics_button(lang), Cb::FaqMenu)]);
            screen(m::not_sure(lang), rows)
        }
        _ => {
            let mut menu = faq_menu(lang, faq);
            menu.text = m::out_of_scope(lang);
            menu
        }
    }
}

/// One topic's answer, with a way back to its category.
pub fn faq_topic(lang: Lang, faq: &Faq, topic: &Topic, settings: &Settings) -> Screen {
    faq_topic_and(lang, faq, topic, &[], settings)
}

/// One topic's answer, with a button for each of `also` (close runners-up), then a way back.
fn faq_topic_and(
    lang: Lang,
    faq: &Faq,
    topic: &Topic,
    also: &[&Topic],
    settings: &Settings,
) -> Screen {
    let category = faq
        .categories()
        .iter()
        .position(|c| c.id == topic.category)
        .unwrap_or(0);
    let mut rows = vec![vec![
        (m::back(lang), Cb::FaqCategory(category as u8)),
        (m::topics_button(lang), Cb::FaqMenu),
    ]];
    rows.splice(
        0..0,
        also.iter()
            .map(|t| vec![(m::also_button(lang, &t.title), Cb::FaqTopic(t.id.clone()))]),
    );
    if topic.category == "hand-expression" {
        rows.insert(0, vec![(m::walkthrough_button(lang), Cb::Step(0))]);
    }
    screen(m::faq_answer(lang, topic, Some(settings.guideline())), rows)
}

pub fn faq_menu(lang: Lang, faq: &Faq) -> Screen {
    let buttons = faq
        .categories()
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("{} {}", c.emoji, c.title), Cb::FaqCategory(i as u8)))
        .collect();
    screen(m::faq_menu_text(lang), chunk(buttons, 2))
}

pub fn faq_category(lang: Lang, faq: &Faq, index: usize) -> Option<Screen> {
    let category = faq.categories().get(index)?;
    let mut rows: Vec<Row> = faq
        .in_category(&category.id)
        .into_iter()
        .map(|t| vec![topic_button(t)])
        .collect();
    rows.push(vec![(m::back(lang), Cb::FaqMenu)]);
    Some(screen(
        m::faq_category(&category.emoji, &category.title),
        rows,
    ))
}

/// Minutes offered on the "switch sides" step.
pub const SWITCH_MINUTES: [u8; 2] = [3, 5];

/// Step `index` of the walkthrough (clamped to the last step).
pub fn walkthrough(lang: Lang, index: usize) -> Screen {
    let all = steps::steps_for(lang);
    let total = all.len();
    let index = index.min(total.saturating_sub(1));
    let Some(step) = all.get(index) else {
        return Screen::text(m::steps_done(lang));
    };
    let mut rows = Vec::new();
    if step.switch_sides {
        rows.push(
            SWITCH_MINUTES
                .iter()
                .map(|&min| (m::switch_button(lang, min), Cb::SwitchSides(min)))
                .collect(),
        );
    }
    let mut nav = Vec::new();
    if index > 0 {
        nav.push((m::back(lang), Cb::Step(index as u8 - 1)));
    }
    if index + 1 < total {
        nav.push((m::next_step(lang), Cb::Step(index as u8 + 1)));
    }
    rows.push(nav);
    rows.push(vec![(m::done_button(lang), Cb::StepsDone)]);
    screen(
        m::step(lang, index + 1, total, &step.title, &step.text),
        rows,
    )
}

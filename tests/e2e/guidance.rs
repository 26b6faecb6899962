//! Guidance through the fake Bot API: typed questions (with typos and shorthand), the
//! not-sure reply and its topic buttons, red flags, the topic menu, the step-by-step
//! walkthrough with its "switch sides" push, inline mode and the storage card.

use crate::support;

use chrono::Duration;
use support::TestBot;

#[tokio::test]
async fn typed_questions_get_answers_with_their_source() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4001, "Ana");
    for q in [
        "milk fridge how long",
        "HOW LONG IN THE REFRIGERATER",
        "fridge milk days?",
    ] {
        let a = chat.say(q).await;
        assert!(a.text().contains("up to 4 days"), "{q}: {}", a.text());
        assert!(a.text().contains("Source: CDC"), "{q}: {}", a.text());
    }
    let a = chat.say("can i refreez thawed milk").await;
    assert!(
        a.text().contains("never go back in the freezer"),
        "{}",
        a.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn not_sure_offers_topics_whose_buttons_open_them() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4002, "Bo");
    let r = chat.say("milk?").await;
    assert!(r.text().contains("I'm not sure"), "{}", r.text());
    let id = r.sent_id.unwrap();
    let buttons = chat.buttons(id);
    assert!(buttons.len() >= 2 && buttons.len() <= 4, "{buttons:?}");
    let first = buttons[0].0.clone();
    chat.tap(id, &first);
    let topic = chat.next_edit().await;
    assert!(
        topic.text().contains(&format!("<b>{first}</b>")),
        "{}",
        topic.text()
    );
    assert!(topic.text().contains("Source:"), "{}", topic.text());
    bot.stop().await;
}

#[tokio::test]
async fn off_topic_questions_get_a_kind_pointer_not_an_answer() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4003, "Cy");
    for q in [
        "what's the weather tomorrow",
        "best stroller for twins",
        "tell me a joke",
    ] {
        let r = chat.say(q).await;
        assert!(r.text().contains("I'm best at"), "{q}: {}", r.text());
        let labels: Vec<String> = r.buttons().into_iter().map(|b| b.0).collect();
        assert!(labels.iter().any(|l| l.contains("Storage")), "{labels:?}");
    }
    bot.stop().await;
}

#[tokio::test]
async fn red_flags_send_the_parent_to_a_professional() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4004, "Di");
    for q in [
        "i have a fever and a painful lump in my breast",
        "there is blood in my milk, can i still store it in the fridge",
        "baby very sleepy and barely any wet diapers",
    ] {
        let r = chat.say(q).await;
        let t = r.text();
        assert!(t.starts_with("🚩"), "{q}: {t}");
        assert!(
            t.contains("doctor") || t.contains("midwife") || t.contains("IBCLC"),
            "{q}: {t}"
        );
        assert!(!t.contains("4 days"), "no storage advice: {t}");
    }
    bot.stop().await;
}

/// A parent worried that old milk could hurt the baby is offered the milk past its time, and
/// its button opens the answer; no crisis reply, which "i want to hurt my baby" still gets.
#[tokio::test]
async fn a_worry_about_old_milk_gets_its_answer_not_a_crisis_reply() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4012, "Flo");
    for q in [
        "dont want to hurt my baby with old milk",
        "I don't want to hurt him by giving old milk",
    ] {
        let r = chat.say(q).await;
        assert!(!r.text().starts_with("🚩"), "{q}: {}", r.text());
        let Some(id) = r.sent_id else {
            panic!("{q}: the reply was sent");
        };
        let buttons = chat.buttons(id);
        assert!(
            buttons.iter().any(|b| b.0 == "Milk past its time"),
            "{q}: {buttons:?}"
        );
        chat.tap(id, "Milk past its time");
        let shown = chat.next_edit().await;
        assert!(
            shown.text().contains("<b>Milk past its time</b>"),
            "{}",
            shown.text()
        );
        assert!(shown.text().contains("throw it away"), "{}", shown.text());
    }
    let r = chat.say("i want to hurt my baby").await;
    assert!(r.text().starts_with("🚩"), "{}", r.text());
    assert!(r.text().contains("emergency services"), "{}", r.text());
    bot.stop().await;
}

#[tokio::test]
async fn the_topic_menu_is_one_message_with_back_buttons() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4005, "Ed");
    let menu = chat.say("❓ Questions").await;
    let id = menu.sent_id.unwrap();
    chat.tap(id, "Storage");
    let cat = chat.next_edit().await;
    assert!(cat.text().contains("Storage"), "{}", cat.text());
    chat.tap(id, "freezer");
    let topic = chat.next_edit().await;
    assert!(topic.text().contains("Source:"), "{}", topic.text());
    chat.tap(id, "Back");
    let back = chat.next_edit().await;
    assert_eq!(back.text(), cat.text());
    chat.tap(id, "Back");
    let top = chat.next_edit().await;
    assert!(top.text().contains("pick a topic"), "{}", top.text());
    bot.stop().await;
}

#[tokio::test]
async fn express_walks_step_by_step_and_reminds_to_switch_sides() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4006, "Fi");
    let first = chat.say("/express").await;
    let id = first.sent_id.unwrap();
    assert!(first.text().contains("Step 1 of 10"), "{}", first.text());
    chat.tap(id, "Next");
    let second = chat.next_edit().await;
    assert!(second.text().contains("Step 2 of 10"), "{}", second.text());
    chat.tap(id, "Back");
    assert!(chat.next_edit().await.text().contains("Step 1 of 10"));
    // Walk to the step with the switch-sides button.
    let mut text = String::new();
    for _ in 0..9 {
        if chat
            .buttons(id)
            .iter()
            .any(|b| b.0.contains("Switch sides"))
        {
            break;
        }
        chat.tap(id, "Next");
        text = chat.next_edit().await.text().to_owned();
    }
    assert!(text.contains("Step"), "{text}");
    let press = chat.tap(id, "Switch sides in 3 min");
    assert!(chat.note_for(&press).await.contains("3 minutes"));
    bot.clock.advance(Duration::minutes(3));
    let push = chat.next_message().await;
    assert!(
        push.text().contains("time to switch sides"),
        "{}",
        push.text()
    );
    chat.tap(id, "Done");
    let done = chat.next_edit().await;
    assert!(done.text().contains("Well done"), "{}", done.text());
    bot.stop().await;
}

#[tokio::test]
async fn inline_mode_answers_in_any_chat() {
    let mut bot = TestBot::start().await;
    let from = bot.api.call_count();
    let id = bot
        .api
        .inline_query(&support::user(4007, "Gu"), "how long fridge");
    let (_, call) = bot
        .api
        .wait_from(from, support::WAIT, |c| c.method == "answerinlinequery")
        .await;
    assert_eq!(call.params["inline_query_id"], id);
    let results = call.params["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.len() <= 5);
    assert_eq!(results[0]["id"], "fridge-how-long");
    let text = results[0]["input_message_content"]["message_text"]
        .as_str()
        .unwrap_or("");
    assert!(text.contains("4 days") && text.contains("Source"), "{text}");
    bot.stop().await;
}

#[tokio::test]
async fn storage_card_follows_the_guideline() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4008, "Hu");
    let card = chat.say("/storage").await;
    assert!(
        card.text().contains("Storage times: CDC"),
        "{}",
        card.text()
    );
    assert!(
        card.text().contains("Fridge: <b>4 days</b>"),
        "{}",
        card.text()
    );
    assert!(
        card.text()
            .contains("Freezer: <b>6 months best quality, 12 months acceptable</b>"),
        "{}",
        card.text()
    );
    let s = chat.say("/settings").await;
    chat.tap(s.sent_id.unwrap(), "Guideline");
    chat.next_edit().await;
    chat.tap(s.sent_id.unwrap(), "NHS");
    let asked = chat.next_edit().await;
    assert!(
        asked.text().contains("How cold is your fridge?"),
        "{}",
        asked.text()
    );
    chat.tap(s.sent_id.unwrap(), "4 °C or colder");
    chat.next_edit().await;
    let card = chat.say("/storage").await;
    assert!(
        card.text().contains("Fridge: <b>8 days</b>"),
        "{}",
        card.text()
    );
    assert!(card.text().contains("secondary copies"), "{}", card.text());
    bot.stop().await;
}

#[tokio::test]
async fn in_a_group_the_bot_answers_only_when_addressed() {
    let mut bot = TestBot::start().await;
    let mut group = bot.group(-4100, "Feeds", 4009, "Jo");
    group.send("how long does milk last in the fridge");
    let r = group
        .say("@milk_test_bot how long does milk last in the fridge")
        .await;
    assert!(r.text().contains("up to 4 days"), "{}", r.text());
    let to_group = bot
        .api
        .calls()
        .iter()
        .filter(|c| c.method == "sendmessage" && c.chat_id() == Some(-4100))
        .count();
    assert_eq!(to_group, 1, "only the addressed question is answered");
    bot.stop().await;
}

/// A paraphrase written for this test: no example question in faq.toml says it this way
/// (shorthand "ebm", "how many days ... ok"). Two topics fit; the fridge one clearly best.
const PARAPHRASE: &str = "ebm in the fridge, how many days is it ok";

#[tokio::test]
async fn a_paraphrase_gets_its_answer_with_close_topics_as_buttons() {
    let faq = milkbot::domain::faq::Faq::bundled();
    let examples: Vec<String> = faq
        .topics()
        .iter()
        .flat_map(|t| t.questions.iter().map(|q| q.to_lowercase()))
        .collect();
    assert!(!examples.contains(&PARAPHRASE.to_lowercase()));

    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4010, "Eli");
    let a = chat.say(PARAPHRASE).await;
    assert!(
        a.text()
            .contains("<b>How long milk keeps in the fridge</b>"),
        "{}",
        a.text()
    );
    assert!(a.text().contains("up to 4 days"), "{}", a.text());
    assert!(a.text().contains("Source: CDC"), "{}", a.text());
    let Some(id) = a.sent_id else {
        panic!("the answer was sent");
    };
    let also: Vec<String> = chat
        .buttons(id)
        .into_iter()
        .map(|(label, _)| label)
        .filter(|label| label.starts_with("Also: "))
        .collect();
    // The closest other topic comes first (with the written example questions, a second
    // close one, the cooler bag, may follow it).
    assert_eq!(
        also.first().map(String::as_str),
        Some("Also: Moving fridge milk to the freezer"),
        "{also:?}"
    );
    assert!(also.len() <= 2, "{also:?}");
    chat.tap(id, "Also: Moving fridge milk to the freezer");
    let shown = chat.next_edit().await;
    assert!(
        shown
            .text()
            .contains("<b>Moving fridge milk to the freezer</b>"),
        "{}",
        shown.text()
    );
    assert!(shown.text().contains("Source:"), "{}", shown.text());
    bot.stop().await;
}

/// A paraphrase no example contains, answered with the sentence model in play (the harness
/// waits for the model, so the bot matches by meaning from the first question).
const MEANING_PARAPHRASE: &str = "i want to mix today's milk with the frozen bags";

#[tokio::test]
async fn a_paraphrase_is_answered_by_meaning_and_words_with_close_topics_as_buttons() {
    use milkbot::domain::faq::{Faq, Verdict};
    let faq = Faq::bundled();
    let examples: Vec<String> = faq
        .topics()
        .iter()
        .flat_map(|t| t.questions.iter().map(|q| q.to_lowercase()))
        .collect();
    assert!(!examples.contains(&MEANING_PARAPHRASE.to_lowercase()));

    let mut bot = TestBot::start().await;
    // The bot's model is the process's one, loaded once (the harness waited for it).
    let Some(model) = milkbot::embedding::ready() else {
        panic!("the model is loaded before the bot starts");
    };
    let vector = model.embed(MEANING_PARAPHRASE).ok();
    assert!(vector.is_some(), "the model embeds the question");
    let expected = faq.ask_with(MEANING_PARAPHRASE, vector.as_deref());
    assert_eq!(expected.verdict, Verdict::Answer);
    let mut chat = bot.private(4011, "Noor");
    let a = chat.say(MEANING_PARAPHRASE).await;
    assert!(
        a.text()
            .contains("<b>Combining milk from several sessions</b>"),
        "{}",
        a.text()
    );
    assert!(a.text().contains("Source:"), "{}", a.text());
    let Some(id) = a.sent_id else {
        panic!("the answer was sent");
    };
    let also: Vec<String> = chat
        .buttons(id)
        .into_iter()
        .map(|(label, _)| label)
        .filter(|label| label.starts_with("Also: "))
        .collect();
    let want: Vec<String> = expected
        .alternatives
        .iter()
        .map(|t| format!("Also: {}", t.title))
        .collect();
    assert_eq!(also, want, "the fused match's runners-up, as buttons");
    assert_eq!(also[0], "Also: Adding fresh milk to cold or frozen milk");
    chat.tap(id, &also[0]);
    let shown = chat.next_edit().await;
    assert!(
        shown
            .text()
            .contains("<b>Adding fresh milk to cold or frozen milk</b>"),
        "{}",
        shown.text()
    );
    bot.stop().await;
}

/// An operator short of memory turns the model off (`MILKBOT_SEMANTIC=off`): the bot then
/// matches by keywords alone, even in a process where the model is loaded. A question written
/// for this test that only the meaning answers:
const ONLY_BY_MEANING: &str = "my freezer stopped working overnight what now";

#[tokio::test]
async fn with_meaning_turned_off_the_bot_matches_by_keywords_alone() {
    use milkbot::domain::faq::{Faq, Verdict};
    let faq = Faq::bundled();
    let Some(model) = milkbot::embedding::wait() else {
        panic!("the model loads");
    };
    let vector = model.embed(ONLY_BY_MEANING).ok();
    let by_meaning = faq.ask_with(ONLY_BY_MEANING, vector.as_deref());
    assert_eq!(by_meaning.verdict, Verdict::Answer, "answered by meaning");
    let by_words = faq.ask(ONLY_BY_MEANING);
    assert_eq!(by_words.verdict, Verdict::NotSure, "not by keywords alone");

    let mut bot = TestBot::start_with(|c| c.semantic = false).await;
    let mut chat = bot.private(4012, "Ines");
    let a = chat.say(ONLY_BY_MEANING).await;
    let Some(shown) = by_meaning.topic else {
        panic!("an answer has its topic");
    };
    assert!(
        !a.text().contains(&format!("<b>{}</b>", shown.title)),
        "{}",
        a.text()
    );
    let Some(id) = a.sent_id else {
        panic!("the reply was sent");
    };
    let offered: Vec<String> = chat
        .buttons(id)
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    assert!(!by_words.alternatives.is_empty());
    for topic in &by_words.alternatives {
        assert!(
            offered.iter().any(|label| label.contains(&topic.title)),
            "{} offered among {offered:?}",
            topic.title
        );
    }
    bot.stop().await;
}

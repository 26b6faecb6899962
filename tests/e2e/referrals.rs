//! Warnings and referrals through the fake Bot API: worrying messages reach a red-flag
//! answer that sends the parent to a professional (emergency services when urgent),
//! ordinary storage questions still get their answer, every answer carries the "not
//! medical advice" footer, and the out-of-scope reply says where to turn.

use crate::support;

use support::TestBot;

#[tokio::test]
async fn worrying_messages_send_the_parent_to_a_professional() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9101, "Noa");
    // (message, words the answer must contain)
    let cases: &[(&str, &[&str])] = &[
        ("my baby's temperature is 38.5", &["🚩", "fever", "doctor"]),
        ("my milk looks pink", &["🚩", "Blood in the milk"]),
        (
            "baby isnt gaining wieght",
            &["🚩", "weighed", "health visitor"],
        ),
        ("his pee is dark", &["🚩", "dark urine"]),
        (
            "the soft spot on her head looks sunken",
            &["🚩", "Call emergency services now"],
        ),
        (
            "my baby is breathing really fast",
            &["🚩", "Call emergency services now"],
        ),
        ("her eyes look yellow", &["🚩", "jaundice"]),
        ("I feel hopeless", &["🚩", "health visitor"]),
        ("i want to die", &["🚩", "call emergency services now"]),
        ("I fainted after pumping", &["🚩", "emergency services"]),
    ];
    for (question, wanted) in cases {
        let reply = chat.say(question).await;
        for w in *wanted {
            assert!(reply.text().contains(w), "{question:?} → {}", reply.text());
        }
        assert!(
            reply.text().contains("not medical advice"),
            "{question:?} → {}",
            reply.text()
        );
    }
    bot.stop().await;
}

#[tokio::test]
async fn storage_questions_are_answered_and_off_topic_says_where_to_turn() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9102, "Ira");
    for question in [
        "can i store milk in pink bags",
        "what temperature should the fridge be for milk",
        "theres a faint smell of soap on the bottles, should i rinse them again",
    ] {
        let reply = chat.say(question).await;
        assert!(
            !reply.text().contains("🚩"),
            "{question:?} → {}",
            reply.text()
        );
    }
    let answer = chat.say("how long does milk keep in the fridge").await;
    assert!(answer.text().contains("Source:"), "{}", answer.text());
    assert!(
        answer
            .text()
            .contains("General guidance, not medical advice."),
        "{}",
        answer.text()
    );
    let off = chat.say("who won the football last night").await;
    assert!(
        off.text().contains("Worried about your baby or yourself?")
            && off.text().contains("health visitor")
            && off.text().contains("emergency services"),
        "{}",
        off.text()
    );
    bot.stop().await;
}

/// Asserts that `reply` is the red-flag answer `title`, saying `words`, with exactly `buttons`.
fn assert_red_flag(reply: &support::fake_api::Call, title: &str, words: &str, buttons: [&str; 2]) {
    let t = reply.text();
    assert!(t.starts_with("🚩"), "{t}");
    assert!(t.contains(title) && t.contains(words), "{t}");
    let labels: Vec<String> = reply.buttons().into_iter().map(|b| b.0).collect();
    assert_eq!(labels, buttons);
}

/// Warning signs in a parent's own words, which no trigger lists as such ("i just cant do this
/// anymore"; in Russian, a baby "burning up" with a thermometer reading), reach their red-flag
/// answer with the buttons every answer has; its Back button opens the list of reasons to see
/// a professional. A message that only shares a word with a warning sign raises no alarm.
#[tokio::test]
async fn warning_signs_in_a_parents_own_words_reach_a_professional() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9103, "Kim");
    let reply = chat.say("i just cant do this anymore").await;
    assert_red_flag(
        &reply,
        "Feeling low, hopeless or unsafe",
        "call emergency services now",
        ["⬅ Back", "📚 All topics"],
    );
    chat.tap(reply.sent_id.unwrap(), "⬅ Back");
    let list = chat.next_edit().await;
    let topics: Vec<String> = list.buttons().into_iter().map(|b| b.0).collect();
    assert!(
        topics
            .iter()
            .any(|l| l.contains("Feeling low, hopeless or unsafe"))
            && topics.iter().any(|l| l.contains("Baby with a fever")),
        "{topics:?}"
    );

    let mut vera = bot.private(9104, "Вера").speaking("ru");
    let reply = vera
        .say("малой весь горит, градусник 38,6, ему 5 недель")
        .await;
    assert_red_flag(
        &reply,
        "У малыша температура",
        "вызовите скорую помощь",
        ["⬅ Назад", "📚 Все темы"],
    );
    let calm = vera.say("пятно от красного вина на бодике").await;
    assert!(!calm.text().contains("🚩"), "{}", calm.text());
    bot.stop().await;
}

/// Warning signs in words no red-flag trigger lists, which only the learned net
/// (`src/domain/faq/warning_model.rs`) reads as such, reach their red-flag answer in each
/// language; an everyday question in the same chat is still answered as before.
#[tokio::test]
async fn the_learned_net_catches_warning_signs_the_triggers_miss() {
    let mut bot = TestBot::start().await;
    let mut kim = bot.private(9105, "Kim");
    let reply = kim
        .say("i honestly feel like everyone would be better off if i disappeared")
        .await;
    assert_red_flag(
        &reply,
        "Feeling low, hopeless or unsafe",
        "call emergency services now",
        ["⬅ Back", "📚 All topics"],
    );

    let mut ana = bot.private(9106, "Ana").speaking("es");
    let reply = ana.say("el bebe tiene la boquita morada").await;
    assert_red_flag(
        &reply,
        "Respira rápido o mollera hundida",
        "Llama a emergencias ahora",
        ["⬅ Atrás", "📚 Todos los temas"],
    );
    let reply = ana
        .say("a veces pienso que mi hija estaria mejor con otra mama")
        .await;
    assert_red_flag(
        &reply,
        "Triste, sin esperanza o en peligro",
        "llama a emergencias ahora",
        ["⬅ Atrás", "📚 Todos los temas"],
    );
    let calm = ana.say("cuanto dura la leche en la heladera").await;
    assert!(
        !calm.text().contains("🚩") && calm.text().contains("4 días"),
        "{}",
        calm.text()
    );

    let mut vera = bot.private(9107, "Вера").speaking("ru");
    let reply = vera.say("у малыша губки синеватые стали").await;
    assert_red_flag(
        &reply,
        "Частое дыхание или запавший родничок",
        "вызовите скорую помощь",
        ["⬅ Назад", "📚 Все темы"],
    );
    bot.stop().await;
}

/// A warning sign said beside an everyday question: the alarm comes first, and the question's
/// own answer is offered under it as a button, so the parent loses nothing. The warning sign is
/// a clause of its own, judged by its own words: the milk named in the question beside it does
/// not make it harmless.
#[tokio::test]
async fn a_warning_sign_beside_a_question_comes_first_and_the_answer_is_a_button() {
    let mut bot = TestBot::start().await;
    let mut kim = bot.private(9108, "Kim");
    let reply = kim
        .say("can i refreeze thawed milk? honestly everyone would be better off if i disappeared")
        .await;
    let t = reply.text();
    assert!(t.starts_with("🚩"), "{t}");
    assert!(
        t.contains("Feeling low, hopeless or unsafe") && t.contains("call emergency services now"),
        "{t}"
    );
    let Some(id) = reply.sent_id else {
        panic!("the red-flag answer was sent");
    };
    let labels: Vec<String> = kim.buttons(id).into_iter().map(|b| b.0).collect();
    assert!(
        labels.contains(&"Also: Can thawed milk be refrozen?".to_owned()),
        "{labels:?}"
    );
    kim.tap(id, "Also: Can thawed milk be refrozen?");
    let shown = kim.next_edit().await;
    assert!(
        shown.text().contains("<b>Can thawed milk be refrozen?</b>")
            && shown.text().contains("must never go back in the freezer"),
        "{}",
        shown.text()
    );
    bot.stop().await;
}

/// Parents mix English into Spanish or Russian. A warning sign said in English words inside a
/// Spanish or Russian message still reaches its red-flag answer, in the chat's language; a
/// number in such a message is read by the chat's own language (no fever from "38 semanas").
#[tokio::test]
async fn a_warning_sign_in_english_words_in_a_spanish_or_russian_chat_is_caught() {
    let mut bot = TestBot::start().await;
    let mut lupe = bot.private(9108, "Lupe").speaking("es");
    let reply = lupe
        .say("mi baby tiene fever desde la noche, sigo dandole la leche del freezer?")
        .await;
    assert_red_flag(
        &reply,
        "Bebé con fiebre",
        "llama a emergencias",
        ["⬅ Atrás", "📚 Todos los temas"],
    );
    let calm = lupe
        .say("nacio a las 38 semanas, cuanto dura la leche en la nevera")
        .await;
    assert!(!calm.text().contains("🚩"), "{}", calm.text());

    let mut olga = bot.private(9109, "Ольга").speaking("ru");
    let reply = olga.say("у нас baby has a fever, что делать").await;
    assert_red_flag(
        &reply,
        "У малыша температура",
        "вызовите скорую помощь",
        ["⬅ Назад", "📚 Все темы"],
    );
    bot.stop().await;
}

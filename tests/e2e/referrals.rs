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

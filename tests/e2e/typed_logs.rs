//! Typed logs as parents write them (issue 15), through the fake Bot API: a log with a
//! part not understood is asked about with buttons (and "Type it"), several batches in
//! one message, days and dates, and questions with amounts that stay questions.

use crate::support;

use support::TestBot;

/// Whether a reply says a batch was logged.
fn logged(text: impl AsRef<str>) -> bool {
    text.as_ref().contains("Logged")
}

/// Fails unless `text` contains `part`, showing the whole text.
fn says(text: impl AsRef<str>, part: &str) {
    let text = text.as_ref();
    assert!(text.contains(part), "want {part:?} in: {text}");
}

/// A parent whose Telegram is in Spanish logs in Spanish words (with an English one
/// mixed in), and a question with an amount in Spanish stays a question; a Russian one
/// logs with Russian case endings and answers "when?" in Russian. An English chat does
/// not read Spanish words: it is read in its own language plus English only.
#[tokio::test]
async fn logs_typed_in_spanish_and_russian_are_read_in_the_chats_language() {
    // A confirmation starts with a tick in every language.
    let confirmed = |text: &str| text.starts_with('✅');
    let mut bot = TestBot::start().await;
    let mut lucia = bot.private(4721, "Lucía").speaking("es");
    let done = lucia.say("120 congelador ayer 22:00").await;
    assert!(confirmed(done.text()), "{}", done.text());
    says(done.text(), "120 ml en el congelador");
    says(done.text(), "ayer 22:00");
    let done = lucia.say("me saqué 3 onzas, nevera, hace 2 horas").await;
    assert!(confirmed(done.text()), "{}", done.text());
    says(done.text(), "89 ml en la nevera");
    says(done.text(), "07:00");
    let done = lucia.say("90 ml bolsa térmica").await;
    says(done.text(), "90 ml en una bolsa nevera");
    let asked = lucia.say("¿cuánto duran 90 ml en la nevera?").await;
    assert!(!confirmed(asked.text()), "{}", asked.text());
    let stash = lucia.say("/stash").await;
    says(stash.text(), "299 ml en 3 ");
    // Two bags of one amount, the day before yesterday at midnight ("12 de la noche"
    // is midnight, never noon): two batches in one confirmation.
    let done = lucia
        .say("2 bolsas de 100 ml congelador anteayer a las 12 de la noche")
        .await;
    assert!(confirmed(done.text()), "{}", done.text());
    says(done.text(), "Anotadas 2 porciones");
    // The night of the day before yesterday ended at yesterday's midnight.
    assert_eq!(
        done.text()
            .matches("❄️ <b>100 ml</b> en el congelador\nSacada ayer 00:00")
            .count(),
        2,
        "{}",
        done.text()
    );
    let stash = lucia.say("/stash").await;
    says(stash.text(), "499 ml en 5 ");

    let mut olga = bot.private(4722, "Ольга").speaking("ru");
    let ask = olga
        .say("сцедила 100 мл, в морозилку, после кормления")
        .await;
    assert!(!confirmed(ask.text()), "{}", ask.text());
    says(ask.text(), "когда сцеживали?");
    olga.tap(ask.sent_id.unwrap(), "⌨️ Написать");
    olga.next_edit().await;
    let done = olga.say("вчера в 10 вечера").await;
    assert!(confirmed(done.text()), "{}", done.text());
    says(done.text(), "100");
    says(done.text(), "22:00");
    let asked = olga.say("сколько хранится 100 мл в холодильнике").await;
    assert!(!confirmed(asked.text()), "{}", asked.text());

    let mut pia = bot.private(4723, "Pia");
    let english = pia.say("90 nevera").await;
    assert!(!confirmed(english.text()), "{}", english.text());
    let stash = pia.say("/stash").await;
    assert!(!stash.text().contains("90 ml"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn a_log_with_a_part_not_understood_asks_when_and_a_time_button_logs_it() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4701, "Pia");
    let ask = chat.say("90 fridge at lunchtime").await;
    says(
        ask.text(),
        "90 ml</b> in the fridge: when was it expressed?",
    );
    assert!(!logged(ask.text()), "{}", ask.text());
    let id = ask.sent_id.unwrap();
    chat.tap(id, "1 h ago");
    let done = chat.next_edit().await;
    says(done.text(), "Logged 90 ml in the fridge");
    says(done.text(), "Expressed today 08:00");
    let stash = chat.say("/stash").await;
    says(stash.text(), "90 ml in 1 batch");
    bot.stop().await;
}

#[tokio::test]
async fn type_it_reads_the_next_text_as_the_time_of_the_batch_asked_about() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4703, "Ines");
    let ask = chat.say("pumped 90 fridge after the big feed").await;
    let id = ask.sent_id.unwrap();
    chat.tap(id, "⌨️ Type it");
    let prompt = chat.next_edit().await;
    says(prompt.text(), "type when it was expressed");
    let done = chat.say("07:15").await;
    says(done.text(), "Logged 90 ml in the fridge");
    says(done.text(), "Expressed today 07:15");
    // The wait is over: the same text again logs nothing more.
    let again = chat.say("07:15").await;
    assert!(!logged(again.text()), "{}", again.text());
    let stash = chat.say("/stash").await;
    says(stash.text(), "90 ml in 1 batch");
    bot.stop().await;
}

#[tokio::test]
async fn type_it_reads_the_next_text_as_the_place_then_asks_when() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4704, "Oda");
    let ask = chat.say("pumped 90 after the feed").await;
    says(ask.text(), "90 ml</b>: where is it?");
    let id = ask.sent_id.unwrap();
    chat.tap(id, "⌨️ Type it");
    let prompt = chat.next_edit().await;
    says(prompt.text(), "type where it is");
    // A reply that is not a place keeps the wait and says what is expected.
    let hint = chat.say("14:30").await;
    says(hint.text(), "waiting for where that milk is");
    let when = chat.say("freezer").await;
    says(
        when.text(),
        "90 ml</b> in the freezer: when was it expressed?",
    );
    chat.tap(when.sent_id.unwrap(), "Now");
    let done = chat.next_edit().await;
    says(done.text(), "Logged 90 ml in the freezer");
    bot.stop().await;
}

#[tokio::test]
async fn cancel_after_type_it_logs_nothing_when_the_time_comes() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4705, "Uma");
    let ask = chat.say("90 fridge at lunchtime").await;
    let id = ask.sent_id.unwrap();
    chat.tap(id, "⌨️ Type it");
    chat.next_edit().await;
    chat.tap(id, "Cancel");
    let cancelled = chat.next_edit().await;
    says(cancelled.text(), "nothing logged");
    let later = chat.say("07:15").await;
    assert!(!logged(later.text()), "{}", later.text());
    let stash = chat.say("/stash").await;
    assert!(!stash.text().contains("90 ml"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn days_ago_logs_the_batch_rather_than_answering_a_question() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4706, "Bea");
    let done = chat.say("90 fridge 3 days ago").await;
    says(done.text(), "Logged 90 ml in the fridge");
    // Three days before Tuesday 10 March 09:00 (UTC, the family's zone).
    says(done.text(), "Expressed Sat 09:00");
    bot.stop().await;
}

#[tokio::test]
async fn a_question_with_an_amount_stays_a_question() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4707, "Cai");
    for question in [
        "is 4 oz in the fridge from yesterday still ok?",
        "how long can 120ml stay in the fridge",
    ] {
        let answer = chat.say(question).await;
        let text = answer.text();
        assert!(!text.contains("Logged"), "{question}: {text}");
        assert!(
            !text.contains("when was it expressed"),
            "{question}: {text}"
        );
        assert!(!text.contains("where is it"), "{question}: {text}");
    }
    let stash = chat.say("/stash").await;
    assert!(!stash.text().contains("ml in"), "{}", stash.text());
    bot.stop().await;
}

/// Amounts with a log verb (or a place) that do not read as batches get "couldn't read
/// that as a batch", never an answer from the guidance.
#[tokio::test]
async fn a_log_that_cannot_be_read_is_never_answered_as_a_question() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4708, "Ines");
    for text in ["pumped 100 60", "90 60 fridge"] {
        let answer = chat.say(text).await;
        says(answer.text(), "couldn't read that as a batch");
        assert!(
            !answer.text().contains("Source"),
            "{text}: {}",
            answer.text()
        );
    }
    let stash = chat.say("/stash").await;
    assert!(!stash.text().contains("ml in"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn several_batches_in_one_message_get_one_confirmation_and_undo_per_batch() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4702, "Ros");
    let list = chat.say("90 fridge and 60 freezer").await;
    says(list.text(), "Logged 2 batches");
    says(list.text(), "<b>1.</b> 🧊 <b>90 ml</b>");
    says(list.text(), "<b>2.</b> ❄️ <b>60 ml</b>");
    // One confirmation: nothing else was sent for the second batch.
    chat.nothing_more().await;
    let id = list.sent_id.unwrap();
    // The second batch's own Undo takes back that batch only.
    chat.tap(id, "↩️ Undo 2");
    let undone = chat.next_edit().await;
    says(undone.text(), "<s>60 ml</s>: removed");
    let stash = chat.say("/stash").await;
    says(stash.text(), "90 ml in 1 batch");
    bot.stop().await;
}

/// Undo on one batch of a list keeps the list, that batch marked undone, and every
/// other batch's buttons; Open shows a batch in a message of its own, the list staying.
#[tokio::test]
async fn after_undoing_one_batch_of_a_list_the_others_stay_reachable_by_their_buttons() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4703, "Noor");
    let list = chat.say("90 fridge and 60 freezer").await;
    let id = list.sent_id.unwrap();
    chat.tap(id, "↩️ Undo 1");
    let again = chat.next_edit().await;
    says(again.text(), "Logged 2 batches");
    says(again.text(), "<b>1.</b> <s>90 ml</s>: removed");
    says(again.text(), "<b>2.</b> ❄️ <b>60 ml</b>");
    let labels: Vec<String> = chat.buttons(id).into_iter().map(|(l, _)| l).collect();
    assert!(labels.iter().any(|l| l == "↩️ Undo 2"), "{labels:?}");
    assert!(!labels.iter().any(|l| l == "↩️ Undo 1"), "{labels:?}");
    let stash = chat.say("/stash").await;
    says(stash.text(), "60 ml in 1 batch");
    // The second batch opens in a message of its own; the list keeps its buttons.
    chat.tap(id, "2. 60 ml ❄️ Freezer");
    let card = chat.next_message().await;
    says(card.text(), "<b>60 ml</b> in the freezer");
    assert!(!card.text().contains("90 ml"), "{}", card.text());
    let still: Vec<String> = chat.buttons(id).into_iter().map(|(l, _)| l).collect();
    assert_eq!(still, labels);
    // And acts there: its own Undo takes it back.
    let card_id = card.sent_id.unwrap();
    chat.tap(card_id, "↩️ Undo");
    let card = chat.next_edit().await;
    says(card.text(), "<s>60 ml</s>: removed");
    let stash = chat.say("/stash").await;
    assert!(!stash.text().contains("ml in"), "{}", stash.text());
    // The list's Undo 2 on a batch already undone elsewhere is refused kindly and the
    // list shows both as they are.
    let press = chat.tap(id, "↩️ Undo 2");
    let list = chat.next_edit().await;
    says(list.text(), "<b>2.</b> <s>60 ml</s>: removed");
    assert!(!chat.note_for(&press).await.is_empty());
    bot.stop().await;
}

/// A count of bottles and their amounts, no place: each batch is asked where it is.
#[tokio::test]
async fn two_bottles_with_their_amounts_ask_the_place_of_each() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4704, "Ida");
    let first = chat.say("2 bottles: 60ml and 80ml").await;
    says(first.text(), "60 ml");
    assert!(!logged(first.text()), "{}", first.text());
    let second = chat.next_message().await;
    says(second.text(), "80 ml");
    for (ask, place) in [(first, "Fridge"), (second, "Freezer")] {
        let id = ask.sent_id.unwrap();
        chat.tap(id, place);
        chat.next_edit().await;
        chat.tap(id, "🕑 Now");
        let done = chat.next_edit().await;
        assert!(logged(done.text()), "{}", done.text());
    }
    let stash = chat.say("/stash").await;
    says(stash.text(), "60 ml");
    says(stash.text(), "80 ml");
    bot.stop().await;
}

#[tokio::test]
async fn a_date_that_reads_two_ways_is_asked_with_both_dates_written_out() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(4708, "Noor");
    // Tuesday 10 March in UTC (day first): 2/3 is 2 March or 3 February, both past.
    let ask = chat.say("90 fridge 2/3").await;
    says(ask.text(), "which date is <code>2/3</code>?");
    let labels: Vec<String> = chat
        .buttons(ask.sent_id.unwrap())
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    assert_eq!(
        labels.get(..2),
        Some(&["2 March".to_string(), "3 February".to_string()][..]),
        "{labels:?}"
    );
    chat.tap(ask.sent_id.unwrap(), "3 February");
    let done = chat.next_edit().await;
    says(done.text(), "Logged 90 ml in the fridge");
    says(done.text(), "3 Feb");
    // One reading only (2 May is still ahead): logged at once.
    let once = chat.say("60 freezer 2/5").await;
    says(once.text(), "Logged 60 ml in the freezer");
    says(once.text(), "5 Feb");
    bot.stop().await;
}

#[tokio::test]
async fn in_a_group_log_reads_like_free_text_and_type_it_asks_for_a_reply() {
    const GROUP: i64 = -1_004_709;
    let mut bot = TestBot::start().await;
    let mut sam = bot.group(GROUP, "Baby Io", 4709, "Sam");
    // /log reads the rest like free text: a part not understood is asked about.
    let mut ask = sam.say("/log 90 fridge at lunchtime").await;
    for _ in 0..3 {
        if ask.text().contains("when was it expressed") {
            break;
        }
        ask = sam.next_message().await;
    }
    says(
        ask.text(),
        "90 ml</b> in the fridge: when was it expressed?",
    );
    let id = ask.sent_id.unwrap();
    sam.tap(id, "⌨️ Type it");
    let prompt = sam.next_edit().await;
    // The bot reads only replies to it in a group: the prompt says so.
    says(
        prompt.text(),
        "reply to this message with when it was expressed",
    );
    bot.api.send_reply(&sam.chat, &sam.user, id, "07:15");
    let done = sam.next_message().await;
    says(done.text(), "Sam logged 90 ml in the fridge");
    says(done.text(), "Expressed today 07:15");
    bot.stop().await;
}

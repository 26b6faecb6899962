//! Voice notes, one-handed: the real bot fetches a voice note from the fake Bot API
//! (`getFile`, then the file download), sends it to a fake speech-to-text service
//! started by the test, shows what it heard, and handles the words like typed text. A
//! failing, slow or absent service, and a note too long to listen to, change nothing.

use crate::support;

use serde_json::{Value, json};
use std::time::Duration;
use support::TestBot;
use support::fake_api::Fault;
use support::fake_stt::{Answer, FakeStt};

/// Stands in for an OGG/Opus recording: what matters is that these exact bytes reach
/// the transcription service.
const AUDIO: &[u8] = b"OggS\x00\x02fake-opus-voice-note\x00\xff\x10";

/// The bot, with voice on: `stt` answers within `timeout`.
async fn bot_with(stt: &FakeStt, timeout: Duration) -> TestBot {
    let config = stt.config(Some("sk-test-key"), "whisper-large-v3", timeout);
    TestBot::start_with(|c| c.stt = Some(config)).await
}

/// How many batches were ever stored, in all families (an undone one stays, marked
/// removed).
async fn stored_batches(bot: &TestBot) -> i64 {
    let db = bot.db().await;
    sqlx::query_scalar("SELECT COUNT(*) FROM batches")
        .fetch_one(db.pool())
        .await
        .expect("count batches")
}

fn voice_message(voice: Value) -> Value {
    json!({ "voice": voice })
}

#[tokio::test]
async fn a_spoken_log_is_shown_back_then_logged_with_undo() {
    let stt = FakeStt::start(Answer::Text("Pumped 90 ml, fridge".into())).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7001, "Vi");
    let voice = bot.api.add_voice("v1", AUDIO, 3);

    let heard = chat.share(voice_message(voice)).await;
    assert_eq!(heard.text(), "🎙 I heard: “Pumped 90 ml, fridge”");
    // Then exactly what typing it gives: the confirmation with its buttons.
    let logged = chat.next_message().await;
    assert!(
        logged.text().contains("Logged 90 ml in the fridge"),
        "{}",
        logged.text()
    );
    // The bot showed it was busy while it listened.
    let actions = bot
        .api
        .calls()
        .into_iter()
        .filter(|c| c.method == "sendchataction" && c.chat_id() == Some(7001))
        .count();
    assert_eq!(actions, 1);

    // The service got the audio as Telegram served it, the model and the key.
    let requests = stt.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.path, "/v1/audio/transcriptions");
    assert_eq!(request.audio, AUDIO);
    assert_eq!(request.model.as_deref(), Some("whisper-large-v3"));
    assert_eq!(request.language.as_deref(), Some("en"));
    assert_eq!(request.file_name.as_deref(), Some("voice.ogg"));
    assert_eq!(request.auth.as_deref(), Some("Bearer sk-test-key"));
    assert_eq!(bot.api.downloads(), 1);
    assert_eq!(stored_batches(&bot).await, 1);

    // Undo works on it like on a typed log.
    let id = logged.sent_id.expect("confirmation id");
    chat.tap(id, "Undo");
    let undone = chat.next_edit().await;
    assert!(
        undone.text().contains("Removed the 90 ml batch"),
        "{}",
        undone.text()
    );
    let stash = chat.say("/stash").await;
    assert!(stash.text().contains("empty"), "{}", stash.text());
    bot.stop().await;
}

#[tokio::test]
async fn a_voice_note_in_a_spanish_chat_is_heard_and_read_in_spanish() {
    let stt = FakeStt::start(Answer::Text("Me saqué 90 ml, nevera".into())).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7008, "Lía").speaking("es");
    let voice = bot.api.add_voice("v8", AUDIO, 3);

    let heard = chat.share(voice_message(voice)).await;
    assert_eq!(heard.text(), "🎙 He oído: «Me saqué 90 ml, nevera»");
    let logged = chat.next_message().await;
    assert!(logged.text().contains("90 ml"), "{}", logged.text());
    assert_eq!(stored_batches(&bot).await, 1);
    // The service was told the note is most likely Spanish.
    let requests = stt.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].language.as_deref(), Some("es"));
    chat.nothing_more().await;
    bot.stop().await;
}

#[tokio::test]
async fn a_spoken_question_gets_the_answer_typing_it_gets() {
    let question = "How long does milk keep in the fridge";
    let stt = FakeStt::start(Answer::Text(format!(" {question}? "))).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7002, "Mo");
    let voice = bot.api.add_voice("v2", AUDIO, 2);

    let heard = chat.share(voice_message(voice)).await;
    assert_eq!(heard.text(), format!("🎙 I heard: “{question}?”"));
    let spoken = chat.next_message().await;
    let typed = chat.say(&format!("{question}?")).await;
    assert!(spoken.text().contains("Source:"), "{}", spoken.text());
    assert_eq!(spoken.text(), typed.text());
    assert_eq!(stored_batches(&bot).await, 0);
    chat.nothing_more().await;
    bot.stop().await;
}

#[tokio::test]
async fn a_spoken_amount_answers_what_the_bot_is_waiting_for() {
    let stt = FakeStt::start(Answer::Text("40 ml".into())).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7008, "Ida");
    let logged = chat.say("120 fridge").await;
    let id = logged.sent_id.expect("confirmation id");
    chat.tap(id, "Used");
    chat.next_edit().await;
    chat.tap(id, "Baby left some");
    chat.next_edit().await;
    chat.tap(id, "Type it");
    chat.next_edit().await;

    // Said instead of typed: the same awaited-reply path takes it.
    let voice = bot.api.add_voice("v11", AUDIO, 2);
    let heard = chat.share(voice_message(voice)).await;
    assert_eq!(heard.text(), "🎙 I heard: “40 ml”");
    let when = chat.next_message().await;
    assert!(
        when.text().contains("40 ml left. When did the feed end?"),
        "{}",
        when.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn in_a_group_a_voice_reply_to_the_bot_is_heard_and_others_are_left_alone() {
    let stt = FakeStt::start(Answer::Text("60 ml freezer".into())).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut sam = bot.group(-7100, "Baby Vo", 7003, "Sam");
    let hello = sam.say("/start").await;
    bot.idle().await;
    sam.catch_up();

    // Someone's voice note to the family, not to the bot: not fetched, not answered.
    let chatter = bot.api.add_voice("v3", AUDIO, 4);
    sam.share_silently(voice_message(chatter));
    sam.nothing_more().await;
    assert_eq!(bot.api.downloads(), 0);

    let reply_to = bot
        .api
        .message(sam.id(), hello.sent_id.expect("greeting id"))
        .expect("greeting");
    let voice = bot.api.add_voice("v4", AUDIO, 2);
    let heard = sam
        .share(json!({"voice": voice, "reply_to_message": reply_to}))
        .await;
    assert!(heard.text().contains("I heard"), "{}", heard.text());
    let logged = sam.next_message().await;
    assert!(
        logged.text().contains("60 ml in the freezer"),
        "{}",
        logged.text()
    );
    assert_eq!(stored_batches(&bot).await, 1);
    bot.stop().await;
}

#[tokio::test]
async fn a_failing_service_gets_a_kind_reply_and_stores_nothing() {
    let stt = FakeStt::start(Answer::Status(500)).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7004, "Lu");
    let voice = bot.api.add_voice("v5", AUDIO, 3);

    let r = chat.share(voice_message(voice.clone())).await;
    assert!(r.text().contains("couldn't listen"), "{}", r.text());
    assert!(r.text().contains("Nothing was saved"), "{}", r.text());
    assert_eq!(stt.requests().len(), 1);
    chat.nothing_more().await;
    assert_eq!(stored_batches(&bot).await, 0);

    // Words without letters (silence) are not handled as text either.
    stt.answer(Answer::Text(" … ".into()));
    let r = chat.share(voice_message(voice)).await;
    assert!(r.text().contains("couldn't make out"), "{}", r.text());
    chat.nothing_more().await;
    assert_eq!(stored_batches(&bot).await, 0);
    bot.stop().await;
}

#[tokio::test]
async fn a_voice_note_telegram_cannot_serve_gets_a_kind_reply_and_stores_nothing() {
    let stt = FakeStt::start(Answer::Text("90 ml fridge".into())).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7009, "Oz");
    let voice = bot.api.add_voice("v12", AUDIO, 3);
    // Telegram's answer for a file over its 20 MB download limit. (A 5xx would do the
    // same, after teloxide's fixed 10 s pause on server errors.)
    let refusal = Fault::BadRequest("Bad Request: file is too big".into());
    bot.api.inject(Some("getFile"), None, Some(1), refusal);

    let r = chat.share(voice_message(voice)).await;
    assert!(r.text().contains("couldn't listen"), "{}", r.text());
    chat.nothing_more().await;
    assert_eq!(bot.api.downloads(), 0);
    assert!(stt.requests().is_empty());
    assert_eq!(stored_batches(&bot).await, 0);
    bot.stop().await;
}

#[tokio::test]
async fn a_slow_service_is_given_up_on_and_stores_nothing() {
    let stt = FakeStt::start(Answer::Slow(Duration::from_secs(30), "90 ml fridge".into())).await;
    let timeout = Duration::from_millis(400);
    let mut bot = bot_with(&stt, timeout).await;
    let mut chat = bot.private(7005, "Ed");
    let voice = bot.api.add_voice("v6", AUDIO, 3);

    let asked = std::time::Instant::now();
    let r = chat.share(voice_message(voice)).await;
    assert!(r.text().contains("took too long"), "{}", r.text());
    assert!(r.text().contains("Nothing was saved"), "{}", r.text());
    // Given up at the timeout, not when the service finally answered.
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "{:?}",
        asked.elapsed()
    );
    assert_eq!(stt.requests().len(), 1);
    chat.nothing_more().await;
    assert_eq!(stored_batches(&bot).await, 0);
    bot.stop().await;
}

#[tokio::test]
async fn oversized_or_overlong_voice_notes_are_refused_before_download_or_cut_off_in_it() {
    let stt = FakeStt::start(Answer::Text("90 ml fridge".into())).await;
    let mut bot = bot_with(&stt, Duration::from_secs(10)).await;
    let mut chat = bot.private(7006, "Al");

    // Telegram says 6 MB (the cap is 5 MB).
    let mut big = bot.api.add_voice("v7", AUDIO, 30);
    big["file_size"] = json!(6 * 1024 * 1024);
    let r = chat.share(voice_message(big)).await;
    assert!(r.text().contains("too long for me"), "{}", r.text());
    // Ten minutes (the cap is three).
    let long = bot.api.add_voice("v8", AUDIO, 600);
    let r = chat.share(voice_message(long)).await;
    assert!(r.text().contains("too long for me"), "{}", r.text());

    chat.nothing_more().await;
    assert_eq!(bot.api.downloads(), 0);
    assert!(
        !bot.api.calls().iter().any(|c| c.method == "getfile"),
        "nothing fetched"
    );

    // Telegram may leave the size out: then the download stops at the cap.
    let huge = vec![0u8; 5 * 1024 * 1024 + 1];
    let mut no_size = bot.api.add_voice("v10", &huge, 30);
    if let Some(fields) = no_size.as_object_mut() {
        fields.remove("file_size");
    }
    let r = chat.share(voice_message(no_size)).await;
    assert!(r.text().contains("too long for me"), "{}", r.text());
    assert_eq!(bot.api.downloads(), 1);

    chat.nothing_more().await;
    assert!(stt.requests().is_empty());
    assert_eq!(stored_batches(&bot).await, 0);
    bot.stop().await;
}

#[tokio::test]
async fn without_a_service_a_voice_note_gets_a_note_on_what_works() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(7007, "Ro");
    let voice = bot.api.add_voice("v9", AUDIO, 3);

    let r = chat.share(voice_message(voice)).await;
    assert!(r.text().contains("90 fridge"), "{}", r.text());
    assert!(r.text().contains("MILKBOT_STT_URL"), "{}", r.text());
    assert!(!r.reply_keyboard().is_empty(), "the buttons are offered");
    chat.nothing_more().await;
    assert_eq!(bot.api.downloads(), 0);
    assert_eq!(stored_batches(&bot).await, 0);
    bot.stop().await;
}

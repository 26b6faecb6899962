//! The real `milkbot` binary, as a new user runs it: clear errors without a token or
//! with a broken DATABASE_URL, and a real conversation through the fake Bot API ending
//! in a clean SIGTERM shutdown.

use crate::support;

use std::time::Duration;
use support::binary::Milkbot;
use support::fake_api::FakeApi;

#[test]
fn without_a_token_it_says_so_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = Milkbot::new(dir.path()).output_blocking();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("TELOXIDE_TOKEN is not set"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
}

#[test]
fn help_never_shows_the_database_password_the_token_or_the_stt_key() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["webhook", "--help"],
        vec!["backup", "--help"],
    ] {
        let out = Milkbot::new(dir.path())
            .args(&args)
            .env("DATABASE_URL", "postgres://milk:s3cret-pw@db.example/milk")
            .env("TELOXIDE_TOKEN", "123456:tok-secret")
            .env("MILKBOT_STT_KEY", "sk-stt-secret")
            .output_blocking();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("DATABASE_URL"), "{args:?}: {help}");
        assert!(help.contains("MILKBOT_STT_KEY"), "{args:?}: {help}");
        assert!(!help.contains("s3cret-pw"), "{args:?}: {help}");
        assert!(!help.contains("tok-secret"), "{args:?}: {help}");
        assert!(!help.contains("sk-stt-secret"), "{args:?}: {help}");
    }
}

#[test]
fn a_token_in_dotenv_is_read_and_a_bad_database_url_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".env"),
        "TELOXIDE_TOKEN=1:abc\nDATABASE_URL=mysql://nope\n",
    )
    .unwrap();
    let out = Milkbot::new(dir.path()).args(["run"]).output_blocking();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("DATABASE_URL must start with sqlite://"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[tokio::test]
async fn the_binary_talks_to_telegram_and_stops_cleanly_on_sigterm() {
    let api = FakeApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut bot = Milkbot::new(dir.path()).against(&api).spawn();
    api.wait_from(0, Duration::from_secs(20), |c| c.method == "setmycommands")
        .await;
    let user = support::user(77, "Mo");
    let chat = serde_json::json!({"id": 77, "type": "private", "first_name": "Mo"});
    api.send_text(&chat, &user, "/start");
    let (_, reply) = api
        .wait_from(0, Duration::from_secs(10), |c| c.method == "sendmessage")
        .await;
    assert!(reply.text().contains("Hi Mo!"), "{}", reply.text());
    // The default database file was created in the working directory.
    assert!(dir.path().join("milkbot.db").exists());

    bot.terminate(Duration::from_secs(5)).await;
}

#[test]
fn ask_answers_offline_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = Milkbot::new(dir.path())
        .args(["ask", "milk", "fridge", "how", "long"])
        .output_blocking();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("4 days") && text.contains("Source: CDC"),
        "{text}"
    );

    let json = |q: &str| -> serde_json::Value {
        let out = Milkbot::new(dir.path())
            .args(["ask", "--json", q])
            .output_blocking();
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).expect("one JSON object")
    };
    let v = json("can i refreez");
    assert_eq!(v["matched"], true);
    assert_eq!(v["topic"], "refreeze");
    assert!(v["score"].as_f64().unwrap() > 0.0);
    let v = json("what's the weather like");
    assert_eq!(v["matched"], false);
    assert_eq!(v["topic"], serde_json::Value::Null);
    assert!(v["answer"].as_str().unwrap().contains("I'm best at"));
    let v = json("blood in my breast milk");
    assert_eq!(v["matched"], true);
    assert_eq!(v["topic"], "rf-blood");
    let v = json("milk?");
    assert_eq!(v["matched"], false);
    assert!(v["alternatives"].as_array().unwrap().len() >= 2);
    // No database file was created: asking is offline.
    assert!(!dir.path().join("milkbot.db").exists());
}

#[test]
fn ask_answers_in_spanish_and_russian_with_lang() {
    let dir = tempfile::tempdir().unwrap();
    let ask = |args: &[&str]| {
        let out = Milkbot::new(dir.path())
            .args(["ask"].iter().chain(args))
            .output_blocking();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (
            out.status.success(),
            text,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, text, _) = ask(&["--lang", "es", "cuánto dura la leche en la nevera"]);
    assert!(ok);
    assert!(
        text.contains("4 días") && text.contains("Fuente: CDC"),
        "{text}"
    );
    let (ok, text, _) = ask(&["--json", "--lang", "ru", "кровь в молоке"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&text).expect("one JSON object");
    assert_eq!(
        (v["matched"].as_bool(), v["topic"].as_str()),
        (Some(true), Some("rf-blood"))
    );
    assert!(v["answer"].as_str().unwrap().contains("Источник:"), "{v}");
    // The same Russian question in English (the default) is read as English.
    let (_, text, _) = ask(&["--json", "кровь в молоке"]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("one JSON object");
    assert_eq!(v["matched"], false);
    // A language the bot does not speak is refused, naming the ones it does.
    let (ok, _, err) = ask(&["--lang", "fr", "lait"]);
    assert!(!ok);
    assert!(err.contains("use en, es, ru"), "{err}");
}

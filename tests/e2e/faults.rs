//! A Bot API that misbehaves. During a burst of typed logs the fake server answers 429
//! with retry_after, then 5xx, then answers sendMessage slower than teloxide's 17 s HTTP
//! timeout for about 30 s (the messages are delivered, only the answers are late), while
//! getUpdates fails for a while: the bot keeps running, backs off, loses nothing and
//! confirms nothing twice. And the token never reaches the logs, whatever fails.
//!
//! Good to know when reading the timings: teloxide itself waits 10 s after any 5xx
//! answer before it reports the error, so a failing getUpdates is retried at most every
//! 11 s or so, and a 5xx on a reply holds that chat for 10 s.
//!
//! Wall time, about 60 s for the file: the burst test takes that long by design (the
//! slow answers last 30 s, and a request that started just before they stopped only
//! times out 17 s later); the token test runs alongside it (about 50 s: the 10 s waits
//! after 5xx answers and a 10 s backoff, one 17 s timeout it waits out, then four
//! connection attempts against a closed port).

use crate::support;

use chrono::Duration as ChronoDuration;
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use support::TestBot;
use support::binary::Milkbot;
use support::fake_api::{FakeApi, Fault};

/// teloxide's HTTP timeout is 17 s; a slower answer is a timeout for the bot.
const SLOW: Duration = Duration::from_secs(18);

/// "✅ Logged 42 ml in the fridge." -> 42
fn logged_amount(text: &str) -> Option<u32> {
    let rest = text.split("Logged ").nth(1)?;
    rest.split(" ml").next()?.parse().ok()
}

fn confirmations(api: &FakeApi) -> HashMap<(i64, u32), usize> {
    let mut seen = HashMap::new();
    for call in api.calls() {
        if call.method == "sendmessage"
            // A slow answer was delivered too, even when the bot gave up waiting.
            && call.succeeded()
            && let (Some(chat), Some(amount)) = (call.chat_id(), logged_amount(call.text()))
        {
            *seen.entry((chat, amount)).or_insert(0) += 1;
        }
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_misbehaving_api_during_a_burst_loses_nothing() {
    const CHATS: i64 = 20;
    // One message every 100 ms for 34 s.
    const MESSAGES: u32 = 340;
    let mut bot = TestBot::start().await;
    let api = &bot.api;
    let started = Instant::now();
    let at = |secs: f64| started + Duration::from_secs_f64(secs);
    let mut sent: HashMap<(i64, i64), u32> = HashMap::new();
    let mut phase = 0;
    for i in 0..MESSAGES {
        // The fault timeline, in seconds from the start of the burst.
        let now = Instant::now();
        if phase == 0 {
            // 429: the send limiter waits retry_after and sends again.
            api.inject(
                Some("sendMessage"),
                None,
                Some(3),
                Fault::TooManyRequests(1),
            );
            phase = 1;
        } else if phase == 1 && now >= at(3.0) {
            // 5xx: handling fails; the update is retried later.
            api.inject(Some("sendMessage"), None, Some(15), Fault::ServerError(502));
            phase = 2;
        } else if phase == 2 && now >= at(6.0) {
            // Slower than the HTTP timeout, until cleared 30 s later.
            api.clear_faults();
            api.inject(Some("sendMessage"), None, None, Fault::Delay(SLOW));
            phase = 3;
        } else if phase == 3 && now >= at(9.0) {
            // getUpdates: a 429, then 502s until cleared (about 10 s).
            api.inject(Some("getUpdates"), None, Some(1), Fault::TooManyRequests(2));
            api.inject(Some("getUpdates"), None, None, Fault::ServerError(502));
            phase = 4;
        } else if phase == 4 && now >= at(19.0) {
            api.clear_faults();
            api.inject(Some("sendMessage"), None, None, Fault::Delay(SLOW));
            phase = 5;
        }
        let c = i64::from(i) % CHATS;
        let id = 30_000 + c;
        let chat = json!({"id": id, "type": "private", "first_name": format!("F{c}")});
        let user = support::user(id, &format!("F{c}"));
        let amount = 30 + i / CHATS as u32;
        let message_id = api.send_text(&chat, &user, &format!("{amount} fridge"));
        sent.insert((id, message_id), amount);
        tokio::time::sleep_until(tokio::time::Instant::from_std(at(0.1 * f64::from(i + 1)))).await;
    }
    // Still slow for a moment, then healthy.
    tokio::time::sleep_until(tokio::time::Instant::from_std(at(36.0))).await;

    // While the faults lasted (the bot's clock stood still), failed updates were put
    // off for later rather than tried again at once.
    let db = bot.db().await;
    let now = bot.clock.now().timestamp();
    let waiting: Vec<(i64, i64)> =
        sqlx::query_as("SELECT attempts, next_try_at FROM inbox WHERE attempts > 0")
            .fetch_all(db.pool())
            .await
            .unwrap();
    assert!(
        !waiting.is_empty(),
        "some updates failed and wait for a retry"
    );
    for (attempts, next_try) in &waiting {
        assert!(
            *next_try >= now + 10,
            "tried {attempts} times, next try {}s from now: no backoff",
            next_try - now
        );
    }
    let attempts_during_502 = api
        .calls()
        .iter()
        .filter(|c| c.fault == Some(Fault::ServerError(502)) && c.method == "sendmessage")
        .count();
    assert_eq!(attempts_during_502, 15);
    let slow = api.faults_served("sendmessage", &Fault::Delay(SLOW));
    let get_updates_failed = api.faults_served("getupdates", &Fault::ServerError(502));
    assert!(slow >= 2, "sends answered too slowly: {slow}");
    assert!(
        (1..=6).contains(&get_updates_failed),
        "getUpdates failed {get_updates_failed} times in 10 s: it backs off"
    );
    api.clear_faults();
    let cleared = Instant::now();

    // Requests started just before the end of the slow phase time out up to 17 s later;
    // the bot's clock then moves on so the backoffs run out, and everything is handled.
    tokio::time::sleep(SLOW).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        bot.clock.advance(ChronoDuration::minutes(10));
        let inbox = db.inbox_len().await.unwrap();
        let seen = confirmations(api);
        let missing = sent
            .iter()
            .filter(|((chat, _), amount)| !seen.contains_key(&(*chat, **amount)));
        if inbox == 0 && missing.count() == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{inbox} updates left in the inbox, {} of {} messages confirmed",
            seen.len(),
            sent.len()
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    }

    // Exactly one batch per message, with its amount.
    let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT origin_chat_id, origin_msg_id, MIN(amount_ml), COUNT(*) FROM batches \
         GROUP BY origin_chat_id, origin_msg_id",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    assert_eq!(rows.len(), sent.len());
    for (chat, msg, amount, n) in rows {
        assert_eq!(n, 1, "message {msg} in chat {chat}");
        assert_eq!(sent.get(&(chat, msg)).map(|a| i64::from(*a)), Some(amount));
    }
    let seen = confirmations(api);
    let repeats: usize = seen.values().map(|n| n - 1).sum();
    let timeouts = api
        .calls()
        .iter()
        .filter(|c| c.method == "sendmessage" && !c.succeeded())
        .count();
    eprintln!(
        "faults: {} messages, {} batches, every one confirmed; {repeats} repeated \
         confirmations; {timeouts} sends refused, {slow} too slow; getUpdates failed \
         {get_updates_failed} times; drained {:?} after the faults ended; {:?} in all",
        sent.len(),
        sent.len(),
        cleared.elapsed(),
        started.elapsed()
    );
    assert_eq!(
        repeats, 0,
        "a confirmation whose answer came too late was delivered: never again"
    );

    // Still running and answering.
    let mut chat = bot.private(30_999, "After");
    assert!(chat.say("/help").await.text().contains("/start"));
    db.close().await;
    bot.stop().await;
}

/// A token with the shape of a real one; its secret part must not appear either.
const TOKEN: &str = "8123456789:AAHx9_Secret-Part-Zq7Lw3Kp0Vt5Nm2Rb8Yc";

fn secret() -> &'static str {
    TOKEN.split_once(':').map(|(_, s)| s).unwrap_or(TOKEN)
}

fn milkbot(dir: &std::path::Path) -> Milkbot {
    Milkbot::new(dir)
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("MILKBOT_LOG", "debug")
        .env("MILKBOT_SEND_LIMITS", "1000,100000,100000,1000")
}

fn assert_no_token(what: &str, output: &str) {
    for needle in [TOKEN, secret(), &TOKEN.replace(':', "%3A")] {
        if let Some(at) = output.find(needle) {
            let start = output[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = output[at..].find('\n').map_or(output.len(), |i| at + i);
            panic!("{what} shows the token: {}", &output[start..end]);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_reaches_the_logs() {
    let api = FakeApi::start_with_token(TOKEN).await;
    // Every way of failing, before the bot even starts.
    api.inject(Some("getMe"), None, Some(1), Fault::ServerError(502));
    api.inject(
        Some("setMyCommands"),
        None,
        Some(1),
        Fault::TooManyRequests(1),
    );
    api.inject(Some("getUpdates"), None, Some(1), Fault::TooManyRequests(1));
    api.inject(Some("getUpdates"), None, Some(1), Fault::ServerError(500));
    api.inject(
        Some("sendMessage"),
        None,
        Some(1),
        Fault::TooManyRequests(1),
    );
    api.inject(Some("sendMessage"), None, Some(1), Fault::ServerError(503));
    api.inject(Some("sendMessage"), None, Some(1), Fault::Delay(SLOW));
    api.inject(
        Some("sendMessage"),
        None,
        Some(1),
        Fault::Forbidden("Forbidden: bot was blocked by the user".into()),
    );
    let dir = tempfile::tempdir().unwrap();
    // The helper reads the logs as they come: a pipe nobody reads fills up (64 KiB) and
    // then blocks the bot on its next log line, which at debug level is soon.
    let mut bot = milkbot(dir.path()).against(&api).spawn();
    api.wait_from(0, Duration::from_secs(30), |c| c.method == "setmycommands")
        .await;
    for i in 0..4 {
        let id = 41_000 + i;
        let chat = json!({"id": id, "type": "private", "first_name": "T"});
        api.send_text(
            &chat,
            &support::user(id, "T"),
            &format!("{} fridge", 60 + i),
        );
    }
    // The slow answer's message is delivered at once, failed replies are tried again
    // after their backoff (10 s), and every message is answered. That chain takes about 55 s on a
    // quiet machine; the bound is generous so that other tests sharing the e2e binary's
    // process (and CPU) cannot make it fail: what is asserted is that every message is
    // answered, not how fast.
    api.wait_until(Duration::from_secs(150), |calls| {
        (0..4).all(|i| {
            calls.iter().any(|c| {
                c.method == "sendmessage" && c.succeeded() && c.chat_id() == Some(41_000 + i)
            })
        })
    })
    .await;
    assert_eq!(api.faults_served("sendmessage", &Fault::Delay(SLOW)), 1);
    // The slow answer's message was delivered at once; its request times out (17 s)
    // only later, and that is logged too.
    api.wait_abandoned("sendmessage", 1, Duration::from_secs(60))
        .await;
    bot.terminate(Duration::from_secs(10)).await;
    let output = bot.logs();
    assert_no_token("stdout or stderr", &output);
    // The failures were logged (so the check above had something to look at), at
    // debug level, and the URL of the request that timed out is in the log, scrubbed.
    for expected in [
        "getMe failed",
        "getUpdates failed",
        "Bad Gateway",
        "BotBlocked",
        "TimedOut",
        "token:redacted",
        "DEBUG",
    ] {
        assert!(output.contains(expected), "no '{expected}' in the log");
    }
    eprintln!(
        "token test: {} log lines at debug, {} with a URL whose token teloxide hid, {} \
         scrubbed by milkbot's own filter",
        output.lines().count(),
        output.matches("token:redacted").count(),
        output.matches("[redacted]").count()
    );

    // Against an address where nothing listens: the bot gives up and says why.
    let out = milkbot(dir.path())
        .env("TELOXIDE_API_URL", "http://127.0.0.1:9")
        .output()
        .await;
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_token("stderr (unreachable)", &stderr);
    assert_no_token(
        "stdout (unreachable)",
        &String::from_utf8_lossy(&out.stdout),
    );
    assert!(
        stderr.contains("cannot reach the Telegram Bot API"),
        "{stderr}"
    );
}

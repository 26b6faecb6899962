//! Webhook mode and the health endpoints: Telegram posts updates to the bot, which
//! refuses requests without the secret, stores each update before answering, and replies
//! through the (fake) Bot API.

use crate::support;

use milkbot::config::{Mode, Webhook, WebhookLimits};
use std::net::SocketAddr;
use std::time::Duration;
use support::{TestBot, user};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn free_addr() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}

/// Webhook mode at https://bot.example.org/tg-hook, secret "s3cret-token".
fn webhook_mode(listen: SocketAddr, limits: WebhookLimits) -> Mode {
    Mode::Webhook(Webhook {
        url: "https://bot.example.org/tg-hook".parse().unwrap(),
        secret: "s3cret-token".into(),
        listen,
        limits,
    })
}

#[tokio::test]
async fn updates_arrive_by_webhook_with_the_secret_only() {
    let hook_addr = free_addr();
    let health_addr = free_addr();
    let mut bot = TestBot::start_with(|c| {
        c.mode = webhook_mode(hook_addr, WebhookLimits::default());
        c.health_addr = Some(health_addr);
    })
    .await;
    // Registered with Telegram, with the secret and the update types it handles.
    let (_, set) = bot
        .api
        .wait_from(0, support::WAIT, |c| c.method == "setwebhook")
        .await;
    assert_eq!(set.params["url"], "https://bot.example.org/tg-hook");
    assert_eq!(set.params["secret_token"], "s3cret-token");
    assert!(!bot.api.calls().iter().any(|c| c.method == "deletewebhook"));

    let client = reqwest::Client::new();
    let url = format!("http://{hook_addr}/tg-hook");
    let chat = serde_json::json!({"id": 9001, "type": "private", "first_name": "Wu"});
    let update = bot.api.text_update(&chat, &user(9001, "Wu"), "90 fridge");
    let refused = client.post(&url).json(&update).send().await.unwrap();
    assert_eq!(refused.status(), 403);
    let wrong = client
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "guess")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 403);
    // The chat's cursor is taken before the update goes in: its reply may come before the
    // POST's answer is read.
    let mut wu = bot.private(9001, "Wu");
    let ok = client
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let reply = wu.next_message().await;
    assert!(
        reply.text().contains("Logged 90 ml in the fridge"),
        "{}",
        reply.text()
    );
    // Telegram retrying the same update changes nothing.
    let again = client
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    let stash = {
        let u = bot.api.text_update(&chat, &user(9001, "Wu"), "/stash");
        client
            .post(&url)
            .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
            .json(&u)
            .send()
            .await
            .unwrap();
        let mut seen = wu.next_message().await;
        while !seen.text().contains("Your stash") {
            seen = wu.next_message().await;
        }
        seen
    };
    assert!(
        stash.text().contains("90 ml in 1 batch"),
        "{}",
        stash.text()
    );

    // Health and metrics: on their own address, never on the public webhook port.
    for path in ["/healthz", "/metrics"] {
        let public = client
            .get(format!("http://{hook_addr}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(public.status(), 404, "{path} on the webhook port");
    }
    let health = client
        .get(format!("http://{health_addr}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let metrics = client
        .get(format!("http://{health_addr}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("milkbot_updates_handled_total"),
        "{metrics}"
    );
    assert!(metrics.contains("milkbot_reminders_due"), "{metrics}");
    let handled: f64 = metrics
        .lines()
        .find(|l| l.starts_with("milkbot_updates_handled_total"))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    assert!(handled >= 2.0, "{metrics}");
    bot.stop().await;
}

#[tokio::test]
async fn backup_copies_a_live_database() {
    let mut bot = TestBot::start().await;
    let mut chat = bot.private(9002, "Xi");
    chat.say("90 fridge").await;
    let db = bot.db().await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    if db.backend() == milkbot::storage::Backend::Postgres {
        // The suite runs on PostgreSQL too (MILKBOT_TEST_POSTGRES): there the command
        // points to pg_dump and writes nothing.
        let err = db.backup_to(&copy).await.expect_err("SQLite only");
        assert!(err.to_string().contains("pg_dump"), "{err}");
        assert!(!copy.exists());
        bot.stop().await;
        return;
    }
    db.backup_to(&copy).await.unwrap();
    let restored = milkbot::storage::Db::open(&format!("sqlite://{}", copy.display()))
        .await
        .unwrap();
    let family = restored.chat(9002).await.unwrap().expect("chat").family_id;
    let batches = restored
        .batches(family, milkbot::storage::StashFilter::All)
        .await
        .unwrap();
    assert_eq!(batches.len(), 1);
    assert!(db.backup_to(&copy).await.is_err(), "never overwrites");
    bot.stop().await;
}

/// The value of a gauge or counter in /metrics.
async fn metric(client: &reqwest::Client, health_addr: SocketAddr, name: &str) -> Option<f64> {
    let text = client
        .get(format!("http://{health_addr}/metrics"))
        .send()
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|n| n.parse().ok())
}

#[tokio::test]
async fn stalled_and_idle_connections_are_capped_and_closed_and_updates_still_arrive() {
    const CAP: usize = 8;
    const STALLED: usize = 40;
    let hook_addr = free_addr();
    let health_addr = free_addr();
    let mut bot = TestBot::start_with(|c| {
        let limits = WebhookLimits {
            max_connections: CAP,
            header_timeout: Duration::from_millis(800),
            request_timeout: Duration::from_secs(5),
            max_body: 64 * 1024,
        };
        c.mode = webhook_mode(hook_addr, limits);
        c.health_addr = Some(health_addr);
    })
    .await;
    bot.api
        .wait_from(0, support::WAIT, |c| c.method == "setwebhook")
        .await;
    let client = reqwest::Client::new();

    // Watch how many connections the server holds while under attack.
    let watching = tokio_util::sync::CancellationToken::new();
    let watcher = tokio::spawn({
        let (client, watching) = (client.clone(), watching.clone());
        async move {
            let mut most = 0.0_f64;
            while !watching.is_cancelled() {
                if let Some(n) = metric(&client, health_addr, "milkbot_webhook_connections").await {
                    most = most.max(n);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            most
        }
    });

    // Slowloris on loopback: half send part of their headers and stall, half say nothing.
    let mut stalled = Vec::new();
    for i in 0..STALLED {
        let mut stream = tokio::net::TcpStream::connect(hook_addr).await.unwrap();
        if i % 2 == 0 {
            stream
                .write_all(b"POST /tg-hook HTTP/1.1\r\nHost: bot.example.org\r\n")
                .await
                .unwrap();
        }
        stalled.push(stream);
    }

    // A real update still gets in, and is answered.
    let chat = serde_json::json!({"id": 9101, "type": "private", "first_name": "Yu"});
    let update = bot.api.text_update(&chat, &user(9101, "Yu"), "90 fridge");
    let mut yu = bot.private(9101, "Yu");
    let accepted = client
        .post(format!("http://{hook_addr}/tg-hook"))
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .json(&update)
        .timeout(Duration::from_secs(30))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 200);
    assert!(yu.next_message().await.text().contains("Logged 90 ml"));

    // Every stalled connection is closed by the server (the test never waits forever).
    for mut stream in stalled {
        let mut rest = Vec::new();
        tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut rest))
            .await
            .expect("the server closes a stalled connection")
            .ok();
    }
    watching.cancel();
    let most = watcher.await.unwrap();
    assert_eq!(most, CAP as f64, "connections held at once");

    // A body over the limit is refused before it is read.
    let big = vec![b' '; 100 * 1024];
    let refused = client
        .post(format!("http://{hook_addr}/tg-hook"))
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 413);
    bot.stop().await;
}

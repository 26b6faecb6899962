//! Webhook mode and the health endpoints: Telegram posts updates to the bot, which
//! refuses requests without the secret, stores each update before answering, and replies
//! through the (fake) Bot API.

mod support;

use milkbot::config::{Mode, Webhook};
use std::net::SocketAddr;
use support::{TestBot, user};

fn free_addr() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap()
}

#[tokio::test]
async fn updates_arrive_by_webhook_with_the_secret_only() {
    let hook_addr = free_addr();
    let health_addr = free_addr();
    let mut bot = TestBot::start_with(|c| {
        c.mode = Mode::Webhook(Webhook {
            url: "https://bot.example.org/tg-hook".parse().unwrap(),
            secret: "s3cret-token".into(),
            listen: hook_addr,
        });
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
    let ok = client
        .post(&url)
        .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let mut wu = bot.private(9001, "Wu");
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

    // Health and metrics.
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

//! Availability: a database that goes away (PostgreSQL restarting, a SQLite file made
//! read-only or deleted under the bot) and updates no client can read must not stop the
//! update feed, lose updates or confirm anything that was not stored.
//!
//! Outages are real, not simulated inside the bot: on PostgreSQL (`MILKBOT_TEST_POSTGRES`)
//! the bot talks to the server through a TCP proxy in this test that is cut and
//! restored; on SQLite the database file is made read-only, or unlinked and linked back.

use crate::support;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use milkbot::config::Config;
use support::{TestBot, WAIT};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

fn free_addr() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}

async fn health(addr: SocketAddr) -> u16 {
    health_said(addr).await.0
}

/// `/healthz`'s status and text.
async fn health_said(addr: SocketAddr) -> (u16, String) {
    match reqwest::get(format!("http://{addr}/healthz")).await {
        Ok(r) => (r.status().as_u16(), r.text().await.unwrap_or_default()),
        Err(_) => (0, String::new()),
    }
}

/// Waits until `/healthz` says that updates cannot be stored.
async fn intake_reported_down(addr: SocketAddr) {
    let start = Instant::now();
    loop {
        let (status, text) = health_said(addr).await;
        if status == 503 && text.contains("updates cannot be stored") {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "/healthz: {status} {text}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until `/healthz` answers `status`; returns how long that took.
async fn health_becomes(addr: SocketAddr, status: u16, within: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let now = health(addr).await;
        if now == status {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < within,
            "/healthz still answers {now}, not {status}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A TCP proxy to the PostgreSQL server that can be cut (every connection dropped, new
/// ones refused) and restored, like a server restart.
struct Proxy {
    addr: SocketAddr,
    cut: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accepting: JoinHandle<()>,
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let addr = listener.local_addr().expect("proxy address");
        let cut = Arc::new(AtomicBool::new(false));
        let links = Arc::new(Mutex::new(Vec::<JoinHandle<()>>::new()));
        let accepting = tokio::spawn({
            let (cut, links) = (cut.clone(), links.clone());
            async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    if cut.load(Ordering::SeqCst) {
                        continue; // dropped: the server is "down"
                    }
                    let upstream = upstream.clone();
                    let link = tokio::spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(upstream).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    });
                    links.lock().unwrap().push(link);
                }
            }
        });
        Proxy {
            addr,
            cut,
            links,
            accepting,
        }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accepting.abort();
        self.cut();
    }
}

/// One way for the database to go away, and come back.
enum Outage {
    /// PostgreSQL behind a proxy.
    Postgres(Proxy),
    /// The SQLite file made read-only.
    ReadOnly,
    /// The SQLite file unlinked (a hard link elsewhere keeps it, to bring it back).
    Deleted,
}

impl Outage {
    /// The outages this backend can have; PostgreSQL's proxy is set up here, before the
    /// bot starts, and `route` points the bot's configuration at it.
    async fn for_backend() -> Vec<Outage> {
        match std::env::var(milkbot::storage::testing::POSTGRES_ENV) {
            Ok(server) if !server.trim().is_empty() => {
                let url = url::Url::parse(server.trim()).expect("server URL");
                let upstream = format!(
                    "{}:{}",
                    url.host_str().unwrap_or("127.0.0.1"),
                    url.port().unwrap_or(5432)
                );
                vec![Outage::Postgres(Proxy::start(upstream).await)]
            }
            _ => vec![Outage::ReadOnly, Outage::Deleted],
        }
    }

    fn route(outages: &[Outage], config: &mut Config) {
        if let Some(Outage::Postgres(proxy)) = outages.first() {
            let mut url = url::Url::parse(&config.database_url).expect("database URL");
            url.set_host(Some("127.0.0.1")).expect("host");
            url.set_port(Some(proxy.addr.port())).expect("port");
            config.database_url = url.to_string();
        }
    }

    fn begin(&self, bot: &TestBot) {
        match self {
            Outage::Postgres(proxy) => proxy.cut(),
            Outage::ReadOnly => set_readonly(&sqlite_file(bot), true),
            Outage::Deleted => {
                let file = sqlite_file(bot);
                std::fs::hard_link(&file, kept(&file)).expect("keep the file");
                std::fs::remove_file(&file).expect("delete the file");
            }
        }
    }

    fn end(&self, bot: &TestBot) {
        match self {
            Outage::Postgres(proxy) => proxy.restore(),
            Outage::ReadOnly => set_readonly(&sqlite_file(bot), false),
            Outage::Deleted => {
                let file = sqlite_file(bot);
                // A connection opened meanwhile may have created an empty file.
                let _ = std::fs::remove_file(&file);
                std::fs::rename(kept(&file), &file).expect("bring the file back");
            }
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Outage::Postgres(_) => "PostgreSQL unreachable",
            Outage::ReadOnly => "SQLite file read-only",
            Outage::Deleted => "SQLite file deleted",
        }
    }
}

fn sqlite_file(bot: &TestBot) -> PathBuf {
    PathBuf::from(
        bot.db_url
            .strip_prefix("sqlite://")
            .expect("a SQLite test database"),
    )
}

fn kept(file: &std::path::Path) -> PathBuf {
    file.with_extension("kept")
}

fn set_readonly(file: &std::path::Path, readonly: bool) {
    use std::os::unix::fs::PermissionsExt;
    let mode = if readonly { 0o444 } else { 0o600 };
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Waits until Telegram was told that updates up to `id` arrived.
async fn confirmed_past(bot: &TestBot, id: i64) {
    let start = Instant::now();
    while bot.api.confirmed_offset() <= id {
        assert!(start.elapsed() < WAIT, "update {id} never confirmed");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn updates_wait_unconfirmed_while_the_database_is_away_and_the_bot_catches_up() {
    let outages = Outage::for_backend().await;
    let health_addr = free_addr();
    let mut bot = TestBot::start_with(|c| {
        c.health_addr = Some(health_addr);
        Outage::route(&outages, c);
    })
    .await;
    let mut ana = bot.private(9101, "Ana");
    assert!(ana.say("90 fridge").await.text().contains("Logged 90 ml"));
    assert_eq!(health(health_addr).await, 200);

    for (round, outage) in outages.iter().enumerate() {
        let ml = 60 + 10 * round as i64;
        outage.begin(&bot);
        let first = bot.api.next_update_id();
        let before = bot.api.call_count();
        ana.send(&format!("{ml} fridge"));
        ana.send(&format!("{} fridge", ml + 1));
        let noticed = Instant::now();
        intake_reported_down(health_addr).await;
        let noticed = noticed.elapsed();
        // Neither stored, so neither confirmed to Telegram nor answered.
        assert!(
            bot.api.confirmed_offset() <= first,
            "{}: an unstored update was confirmed",
            outage.name()
        );
        let answered = bot.api.calls()[before..]
            .iter()
            .filter(|c| c.method == "sendmessage" && c.chat_id() == Some(ana.id()))
            .count();
        assert_eq!(answered, 0, "{}: answered without storing", outage.name());

        let returned = Instant::now();
        outage.end(&bot);
        let logged = ana.next_message().await;
        let recovery = returned.elapsed();
        assert!(
            logged.text().contains(&format!("Logged {ml} ml")),
            "{}: {}",
            outage.name(),
            logged.text()
        );
        let next = ana.next_message().await;
        assert!(
            next.text().contains(&format!("Logged {} ml", ml + 1)),
            "{}: {}",
            outage.name(),
            next.text()
        );
        health_becomes(health_addr, 200, WAIT).await;
        confirmed_past(&bot, first + 1).await;
        println!(
            "{}: /healthz 503 after {noticed:?}; first answer {recovery:?} after the database returned",
            outage.name()
        );
    }
    // Nothing lost, nothing doubled.
    let stash = ana.say("/stash").await;
    let expected = 90
        + outages
            .iter()
            .enumerate()
            .map(|(round, _)| 2 * (60 + 10 * round as i64) + 1)
            .sum::<i64>();
    assert!(
        stash.text().contains(&format!("{expected} ml in")),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

#[tokio::test]
async fn the_bot_exits_with_an_error_when_updates_stay_unstorable_and_loses_none() {
    let outages = Outage::for_backend().await;
    let outage = outages.first().expect("an outage for this backend");
    let health_addr = free_addr();
    let mut bot = TestBot::start_with(|c| {
        c.health_addr = Some(health_addr);
        c.storage_give_up = chrono::Duration::minutes(5);
        Outage::route(&outages, c);
    })
    .await;
    {
        let mut ana = bot.private(9301, "Ana");
        assert!(ana.say("90 fridge").await.text().contains("Logged 90 ml"));
    }
    outage.begin(&bot);
    let held = bot.api.next_update_id();
    bot.private(9301, "Ana").send("60 fridge");
    intake_reported_down(health_addr).await;
    // Still trying, and still alive, until the allowed time has passed (in clock time).
    bot.clock
        .advance(chrono::Duration::minutes(5) + chrono::Duration::seconds(1));
    let ended = bot.exited(Duration::from_secs(60)).await;
    assert!(
        matches!(ended, Err(milkbot::startup::AppError::Intake(_))),
        "ended with {ended:?}"
    );
    assert!(
        bot.api.confirmed_offset() <= held,
        "the unstored update was confirmed"
    );

    // A supervisor starts it again once the database is back: the update waited at
    // Telegram and is answered now.
    outage.end(&bot);
    bot.relaunch().await;
    let mut ana = bot.private(9301, "Ana");
    // (The first log may be confirmed once more first: the outage kept it from leaving
    // the inbox after it was handled.)
    let mut seen = ana.next_message().await;
    while seen.text().contains("Logged 90 ml") {
        seen = ana.next_message().await;
    }
    assert!(seen.text().contains("Logged 60 ml"), "{}", seen.text());
    bot.stop().await;
}

/// A private text message as raw JSON, with `text` written as given (escapes and all)
/// and `extra` fields spliced into the message.
fn raw_message(update_id: i64, chat: i64, message_id: i64, text: &str, extra: &str) -> String {
    format!(
        r#"{{"update_id":{update_id},"message":{{"message_id":{message_id},"date":{date},"chat":{{"id":{chat},"type":"private","first_name":"Ana"}},"from":{{"id":{chat},"is_bot":false,"first_name":"Ana"}},"text":"{text}"{extra}}}}}"#,
        date = support::fake_api::unix_now(),
    )
}

#[tokio::test]
async fn updates_no_client_can_read_are_skipped_and_later_ones_answered() {
    let mut bot = TestBot::start().await;
    let mut ana = bot.private(9401, "Ana");
    assert!(ana.say("90 fridge").await.text().contains("Logged 90 ml"));

    // A lone UTF-16 surrogate escape in the text.
    let lone = bot.api.next_update_id();
    bot.api
        .push_raw(lone, &raw_message(lone, 9401, 900, r"\ud800 50 fridge", ""));
    // A field nested 200 deep.
    let deep = bot.api.next_update_id();
    let nested = format!(r#","x":{}{}"#, "[".repeat(200), "]".repeat(200));
    bot.api
        .push_raw(deep, &raw_message(deep, 9401, 901, "40 fridge", &nested));
    // The next update is answered, and it is the first answer since.
    let reply = ana.say("70 fridge").await;
    assert!(reply.text().contains("Logged 70 ml"), "{}", reply.text());
    // Only the readable ones were logged.
    let stash = ana.say("/stash").await;
    assert!(
        stash.text().contains("160 ml in 2 batches"),
        "{}",
        stash.text()
    );
    // An update id beyond 32 bits (last: Telegram's ids only grow, and every later one
    // would be beyond 32 bits too) is passed over as well: Telegram is told it arrived.
    let huge = (1_i64 << 32) + 7;
    bot.api
        .push_raw(huge, &raw_message(huge, 9401, 902, "30 fridge", ""));
    confirmed_past(&bot, huge).await;
    bot.stop().await;
}

#[tokio::test]
async fn a_webhook_update_that_cannot_be_stored_is_refused_so_telegram_sends_it_again() {
    let outages = Outage::for_backend().await;
    let outage = outages.first().expect("an outage for this backend");
    let (hook_addr, health_addr) = (free_addr(), free_addr());
    let mut bot = TestBot::start_with(|c| {
        c.mode = milkbot::config::Mode::Webhook(milkbot::config::Webhook {
            url: "https://bot.example.org/tg-hook".parse().unwrap(),
            secret: "s3cret-token".into(),
            listen: hook_addr,
            limits: Default::default(),
        });
        c.health_addr = Some(health_addr);
        Outage::route(&outages, c);
    })
    .await;
    bot.api
        .wait_from(0, WAIT, |c| c.method == "setwebhook")
        .await;
    let client = reqwest::Client::new();
    let post = |update: &serde_json::Value| {
        client
            .post(format!("http://{hook_addr}/tg-hook"))
            .header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token")
            .json(update)
            .send()
    };
    let chat = serde_json::json!({"id": 9501, "type": "private", "first_name": "Wu"});
    let update = bot
        .api
        .text_update(&chat, &support::user(9501, "Wu"), "60 fridge");

    outage.begin(&bot);
    let refused = post(&update).await.expect("webhook answers");
    assert!(refused.status().is_server_error(), "{}", refused.status());
    intake_reported_down(health_addr).await;

    // Back to healthy once the database is, before Telegram tries again (it waits a
    // while): the feed asks the database itself, every few seconds.
    outage.end(&bot);
    let healthy_after = health_becomes(health_addr, 200, Duration::from_secs(8)).await;
    println!("webhook mode: /healthz 200 again {healthy_after:?} after the database returned");
    // Telegram delivers it again (the chat's cursor taken first: the reply may come before
    // the POST's answer is read).
    let mut wu = bot.private(9501, "Wu");
    let taken = post(&update).await.expect("webhook answers");
    assert_eq!(taken.status(), 200);
    let reply = wu.next_message().await;
    assert!(reply.text().contains("Logged 60 ml"), "{}", reply.text());
    health_becomes(health_addr, 200, WAIT).await;
    bot.stop().await;
}

/// Makes every new batch fail to save, as a full disk would, until `allow_batches`.
async fn refuse_batches(db: &milkbot::storage::Db) {
    let statements: &[&'static str] = match db.backend() {
        milkbot::storage::Backend::Sqlite => {
            &["CREATE TRIGGER refuse_batches BEFORE INSERT ON batches \
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"]
        }
        milkbot::storage::Backend::Postgres => &[
            "CREATE FUNCTION refuse_batch() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ \
             LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_batches BEFORE INSERT ON batches \
             FOR EACH ROW EXECUTE FUNCTION refuse_batch()",
        ],
    };
    for sql in statements {
        sqlx::query(*sql)
            .execute(db.pool())
            .await
            .expect("set up the fault");
    }
}

async fn allow_batches(db: &milkbot::storage::Db) {
    sqlx::query("DROP TRIGGER refuse_batches ON batches")
        .execute(db.pool())
        .await
        .or(sqlx::query("DROP TRIGGER refuse_batches")
            .execute(db.pool())
            .await)
        .expect("clear the fault");
}

#[tokio::test]
async fn a_log_the_database_cannot_take_is_refused_kindly_and_not_confirmed() {
    let mut bot = TestBot::start().await;
    let db = bot.db().await;
    let mut ana = bot.private(9601, "Ana");
    assert!(ana.say("/start").await.text().contains("Hi Ana"));
    // Then the first-contact timezone question.
    assert!(ana.next_message().await.text().contains("which timezone"));

    refuse_batches(&db).await;
    let refused = ana.say("90 fridge").await;
    assert!(
        refused.text().contains("couldn't save that"),
        "{}",
        refused.text()
    );
    allow_batches(&db).await;
    // Not tried again behind her back: the next answer is to what she sends next.
    let logged = ana.say("60 fridge").await;
    assert!(logged.text().contains("Logged 60 ml"), "{}", logged.text());
    let stash = ana.say("/stash").await;
    assert!(
        stash.text().contains("60 ml in 1 batch"),
        "{}",
        stash.text()
    );
    bot.stop().await;
}

/// The "not saved" note is said when the chat could not be written, without reading it
/// again: in the language the chat chose (here Russian, from an English Telegram).
#[tokio::test]
async fn the_not_saved_note_follows_the_language_the_chat_chose() {
    let mut bot = TestBot::start().await;
    let db = bot.db().await;
    let mut ana = bot.private(9602, "Ana");
    ana.say("/start").await;
    ana.next_message().await; // which timezone
    let menu = ana.say("/language").await;
    ana.tap(menu.sent_id.unwrap(), "Русский");
    ana.next_edit().await;
    ana.next_message().await; // the keyboard in Russian

    refuse_batches(&db).await;
    let refused = ana.say("90 холодильник").await;
    assert!(
        refused
            .text()
            .starts_with("Извините, сейчас не получилось сохранить"),
        "{}",
        refused.text()
    );
    allow_batches(&db).await;
    bot.stop().await;
}

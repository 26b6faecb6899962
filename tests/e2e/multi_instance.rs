//! Several instances of the real binary on one PostgreSQL database, in webhook mode,
//! against the fake Bot API:
//!
//! 1. 10,000 reminders fall due at the same moment (500 families, 20 room-temperature
//!    batches each, seeded as the bot writes them). Three instances share the work through
//!    leases (`FOR UPDATE SKIP LOCKED`); one is killed with SIGKILL midway. Every reminder
//!    must reach its chat (none lost) and be recorded as sent. A reminder the killed
//!    instance had sent but not yet recorded is sent again by another instance once its
//!    lease ends: that is the only repeat allowed, so repeats are bounded by what one
//!    instance can have in flight. The run is repeated with SIGTERM, which must give no
//!    repeat at all.
//! 2. 1,000 typed logs posted to the webhooks of the three instances, round robin, a fifth
//!    of them posted again to another instance (as Telegram does when an answer is slow):
//!    exactly one batch per message, each confirmed.
//!
//! PostgreSQL only (on SQLite the bot is one process): ignored under plain `cargo test`,
//! run by `.ci/run` on PostgreSQL with `--include-ignored`. By hand:
//! `MILKBOT_TEST_POSTGRES=postgres://... cargo test --test e2e multi_instance -- --include-ignored --nocapture`
//! (prints the figures).

use crate::support;

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use futures::StreamExt;
use milkbot::app;
use milkbot::domain::batch::{self, NewBatch};
use milkbot::domain::settings::Settings;
use milkbot::domain::{Ml, Place, Sides};
use milkbot::storage::testing::{POSTGRES_ENV, TestDb};
use milkbot::storage::{BatchRow, Db};
use serde_json::{Value, json};
use sqlx::Row;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use support::binary::{Milkbot, Running};
use support::fake_api::{self, FakeApi};

const INSTANCES: usize = 3;
/// 2,000 reminders: enough for each instance to hold many in flight (32 at most) when
/// one is stopped after a third went out, and few enough that all go out well within
/// the 2 minutes after which late reminders fold into one digest per family (which names
/// at most ten batches), even on a busy machine (at 10,000, a loaded machine sending ~80
/// a second crossed that line and the test counted the digested batches as lost).
const FAMILIES: i64 = 100;
const PER_FAMILY: i64 = 20;
const REMINDERS: usize = (FAMILIES * PER_FAMILY) as usize;
const FIRST_CHAT: i64 = 700_000_000;
const SECRET: &str = "multi-instance-secret";
/// Short, so the killed instance's claims come back within seconds (production: 120 s),
/// yet longer than one claimed round of 200 takes when the machine is busy: with 5 s, a
/// CPU-starved instance outlived its lease mid-round, another claimed the same rows, and
/// the clean stop saw 21 repeats that had nothing to do with stopping.
const LEASE_SECS: &str = "15";
/// The scheduler's bound on sends in flight per instance (`scheduler::IN_FLIGHT`) times
/// the reminders one send can carry here (one: each batch has one reminder due).
const IN_FLIGHT: usize = 32;

fn postgres_server() -> Option<String> {
    std::env::var(POSTGRES_ENV)
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// Fails (rather than passing unseen) when run without a PostgreSQL server: these tests
/// are ignored under plain `cargo test` and run with `--include-ignored` where one is set.
fn needs_postgres() {
    assert!(
        postgres_server().is_some(),
        "set {POSTGRES_ENV} to run several instances on one PostgreSQL"
    );
}

fn free_addr() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("its address")
}

/// One bot process in webhook mode.
struct Instance {
    hook: SocketAddr,
    bot: Option<Running>,
    /// What it wrote, once stopped.
    stopped_logs: String,
}

impl Instance {
    fn start(api: &FakeApi, db_url: &str, dir: &std::path::Path) -> Instance {
        let hook = free_addr();
        let bot = Milkbot::new(dir)
            .args(["webhook"])
            .against(api)
            .database(db_url)
            .env("WEBHOOK_URL", "https://bot.example.org/tg-hook")
            .env("WEBHOOK_SECRET", SECRET)
            .env("WEBHOOK_LISTEN", hook.to_string())
            // The fake server is not Telegram: pace for the machine, not for its limits.
            .env("MILKBOT_SEND_LIMITS", "1000,100000,100000,100000")
            .env("MILKBOT_USER_LIMIT", "100000")
            .env("MILKBOT_REMINDER_LEASE", LEASE_SECS)
            .env(
                "MILKBOT_LOG",
                std::env::var("MULTI_LOG").unwrap_or("warn".into()),
            )
            .spawn();
        Instance {
            hook,
            bot: Some(bot),
            stopped_logs: String::new(),
        }
    }

    async fn kill(&mut self) {
        if let Some(mut bot) = self.bot.take() {
            bot.kill().await;
            self.stopped_logs = bot.logs();
        }
    }

    async fn terminate(&mut self) {
        if let Some(mut bot) = self.bot.take() {
            bot.terminate(Duration::from_secs(10)).await;
            self.stopped_logs = bot.logs();
        }
    }

    fn logs(&self) -> String {
        self.bot
            .as_ref()
            .map_or_else(|| self.stopped_logs.clone(), Running::logs)
    }
}

/// Starts `INSTANCES` bots and waits until each has registered its webhook.
async fn start_all(api: &FakeApi, db_url: &str, dir: &std::path::Path) -> Vec<Instance> {
    let from = api.call_count();
    let all: Vec<Instance> = (0..INSTANCES)
        .map(|_| Instance::start(api, db_url, dir))
        .collect();
    wait_for(
        Duration::from_secs(60),
        "every instance registers its webhook",
        || {
            api.calls()[from..]
                .iter()
                .filter(|c| c.method == "setwebhook")
                .count()
                >= INSTANCES
        },
    )
    .await;
    all
}

async fn wait_for(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The batch a reminder message is about: its buttons carry the batch id (base 36).
fn batch_of(call: &fake_api::Call) -> Option<i64> {
    call.buttons().iter().find_map(|(_, data)| {
        let mut parts = data.strip_prefix("1b:")?.split(':');
        i64::from_str_radix(parts.next()?, 36).ok()
    })
}

/// Seeds `FAMILIES` families of one private chat and one member, each with `PER_FAMILY`
/// room-temperature batches whose "into the fridge soon" reminder is due at `due`, as
/// the bot itself writes them (the batch state and the reminders come from the
/// library). Bulk SQL, so that seeding takes a second, not minutes.
async fn seed(db: &Db, due: DateTime<Utc>) -> usize {
    let settings = Settings::new(chrono_tz::UTC);
    // Room milk keeps 4 h (CDC) and is reminded 30 min before: expressed 3.5 h before `due`.
    let expressed_at = due - ChronoDuration::minutes(210);
    let state = batch::log(
        NewBatch {
            amount: Ml(90),
            place: Place::Room,
            expressed_at,
            sides: Sides::default(),
        },
        expressed_at,
    )
    .expect("a valid batch");
    let t = expressed_at.timestamp();
    let mut families = Vec::new();
    let mut chats = Vec::new();
    let mut members = Vec::new();
    let mut batches = Vec::new();
    let mut reminders = Vec::new();
    for family in 1..=FAMILIES {
        let chat = FIRST_CHAT + family;
        families.push(vec![json!(family), json!(t), json!("UTC")]);
        chats.push(vec![json!(chat), json!(family), json!("private"), json!(t)]);
        members.push(vec![
            json!(family),
            json!(chat),
            json!("Parent"),
            json!(chat),
            json!(t),
        ]);
        for k in 0..PER_FAMILY {
            let id = (family - 1) * PER_FAMILY + k + 1;
            batches.push(vec![
                json!(id),
                json!(family),
                json!(90),
                json!("room"),
                json!(90),
                json!("room"),
                json!(state.status.code()),
                json!(t),
                json!(t),
                json!(t),
                json!(chat),
            ]);
            let row = BatchRow {
                id,
                family_id: family,
                version: 1,
                logged: Ml(90),
                logged_place: Place::Room,
                sides: Sides::default(),
                state,
                created_at: expressed_at,
                created_by: chat,
            };
            for r in app::reminder_rows(&row, &settings, expressed_at) {
                reminders.push(vec![
                    json!(r.key),
                    json!(r.family_id),
                    json!(r.batch_id),
                    json!(r.kind.code()),
                    json!(r.place.map(|p| p.code())),
                    json!(r.due_at.timestamp()),
                    json!(i64::from(r.urgent)),
                ]);
            }
        }
    }
    let mut tx = db.pool().begin().await.expect("begin");
    insert(&mut tx, "families (id, created_at, timezone)", &families).await;
    insert(&mut tx, "chats (id, family_id, kind, created_at)", &chats).await;
    insert(
        &mut tx,
        "members (family_id, user_id, name, private_chat_id, joined_at)",
        &members,
    )
    .await;
    insert(
        &mut tx,
        "batches (id, family_id, logged_ml, logged_place, amount_ml, place, status, \
         expressed_at, place_since, created_at, created_by)",
        &batches,
    )
    .await;
    insert(
        &mut tx,
        "reminders (key, family_id, batch_id, kind, place, due_at, urgent)",
        &reminders,
    )
    .await;
    // Ids were given: move the sequences past them for the rows the bot adds later.
    for table in ["families", "batches"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        )))
        .execute(&mut *tx)
        .await
        .expect("setval");
    }
    tx.commit().await.expect("commit");
    let due_now: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reminders WHERE status = 'pending' AND due_at <= $1",
    )
    .bind(due.timestamp())
    .fetch_one(db.pool())
    .await
    .expect("count");
    due_now as usize
}

/// Inserts rows of JSON scalars (numbers, strings, null) with bound parameters.
async fn insert(tx: &mut sqlx::Transaction<'static, sqlx::Any>, table: &str, rows: &[Vec<Value>]) {
    let Some(width) = rows.first().map(Vec::len) else {
        return;
    };
    for chunk in rows.chunks(30_000 / width) {
        let mut sql = format!("INSERT INTO {table} VALUES ");
        let mut n = 0;
        for (i, row) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            let marks: Vec<String> = row
                .iter()
                .map(|_| {
                    n += 1;
                    format!("${n}")
                })
                .collect();
            sql.push_str(&format!("({})", marks.join(",")));
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for v in chunk.iter().flatten() {
            q = match v {
                Value::Number(n) => q.bind(n.as_i64()),
                Value::String(s) => q.bind(s.clone()),
                _ => q.bind(None::<i64>),
            };
        }
        q.execute(&mut **tx).await.expect("seed insert");
    }
}

/// How the reminders went: sends per batch, from the fake API's calls after `from`.
fn sends_per_batch(api: &FakeApi, from: usize) -> HashMap<i64, usize> {
    let mut per_batch = HashMap::new();
    for call in &api.calls()[from..] {
        if call.method == "sendmessage"
            && call.succeeded()
            && let Some(batch) = batch_of(call)
        {
            *per_batch.entry(batch).or_default() += 1;
        }
    }
    per_batch
}

/// Part 1 with `stop` applied to one instance once a third of the reminders went out.
/// Returns (repeats, seconds to deliver all).
async fn reminders_with_one_instance_stopped(kill: bool) -> (usize, f64) {
    let test_db = TestDb::create().await.expect("a fresh database");
    let db = Db::open(test_db.url()).await.expect("open and migrate");
    let dir = tempfile::tempdir().expect("temp dir");
    let api = FakeApi::start().await;
    // Due a few seconds from now: the instances start meanwhile and all wake at once.
    let due = Utc::now() + ChronoDuration::seconds(6);
    let due_count = seed(&db, due).await;
    assert_eq!(
        due_count, REMINDERS,
        "every seeded batch has one reminder due"
    );

    let from = api.call_count();
    let mut instances = start_all(&api, test_db.url(), dir.path()).await;
    let sent = |api: &FakeApi| {
        api.calls()[from..]
            .iter()
            .filter(|c| c.method == "sendmessage")
            .count()
    };
    wait_for(
        Duration::from_secs(60),
        "a third of the reminders went out",
        || sent(&api) >= REMINDERS / 3,
    )
    .await;
    let started = Instant::now();
    let victim = &mut instances[0];
    if kill {
        victim.kill().await;
    } else {
        victim.terminate().await;
    }
    let at_stop = sent(&api);
    let pending = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM reminders WHERE status = 'pending' AND due_at <= $1",
        )
        .bind(due.timestamp())
        .fetch_one(db.pool())
        .await
        .expect("count pending")
    };
    let deadline = Instant::now() + Duration::from_secs(90);
    while pending().await > 0 {
        assert!(
            Instant::now() < deadline,
            "reminders left undelivered; logs:\n{}",
            instances
                .iter()
                .map(Instance::logs)
                .collect::<Vec<_>>()
                .join("\n---\n")
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Anything still in flight lands now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let total = started.elapsed().as_secs_f64();
    let first_send = api.calls()[from..]
        .iter()
        .find(|c| c.method == "sendmessage")
        .map(|c| c.at);
    let last_send = api.calls()[from..]
        .iter()
        .rev()
        .find(|c| c.method == "sendmessage")
        .map(|c| c.at);

    let per_batch = sends_per_batch(&api, from);
    let lost: Vec<i64> = (1..=REMINDERS as i64)
        .filter(|b| !per_batch.contains_key(b))
        .collect();
    let repeats: usize = per_batch.values().map(|n| n - 1).sum();
    let sent_rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM reminders WHERE status = 'sent' AND due_at <= $1")
            .bind(due.timestamp())
            .fetch_one(db.pool())
            .await
            .expect("count sent");
    let rate = match (first_send, last_send) {
        (Some(a), Some(b)) if b > a => REMINDERS as f64 / (b - a).as_secs_f64(),
        _ => f64::NAN,
    };
    println!(
        "{}: {REMINDERS} reminders by {INSTANCES} instances, one stopped after {at_stop} sends: \
         {rate:.0} reminders/s overall, {} lost, {repeats} sent twice, all delivered {total:.1} s \
         after the stop",
        if kill { "SIGKILL" } else { "SIGTERM" },
        lost.len(),
    );
    assert!(lost.is_empty(), "never reached their chat: {lost:?}");
    assert_eq!(
        sent_rows as usize, REMINDERS,
        "every reminder recorded as sent"
    );
    if kill {
        assert!(
            repeats <= IN_FLIGHT,
            "{repeats} repeats: more than one instance can have in flight"
        );
    } else {
        assert_eq!(repeats, 0, "a clean stop repeats nothing");
    }
    for mut i in instances {
        i.terminate().await;
    }
    (repeats, rate)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: MILKBOT_TEST_POSTGRES and --include-ignored, as .ci/run does"]
async fn reminders_survive_a_killed_instance() {
    needs_postgres();
    let _heavy = support::heavy().await;
    reminders_with_one_instance_stopped(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: MILKBOT_TEST_POSTGRES and --include-ignored, as .ci/run does"]
async fn reminders_are_handed_over_cleanly_on_sigterm() {
    needs_postgres();
    let _heavy = support::heavy().await;
    reminders_with_one_instance_stopped(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: MILKBOT_TEST_POSTGRES and --include-ignored, as .ci/run does"]
async fn webhook_updates_across_instances_take_effect_once() {
    needs_postgres();
    let _heavy = support::heavy().await;
    const CHATS: i64 = 100;
    const PER_CHAT: i64 = 10;
    let test_db = TestDb::create().await.expect("a fresh database");
    let db = Db::open(test_db.url()).await.expect("open and migrate");
    let dir = tempfile::tempdir().expect("temp dir");
    let api = FakeApi::start().await;
    let instances = start_all(&api, test_db.url(), dir.path()).await;
    let from = api.call_count();

    // Each chat logs amounts 40, 41, ...: each confirmation names its message.
    let mut posts = Vec::new();
    let mut expected = HashMap::new();
    for k in 0..PER_CHAT {
        for c in 0..CHATS {
            let id = FIRST_CHAT + 10_000 + c;
            let chat = json!({"id": id, "type": "private", "first_name": format!("P{c}")});
            let user = support::user(id, &format!("P{c}"));
            let amount = 40 + k;
            let update = api.text_update(&chat, &user, &format!("{amount} fridge"));
            let message_id = update["message"]["message_id"].as_i64().unwrap_or_default();
            expected.insert((id, message_id), amount);
            let n = posts.len();
            posts.push((instances[n % INSTANCES].hook, update.clone()));
            // Telegram sends a fifth again, and the load balancer picks another instance.
            if n % 5 == 0 {
                posts.push((instances[(n + 1) % INSTANCES].hook, update));
            }
        }
    }
    let total_posts = posts.len();
    let client = reqwest::Client::new();
    let started = Instant::now();
    let statuses: Vec<u16> = futures::stream::iter(posts)
        .map(|(hook, update)| {
            let client = client.clone();
            async move {
                client
                    .post(format!("http://{hook}/tg-hook"))
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .json(&update)
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0)
            }
        })
        .buffer_unordered(24)
        .collect()
        .await;
    let accepted = started.elapsed().as_secs_f64();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");

    let count_batches = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM batches")
            .fetch_one(db.pool())
            .await
            .expect("count")
    };
    let confirmations = |api: &FakeApi| {
        api.calls()[from..]
            .iter()
            .filter(|c| c.method == "sendmessage" && c.text().contains("Logged"))
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while count_batches().await < expected.len() as i64 || confirmations(&api) < expected.len() {
        assert!(Instant::now() < deadline, "not all updates took effect");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let handled = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Exactly one batch per message, with the amount that message said.
    let rows = sqlx::query("SELECT origin_chat_id, origin_msg_id, amount_ml FROM batches")
        .fetch_all(db.pool())
        .await
        .expect("batches");
    assert_eq!(rows.len(), expected.len(), "one batch per message");
    for row in &rows {
        let key: (i64, i64) = (
            row.try_get("origin_chat_id").expect("chat"),
            row.try_get("origin_msg_id").expect("message"),
        );
        let amount: i64 = row.try_get("amount_ml").expect("amount");
        assert_eq!(expected.get(&key), Some(&amount), "{key:?}");
    }
    // Each confirmed; a repeat of a confirmation is counted, never a repeat of a batch.
    let mut confirmed: HashMap<(i64, i64), usize> = HashMap::new();
    for call in &api.calls()[from..] {
        if call.method != "sendmessage" || !call.text().contains("Logged") {
            continue;
        }
        let chat = call.chat_id().unwrap_or_default();
        let amount = call
            .text()
            .split("Logged ")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap_or_default();
        if let Some(key) = expected
            .iter()
            .find(|((c, _), a)| *c == chat && **a == amount)
            .map(|(k, _)| *k)
        {
            *confirmed.entry(key).or_default() += 1;
        }
    }
    let repeated: usize = confirmed.values().map(|n| n - 1).sum();
    println!(
        "webhook: {} updates ({total_posts} posts, {} of them redeliveries to another \
         instance) accepted in {accepted:.2} s, all handled in {handled:.2} s \
         ({:.0} updates/s); {} batches, {repeated} repeated confirmations",
        expected.len(),
        total_posts - expected.len(),
        expected.len() as f64 / handled,
        rows.len(),
    );
    assert_eq!(confirmed.len(), expected.len(), "every message confirmed");
    for mut i in instances {
        i.terminate().await;
    }
}

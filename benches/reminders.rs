//! Reminder benchmarks: how fast the real bot delivers a burst of reminders within
//! Telegram's limits, and how the schedule's queries hold up on a large database.
//! It prints figures (it is not a criterion harness).
//!
//! Run:
//!   cargo bench --bench reminders                            # both parts, 1,000,000 batches
//!   MILKBOT_BENCH_BATCHES=100000 cargo bench --bench reminders   # a quick run
//!   MILKBOT_BENCH_PART=delivery cargo bench --bench reminders    # only part 1 (or `scale`)
//!   MILKBOT_BENCH_LOG=milkbot=debug ...                          # the bot's logs
//!   MILKBOT_BENCH_KEEP=1 ...                     # keep part 2's database (prints where)
//!   MILKBOT_BENCH_TIMELINE=FILE ...              # part 1's sendMessage times, for a plot
//!   MILKBOT_BENCH_SEND_LIMITS=1,20,20,28 ...     # part 1 with other limits than production
//!
//! 1. Delivery: 1,000 private chats each log a fridge batch by text through the fake Bot
//!    API (`tests/support/fake_api/`); the bot restarts with the production send limits
//!    (`SendLimits::default()`), the fake API starts answering 429 like Telegram would,
//!    and the manual clock jumps 3 days, when every batch's reminder is due at once.
//! 2. Scale: a SQLite database with MILKBOT_BENCH_BATCHES stored batches (10 per family)
//!    and their pending reminders, then the scheduler's queries, the write of a new
//!    batch, the file size, and the memory of a process running the bot idle on it (a
//!    child process of this benchmark, so the seeding's memory does not count).

#[path = "../tests/support/fake_api/mod.rs"]
mod fake_api;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use fake_api::{Call, FakeApi};
use milkbot::app::{self, Logged};
use milkbot::clock::Clock;
use milkbot::config::{Config, SendLimits};
use milkbot::domain::batch::{self, NewBatch};
use milkbot::domain::settings::Settings;
use milkbot::domain::{Ml, Place, Sides};
use milkbot::storage::{Actor, BatchRow, Db, NewReminder};
use serde_json::json;
use tokio::sync::oneshot;

/// Set in the child process that measures memory: the database to open.
const RSS_CHILD_DB: &str = "MILKBOT_BENCH_RSS_DB";
/// The manual clock's time in that child (Unix seconds).
const RSS_CHILD_NOW: &str = "MILKBOT_BENCH_RSS_NOW";

const CHATS: i64 = 1_000;
const FIRST_CHAT: i64 = 500_000_000;

fn main() {
    let rt = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start tokio: {e}");
            std::process::exit(1);
        }
    };
    if let Ok(filter) = std::env::var("MILKBOT_BENCH_LOG") {
        milkbot::logging::init(&filter, vec![]);
    }
    if let Ok(db) = std::env::var(RSS_CHILD_DB) {
        rt.block_on(rss_child(&db));
        return;
    }
    let part = std::env::var("MILKBOT_BENCH_PART").unwrap_or_default();
    println!("reminders benchmark (load average {})", load());
    if part.is_empty() || part == "delivery" {
        rt.block_on(delivery());
    }
    if part.is_empty() || part == "scale" {
        let batches = std::env::var("MILKBOT_BENCH_BATCHES")
            .ok()
            .and_then(|s| s.replace('_', "").parse::<i64>().ok())
            .unwrap_or(1_000_000);
        rt.block_on(scale(batches));
    }
}

// ---- running the bot --------------------------------------------------------------

/// The bot, in-process, as `milkbot::startup::run` runs it in production.
struct RunningBot {
    stop: oneshot::Sender<()>,
    handle: tokio::task::JoinHandle<Result<(), milkbot::startup::AppError>>,
}

impl RunningBot {
    async fn start(api: &FakeApi, db_url: &str, limits: SendLimits, clock: &Clock) -> RunningBot {
        let config = Config {
            token: fake_api::TOKEN.to_owned(),
            api_url: Some(api.url.parse().expect("fake API url")),
            database_url: db_url.to_owned(),
            default_tz: chrono_tz::UTC,
            limits,
            poll_timeout: Duration::from_secs(2),
            request_timeout: milkbot::config::REQUEST_TIMEOUT,
            user_actions_per_minute: 10_000,
            mode: milkbot::config::Mode::Polling,
            health_addr: None,
            reminder_lease: Duration::from_secs(120),
            storage_give_up: chrono::Duration::minutes(15),
            stt: None,
            webapp: None,
            semantic: true,
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let from = api.call_count();
        let handle = tokio::spawn(milkbot::startup::run(config, clock.clone(), async move {
            let _ = stopped.await;
        }));
        // Started once the command menu is registered.
        api.wait_from(from, Duration::from_secs(60), |c| {
            c.method == "setmycommands"
        })
        .await;
        RunningBot { stop, handle }
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        match tokio::time::timeout(Duration::from_secs(60), self.handle).await {
            Ok(Ok(Ok(()))) => {}
            other => panic!("the bot did not stop cleanly: {other:?}"),
        }
    }
}

/// The production send limits (`SendLimits::default()`), or, to try others, the four
/// numbers in MILKBOT_BENCH_SEND_LIMITS as MILKBOT_SEND_LIMITS takes them ("1,20,20,30").
fn production_limits() -> SendLimits {
    let Ok(text) = std::env::var("MILKBOT_BENCH_SEND_LIMITS") else {
        return SendLimits::default();
    };
    let n: Vec<u32> = text
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    match n.as_slice() {
        [a, b, c, d] => SendLimits {
            per_chat_per_sec: *a,
            per_chat_per_min: *b,
            per_group_per_min: *c,
            overall_per_sec: *d,
        },
        _ => panic!("MILKBOT_BENCH_SEND_LIMITS takes four numbers, e.g. 1,20,20,30"),
    }
}

/// Limits high enough not to slow the seeding down (as the end-to-end tests use).
fn fast_limits() -> SendLimits {
    SendLimits {
        per_chat_per_sec: 1000,
        per_chat_per_min: 100_000,
        per_group_per_min: 100_000,
        overall_per_sec: 1000,
    }
}

fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0)
        .single()
        .expect("valid start time")
}

fn is_reminder_chat(c: &Call) -> bool {
    c.method == "sendmessage"
        && c.succeeded()
        && c.chat_id()
            .is_some_and(|id| (FIRST_CHAT..FIRST_CHAT + CHATS).contains(&id))
}

// ---- part 1: delivery ---------------------------------------------------------------

async fn delivery() {
    println!();
    println!("== 1. Delivery: {CHATS} reminders due at once in {CHATS} private chats ==");
    let api = FakeApi::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = format!("sqlite://{}", dir.path().join("milkbot.db").display());
    let clock = Clock::manual(start_time());

    // Seed through the bot's own path: each chat logs a fridge batch by text. Fast
    // limits here, so the 1,000 confirmations do not take half a minute.
    let seeding_started = Instant::now();
    let bot = RunningBot::start(&api, &db_url, fast_limits(), &clock).await;
    let from = api.call_count();
    for i in 0..CHATS {
        let id = FIRST_CHAT + i;
        let chat = json!({"id": id, "type": "private", "first_name": "Parent"});
        let user =
            json!({"id": id, "is_bot": false, "first_name": "Parent", "language_code": "en"});
        api.send_text(&chat, &user, "120 fridge");
    }
    api.wait_until(Duration::from_secs(300), |calls| {
        calls
            .iter()
            .skip(from)
            .filter(|c| is_reminder_chat(c))
            .count()
            >= CHATS as usize
    })
    .await;
    bot.stop().await;
    let db = Db::open(&db_url).await.expect("open db");
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reminders WHERE status = 'pending' AND kind = 'lead'",
    )
    .fetch_one(db.pool())
    .await
    .expect("count reminders");
    println!(
        "seeded {CHATS} chats by text in {:.1} s ({pending} lead reminders pending)",
        seeding_started.elapsed().as_secs_f64()
    );
    assert_eq!(pending, CHATS, "every chat logged one fridge batch");

    // The real run: production limits, Telegram's limits enforced by the fake API.
    let limits = production_limits();
    println!(
        "bot send limits: {}/s per chat, {}/min per chat, {}/min per group, {}/s overall",
        limits.per_chat_per_sec,
        limits.per_chat_per_min,
        limits.per_group_per_min,
        limits.overall_per_sec
    );
    let bot = RunningBot::start(&api, &db_url, limits, &clock).await;
    api.enforce_telegram_limits();
    let from = api.call_count();
    let load_before = load();
    let jumped = Instant::now();
    clock.advance(chrono::Duration::days(3));
    api.wait_until(Duration::from_secs(600), |calls| {
        calls
            .iter()
            .skip(from)
            .filter(|c| is_reminder_chat(c))
            .count()
            >= CHATS as usize
    })
    .await;
    let load_after = load();
    // Anything doubled would come soon after: give it a moment.
    tokio::time::sleep(Duration::from_secs(3)).await;
    bot.stop().await;

    let calls: Vec<Call> = api.calls().into_iter().skip(from).collect();
    let delivered: Vec<&Call> = calls.iter().filter(|c| is_reminder_chat(c)).collect();
    let mut per_chat: HashMap<i64, usize> = HashMap::new();
    for c in &delivered {
        *per_chat.entry(c.chat_id().unwrap_or_default()).or_default() += 1;
    }
    let lost = CHATS as usize - per_chat.len();
    let doubled = per_chat.values().filter(|n| **n > 1).count();
    let first = delivered.iter().map(|c| c.at).min().unwrap_or(jumped);
    let last = delivered.iter().map(|c| c.at).max().unwrap_or(jumped);
    let wall = last.saturating_duration_since(jumped).as_secs_f64();
    let rate = delivered.len() as f64 / wall;
    let sent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reminders WHERE status = 'sent' AND kind = 'lead'",
    )
    .fetch_one(db.pool())
    .await
    .expect("count sent");
    let refused = api.limit_refusals();
    let attempts = calls.iter().filter(|c| c.method == "sendmessage").count();
    if let Ok(path) = std::env::var("MILKBOT_BENCH_TIMELINE") {
        // Every sendMessage: seconds after the jump, chat, and whether it got through.
        let lines: Vec<String> = calls
            .iter()
            .filter(|c| c.method == "sendmessage")
            .map(|c| {
                format!(
                    "{:.6} {} {}",
                    c.at.saturating_duration_since(jumped).as_secs_f64(),
                    c.chat_id().unwrap_or_default(),
                    u8::from(c.succeeded())
                )
            })
            .collect();
        let _ = std::fs::write(&path, lines.join("\n"));
    }
    println!(
        "first delivery {:.2} s after the clock jump; last delivery {wall:.2} s after it",
        first.saturating_duration_since(jumped).as_secs_f64()
    );
    println!(
        "delivered {} in {wall:.2} s: {rate:.2} msg/s = {:.3} of Telegram's 30 msg/s (target >= 0.9)",
        delivered.len(),
        rate / 30.0
    );
    println!(
        "429 answers under Telegram's limits: {refused} (of {attempts} sendMessage requests; target 0)"
    );
    println!("lost: {lost}, doubled: {doubled} (target 0 and 0); rows marked sent: {sent}");
    println!("load average: {load_before} at the jump, {load_after} at the last delivery");
    db.close().await;
}

// ---- part 2: scale ------------------------------------------------------------------

async fn scale(batches: i64) {
    let families = (batches / 10).max(1);
    let batches = families * 10;
    println!();
    println!("== 2. Scale: {batches} stored batches across {families} families ==");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("milkbot.db");
    let keep = std::env::var_os("MILKBOT_BENCH_KEEP").is_some();
    let db_url = format!("sqlite://{}", path.display());
    let now = start_time();

    let started = Instant::now();
    let db = Db::open(&db_url).await.expect("open db");
    let reminders = seed(&db, families, now).await;
    let built = started.elapsed();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db.pool())
        .await
        .expect("checkpoint");
    println!(
        "built in {:.1} s: {batches} batches, {batches} history events, {reminders} pending reminders (load average {})",
        built.as_secs_f64(),
        load()
    );
    println!("database file: {}", file_sizes(&path));

    // The scheduler's wake-up: when is the next reminder due?
    let mut next = Vec::new();
    let mut expected = None;
    let budget = Instant::now();
    while next.len() < 200 && (next.len() < 20 || budget.elapsed() < Duration::from_secs(60)) {
        let t = Instant::now();
        let at = db.next_due().await.expect("next_due");
        next.push(t.elapsed());
        expected = at;
    }
    println!(
        "Db::next_due(): {} (next at {})",
        summary(&mut next),
        expected.map(|t| t.to_rfc3339()).unwrap_or_default()
    );

    // Nothing due: the scheduler looks and goes back to sleep.
    let mut idle = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let due = db
            .claim_due(now, now + chrono::Duration::seconds(120), "bench", 200)
            .await
            .expect("claim");
        idle.push(t.elapsed());
        assert!(due.is_empty(), "nothing is due at the start");
    }
    println!(
        "Db::claim_due(limit 200), nothing due: {}",
        summary(&mut idle)
    );

    // 200 due per wake-up: the clock moves on to the 200th next reminder each round,
    // and the claimed ones are marked sent afterwards (untimed), as the scheduler does.
    let rounds = 100i64;
    let dues: Vec<i64> = sqlx::query_scalar(
        "SELECT due_at FROM reminders WHERE status = 'pending' ORDER BY due_at, id LIMIT $1",
    )
    .bind(rounds * 200)
    .fetch_all(db.pool())
    .await
    .expect("due times");
    let mut busy = Vec::new();
    let mut claimed = 0usize;
    for chunk in dues.chunks_exact(200) {
        let Some(at) = chunk.last().and_then(|s| Utc.timestamp_opt(*s, 0).single()) else {
            continue;
        };
        let t = Instant::now();
        let due = db
            .claim_due(at, at + chrono::Duration::seconds(120), "bench", 200)
            .await
            .expect("claim");
        busy.push(t.elapsed());
        claimed += due.len();
        for r in &due {
            db.finish_reminder(r.id, "sent", at).await.expect("finish");
        }
    }
    println!(
        "Db::claim_due(limit 200), 200 due: {} ({claimed} claimed in {} rounds)",
        summary(&mut busy),
        busy.len()
    );

    // Writing one new batch with its reminders, as a parent logging milk does.
    let mut writes = Vec::new();
    let mut rng = SplitMix(7);
    let actor = Actor {
        id: 42,
        name: "Parent".into(),
    };
    for _ in 0..300 {
        let family_id = 1 + (rng.next() % families as u64) as i64;
        let family = db.family(family_id).await.expect("family");
        let new = NewBatch {
            amount: Ml(100),
            place: Place::Fridge,
            expressed_at: now,
            sides: Sides::default(),
        };
        let t = Instant::now();
        let logged = app::log_batch(&db, &family, &actor, new, None, None, now)
            .await
            .expect("log_batch");
        writes.push(t.elapsed());
        assert!(matches!(logged, Logged::New(_)), "{logged:?}");
    }
    println!(
        "app::log_batch (new fridge batch and its 3 reminders): {}",
        summary(&mut writes)
    );
    db.close().await;

    // Memory of a fresh process running the bot idle on this database, and on an empty
    // one for comparison.
    let empty = dir.path().join("empty.db");
    for (what, db_path) in [("an empty database", &empty), ("this database", &path)] {
        match rss_of_idle_bot(db_path, now) {
            Ok(report) => println!("resident memory, bot idle 5 s on {what}: {report}"),
            Err(e) => println!("resident memory on {what}: not measured ({e})"),
        }
    }
    println!("load average at the end: {}", load());
    if keep {
        println!("kept the database: {}", dir.keep().display());
    }
}

/// Stores `families` families of one private chat and one member each, with 10 stored
/// batches each (7 in the freezer, expressed up to 160 days ago; 3 in the fridge,
/// expressed up to 70 hours ago: every reminder is still ahead), one history event per
/// batch, and the reminders `app::reminder_rows` plans for them at `now`.
///
/// Seeding only: raw multi-row INSERTs through `db.pool()` in big transactions, because
/// the bot's own paths write one batch per transaction and would take hours here. The
/// rows are the ones those paths write.
async fn seed(db: &Db, families: i64, now: DateTime<Utc>) -> usize {
    let settings = Settings::new(chrono_tz::UTC);
    let mut rng = SplitMix(1);
    let mut reminders = 0;
    let per_tx = 5_000;
    let mut first = 1;
    while first <= families {
        let last = (first + per_tx - 1).min(families);
        let mut fam_rows = Vec::new();
        let mut chat_rows = Vec::new();
        let mut member_rows = Vec::new();
        let mut batch_rows = Vec::new();
        let mut event_rows = Vec::new();
        let mut reminder_rows = Vec::new();
        for family_id in first..=last {
            let chat = FIRST_CHAT + family_id;
            let created = now - chrono::Duration::days(200);
            fam_rows.push(vec![
                V::I(family_id),
                V::I(created.timestamp()),
                V::S("UTC"),
            ]);
            chat_rows.push(vec![
                V::I(chat),
                V::I(family_id),
                V::S("private"),
                V::I(created.timestamp()),
            ]);
            member_rows.push(vec![
                V::I(family_id),
                V::I(chat),
                V::S("Parent"),
                V::I(chat),
                V::I(created.timestamp()),
            ]);
            for k in 0..10i64 {
                let id = (family_id - 1) * 10 + k + 1;
                let (place, back) = if k < 7 {
                    (Place::Freezer, (rng.next() % (160 * 86_400)) as i64)
                } else {
                    (Place::Fridge, (rng.next() % (70 * 3_600)) as i64)
                };
                let expressed_at = now - chrono::Duration::seconds(back);
                let amount = Ml(60 + (rng.next() % 120) as u32);
                let new = NewBatch {
                    amount,
                    place,
                    expressed_at,
                    sides: Sides::default(),
                };
                let state = batch::log(new, expressed_at).expect("valid seed batch");
                let row = BatchRow {
                    id,
                    family_id,
                    version: 1,
                    logged: amount,
                    logged_place: place,
                    sides: Sides::default(),
                    state,
                    created_at: expressed_at,
                    created_by: chat,
                };
                let c = &state.clocks;
                batch_rows.push(vec![
                    V::I(id),
                    V::I(family_id),
                    V::I(amount.get().into()),
                    V::S(place.code()),
                    V::I(amount.get().into()),
                    V::S(place.code()),
                    V::S(state.status.code()),
                    V::I(c.expressed_at.timestamp()),
                    c.frozen_at.map_or(V::Null, |t| V::I(t.timestamp())),
                    V::I(c.place_since.timestamp()),
                    V::I(expressed_at.timestamp()),
                    V::I(chat),
                    V::I(chat),
                    V::I(1_000 + id),
                ]);
                event_rows.push(vec![
                    V::I(id),
                    V::I(family_id),
                    V::S("logged"),
                    V::I(expressed_at.timestamp()),
                    V::I(chat),
                    V::S("Parent"),
                    V::S(place.code()),
                    V::I(amount.get().into()),
                ]);
                for r in app::reminder_rows(&row, &settings, now) {
                    reminder_rows.push(reminder_values(r));
                }
            }
        }
        reminders += reminder_rows.len();
        let mut tx = db.pool().begin().await.expect("begin");
        insert(&mut tx, "families (id, created_at, timezone)", &fam_rows).await;
        insert(
            &mut tx,
            "chats (id, family_id, kind, created_at)",
            &chat_rows,
        )
        .await;
        insert(
            &mut tx,
            "members (family_id, user_id, name, private_chat_id, joined_at)",
            &member_rows,
        )
        .await;
        insert(
            &mut tx,
            "batches (id, family_id, logged_ml, logged_place, amount_ml, place, status, \
             expressed_at, frozen_at, place_since, created_at, created_by, origin_chat_id, \
             origin_msg_id)",
            &batch_rows,
        )
        .await;
        insert(
            &mut tx,
            "batch_events (batch_id, family_id, kind, at, actor_id, actor_name, place_to, \
             amount_ml)",
            &event_rows,
        )
        .await;
        insert(
            &mut tx,
            "reminders (key, family_id, batch_id, kind, place, due_at, urgent)",
            &reminder_rows,
        )
        .await;
        tx.commit().await.expect("commit");
        first = last + 1;
    }
    reminders
}

fn reminder_values(r: NewReminder) -> Vec<V> {
    vec![
        V::Owned(r.key),
        V::I(r.family_id),
        r.batch_id.map_or(V::Null, V::I),
        V::S(r.kind.code()),
        r.place.map_or(V::Null, |p| V::S(p.code())),
        V::I(r.due_at.timestamp()),
        V::I(i64::from(r.urgent)),
    ]
}

/// A value to bind while seeding.
enum V {
    I(i64),
    S(&'static str),
    Owned(String),
    Null,
}

/// Inserts `rows` into `table (columns)`, many rows per statement.
async fn insert(tx: &mut sqlx::Transaction<'static, sqlx::Any>, table: &str, rows: &[Vec<V>]) {
    let Some(width) = rows.first().map(Vec::len) else {
        return;
    };
    // SQLite allows 32,766 bound parameters per statement. They are anonymous `?`:
    // sqlx looks each numbered `$n` up by name, which SQLite does by walking a list, so
    // thousands of `$n` in one statement cost time quadratic in their number.
    let per_statement = (30_000 / width).max(1);
    for chunk in rows.chunks(per_statement) {
        let mut sql = format!("INSERT INTO {table} VALUES ");
        for (i, row) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            sql.push('(');
            sql.push_str(&vec!["?"; row.len()].join(","));
            sql.push(')');
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            for v in row {
                q = match v {
                    V::I(i) => q.bind(*i),
                    V::S(s) => q.bind(*s),
                    V::Owned(s) => q.bind(s.clone()),
                    V::Null => q.bind(None::<i64>),
                };
            }
        }
        q.execute(&mut **tx).await.expect("seed insert");
    }
}

// ---- memory -------------------------------------------------------------------------

/// Runs this benchmark again as a child that opens `db` and runs the bot idle, and
/// returns what it reports.
fn rss_of_idle_bot(db: &Path, now: DateTime<Utc>) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = std::process::Command::new(exe)
        .env(RSS_CHILD_DB, db)
        .env(RSS_CHILD_NOW, now.timestamp().to_string())
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if out.status.success() && !text.is_empty() {
        Ok(text)
    } else {
        Err(format!(
            "child failed: {}{}",
            text,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// The child: resident memory before, and after 5 s of the bot running idle on `db`.
async fn rss_child(db: &str) {
    let before = vm_rss_kib();
    let now = std::env::var(RSS_CHILD_NOW)
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| Utc.timestamp_opt(s, 0).single())
        .unwrap_or_else(start_time);
    let api = FakeApi::start().await;
    let clock = Clock::manual(now);
    let db_url = format!("sqlite://{db}");
    let bot = RunningBot::start(&api, &db_url, SendLimits::default(), &clock).await;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let after = vm_rss_kib();
    let sends = api
        .calls()
        .iter()
        .filter(|c| c.method == "sendmessage")
        .count();
    bot.stop().await;
    println!(
        "VmRSS {:.1} MiB (process before opening it: {:.1} MiB; messages sent meanwhile: {sends})",
        after as f64 / 1024.0,
        before as f64 / 1024.0
    );
}

fn vm_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or_default()
}

// ---- helpers ------------------------------------------------------------------------

/// "p50 … p99 … max … (n samples)".
fn summary(samples: &mut [Duration]) -> String {
    samples.sort_unstable();
    let at = |q: f64| {
        let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
        samples.get(i).copied().unwrap_or_default()
    };
    format!(
        "p50 {} p99 {} max {} ({} samples)",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0)),
        samples.len()
    )
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn file_sizes(path: &Path) -> String {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let wal = path.with_extension("db-wal");
    format!(
        "{:.1} MiB (+ WAL {:.1} MiB)",
        size(path) as f64 / 1_048_576.0,
        size(&wal) as f64 / 1_048_576.0
    )
}

/// The machine's load average, as /proc/loadavg gives it.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| {
            let parts: Vec<&str> = s.split_whitespace().take(3).collect();
            parts.join(" ")
        })
        .unwrap_or_else(|_| "unknown".into())
}

/// A small deterministic generator, so every run seeds the same data.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

//! Throughput of the whole bot: the real binary in its own process against the fake Bot
//! API on loopback, with SQLite in a temp dir and the production code paths (inbox, rate
//! limiter, storage, rendering, the send limiter). Only the sending limits are raised,
//! since the fake server is not Telegram. Run with `cargo bench --bench throughput`
//! (not in CI: it takes minutes); it prints its figures (no criterion: one run is
//! thousands of updates, and the figures that matter are rates and percentiles).
//!
//! Printed:
//! 1. the fake server's ceiling: requests per second a plain HTTP client (reqwest, as
//!    teloxide uses) gets from it on loopback, so the bot's rate reads as a ratio;
//! 2. for each number of chats, `THROUGHPUT_RUNS` runs (3 by default), each on a fresh
//!    binary and database: updates handled per second, the latency from pushing an
//!    update to the bot's reply call arriving at the fake server (p50, p99, max), CPU
//!    (user + system) of the bot process per update, its resident memory (from
//!    /proc/<pid>/status, so the benchmark's own allocations do not count); then the
//!    min / median / max of the runs and the ratio to the ceiling;
//! 3. memory per family: one binary hears from 5,000 then 50,000 distinct chats (one
//!    typed log each, in waves) and its resident memory is printed after each, idle.
//!
//! The workload: `CHATS` private chats at once, each going through `STEPS` steps, the
//! next one sent when the bot has answered the last (a parent waits for the answer):
//! typed logs, a press of a button on the bot's own batch card, /stash, and a question.
//! Settings: `THROUGHPUT_CHATS` (a list, default `50,400`), `THROUGHPUT_STEPS` (25),
//! `THROUGHPUT_RUNS` (3), `THROUGHPUT_FAMILIES` (`5000,50000`; `0` skips that part),
//! `THROUGHPUT_IN_PROCESS=1` (also runs the bot inside this process, as a profile
//! target), `THROUGHPUT_BIN` (another milkbot binary, for an A/B comparison),
//! `THROUGHPUT_SEMANTIC=off` (the binary without the sentence model: keywords alone, to see
//! what the model costs), `THROUGHPUT_ENV` (more of the binary's environment for an
//! experiment, space-separated, e.g. `TOKIO_WORKER_THREADS=1`), `THROUGHPUT_LOG` (the binary's log filter, default `warn`, e.g. `sqlx::query=debug`
//! to see its queries).

#[path = "../tests/support/fake_api/mod.rs"]
mod fake_api;

use fake_api::{Call, FakeApi};
use milkbot::clock::Clock;
use milkbot::config::{Config, SendLimits};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Telegram's limits, raised: the fake server has none and the bot is what is measured.
const LIMITS: SendLimits = SendLimits {
    per_chat_per_sec: 1000,
    per_chat_per_min: 100_000,
    per_group_per_min: 100_000,
    overall_per_sec: 100_000,
};
const LIMITS_ENV: &str = "1000,100000,100000,100000";
/// Production's per-person limit; a chat sends 25 updates, under it.
const USER_LIMIT: u32 = 30;

const QUESTIONS: [&str; 4] = [
    "how long can milk stay in the fridge",
    "can i refreeze thawed milk",
    "how do i thaw frozen milk",
    "can i mix milk from different days",
];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that is not ours means "not this one".
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args
        .iter()
        .any(|a| !a.starts_with('-') && !"throughput".contains(a.as_str()))
    {
        return;
    }
    let chat_counts = env_list("THROUGHPUT_CHATS", &[50, 400]);
    let steps = env_usize("THROUGHPUT_STEPS", 25).min(USER_LIMIT as usize);
    let runs = env_usize("THROUGHPUT_RUNS", 3).max(1);
    let families = env_list("THROUGHPUT_FAMILIES", &[5_000, 50_000]);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async move {
        println!("machine: {} cores, load average {}", cores(), loadavg());
        let ceiling = ceiling().await;
        println!(
            "fake Bot API ceiling: {ceiling:.0} sendMessage requests/s \
             (reqwest, 64 connections, loopback)"
        );
        if std::env::var("THROUGHPUT_IN_PROCESS").is_ok_and(|v| v == "1") {
            for &chats in &chat_counts {
                in_process(chats, steps, ceiling).await;
            }
        }
        for &chats in &chat_counts {
            let mut all = Vec::new();
            for run in 1..=runs {
                let figures = binary_run(chats, steps).await;
                figures.print(&format!("run {run}/{runs}, {chats} chats x {steps} steps"));
                all.push(figures);
            }
            summary(chats, &all, ceiling);
        }
        if families.iter().any(|&n| n > 0) {
            memory_per_family(&families).await;
        }
        println!("load average after: {}", loadavg());
    });
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Requests per second the fake server answers to a plain client on loopback.
async fn ceiling() -> f64 {
    let api = FakeApi::start().await;
    let client = reqwest::Client::new();
    let url = format!("{}/bot{}/SendMessage", api.url, fake_api::TOKEN);
    let body = json!({"chat_id": 1, "text": "Logged 90 ml in the fridge."}).to_string();
    let done = Arc::new(AtomicU64::new(0));
    let run = Duration::from_secs(3);
    let start = Instant::now();
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let (client, url, body, done) =
                (client.clone(), url.clone(), body.clone(), done.clone());
            tokio::spawn(async move {
                while start.elapsed() < run {
                    let ok = client
                        .post(&url)
                        .header("content-type", "application/json")
                        .body(body.clone())
                        .send()
                        .await
                        .map(|r| r.status().is_success())
                        .unwrap_or(false);
                    assert!(ok, "the fake server refused a plain request");
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for t in tasks {
        let _ = t.await;
    }
    done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64()
}

/// What one step sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Log,
    Press,
    Stash,
    Question,
    LogEarlier,
}

fn step(i: usize) -> Step {
    match i % 5 {
        0 => Step::Log,
        1 => Step::Press,
        2 => Step::Stash,
        3 => Step::Question,
        _ => Step::LogEarlier,
    }
}

/// One parent's chat during a run.
struct Parent {
    chat: Value,
    user: Value,
    next: usize,
    pushed: Option<Instant>,
    /// The bot's latest batch card: (message id, callback data of its first button).
    card: Option<(i64, String)>,
}

struct RunStats {
    updates: usize,
    wall: Duration,
    latencies: Vec<Duration>,
    by_step: HashMap<&'static str, Vec<Duration>>,
    unexpected: usize,
}

impl RunStats {
    fn rate(&self) -> f64 {
        self.updates as f64 / self.wall.as_secs_f64()
    }

    fn print(&self, label: &str) {
        let mut all = self.latencies.clone();
        all.sort();
        println!(
            "{label}: {} updates in {:.2} s = {:.0} updates/s; latency p50 {:.1} ms, \
             p99 {:.1} ms, max {:.1} ms",
            self.updates,
            self.wall.as_secs_f64(),
            self.rate(),
            ms(pct(&all, 50.0)),
            ms(pct(&all, 99.0)),
            ms(all.last().copied().unwrap_or_default()),
        );
        let mut kinds: Vec<_> = self.by_step.iter().collect();
        kinds.sort_by_key(|(k, _)| *k);
        for (kind, lat) in kinds {
            let mut lat = lat.clone();
            lat.sort();
            println!(
                "    {kind:<9} {:>5} updates, p50 {:>6.1} ms, p99 {:>6.1} ms",
                lat.len(),
                ms(pct(&lat, 50.0)),
                ms(pct(&lat, 99.0))
            );
        }
        if self.unexpected > 0 {
            println!("    {} answers were not the expected kind", self.unexpected);
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn step_name(s: Step) -> &'static str {
    match s {
        Step::Log => "log",
        Step::Press => "button",
        Step::Stash => "/stash",
        Step::Question => "question",
        Step::LogEarlier => "log 1h ago",
    }
}

/// Runs the workload against whatever bot talks to `api`: every chat sends its next
/// update when the bot has answered the previous one.
async fn drive(api: &FakeApi, first_chat: i64, chats: usize, steps: usize) -> RunStats {
    let mut tap = api.tap();
    let mut parents: Vec<Parent> = (0..chats)
        .map(|i| {
            let id = first_chat + i as i64;
            let name = format!("P{i}");
            Parent {
                chat: json!({"id": id, "type": "private", "first_name": name}),
                user: json!({"id": id, "is_bot": false, "first_name": name, "language_code": "en"}),
                next: 0,
                pushed: None,
                card: None,
            }
        })
        .collect();
    let index: HashMap<i64, usize> = (0..chats).map(|i| (first_chat + i as i64, i)).collect();
    let mut presses: HashMap<String, usize> = HashMap::new();
    let mut stats = RunStats {
        updates: 0,
        wall: Duration::ZERO,
        latencies: Vec::with_capacity(chats * steps),
        by_step: HashMap::new(),
        unexpected: 0,
    };
    let start = Instant::now();
    for (p, parent) in parents.iter_mut().enumerate() {
        send_next(api, parent, p, &mut presses);
    }
    let mut finished = 0;
    while finished < chats {
        let call = match tokio::time::timeout(Duration::from_secs(30), tap.recv()).await {
            Ok(Some(call)) => call,
            _ => panic!(
                "the bot went quiet: {} of {} updates answered",
                stats.updates,
                chats * steps
            ),
        };
        let Some(p) = owner(&call, &index, &presses) else {
            continue;
        };
        let parent = &mut parents[p];
        let Some(pushed) = parent.pushed else {
            continue;
        };
        let current = step(parent.next);
        // The reply that ends a step: the message for typed text, the answer to the press.
        let ends = match current {
            Step::Press => call.method == "answercallbackquery",
            _ => call.method == "sendmessage",
        };
        if !ends {
            continue;
        }
        if current == Step::Log && call.method == "sendmessage" {
            match (call.sent_id, call.buttons().first()) {
                (Some(id), Some((_, data))) if call.text().contains("Logged") => {
                    parent.card = Some((id, data.clone()))
                }
                _ => stats.unexpected += 1,
            }
        }
        if current == Step::Press && call.params.get("text").is_some() {
            // A note on the press means it did not do what the button says.
            stats.unexpected += 1;
        }
        let latency = call.at.saturating_duration_since(pushed);
        stats.latencies.push(latency);
        stats
            .by_step
            .entry(step_name(current))
            .or_default()
            .push(latency);
        stats.updates += 1;
        parent.pushed = None;
        parent.next += 1;
        if parent.next >= steps {
            finished += 1;
        } else {
            send_next(api, parent, p, &mut presses);
        }
    }
    stats.wall = start.elapsed();
    stats
}

fn owner(
    call: &Call,
    index: &HashMap<i64, usize>,
    presses: &HashMap<String, usize>,
) -> Option<usize> {
    if call.method == "answercallbackquery" {
        let id = call.params.get("callback_query_id")?.as_str()?;
        return presses.get(id).copied();
    }
    index.get(&call.chat_id()?).copied()
}

fn send_next(api: &FakeApi, parent: &mut Parent, p: usize, presses: &mut HashMap<String, usize>) {
    let n = parent.next;
    let amount = 50 + n;
    parent.pushed = Some(Instant::now());
    match step(n) {
        Step::Log => {
            api.send_text(&parent.chat, &parent.user, &format!("{amount} fridge"));
        }
        Step::Press => {
            let (message, data) = parent.card.clone().unwrap_or((1, "1n".into()));
            let id = api.press(&parent.chat, &parent.user, message, &data);
            presses.insert(id, p);
        }
        Step::Stash => {
            api.send_text(&parent.chat, &parent.user, "/stash");
        }
        Step::Question => {
            api.send_text(
                &parent.chat,
                &parent.user,
                QUESTIONS[n / 5 % QUESTIONS.len()],
            );
        }
        Step::LogEarlier => {
            api.send_text(
                &parent.chat,
                &parent.user,
                &format!("{amount} freezer 1h ago"),
            );
        }
    }
}

/// CPU seconds (user + system) this process has used.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after ')'.
    (ticks(11) + ticks(12)) / 100.0
}

async fn in_process(chats: usize, steps: usize, ceiling: f64) {
    let api = FakeApi::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config {
        token: fake_api::TOKEN.to_owned(),
        api_url: Some(api.url.parse().expect("url")),
        database_url: format!("sqlite://{}", dir.path().join("milkbot.db").display()),
        default_tz: chrono_tz::UTC,
        limits: LIMITS,
        poll_timeout: Duration::from_secs(10),
        request_timeout: milkbot::config::REQUEST_TIMEOUT,
        user_actions_per_minute: USER_LIMIT,
        mode: milkbot::config::Mode::Polling,
        health_addr: None,
        reminder_lease: Duration::from_secs(120),
        storage_give_up: chrono::Duration::minutes(15),
        stt: None,
        webapp: None,
        semantic: true,
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bot = tokio::spawn(milkbot::startup::run(config, Clock::system(), async move {
        let _ = stopped.await;
    }));
    api.wait_from(0, Duration::from_secs(30), |c| c.method == "setmycommands")
        .await;
    println!(
        "in-process bot: sending limits raised to {LIMITS_ENV} (per chat/s, per chat/min, \
         per group/min, overall/s); per-person limit {USER_LIMIT}/min as in production"
    );
    // Warm-up: connections, the guidance index, SQLite's page cache.
    let warm = drive(&api, 1_000_000, 20, 5).await;
    println!(
        "warm-up: {} updates, {:.0} updates/s",
        warm.updates,
        warm.rate()
    );

    let pid = std::process::id();
    let cpu_before = cpu_seconds(pid);
    let stats = drive(&api, 2_000_000, chats, steps).await;
    let cpu = cpu_seconds(pid) - cpu_before;
    stats.print(&format!("in-process, {chats} chats x {steps} steps"));
    println!(
        "    = {:.1}% of the fake server's ceiling; {:.2} ms CPU per update \
         (bot + fake server + driver, one process)",
        100.0 * stats.rate() / ceiling,
        1000.0 * cpu / stats.updates as f64,
    );
    let _ = stop.send(());
    match tokio::time::timeout(Duration::from_secs(10), bot).await {
        Ok(Ok(Ok(()))) => {}
        other => println!("the in-process bot did not stop cleanly: {other:?}"),
    }
}

/// VmRSS and VmHWM of `pid`, in MiB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kib = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kib("VmRSS:") / 1024.0, kib("VmHWM:") / 1024.0)
}

/// The milkbot binary under test: this build's, or `THROUGHPUT_BIN`.
fn binary_path() -> String {
    std::env::var("THROUGHPUT_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_milkbot").into())
}

/// The release binary running against `api`, on a fresh database in `dir`.
struct Running {
    child: tokio::process::Child,
    pid: u32,
}

async fn start_binary(api: &FakeApi, dir: &std::path::Path) -> Running {
    let mut command = tokio::process::Command::new(binary_path());
    command.env_clear();
    // Extra settings for an experiment, e.g. `THROUGHPUT_ENV="TOKIO_WORKER_THREADS=1"`.
    for pair in std::env::var("THROUGHPUT_ENV")
        .unwrap_or_default()
        .split_whitespace()
    {
        if let Some((key, value)) = pair.split_once('=') {
            command.env(key, value);
        }
    }
    let child = command
        .current_dir(dir)
        .env("TELOXIDE_TOKEN", fake_api::TOKEN)
        .env("TELOXIDE_API_URL", &api.url)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("milkbot.db").display()),
        )
        .env("MILKBOT_SEND_LIMITS", LIMITS_ENV)
        .env("MILKBOT_USER_LIMIT", USER_LIMIT.to_string())
        .env(
            "MILKBOT_SEMANTIC",
            std::env::var("THROUGHPUT_SEMANTIC").unwrap_or_else(|_| "on".into()),
        )
        .env(
            "MILKBOT_LOG",
            std::env::var("THROUGHPUT_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("start the milkbot binary");
    let pid = child.id().expect("running");
    api.wait_from(0, Duration::from_secs(30), |c| c.method == "setmycommands")
        .await;
    Running { child, pid }
}

impl Running {
    async fn stop(mut self) {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status();
        match tokio::time::timeout(Duration::from_secs(10), self.child.wait()).await {
            Ok(Ok(status)) if status.success() => {}
            other => println!("the binary did not stop cleanly: {other:?}"),
        }
    }
}

/// What one run of the workload measured.
struct Figures {
    stats: RunStats,
    cpu_ms_per_update: f64,
    idle_mib: f64,
    after_mib: f64,
    peak_mib: f64,
}

impl Figures {
    fn p(&self, p: f64) -> f64 {
        let mut all = self.stats.latencies.clone();
        all.sort();
        ms(pct(&all, p))
    }

    fn print(&self, label: &str) {
        self.stats.print(label);
        println!(
            "    {:.2} ms CPU per update in the bot process; VmRSS idle {:.1} MiB, \
             after {:.1} MiB, peak {:.1} MiB",
            self.cpu_ms_per_update, self.idle_mib, self.after_mib, self.peak_mib
        );
    }
}

/// One run on a fresh binary and database: a warm-up, then the workload.
async fn binary_run(chats: usize, steps: usize) -> Figures {
    let api = FakeApi::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = start_binary(&api, dir.path()).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (idle_mib, _) = memory(bot.pid);
    // Warm-up: connections, the guidance index, SQLite's page cache.
    drive(&api, 1_000_000, 20, 5).await;
    let cpu_before = cpu_seconds(bot.pid);
    let stats = drive(&api, 3_000_000, chats, steps).await;
    let cpu = cpu_seconds(bot.pid) - cpu_before;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (after_mib, peak_mib) = memory(bot.pid);
    bot.stop().await;
    Figures {
        cpu_ms_per_update: 1000.0 * cpu / stats.updates as f64,
        stats,
        idle_mib,
        after_mib,
        peak_mib,
    }
}

/// Min, median and max of `values`.
fn spread(mut values: Vec<f64>) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    (values[0], values[n / 2], values[n - 1])
}

fn summary(chats: usize, runs: &[Figures], ceiling: f64) {
    let line = |name: &str, unit: &str, of: &dyn Fn(&Figures) -> f64| {
        let (min, med, max) = spread(runs.iter().map(of).collect());
        println!("    {name:<22} min {min:>8.2}  median {med:>8.2}  max {max:>8.2} {unit}");
    };
    println!(
        "{chats} chats, {} runs (binary, release; load average now {}):",
        runs.len(),
        loadavg()
    );
    line("updates/s", "", &|f| f.stats.rate());
    line("latency p50", "ms", &|f| f.p(50.0));
    line("latency p99", "ms", &|f| f.p(99.0));
    line("CPU per update", "ms", &|f| f.cpu_ms_per_update);
    line("peak VmRSS", "MiB", &|f| f.peak_mib);
    line("idle VmRSS at start", "MiB", &|f| f.idle_mib);
    let (_, median, _) = spread(runs.iter().map(|f| f.stats.rate()).collect());
    println!(
        "    ratio: median {median:.0} updates/s against the fake server's ceiling of \
         {ceiling:.0} requests/s = {:.1}%",
        100.0 * median / ceiling
    );
}

/// Resident memory after `targets` distinct chats (e.g. 5,000 then 50,000), each
/// sending one typed log (a first contact: a new family), in waves of [`WAVE`] chats.
async fn memory_per_family(targets: &[usize]) {
    const WAVE: usize = 500;
    let api = FakeApi::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = start_binary(&api, dir.path()).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (idle, _) = memory(bot.pid);
    println!("memory per family (binary, release): VmRSS idle after start {idle:.1} MiB");
    let mut seen = 0;
    let mut figures = Vec::new();
    let start = Instant::now();
    for &target in targets {
        while seen < target {
            let wave = WAVE.min(target - seen);
            drive(&api, 10_000_000 + seen as i64, wave, 1).await;
            seen += wave;
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (rss, peak) = memory(bot.pid);
        let mib = |name: &str| {
            let bytes = std::fs::metadata(dir.path().join(name)).map_or(0, |m| m.len());
            bytes as f64 / (1024.0 * 1024.0)
        };
        println!(
            "    after {seen} distinct chats ({:.0} s): VmRSS {rss:.1} MiB \
             (peak VmHWM {peak:.1} MiB); database {:.1} MiB, WAL {:.1} MiB",
            start.elapsed().as_secs_f64(),
            mib("milkbot.db"),
            mib("milkbot.db-wal"),
        );
        figures.push((seen, rss));
    }
    if let [(first, a), .., (last, b)] = figures[..] {
        println!(
            "    growth from {first} to {last} chats: {:.1} MiB ({:.2} KiB per chat; \
             target: within 10 MiB)",
            b - a,
            (b - a) * 1024.0 / (last - first) as f64
        );
    }
    bot.stop().await;
}

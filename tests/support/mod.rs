//! Test harness: the real bot, in-process, against the fake Bot API, with a manual
//! clock and its own fresh database (SQLite, or PostgreSQL when `MILKBOT_TEST_POSTGRES`
//! names a server: see `milkbot::storage::testing`); and chats that talk to it like
//! parents do.

#![allow(dead_code)]

pub mod binary;
pub mod board;
pub mod fake_api;
pub mod fake_stt;
pub mod webdriver;

use chrono::{DateTime, TimeZone, Utc};
use fake_api::{Call, FakeApi};
use milkbot::activity::Activity;
use milkbot::clock::Clock;
use milkbot::config::{Config, SendLimits};
use milkbot::storage::testing::TestDb;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::sync::oneshot;

/// Held for its whole run by each test whose assertions need the CPU (throughput and
/// latency bounds, several bot processes at once), so that such tests never share the
/// machine with one another; the rest of the suite runs beside them in the other test
/// threads (`RUST_TEST_THREADS` in `.cargo/config.toml`).
pub async fn heavy() -> tokio::sync::MutexGuard<'static, ()> {
    static HEAVY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    HEAVY.lock().await
}

/// How long a test waits for the bot to do something before failing.
pub const WAIT: Duration = Duration::from_secs(10);

/// A fixed starting time for tests: Tuesday 10 March 2026, 09:00 UTC.
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 9, 0, 0).unwrap()
}

pub struct TestBot {
    pub api: FakeApi,
    pub clock: Clock,
    pub db_url: String,
    running: Option<Running>,
    adjusted: Option<Config>,
    /// The database as `idle` reads it, opened on first use.
    probe_db: tokio::sync::OnceCell<milkbot::storage::Db>,
    /// Removes the database when the test ends. Declared last, so it is dropped after
    /// `running`, whose dropped stop signal asks a still-running bot to shut down.
    test_db: TestDb,
}

struct Running {
    stop: oneshot::Sender<()>,
    /// What the bot has in hand (see `TestBot::idle`).
    activity: Activity,
    handle: tokio::task::JoinHandle<Result<(), milkbot::startup::AppError>>,
}

impl TestBot {
    /// A fake API, a fresh database and the bot running against them.
    pub async fn start() -> TestBot {
        Self::start_with(|_| {}).await
    }

    /// The same, with the bot's configuration adjusted first.
    pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> TestBot {
        if let Ok(filter) = std::env::var("MILKBOT_TEST_LOG") {
            milkbot::logging::init(&filter, vec![]);
        }
        // The bot matches English questions by meaning once its model has loaded (in the
        // background, once per process: every bot of this test process shares it). Waiting
        // for it here makes every answer the same from the first question.
        tokio::task::spawn_blocking(milkbot::embedding::wait)
            .await
            .expect("loading the model does not panic");
        let api = FakeApi::start().await;
        let test_db = TestDb::create().await.expect("a fresh test database");
        let mut bot = TestBot {
            api,
            clock: Clock::manual(start_time()),
            db_url: test_db.url().to_owned(),
            running: None,
            adjusted: None,
            probe_db: tokio::sync::OnceCell::new(),
            test_db,
        };
        let mut config = bot.config();
        adjust(&mut config);
        bot.adjusted = Some(config);
        bot.launch().await;
        bot
    }

    pub fn config(&self) -> Config {
        Config {
            token: fake_api::TOKEN.to_owned(),
            api_url: Some(self.api.url.parse().expect("fake API url")),
            database_url: self.db_url.clone(),
            default_tz: chrono_tz::UTC,
            // Tests talk fast; production keeps Telegram's limits.
            limits: SendLimits {
                per_chat_per_sec: 1000,
                per_chat_per_min: 100_000,
                per_group_per_min: 100_000,
                overall_per_sec: 1000,
            },
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
        }
    }

    async fn launch(&mut self) {
        let (stop, stopped) = oneshot::channel::<()>();
        let config = self.adjusted.clone().unwrap_or_else(|| self.config());
        let clock = self.clock.clone();
        let from = self.api.call_count();
        let activity = Activity::default();
        let handle = tokio::spawn(milkbot::startup::run_observed(
            config,
            clock,
            activity.clone(),
            async move {
                let _ = stopped.await;
            },
        ));
        self.running = Some(Running {
            stop,
            activity,
            handle,
        });
        // Started once the command menu is registered.
        self.api
            .wait_from(from, WAIT, |c| c.method == "setmycommands")
            .await;
    }

    /// Waits until the bot is idle: every update pushed to the fake API taken (confirmed
    /// by a later getUpdates, so stored and handed out), none in hand, none due for a
    /// retry in the inbox, and the scheduler asleep with nothing due and nothing written
    /// since it last looked. Every send is awaited by a handler or a scheduler round, so
    /// nothing is in flight either. After this, "nothing more was sent" is a check that
    /// fails when the bot did send. Panics after `WAIT` if the bot stays busy.
    pub async fn idle(&self) {
        let activity = &self.running.as_ref().expect("the bot runs").activity;
        let db = self
            .probe_db
            .get_or_init(|| async {
                milkbot::storage::Db::open(&self.db_url)
                    .await
                    .expect("open test db")
            })
            .await;
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            // In the order an update goes: taken from the API, in hand, then done (and
            // any reminder it wrote is the scheduler's).
            let untaken = self.api.pending_updates();
            let now = self.clock.now();
            let in_hand = activity.updates_in_hand();
            let scheduler_idle = activity.scheduler_idle(now);
            if untaken == 0 && in_hand == 0 && scheduler_idle {
                let due = db.inbox_due_count(now).await.expect("read the inbox");
                if due == 0 {
                    return;
                }
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the bot is not idle after {WAIT:?}: {untaken} updates not taken, {in_hand} \
                 in hand, scheduler idle: {scheduler_idle}"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// Stops the bot the way SIGTERM does and waits until it has finished.
    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            let _ = running.stop.send(());
            tokio::time::timeout(WAIT, running.handle)
                .await
                .expect("bot stopped in time")
                .expect("bot task did not panic")
                .expect("bot stopped cleanly");
        }
    }

    /// Waits for the bot to end by itself (without being asked to stop), and returns how
    /// it ended.
    pub async fn exited(&mut self, within: Duration) -> Result<(), milkbot::startup::AppError> {
        let running = self.running.take().expect("the bot runs");
        let (stop, handle) = (running.stop, running.handle);
        let result = tokio::time::timeout(within, handle)
            .await
            .expect("the bot ended in time")
            .expect("bot task did not panic");
        drop(stop);
        result
    }

    /// Starts the bot again after it ended by itself.
    pub async fn relaunch(&mut self) {
        assert!(self.running.is_none(), "the bot still runs");
        self.launch().await;
    }

    /// Stops the bot if it runs, and starts it again on the same database.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.launch().await;
    }

    pub fn private(&self, user_id: i64, name: &str) -> TestChat<'_> {
        let user = user(user_id, name);
        let chat = json!({"id": user_id, "type": "private", "first_name": name});
        TestChat::new(self, chat, user)
    }

    pub fn group(&self, chat_id: i64, title: &str, user_id: i64, name: &str) -> TestChat<'_> {
        let chat = json!({"id": chat_id, "type": "group", "title": title});
        TestChat::new(self, chat, user(user_id, name))
    }

    /// A chat with any JSON (e.g. a supergroup after migration), as `user_id`.
    pub fn chat(&self, chat: Value, user_id: i64, name: &str) -> TestChat<'_> {
        TestChat::new(self, chat, user(user_id, name))
    }

    /// Opens the bot's database directly (to check what is stored).
    pub async fn db(&self) -> milkbot::storage::Db {
        milkbot::storage::Db::open(&self.db_url)
            .await
            .expect("open test db")
    }
}

pub fn user(id: i64, name: &str) -> Value {
    json!({"id": id, "is_bot": false, "first_name": name, "language_code": "en"})
}

/// One person in one chat, with separate read positions for the bot's messages,
/// edits and button answers in that chat.
pub struct TestChat<'a> {
    pub bot: &'a TestBot,
    pub chat: Value,
    pub user: Value,
    sent_cursor: usize,
    edit_cursor: usize,
    answer_cursor: usize,
    callbacks: Vec<String>,
}

impl<'a> TestChat<'a> {
    fn new(bot: &'a TestBot, chat: Value, user: Value) -> TestChat<'a> {
        let now = bot.api.call_count();
        TestChat {
            bot,
            chat,
            user,
            sent_cursor: now,
            edit_cursor: now,
            answer_cursor: now,
            callbacks: Vec::new(),
        }
    }

    pub fn id(&self) -> i64 {
        self.chat["id"].as_i64().unwrap_or_default()
    }

    /// Skips everything the bot did so far (e.g. answers to someone else in a group).
    pub fn catch_up(&mut self) {
        let now = self.bot.api.call_count();
        self.sent_cursor = now;
        self.edit_cursor = now;
        self.answer_cursor = now;
    }

    /// Where this chat's reading of new bot messages stands (an index into all calls).
    pub fn sent_cursor(&self) -> usize {
        self.sent_cursor
    }

    /// The person uses Telegram in this language (`language_code`, e.g. "es").
    pub fn speaking(mut self, language_code: &str) -> TestChat<'a> {
        self.user["language_code"] = json!(language_code);
        self
    }

    /// The same chat, as another person in it.
    pub fn as_user(&self, user_id: i64, name: &str) -> TestChat<'a> {
        let mut other = TestChat::new(self.bot, self.chat.clone(), user(user_id, name));
        other.sent_cursor = self.sent_cursor;
        other.edit_cursor = self.edit_cursor;
        other.answer_cursor = self.answer_cursor;
        other
    }

    /// Sends a text and returns the message id it got.
    pub fn send(&self, text: &str) -> i64 {
        self.bot.api.send_text(&self.chat, &self.user, text)
    }

    /// Sends a message without text (a location, a sticker, ...): `fields` go into the
    /// message in place of the text. Waits for the bot's next message in this chat.
    pub async fn share(&mut self, fields: Value) -> Call {
        self.share_silently(fields);
        self.next_message().await
    }

    /// Sends a message without text, like [`TestChat::share`], without waiting for an
    /// answer (for one the bot is to leave alone).
    pub fn share_silently(&self, fields: Value) {
        let mut update = self.bot.api.text_update(&self.chat, &self.user, "");
        if let (Some(message), Some(extra)) =
            (update["message"].as_object_mut(), fields.as_object())
        {
            message.remove("text");
            message.extend(extra.clone());
        }
        self.bot.api.push(update);
    }

    /// Sends a text and waits for the bot's next message in this chat.
    pub async fn say(&mut self, text: &str) -> Call {
        self.send(text);
        self.next_message().await
    }

    /// The bot's next new message (text, photo or document) in this chat.
    pub async fn next_message(&mut self) -> Call {
        let chat = self.id();
        let (i, call) = self
            .bot
            .api
            .wait_from(self.sent_cursor, WAIT, |c| {
                matches!(
                    c.method.as_str(),
                    "sendmessage" | "sendphoto" | "senddocument"
                ) && c.chat_id() == Some(chat)
                    && c.succeeded()
            })
            .await;
        self.sent_cursor = i + 1;
        call
    }

    /// Waits until the bot is idle (see [`TestBot::idle`]), then asserts that it sent
    /// nothing to this chat that the chat has not read yet.
    pub async fn nothing_more(&self) {
        self.bot.idle().await;
        let id = self.id();
        let extra: Vec<String> = self
            .bot
            .api
            .calls()
            .into_iter()
            .skip(self.sent_cursor)
            .filter(|c| {
                matches!(
                    c.method.as_str(),
                    "sendmessage" | "sendphoto" | "senddocument"
                ) && c.chat_id() == Some(id)
                    && c.succeeded()
            })
            .map(|c| c.text().to_owned())
            .collect();
        assert!(extra.is_empty(), "unexpected messages: {extra:?}");
    }

    /// The bot's next edit of one of its messages in this chat.
    pub async fn next_edit(&mut self) -> Call {
        let chat = self.id();
        let (i, call) = self
            .bot
            .api
            .wait_from(self.edit_cursor, WAIT, |c| {
                c.method.starts_with("editmessage") && c.chat_id() == Some(chat) && c.succeeded()
            })
            .await;
        self.edit_cursor = i + 1;
        call
    }

    /// The bot's next answer to a button press made from this chat.
    pub async fn next_answer(&mut self) -> Call {
        let ids = self.callbacks.clone();
        let (i, call) = self
            .bot
            .api
            .wait_from(self.answer_cursor, WAIT, |c| {
                c.method == "answercallbackquery"
                    && c.params["callback_query_id"]
                        .as_str()
                        .is_some_and(|id| ids.iter().any(|x| x == id))
            })
            .await;
        self.answer_cursor = i + 1;
        call
    }

    /// The bot's answer to the button press with callback id `id`.
    pub async fn answer_to(&self, id: &str) -> Call {
        let (_, call) = self
            .bot
            .api
            .wait_from(0, WAIT, |c| {
                c.method == "answercallbackquery" && c.params["callback_query_id"] == id
            })
            .await;
        call
    }

    /// The note (toast text) of the bot's answer to press `id`, or "" when silent.
    pub async fn note_for(&self, id: &str) -> String {
        self.answer_to(id).await.params["text"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    /// Presses the button whose label contains `label` on message `message_id`, as the
    /// message looks now. Panics if there is no such button.
    pub fn tap(&mut self, message_id: i64, label: &str) -> String {
        let data = self.button_data(message_id, label);
        self.press_data(message_id, &data)
    }

    /// Presses a button with raw callback data (which may be forged).
    pub fn press_data(&mut self, message_id: i64, data: &str) -> String {
        let id = self.bot.api.press(&self.chat, &self.user, message_id, data);
        self.callbacks.push(id.clone());
        id
    }

    /// The callback data of the button labelled `label` on a message.
    pub fn button_data(&self, message_id: i64, label: &str) -> String {
        let buttons = self.buttons(message_id);
        buttons
            .iter()
            .find(|(text, _)| text.contains(label))
            .map(|(_, data)| data.clone())
            .unwrap_or_else(|| panic!("no button '{label}' on message {message_id}: {buttons:?}"))
    }

    pub fn buttons(&self, message_id: i64) -> Vec<(String, String)> {
        let message = self
            .bot
            .api
            .message(self.id(), message_id)
            .unwrap_or_else(|| panic!("message {message_id} not found"));
        fake_api::inline_buttons(message.get("reply_markup"))
    }

    /// The text a message shows now (after any edits).
    pub fn text_of(&self, message_id: i64) -> String {
        self.bot
            .api
            .message(self.id(), message_id)
            .and_then(|m| m.get("text").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_default()
    }
}

//! A fake Telegram Bot API server on 127.0.0.1: a real HTTP server speaking the Bot API's
//! JSON, for driving the real bot in tests.
//!
//! Tests push updates (messages, button presses, inline queries) that the bot fetches
//! with `getUpdates`, and read back every call the bot made. Faults (429, 5xx, 403,
//! slow answers, group migration) can be injected per method and chat. Telegram's own
//! sending limits can be switched on ([`FakeApi::enforce_telegram_limits`]): sends over
//! them are answered 429 and counted.

#![allow(dead_code)]

use axum::Router;
use axum::routing::any;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::Notify;

pub const BOT_ID: i64 = 7_000_001;
pub const BOT_USERNAME: &str = "milk_test_bot";

mod call;
mod limits;
mod server;

// What tests read; a bench that includes this module uses less of it.
#[allow(unused_imports)]
pub use call::{Call, inline_buttons};
use limits::Limiter;
#[allow(unused_imports)]
pub use server::shown_len;
use server::{download, handle, remember_chats};

/// A fault to answer with instead of (or before) the normal answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// 429 with `retry_after` seconds.
    TooManyRequests(u32),
    /// A 5xx status.
    ServerError(u16),
    /// 403 with this description, e.g. "Forbidden: bot was blocked by the user".
    Forbidden(String),
    /// 400 "group chat was upgraded to a supergroup chat" with the new id.
    Migrate(i64),
    BadRequest(String),
    /// Do the work at once (a message is sent, an edit made), but answer only after this
    /// long, as Telegram does when its answer is slow: a client that gives up waiting
    /// never learns that its message went out (see [`FakeApi::abandoned`]).
    Delay(Duration),
}

#[derive(Debug, Clone)]
struct FaultRule {
    method: Option<String>,
    chat: Option<i64>,
    /// How many more calls it applies to; None = until cleared.
    remaining: Option<usize>,
    fault: Fault,
}

#[derive(Default)]
struct Inner {
    next_update_id: i64,
    /// Updates not yet confirmed by an offset: (update id, the JSON as sent). Kept as text
    /// so a test can queue JSON no client could read (see [`FakeApi::push_raw`]).
    queue: Vec<(i64, String)>,
    /// The highest offset the bot has sent (updates below it are confirmed).
    confirmed: i64,
    calls: Vec<Call>,
    next_message_id: HashMap<i64, i64>,
    chats: HashMap<i64, Value>,
    /// The last state of every message, by (chat, message id).
    messages: HashMap<(i64, i64), Value>,
    faults: Vec<FaultRule>,
    next_callback: u64,
    /// Chat member status by (chat, user), for getChatMember.
    members: HashMap<(i64, i64), String>,
    /// Listeners that get a copy of every recorded call (see [`FakeApi::tap`]).
    taps: Vec<tokio::sync::mpsc::UnboundedSender<Call>>,
    /// Every fault served, by method, when it was decided.
    served: Vec<(String, Fault)>,
    /// The methods of slow answers the client stopped waiting for (it dropped the
    /// request while the answer was held back), in order.
    abandoned: Vec<String>,
    /// Telegram's sending limits, when a test switched them on.
    limits: Option<Limiter>,
    /// Files the bot may fetch (`getFile`, then the download): file id → (path, bytes).
    files: HashMap<String, (String, Vec<u8>)>,
}

struct Shared {
    token: String,
    inner: Mutex<Inner>,
    new_update: Notify,
    new_call: Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The running fake server. Dropping it stops the server.
pub struct FakeApi {
    pub url: String,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

pub const TOKEN: &str = "123456:TEST-token_for-the-fake-api";

/// Serves `app` on a free port of 127.0.0.1: its base URL and the server task.
pub async fn serve_local(app: Router) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a local port");
    let addr = listener.local_addr().expect("local addr");
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), server)
}

impl FakeApi {
    pub async fn start() -> FakeApi {
        Self::start_with_token(TOKEN).await
    }

    /// The bot token this server accepts.
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    pub async fn start_with_token(token: &str) -> FakeApi {
        let shared = Arc::new(Shared {
            token: token.to_owned(),
            inner: Mutex::new(Inner {
                next_update_id: 1,
                ..Inner::default()
            }),
            new_update: Notify::new(),
            new_call: Notify::new(),
        });
        let app = Router::new()
            .route("/{bot}/{method}", any(handle))
            .route("/file/{bot}/{*path}", any(download))
            .with_state(shared.clone());
        let (url, server) = serve_local(app).await;
        FakeApi {
            url,
            shared,
            server,
        }
    }

    // ---- updates -------------------------------------------------------------

    /// Queues an update (its `update_id` is assigned here) and returns the id.
    pub fn push(&self, mut update: Value) -> i64 {
        let id = {
            let mut inner = self.shared.lock();
            let id = match update.get("update_id").and_then(Value::as_i64) {
                Some(id) => id,
                None => {
                    let id = inner.next_update_id;
                    inner.next_update_id += 1;
                    id
                }
            };
            update["update_id"] = json!(id);
            remember_chats(&mut inner, &update);
            inner.queue.push((id, update.to_string()));
            id
        };
        self.shared.new_update.notify_waiters();
        id
    }

    /// Queues an update given as raw JSON text, sent exactly as written (it may be JSON
    /// that a client cannot read, such as a lone UTF-16 surrogate or very deep nesting).
    /// `update_id` must be the id written in it; the next assigned ids follow it.
    pub fn push_raw(&self, update_id: i64, json_text: &str) {
        {
            let mut inner = self.shared.lock();
            inner.next_update_id = inner.next_update_id.max(update_id.saturating_add(1));
            inner.queue.push((update_id, json_text.to_owned()));
        }
        self.shared.new_update.notify_waiters();
    }

    /// The id the next pushed update gets.
    pub fn next_update_id(&self) -> i64 {
        self.shared.lock().next_update_id
    }

    /// A text message from `user` in `chat`. Returns the message id.
    pub fn send_text(&self, chat: &Value, user: &Value, text: &str) -> i64 {
        let update = self.text_update(chat, user, text);
        let message_id = update["message"]["message_id"].as_i64().unwrap_or_default();
        self.push(update);
        message_id
    }

    /// The update for a text message, with its ids assigned, without queueing it (for
    /// posting to a webhook).
    pub fn text_update(&self, chat: &Value, user: &Value, text: &str) -> Value {
        let chat_id = chat["id"].as_i64().unwrap_or_default();
        let message_id = self.next_message_id(chat_id);
        let mut message = json!({
            "message_id": message_id,
            "date": unix_now(),
            "chat": chat,
            "from": user,
            "text": text,
        });
        if text.starts_with('/') {
            let len = text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .encode_utf16()
                .count();
            message["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
        }
        self.remember_message(chat_id, message_id, message.clone());
        let update_id = {
            let mut inner = self.shared.lock();
            let id = inner.next_update_id;
            inner.next_update_id += 1;
            inner.chats.insert(chat_id, chat.clone());
            id
        };
        json!({ "update_id": update_id, "message": message })
    }

    /// A reply from `user` to the bot's message `reply_to` in `chat`.
    pub fn send_reply(&self, chat: &Value, user: &Value, reply_to: i64, text: &str) -> i64 {
        let chat_id = chat["id"].as_i64().unwrap_or_default();
        let message_id = self.next_message_id(chat_id);
        let original = self
            .message(chat_id, reply_to)
            .unwrap_or_else(|| json!({"message_id": reply_to, "date": unix_now(), "chat": chat}));
        let message = json!({
            "message_id": message_id,
            "date": unix_now(),
            "chat": chat,
            "from": user,
            "text": text,
            "reply_to_message": original,
        });
        self.remember_message(chat_id, message_id, message.clone());
        self.push(json!({ "message": message }));
        message_id
    }

    /// A press of an inline button with `data` on the bot's message `message_id`.
    /// Returns the callback query id.
    pub fn press(&self, chat: &Value, user: &Value, message_id: i64, data: &str) -> String {
        let chat_id = chat["id"].as_i64().unwrap_or_default();
        let message = self.message(chat_id, message_id).unwrap_or_else(|| {
            json!({
                "message_id": message_id,
                "date": unix_now(),
                "chat": chat,
                "from": bot_user(),
                "text": "…",
            })
        });
        let id = {
            let mut inner = self.shared.lock();
            inner.next_callback += 1;
            format!("cb{}", inner.next_callback)
        };
        self.push(json!({
            "callback_query": {
                "id": id,
                "from": user,
                "chat_instance": format!("ci{chat_id}"),
                "message": message,
                "data": data,
            }
        }));
        id
    }

    /// An inline query (`@bot query` typed in any chat). Returns its id.
    pub fn inline_query(&self, user: &Value, query: &str) -> String {
        let id = {
            let mut inner = self.shared.lock();
            inner.next_callback += 1;
            format!("iq{}", inner.next_callback)
        };
        self.push(json!({
            "inline_query": { "id": id, "from": user, "query": query, "offset": "" }
        }));
        id
    }

    /// The bot's own membership in `chat` changed from `old` to `new` status
    /// ("member", "left", "kicked", "administrator"), by `by`.
    pub fn bot_status(&self, chat: &Value, by: &Value, old: &str, new: &str) -> i64 {
        let member = |status: &str| {
            let mut m = json!({"status": status, "user": bot_user()});
            if status == "kicked" {
                m["until_date"] = json!(0);
            }
            m
        };
        self.push(json!({
            "my_chat_member": {
                "chat": chat,
                "from": by,
                "date": unix_now(),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            }
        }))
    }

    /// The group `old` becomes supergroup `new_id`: the two service messages Telegram
    /// sends (one in each chat). Returns the new chat.
    pub fn migrate(&self, old: &Value, new_id: i64, by: &Value) -> Value {
        let old_id = old["id"].as_i64().unwrap_or_default();
        let new_chat = json!({"id": new_id, "type": "supergroup", "title": old["title"].clone()});
        let old_msg = self.next_message_id(old_id);
        self.push(json!({"message": {
            "message_id": old_msg, "date": unix_now(), "chat": old, "from": by,
            "migrate_to_chat_id": new_id,
        }}));
        let new_msg = self.next_message_id(new_id);
        self.push(json!({"message": {
            "message_id": new_msg, "date": unix_now(), "chat": new_chat, "from": by,
            "migrate_from_chat_id": old_id,
        }}));
        new_chat
    }

    /// Confirmed updates are those below the highest offset the bot asked for.
    pub fn confirmed_offset(&self) -> i64 {
        self.shared.lock().confirmed
    }

    pub fn pending_updates(&self) -> usize {
        self.shared.lock().queue.len()
    }

    // ---- files -------------------------------------------------------------------

    /// A voice note of `audio` lasting `seconds` that the bot can fetch with getFile and
    /// download (as `/file/bot<token>/voice/<file_id>.oga`). Returns the message's
    /// `voice` field; its `file_size` is the true size (a test may change it).
    pub fn add_voice(&self, file_id: &str, audio: &[u8], seconds: u32) -> Value {
        let path = format!("voice/{file_id}.oga");
        self.shared
            .lock()
            .files
            .insert(file_id.to_owned(), (path, audio.to_vec()));
        json!({
            "file_id": file_id,
            "file_unique_id": format!("u{file_id}"),
            "duration": seconds,
            "mime_type": "audio/ogg",
            "file_size": audio.len(),
        })
    }

    /// How many files the bot downloaded (calls to the file route, recorded as `file`).
    pub fn downloads(&self) -> usize {
        self.calls().iter().filter(|c| c.method == "file").count()
    }

    // ---- chats and messages ---------------------------------------------------

    pub fn set_member_status(&self, chat_id: i64, user_id: i64, status: &str) {
        self.shared
            .lock()
            .members
            .insert((chat_id, user_id), status.to_owned());
    }

    fn next_message_id(&self, chat_id: i64) -> i64 {
        let mut inner = self.shared.lock();
        let next = inner.next_message_id.entry(chat_id).or_insert(1);
        let id = *next;
        *next += 1;
        id
    }

    fn remember_message(&self, chat_id: i64, message_id: i64, message: Value) {
        self.shared
            .lock()
            .messages
            .insert((chat_id, message_id), message);
    }

    /// The latest state of a message, as the bot last left it.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        self.shared
            .lock()
            .messages
            .get(&(chat_id, message_id))
            .cloned()
    }

    // ---- calls -------------------------------------------------------------------

    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    /// Every call recorded from now on, as it is recorded: for a watcher that follows
    /// many chats at once without rescanning the whole list.
    pub fn tap(&self) -> tokio::sync::mpsc::UnboundedReceiver<Call> {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        self.shared.lock().taps.push(tx);
        rx
    }

    pub fn call_count(&self) -> usize {
        self.shared.lock().calls.len()
    }

    /// Waits for the first call at index `from` or later that matches `pred`; returns
    /// its index and the call. Panics after `timeout` with the calls seen.
    pub async fn wait_from(
        &self,
        from: usize,
        timeout: Duration,
        pred: impl Fn(&Call) -> bool,
    ) -> (usize, Call) {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.new_call.notified();
            {
                let inner = self.shared.lock();
                if let Some((i, c)) = inner
                    .calls
                    .iter()
                    .enumerate()
                    .skip(from)
                    .find(|(_, c)| pred(c))
                {
                    return (i, c.clone());
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let inner = self.shared.lock();
                let seen: Vec<String> = inner
                    .calls
                    .iter()
                    .skip(from)
                    .map(|c| format!("{} {}", c.method, c.params))
                    .collect();
                panic!(
                    "no matching call within {timeout:?}; calls since #{from}:\n{}",
                    seen.join("\n")
                );
            }
        }
    }

    /// Waits until `pred` holds for the list of all calls.
    pub async fn wait_until(&self, timeout: Duration, pred: impl Fn(&[Call]) -> bool) {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.new_call.notified();
            if pred(&self.shared.lock().calls) {
                return;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                if pred(&self.shared.lock().calls) {
                    return;
                }
                panic!("condition not met within {timeout:?}");
            }
        }
    }

    // ---- faults ------------------------------------------------------------------

    /// Answers the next `times` calls of `method` (any when None) to `chat` (any when
    /// None) with `fault`; `times` None keeps it until [`FakeApi::clear_faults`].
    pub fn inject(
        &self,
        method: Option<&str>,
        chat: Option<i64>,
        times: Option<usize>,
        fault: Fault,
    ) {
        self.shared.lock().faults.push(FaultRule {
            method: method.map(str::to_lowercase),
            chat,
            remaining: times,
            fault,
        });
    }

    pub fn clear_faults(&self) {
        self.shared.lock().faults.clear();
    }

    /// How many times `fault` was served to `method` (lower-case) so far, whether or not
    /// the bot waited for the answer.
    pub fn faults_served(&self, method: &str, fault: &Fault) -> usize {
        self.shared
            .lock()
            .served
            .iter()
            .filter(|(m, f)| m == method && f == fault)
            .count()
    }

    /// How many slow answers (see [`Fault::Delay`]) to `method` (lower-case) the client
    /// stopped waiting for: the call was recorded and took effect, but the client gave up
    /// before the answer came.
    pub fn abandoned(&self, method: &str) -> usize {
        self.shared
            .lock()
            .abandoned
            .iter()
            .filter(|m| *m == method)
            .count()
    }

    /// Waits until the client gave up on `n` slow answers to `method` (lower-case).
    pub async fn wait_abandoned(&self, method: &str, n: usize, timeout: Duration) {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.new_call.notified();
            if self.abandoned(method) >= n {
                return;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                let seen = self.abandoned(method);
                assert!(
                    seen >= n,
                    "{seen} of {n} {method} answers abandoned in {timeout:?}"
                );
                return;
            }
        }
    }

    /// From now on, answers sends over Telegram's limits (about one message a second per
    /// chat after a short burst, 20 a minute per group, 30 in any second overall) with
    /// 429 and a `retry_after`, as Telegram does. Off by default.
    pub fn enforce_telegram_limits(&self) {
        self.shared
            .lock()
            .limits
            .get_or_insert_with(Limiter::default);
    }

    /// How many sends were answered 429 for going over Telegram's limits.
    pub fn limit_refusals(&self) -> usize {
        self.shared.lock().limits.as_ref().map_or(0, |l| l.refused)
    }
}

pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

pub fn bot_user() -> Value {
    json!({
        "id": BOT_ID,
        "is_bot": true,
        "first_name": "milkbot",
        "username": BOT_USERNAME,
    })
}

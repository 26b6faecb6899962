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
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Request, State as AxState};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

pub const BOT_ID: i64 = 7_000_001;
pub const BOT_USERNAME: &str = "milk_test_bot";

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    /// Lower-case method name, e.g. `sendmessage`.
    pub method: String,
    pub params: Value,
    /// Files sent with multipart requests: (field, file name, bytes).
    pub files: Vec<(String, String, Vec<u8>)>,
    /// The fault injected into this call's answer, if any.
    pub fault: Option<Fault>,
    /// The id of the message a successful send created.
    pub sent_id: Option<i64>,
    pub at: Instant,
}

impl Call {
    pub fn chat_id(&self) -> Option<i64> {
        as_i64(self.params.get("chat_id")?)
    }

    pub fn text(&self) -> &str {
        self.params
            .get("text")
            .or_else(|| self.params.get("caption"))
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    pub fn message_id(&self) -> Option<i64> {
        as_i64(self.params.get("message_id")?)
    }

    /// Inline buttons as (label, callback data), row by row flattened.
    pub fn buttons(&self) -> Vec<(String, String)> {
        inline_buttons(self.params.get("reply_markup"))
    }

    /// Texts of the reply keyboard, if the call set one.
    pub fn reply_keyboard(&self) -> Vec<String> {
        self.params
            .get("reply_markup")
            .and_then(|m| m.get("keyboard"))
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                    .filter_map(|b| {
                        b.get("text")
                            .and_then(Value::as_str)
                            .or(b.as_str())
                            .map(str::to_owned)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn succeeded(&self) -> bool {
        !matches!(
            self.fault,
            Some(Fault::TooManyRequests(_))
                | Some(Fault::ServerError(_))
                | Some(Fault::Forbidden(_))
                | Some(Fault::Migrate(_))
                | Some(Fault::BadRequest(_))
        )
    }
}

fn as_i64(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str()?.parse().ok())
}

pub fn inline_buttons(markup: Option<&Value>) -> Vec<(String, String)> {
    markup
        .and_then(|m| m.get("inline_keyboard"))
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                .filter_map(|b| {
                    let text = b.get("text")?.as_str()?.to_owned();
                    let data = b
                        .get("callback_data")
                        .and_then(Value::as_str)
                        .or_else(|| b.get("url").and_then(Value::as_str))
                        .or_else(|| b.get("web_app")?.get("url")?.as_str())
                        .unwrap_or("")
                        .to_owned();
                    Some((text, data))
                })
                .collect()
        })
        .unwrap_or_default()
}

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

/// Telegram's limits on sent messages: per chat about one message a second, with a
/// short burst tolerated (a bucket of [`CHAT_BURST`] that refills one a second); per
/// group (a chat id below zero) also at most [`GROUP_PER_MIN`] in any minute; overall
/// at most [`OVERALL_PER_SEC`] in any second. Only accepted messages count.
#[derive(Default)]
struct Limiter {
    /// Per chat: what is left of its burst, and when that was.
    chats: HashMap<i64, (f64, Instant)>,
    /// Per group: messages accepted within the last minute, oldest first.
    groups: HashMap<i64, VecDeque<Instant>>,
    /// Messages accepted within the last second, oldest first.
    recent: VecDeque<Instant>,
    /// How many sends were answered 429.
    refused: usize,
}

/// Telegram's overall limit on messages a bot sends per second.
pub const OVERALL_PER_SEC: usize = 30;
/// The messages one chat may send at once (Telegram tolerates short bursts).
pub const CHAT_BURST: f64 = 3.0;
/// Telegram's limit on messages a bot sends to one group per minute.
pub const GROUP_PER_MIN: usize = 20;
const SECOND: Duration = Duration::from_secs(1);
const MINUTE: Duration = Duration::from_secs(60);

/// Drops the times older than `window` before `now`.
fn expire(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

impl Limiter {
    /// Accepts a message to `chat` at `now`, or returns the whole seconds to wait (as
    /// Telegram's `retry_after`).
    fn admit(&mut self, chat: i64, now: Instant) -> Result<(), u32> {
        expire(&mut self.recent, now, SECOND);
        let (left, at) = self.chats.get(&chat).copied().unwrap_or((CHAT_BURST, now));
        let left = (left + now.saturating_duration_since(at).as_secs_f64()).min(CHAT_BURST);
        let group = self.groups.entry(chat).or_default();
        expire(group, now, MINUTE);
        let wait = if left < 1.0 {
            Some(Duration::from_secs_f64(1.0 - left))
        } else if chat < 0 && group.len() >= GROUP_PER_MIN {
            group
                .front()
                .map(|oldest| (*oldest + MINUTE).saturating_duration_since(now))
        } else if self.recent.len() >= OVERALL_PER_SEC {
            self.recent
                .front()
                .map(|oldest| (*oldest + SECOND).saturating_duration_since(now))
        } else {
            None
        };
        if chat >= 0 || group.is_empty() {
            self.groups.remove(&chat);
        }
        match wait {
            Some(wait) => {
                self.refused += 1;
                self.chats.insert(chat, (left, now));
                Err((wait.as_secs_f64().ceil() as u32).max(1))
            }
            None => {
                self.chats.insert(chat, (left - 1.0, now));
                if chat < 0 {
                    self.groups.entry(chat).or_default().push_back(now);
                }
                self.recent.push_back(now);
                Ok(())
            }
        }
    }
}

/// Methods that post a message, which Telegram's sending limits apply to.
fn sends_message(method: &str) -> bool {
    (method.starts_with("send") && method != "sendchataction")
        || matches!(method, "copymessage" | "forwardmessage")
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

fn remember_chats(inner: &mut Inner, update: &Value) {
    for key in ["message", "edited_message", "my_chat_member"] {
        if let Some(chat) = update.get(key).and_then(|m| m.get("chat"))
            && let Some(id) = chat.get("id").and_then(Value::as_i64)
        {
            inner.chats.insert(id, chat.clone());
        }
    }
    if let Some(chat) = update.pointer("/callback_query/message/chat")
        && let Some(id) = chat.get("id").and_then(Value::as_i64)
    {
        inner.chats.entry(id).or_insert_with(|| chat.clone());
    }
}

fn ok(result: Value) -> Response {
    (
        StatusCode::OK,
        axum::Json(json!({"ok": true, "result": result})),
    )
        .into_response()
}

/// How long an HTML text is as shown: tags take no room, an entity takes one unit.
pub fn shown_len(html: &str) -> usize {
    let mut n = 0;
    let mut in_tag = false;
    let mut in_entity = false;
    for c in html.chars() {
        match c {
            '<' if !in_entity => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '&' => {
                in_entity = true;
                n += 1;
            }
            ';' if in_entity => in_entity = false,
            _ if in_entity => {}
            c => n += c.len_utf16(),
        }
    }
    n
}

fn api_error(status: StatusCode, description: &str, parameters: Option<Value>) -> Response {
    let mut body = json!({"ok": false, "error_code": status.as_u16(), "description": description});
    if let Some(p) = parameters {
        body["parameters"] = p;
    }
    (status, axum::Json(body)).into_response()
}

/// Reads JSON, form or multipart parameters into one JSON object.
async fn read_params(headers: &HeaderMap, req: Request) -> (Value, Vec<(String, String, Vec<u8>)>) {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let mut files = Vec::new();
    if content_type.starts_with("multipart/form-data") {
        let mut params = serde_json::Map::new();
        if let Ok(mut form) = Multipart::from_request(req, &()).await {
            while let Ok(Some(field)) = form.next_field().await {
                let name = field.name().unwrap_or("").to_owned();
                let file_name = field.file_name().map(str::to_owned);
                let bytes = field.bytes().await.unwrap_or_default();
                match file_name {
                    Some(file_name) => {
                        params.insert(name.clone(), json!(format!("attach://{file_name}")));
                        files.push((name, file_name, bytes.to_vec()));
                    }
                    None => {
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
                        params.insert(name, value);
                    }
                }
            }
        }
        return (Value::Object(params), files);
    }
    let body: Bytes = axum::body::to_bytes(req.into_body(), 16 * 1024 * 1024)
        .await
        .unwrap_or_default();
    if body.is_empty() {
        return (json!({}), files);
    }
    let params = serde_json::from_slice(&body).unwrap_or_else(|_| {
        // application/x-www-form-urlencoded
        let map: serde_json::Map<String, Value> = url_decode_pairs(&body)
            .into_iter()
            .map(|(k, v)| {
                let value = serde_json::from_str(&v).unwrap_or(Value::String(v));
                (k, value)
            })
            .collect();
        Value::Object(map)
    });
    (params, files)
}

fn url_decode_pairs(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            Some((k.to_owned(), v.replace('+', " ")))
        })
        .collect()
}

async fn handle(
    AxState(shared): AxState<Arc<Shared>>,
    Path((bot, method)): Path<(String, String)>,
    headers: HeaderMap,
    req: Request,
) -> Response {
    let method = method.to_lowercase();
    if bot.strip_prefix("bot") != Some(shared.token.as_str()) {
        return api_error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    let (params, files) = read_params(&headers, req).await;
    let chat = params.get("chat_id").and_then(as_i64);

    let fault = {
        let mut inner = shared.lock();
        let found = inner.faults.iter_mut().find(|r| {
            r.method.as_deref().is_none_or(|m| m == method)
                && r.chat.is_none_or(|c| Some(c) == chat)
                && r.remaining != Some(0)
        });
        let fault = found.map(|rule| {
            if let Some(n) = rule.remaining.as_mut() {
                *n -= 1;
            }
            rule.fault.clone()
        });
        inner.faults.retain(|r| r.remaining != Some(0));
        let fault = match (fault, inner.limits.as_mut(), chat) {
            (None, Some(limits), Some(chat)) if sends_message(&method) => limits
                .admit(chat, Instant::now())
                .err()
                .map(Fault::TooManyRequests),
            (fault, _, _) => fault,
        };
        if let Some(f) = &fault {
            inner.served.push((method.clone(), f.clone()));
        }
        fault
    };
    let record = |sent_id: Option<i64>| {
        // getUpdates is recorded only when it carries a fault, to keep the list readable.
        if method != "getupdates" || fault.is_some() {
            record_call(
                &shared,
                Call {
                    method: method.clone(),
                    params: params.clone(),
                    files: files.clone(),
                    fault: fault.clone(),
                    sent_id,
                    at: Instant::now(),
                },
            );
        }
    };
    let refusal = match &fault {
        Some(Fault::TooManyRequests(secs)) => Some(api_error(
            StatusCode::TOO_MANY_REQUESTS,
            &format!("Too Many Requests: retry after {secs}"),
            Some(json!({"retry_after": secs})),
        )),
        Some(Fault::ServerError(code)) => Some(api_error(
            StatusCode::from_u16(*code).unwrap_or(StatusCode::BAD_GATEWAY),
            "Bad Gateway",
            None,
        )),
        Some(Fault::Forbidden(description)) => {
            Some(api_error(StatusCode::FORBIDDEN, description, None))
        }
        Some(Fault::Migrate(new_id)) => Some(api_error(
            StatusCode::BAD_REQUEST,
            "Bad Request: group chat was upgraded to a supergroup chat",
            Some(json!({"migrate_to_chat_id": new_id})),
        )),
        Some(Fault::BadRequest(description)) => {
            Some(api_error(StatusCode::BAD_REQUEST, description, None))
        }
        Some(Fault::Delay(_)) | None => None,
    };
    if let Some(refusal) = refusal {
        record(None);
        return refusal;
    }
    // The work is done and recorded before any slow answer is held back: for a send,
    // nothing between here and the sleep waits, so a client that gives up (and drops the
    // request) cannot undo it, just as with Telegram.
    let (response, sent_id) = answer(&shared, &method, &params, &files).await;
    record(sent_id);
    if let Some(Fault::Delay(d)) = &fault {
        let held = Held {
            shared: shared.clone(),
            method: method.clone(),
            answered: false,
        };
        tokio::time::sleep(*d).await;
        held.answer();
    }
    response
}

/// A slow answer being held back: dropped before [`Held::answer`], the client gave up.
struct Held {
    shared: Arc<Shared>,
    method: String,
    answered: bool,
}

impl Held {
    fn answer(mut self) {
        self.answered = true;
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if !self.answered {
            self.shared.lock().abandoned.push(self.method.clone());
            self.shared.new_call.notify_waiters();
        }
    }
}

/// Adds `call` to the list, tells the taps and wakes whoever waits for calls.
fn record_call(shared: &Shared, call: Call) {
    let mut inner = shared.lock();
    inner.taps.retain(|tap| tap.send(call.clone()).is_ok());
    inner.calls.push(call);
    drop(inner);
    shared.new_call.notify_waiters();
}

/// A file download (`/file/bot<token>/<path>`), recorded as a call named `file` with
/// its `path`.
async fn download(
    AxState(shared): AxState<Arc<Shared>>,
    Path((bot, path)): Path<(String, String)>,
) -> Response {
    if bot.strip_prefix("bot") != Some(shared.token.as_str()) {
        return api_error(StatusCode::UNAUTHORIZED, "Unauthorized", None);
    }
    let bytes = shared
        .lock()
        .files
        .values()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| bytes.clone());
    record_call(
        &shared,
        Call {
            method: "file".to_owned(),
            params: json!({ "path": path }),
            files: Vec::new(),
            fault: None,
            sent_id: None,
            at: Instant::now(),
        },
    );
    match bytes {
        Some(bytes) => (StatusCode::OK, bytes).into_response(),
        None => api_error(StatusCode::NOT_FOUND, "Not Found", None),
    }
}

async fn answer(
    shared: &Arc<Shared>,
    method: &str,
    params: &Value,
    files: &[(String, String, Vec<u8>)],
) -> (Response, Option<i64>) {
    // Telegram refuses texts over 4,096 characters (1,024 for captions) as shown, i.e.
    // after HTML parsing.
    let limit = match method {
        "sendmessage" | "editmessagetext" => Some(("text", 4096)),
        "sendphoto" | "senddocument" | "editmessagecaption" => Some(("caption", 1024)),
        _ => None,
    };
    if let Some((field, max)) = limit
        && params[field].as_str().is_some_and(|t| shown_len(t) > max)
    {
        let too_long = api_error(
            StatusCode::BAD_REQUEST,
            "Bad Request: message is too long",
            None,
        );
        return (too_long, None);
    }
    if matches!(method, "sendmessage" | "sendphoto" | "senddocument") {
        return send(shared, method, params, files);
    }
    let response = match method {
        "getme" => ok(json!({
            "id": BOT_ID,
            "is_bot": true,
            "first_name": "milkbot",
            "username": BOT_USERNAME,
            "can_join_groups": true,
            "can_read_all_group_messages": false,
            "supports_inline_queries": true,
            "can_connect_to_business": false,
            "has_main_web_app": false,
        })),
        "getupdates" => get_updates(shared, params).await,
        "editmessagetext" | "editmessagereplymarkup" | "editmessagecaption" => edit(shared, params),
        "deletemessage" => {
            let key = (
                params.get("chat_id").and_then(as_i64).unwrap_or_default(),
                params
                    .get("message_id")
                    .and_then(as_i64)
                    .unwrap_or_default(),
            );
            let removed = shared.lock().messages.remove(&key).is_some();
            if removed {
                ok(json!(true))
            } else {
                api_error(
                    StatusCode::BAD_REQUEST,
                    "Bad Request: message to delete not found",
                    None,
                )
            }
        }
        "getchatmember" => {
            let chat = params.get("chat_id").and_then(as_i64).unwrap_or_default();
            let user = params.get("user_id").and_then(as_i64).unwrap_or_default();
            let status = shared
                .lock()
                .members
                .get(&(chat, user))
                .cloned()
                .unwrap_or_else(|| "member".to_owned());
            let mut member = json!({
                "status": status,
                "user": {"id": user, "is_bot": false, "first_name": "Member"},
            });
            if status == "administrator" {
                for (k, v) in [
                    ("can_be_edited", false),
                    ("is_anonymous", false),
                    ("can_manage_chat", true),
                    ("can_delete_messages", true),
                    ("can_manage_video_chats", true),
                    ("can_restrict_members", true),
                    ("can_promote_members", false),
                    ("can_change_info", true),
                    ("can_invite_users", true),
                    ("can_post_stories", false),
                    ("can_edit_stories", false),
                    ("can_delete_stories", false),
                ] {
                    member[k] = json!(v);
                }
            }
            if status == "restricted" || status == "kicked" {
                member["until_date"] = json!(0);
            }
            ok(member)
        }
        "answercallbackquery"
        | "answerinlinequery"
        | "setmycommands"
        | "setmydescription"
        | "setmyshortdescription"
        | "deletewebhook"
        | "setwebhook"
        | "deletemycommands"
        | "setchatmenubutton"
        | "sendchataction" => ok(json!(true)),
        "getfile" => {
            let id = params.get("file_id").and_then(Value::as_str).unwrap_or("");
            match shared.lock().files.get(id) {
                Some((path, bytes)) => ok(json!({
                    "file_id": id,
                    "file_unique_id": format!("u{id}"),
                    "file_size": bytes.len(),
                    "file_path": path,
                })),
                None => api_error(
                    StatusCode::BAD_REQUEST,
                    "Bad Request: invalid file_id",
                    None,
                ),
            }
        }
        "getwebhookinfo" => {
            ok(json!({"url": "", "has_custom_certificate": false, "pending_update_count": 0}))
        }
        _ => api_error(StatusCode::NOT_FOUND, "Not Found: method not found", None),
    };
    (response, None)
}

fn send(
    shared: &Arc<Shared>,
    method: &str,
    params: &Value,
    files: &[(String, String, Vec<u8>)],
) -> (Response, Option<i64>) {
    let Some(chat_id) = params.get("chat_id").and_then(as_i64) else {
        return (
            api_error(
                StatusCode::BAD_REQUEST,
                "Bad Request: chat_id is empty",
                None,
            ),
            None,
        );
    };
    let mut inner = shared.lock();
    let chat = inner
        .chats
        .get(&chat_id)
        .cloned()
        .unwrap_or_else(|| json!({"id": chat_id, "type": "private", "first_name": "Parent"}));
    let next = inner.next_message_id.entry(chat_id).or_insert(1);
    let message_id = *next;
    *next += 1;
    let mut message = json!({
        "message_id": message_id,
        "date": unix_now(),
        "chat": chat,
        "from": bot_user(),
    });
    match method {
        "sendmessage" => message["text"] = params["text"].clone(),
        "sendphoto" => {
            message["photo"] = json!([{
                "file_id": format!("photo{message_id}"),
                "file_unique_id": format!("uphoto{message_id}"),
                "width": 1080, "height": 1350,
                "file_size": files.first().map(|f| f.2.len()).unwrap_or(0),
            }]);
        }
        _ => {
            message["document"] = json!({
                "file_id": format!("doc{message_id}"),
                "file_unique_id": format!("udoc{message_id}"),
                "file_name": files.first().map(|f| f.1.clone()).unwrap_or_default(),
            });
        }
    }
    if let Some(c) = params.get("caption") {
        message["caption"] = c.clone();
    }
    if let Some(markup) = params.get("reply_markup")
        && markup.get("inline_keyboard").is_some()
    {
        message["reply_markup"] = markup.clone();
    }
    inner
        .messages
        .insert((chat_id, message_id), message.clone());
    (ok(message), Some(message_id))
}

async fn get_updates(shared: &Arc<Shared>, params: &Value) -> Response {
    let offset = params.get("offset").and_then(as_i64).unwrap_or(0);
    let limit = params
        .get("limit")
        .and_then(as_i64)
        .unwrap_or(100)
        .clamp(1, 100) as usize;
    let timeout = params
        .get("timeout")
        .and_then(as_i64)
        .unwrap_or(0)
        .clamp(0, 50) as u64;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout);
    loop {
        let notified = shared.new_update.notified();
        {
            let mut inner = shared.lock();
            if offset > 0 {
                inner.queue.retain(|(id, _)| *id >= offset);
                inner.confirmed = inner.confirmed.max(offset);
            }
            let batch: Vec<&str> = inner
                .queue
                .iter()
                .take(limit)
                .map(|(_, text)| text.as_str())
                .collect();
            if !batch.is_empty() || timeout == 0 {
                // Written as text, so raw updates go out exactly as queued.
                let body = format!("{{\"ok\":true,\"result\":[{}]}}", batch.join(","));
                return (
                    StatusCode::OK,
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    body,
                )
                    .into_response();
            }
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return ok(json!([]));
        }
    }
}

fn edit(shared: &Arc<Shared>, params: &Value) -> Response {
    let (Some(chat_id), Some(message_id)) = (
        params.get("chat_id").and_then(as_i64),
        params.get("message_id").and_then(as_i64),
    ) else {
        // Inline-message edits answer `true`.
        return ok(json!(true));
    };
    let mut inner = shared.lock();
    let Some(message) = inner.messages.get_mut(&(chat_id, message_id)) else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "Bad Request: message to edit not found",
            None,
        );
    };
    let before = message.clone();
    if let Some(text) = params.get("text") {
        message["text"] = text.clone();
    }
    if let Some(caption) = params.get("caption") {
        message["caption"] = caption.clone();
    }
    match params.get("reply_markup") {
        Some(markup) => message["reply_markup"] = markup.clone(),
        None => {
            if let Some(obj) = message.as_object_mut() {
                obj.remove("reply_markup");
            }
        }
    }
    if *message == before {
        return api_error(
            StatusCode::BAD_REQUEST,
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            None,
        );
    }
    message["edit_date"] = json!(unix_now());
    ok(message.clone())
}

#[cfg(test)]
mod limiter_tests {
    // Benches include this file without a test harness, which drops the tests.
    #[allow(unused_imports)]
    use super::{Limiter, sends_message};
    #[allow(unused_imports)]
    use std::time::{Duration, Instant};

    #[test]
    fn a_short_burst_then_one_message_a_second_per_chat() {
        let mut l = Limiter::default();
        let t = Instant::now();
        let ms = |n: u64| t + Duration::from_millis(n);
        for n in 0..3 {
            assert_eq!(l.admit(1, ms(n)), Ok(()), "the burst");
        }
        assert_eq!(l.admit(1, ms(400)), Err(1));
        // Another chat is not held back by the first.
        assert_eq!(l.admit(2, ms(400)), Ok(()));
        assert_eq!(l.admit(1, ms(1010)), Ok(()));
        assert_eq!(l.admit(1, ms(1500)), Err(1));
        assert_eq!(l.admit(1, ms(2020)), Ok(()));
        assert_eq!(l.refused, 2);
    }

    #[test]
    fn twenty_a_minute_per_group() {
        let mut l = Limiter::default();
        let t = Instant::now();
        let s = |n: u64| t + Duration::from_secs(n);
        for n in 0..20 {
            assert_eq!(l.admit(-5, s(n)), Ok(()));
        }
        assert_eq!(l.admit(-5, s(30)), Err(30));
        assert_eq!(l.admit(-5, s(60)), Ok(()));
        // A private chat has no per-minute limit.
        for n in 0..25 {
            assert_eq!(l.admit(5, s(n)), Ok(()));
        }
    }

    #[test]
    fn thirty_a_second_overall_in_any_window() {
        let mut l = Limiter::default();
        let t = Instant::now();
        // 30 chats spread over 0.0 .. 0.29 s fill the window.
        for i in 0..30 {
            assert_eq!(l.admit(i, t + Duration::from_millis(i as u64 * 10)), Ok(()));
        }
        assert_eq!(l.admit(100, t + Duration::from_millis(900)), Err(1));
        // At 1.0 s only the first has left the window: one more fits, not two.
        assert_eq!(l.admit(101, t + Duration::from_millis(1000)), Ok(()));
        assert_eq!(l.admit(102, t + Duration::from_millis(1005)), Err(1));
        assert_eq!(l.admit(102, t + Duration::from_millis(1010)), Ok(()));
        assert_eq!(l.refused, 2);
    }

    #[test]
    fn only_message_sends_are_limited() {
        assert!(sends_message("sendmessage"));
        assert!(sends_message("sendphoto"));
        assert!(sends_message("copymessage"));
        assert!(!sends_message("sendchataction"));
        assert!(!sends_message("editmessagetext"));
        assert!(!sends_message("answercallbackquery"));
    }
}

#[cfg(test)]
mod slow_answer_tests {
    // Benches include this file without a test harness, which drops the tests.
    #[allow(unused_imports)]
    use super::*;

    /// A slow answer (`Fault::Delay`) is Telegram's: the message is in the chat at once,
    /// a client that stops waiting learns nothing of it, and the fake sees it gave up.
    #[tokio::test]
    async fn a_slow_answer_delivers_first_and_sees_the_client_give_up() {
        let api = FakeApi::start().await;
        let slow = Fault::Delay(Duration::from_secs(30));
        api.inject(Some("sendMessage"), Some(5), Some(1), slow.clone());
        let client = reqwest::Client::builder()
            .timeout(Duration::from_millis(300))
            .build()
            .unwrap();
        let url = format!("{}/bot{TOKEN}/sendMessage", api.url);
        let send = |text: &str| client.post(&url).json(&json!({"chat_id": 5, "text": text}));
        let gave_up = send("first").send().await.unwrap_err();
        assert!(gave_up.is_timeout() && !gave_up.is_connect(), "{gave_up:?}");
        let calls = api.calls();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].fault, Some(slow));
        assert!(calls[0].succeeded());
        assert_eq!(calls[0].sent_id, Some(1));
        assert_eq!(api.message(5, 1).unwrap()["text"], "first");
        api.wait_abandoned("sendmessage", 1, Duration::from_secs(5))
            .await;
        // The fault is used up: the next answer comes at once.
        let answer: Value = send("second").send().await.unwrap().json().await.unwrap();
        assert_eq!(answer["result"]["message_id"], 2);
        assert_eq!(api.abandoned("sendmessage"), 1);
    }
}

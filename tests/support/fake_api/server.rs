//! The fake server's HTTP side: reading a Bot API call, serving faults, and answering it.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Request, State as AxState};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::call::as_i64;
use super::limits::sends_message;
use super::{BOT_ID, BOT_USERNAME, Call, Fault, Inner, Shared, bot_user, unix_now};

pub(super) fn remember_chats(inner: &mut Inner, update: &Value) {
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

pub(super) async fn handle(
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
pub(super) async fn download(
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
mod slow_answer_tests {
    // Benches include this file without a test harness, which drops the tests.
    #[allow(unused_imports)]
    use super::super::{FakeApi, TOKEN};
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

//! The stash board in tests: the bot started with its board on a free local port,
//! initData signed as Telegram would sign it for the fake bot, and plain HTTP calls to
//! the board's API.

use chrono::{DateTime, Utc};
use milkbot::config::WebappConfig;
use serde_json::Value;

use super::fake_api::Call;
use super::{TestBot, TestChat, fake_api};

/// A free port on 127.0.0.1 (bound, read and released: the bot binds it next).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// Starts the bot with the board served on a free port; returns the bot and the
/// board's base URL (ending in `/`).
pub async fn start() -> (TestBot, String) {
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}/");
    let url = base.parse().expect("board url");
    let bot = TestBot::start_with(|config| {
        config.webapp = Some(WebappConfig {
            url,
            listen: ([127, 0, 0, 1], port).into(),
        });
    })
    .await;
    (bot, base)
}

/// initData for `user_id` as Telegram signs it for the fake bot's token at `at`, with an
/// optional `start_param`.
pub fn init_data(user_id: i64, name: &str, at: DateTime<Utc>, start: Option<&str>) -> String {
    init_data_in("en", user_id, name, at, start)
}

/// [`init_data`] for someone whose Telegram app speaks `language_code`.
pub fn init_data_in(
    language_code: &str,
    user_id: i64,
    name: &str,
    at: DateTime<Utc>,
    start: Option<&str>,
) -> String {
    let user =
        serde_json::json!({"id": user_id, "first_name": name, "language_code": language_code});
    let user = user.to_string();
    let date = at.timestamp().to_string();
    let mut fields = vec![
        ("query_id", "AAHdF6IQAAAAAN0XohDhrOrc"),
        ("user", user.as_str()),
        ("auth_date", date.as_str()),
    ];
    if let Some(start) = start {
        fields.push(("start_param", start));
    }
    milkbot::webapp::initdata::sign(&fields, fake_api::TOKEN)
}

/// Calls the board's API at `path` (relative to `base`) with `init` as the signature;
/// returns the status and the JSON answer (null when there is none).
pub async fn call(
    base: &str,
    method: reqwest::Method,
    path: &str,
    init: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let client = reqwest::Client::new();
    let mut request = client
        .request(method, format!("{base}{path}"))
        .header("authorization", format!("tma {init}"));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("the board answers");
    let status = response.status().as_u16();
    let json = response.json().await.unwrap_or(Value::Null);
    (status, json)
}

/// The chat's next message, which must contain `expected` (what the board did, and who).
pub async fn told(chat: &mut TestChat<'_>, expected: &str) -> Call {
    let message = chat.next_message().await;
    assert!(message.text().contains(expected), "{}", message.text());
    message
}

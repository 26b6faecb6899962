//! One request the bot made, as the fake server recorded it, and what tests read from it.

use serde_json::Value;
use std::time::Instant;

use super::Fault;

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

pub(super) fn as_i64(v: &Value) -> Option<i64> {
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

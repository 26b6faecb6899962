//! A fake OpenAI-compatible speech-to-text service on 127.0.0.1: it records every
//! transcription request (path, key, model and the audio) and answers as the test says:
//! a text, an error status, or nothing for a long time.

#![allow(dead_code)]

use axum::Router;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::json;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use milkbot::config::{SttConfig, transcription_endpoint};

/// How the service answers.
#[derive(Debug, Clone)]
pub enum Answer {
    /// `{"text": ...}`.
    Text(String),
    /// An error status with a JSON error body.
    Status(u16),
    /// The text, after this long.
    Slow(Duration, String),
}

/// One transcription request.
#[derive(Debug, Clone)]
pub struct SttRequest {
    pub path: String,
    /// The Authorization header.
    pub auth: Option<String>,
    pub model: Option<String>,
    /// The `language` part: the language the bot expects the note in.
    pub language: Option<String>,
    /// The `file` part: its file name and bytes.
    pub file_name: Option<String>,
    pub audio: Vec<u8>,
}

struct Shared {
    answer: Mutex<Answer>,
    requests: Mutex<Vec<SttRequest>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The running fake service. Dropping it stops the server.
pub struct FakeStt {
    /// Its base URL (without `/v1`).
    pub url: String,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeStt {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeStt {
    pub async fn start(answer: Answer) -> FakeStt {
        let shared = Arc::new(Shared {
            answer: Mutex::new(answer),
            requests: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/{*path}", any(transcribe))
            .with_state(shared.clone());
        let (url, server) = super::fake_api::serve_local(app).await;
        FakeStt {
            url,
            shared,
            server,
        }
    }

    /// Answers the next requests with `answer`.
    pub fn answer(&self, answer: Answer) {
        *lock(&self.shared.answer) = answer;
    }

    pub fn requests(&self) -> Vec<SttRequest> {
        lock(&self.shared.requests).clone()
    }

    /// The bot's settings for this service, with `key`, model `model` and `timeout`.
    pub fn config(&self, key: Option<&str>, model: &str, timeout: Duration) -> SttConfig {
        SttConfig {
            endpoint: transcription_endpoint(&self.url).expect("fake STT url"),
            key: key.map(str::to_owned),
            model: model.to_owned(),
            timeout,
        }
    }
}

async fn transcribe(
    State(shared): State<Arc<Shared>>,
    uri: Uri,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let mut request = SttRequest {
        path: uri.path().to_owned(),
        auth: headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        model: None,
        language: None,
        file_name: None,
        audio: Vec::new(),
    };
    while let Ok(Some(field)) = form.next_field().await {
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.unwrap_or_default();
        match name.as_str() {
            "file" => {
                request.file_name = file_name;
                request.audio = bytes.to_vec();
            }
            "model" => request.model = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "language" => request.language = Some(String::from_utf8_lossy(&bytes).into_owned()),
            _ => {}
        }
    }
    lock(&shared.requests).push(request);
    let answer = lock(&shared.answer).clone();
    match answer {
        Answer::Text(text) => axum::Json(json!({ "text": text })).into_response(),
        Answer::Status(code) => (
            StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            axum::Json(json!({"error": {"message": "model crashed", "type": "server_error"}})),
        )
            .into_response(),
        Answer::Slow(wait, text) => {
            tokio::time::sleep(wait).await;
            axum::Json(json!({ "text": text })).into_response()
        }
    }
}

//! Logging through `tracing`, with secrets scrubbed from every line before it is
//! written: network errors can carry the request URL, and the URL carries the token.

use std::io::{self, Write};
use std::sync::Arc;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// Starts logging to stderr at `filter`, replacing each of `secrets` with `[redacted]`.
/// Safe to call more than once (later calls do nothing).
pub fn init(filter: &str, secrets: Vec<String>) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let writer = Redacting {
        secrets: Arc::new(secrets.into_iter().filter(|s| s.len() >= 6).collect()),
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&io::stderr()))
        .try_init();
}

#[derive(Clone)]
struct Redacting {
    secrets: Arc<Vec<String>>,
}

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = RedactingWriter;
    fn make_writer(&'a self) -> RedactingWriter {
        RedactingWriter {
            secrets: self.secrets.clone(),
            buf: Vec::new(),
        }
    }
}

/// Collects one log line, scrubs it, and writes it out when dropped.
pub struct RedactingWriter {
    secrets: Arc<Vec<String>>,
    buf: Vec<u8>,
}

impl Write for RedactingWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for RedactingWriter {
    fn drop(&mut self) {
        let line = redact(&String::from_utf8_lossy(&self.buf), &self.secrets);
        let _ = io::stderr().lock().write_all(line.as_bytes());
    }
}

pub fn redact(line: &str, secrets: &[String]) -> String {
    let mut out = line.to_owned();
    for secret in secrets {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), "[redacted]");
        }
    }
    out
}

/// Where JSON could not be read, without a word of what it said: serde's messages quote
/// the offending value, which may be someone's name or message.
pub fn unreadable_json(e: &serde_json::Error) -> String {
    format!(
        "unreadable JSON ({:?} error at line {}, column {})",
        e.classify(),
        e.line(),
        e.column()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_scrubbed() {
        let token = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw".to_owned();
        let line =
            format!("error sending request for url (https://api.telegram.org/bot{token}/GetMe)");
        let clean = redact(&line, std::slice::from_ref(&token));
        assert!(!clean.contains(&token));
        assert!(clean.contains("bot[redacted]/GetMe"));
    }
}

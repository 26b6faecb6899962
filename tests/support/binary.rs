//! The real `milkbot` binary as a child process: one way to set its environment (cleared,
//! then only what a test gives it), to read what it writes, and to stop it.
//!
//! A running bot's stdout and stderr are read as they come into one shared buffer: a
//! pipe nobody reads fills up (64 KiB) and then blocks the bot on its next log line.

use super::fake_api::FakeApi;
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::task::JoinHandle;

/// How to start the binary: working directory `dir`, an empty environment but `PATH`.
pub struct Milkbot {
    cmd: tokio::process::Command,
}

impl Milkbot {
    pub fn new(dir: &Path) -> Milkbot {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_milkbot"));
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        Milkbot { cmd }
    }

    /// Talks to `api`, with the token it accepts.
    pub fn against(self, api: &FakeApi) -> Milkbot {
        self.env("TELOXIDE_TOKEN", api.token())
            .env("TELOXIDE_API_URL", &api.url)
    }

    pub fn database(self, url: &str) -> Milkbot {
        self.env("DATABASE_URL", url)
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Milkbot {
        self.cmd.env(key, value);
        self
    }

    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Milkbot {
        self.cmd.args(args);
        self
    }

    /// Runs it to its end (a command that exits by itself: `ask`, `--help`, an error).
    pub async fn output(mut self) -> Output {
        self.cmd.output().await.expect("run milkbot")
    }

    /// The same, for tests without a runtime.
    pub fn output_blocking(self) -> Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(self.output())
    }

    /// Starts it; what it writes is collected from now on.
    pub fn spawn(mut self) -> Running {
        let mut child = self.cmd.spawn().expect("start milkbot");
        let logs = Arc::new(Mutex::new(String::new()));
        let readers = vec![
            drain(child.stdout.take(), logs.clone()),
            drain(child.stderr.take(), logs.clone()),
        ];
        Running {
            child: Some(child),
            logs,
            readers,
        }
    }
}

/// Reads a pipe line by line into `logs` until it closes.
fn drain<R>(pipe: Option<R>, logs: Arc<Mutex<String>>) -> JoinHandle<()>
where
    R: AsyncRead + Unpin + Send + 'static,
{
    tokio::spawn(async move {
        let Some(pipe) = pipe else { return };
        let mut pipe = BufReader::new(pipe);
        let mut line = Vec::new();
        while pipe.read_until(b'\n', &mut line).await.unwrap_or(0) > 0 {
            if let Ok(mut logs) = logs.lock() {
                logs.push_str(&String::from_utf8_lossy(&line));
            }
            line.clear();
        }
    })
}

/// A running bot process. Dropped, it is killed.
pub struct Running {
    child: Option<tokio::process::Child>,
    logs: Arc<Mutex<String>>,
    readers: Vec<JoinHandle<()>>,
}

impl Running {
    /// Everything it wrote so far, stdout and stderr, line by line as they came.
    pub fn logs(&self) -> String {
        self.logs.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// SIGTERM; asserts that it exits within `within` with code 0 and returns how long
    /// that took. Its output is complete afterwards.
    pub async fn terminate(&mut self, within: Duration) -> Duration {
        let mut child = self.child.take().expect("bot running");
        let pid = child.id().expect("bot running");
        let asked = Instant::now();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
        let status = tokio::time::timeout(within, child.wait())
            .await
            .unwrap_or_else(|_| panic!("exits within {within:?} of SIGTERM; log:\n{}", self.logs()))
            .expect("wait for the bot");
        let took = asked.elapsed();
        self.finish().await;
        assert_eq!(status.code(), Some(0), "clean exit; log:\n{}", self.logs());
        took
    }

    /// SIGKILL; asserts that a signal ended it. Its output is complete afterwards.
    pub async fn kill(&mut self) {
        let mut child = self.child.take().expect("bot running");
        child.start_kill().expect("SIGKILL");
        let status = child.wait().await.expect("wait for the killed bot");
        self.finish().await;
        assert_eq!(status.code(), None, "killed by a signal");
    }

    /// Waits until both pipes are read to their end.
    async fn finish(&mut self) {
        for reader in self.readers.drain(..) {
            let _ = reader.await;
        }
    }
}

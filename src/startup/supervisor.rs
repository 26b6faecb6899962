//! Watching the bot's long-running tasks: a panic or an early end of any of them (the
//! update feed, the dispatcher, the scheduler, an HTTP server) is noticed at once and
//! stops the whole process with an error, so that systemd or the container restarts it.

use std::sync::{Arc, Mutex};

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A task that ended before it was asked to stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    /// Which task, e.g. "the reminder scheduler".
    pub task: &'static str,
    /// How: "it panicked: ..." or "it returned".
    pub why: String,
}

/// Watches tasks until `stopping` is cancelled; the first one to end before that is
/// logged and reported through [`Supervisor::failed`].
#[derive(Clone)]
pub struct Supervisor {
    stopping: CancellationToken,
    failed: CancellationToken,
    first: Arc<Mutex<Option<Ended>>>,
}

impl Supervisor {
    /// Tasks that end after `stopping` is cancelled ended as asked.
    pub fn new(stopping: CancellationToken) -> Supervisor {
        Supervisor {
            stopping,
            failed: CancellationToken::new(),
            first: Arc::default(),
        }
    }

    /// Watches `task`; the returned handle gives its result (None if it panicked).
    pub fn watch<T: Send + 'static>(
        &self,
        task: &'static str,
        handle: JoinHandle<T>,
    ) -> JoinHandle<Option<T>> {
        let me = self.clone();
        tokio::spawn(async move {
            let ended = handle.await;
            if !me.stopping.is_cancelled() {
                let why = match &ended {
                    Ok(_) => "it returned".to_owned(),
                    Err(e) if e.is_panic() => format!("it panicked: {e}"),
                    Err(e) => format!("it was cancelled: {e}"),
                };
                tracing::error!("{task} stopped unexpectedly ({why}): shutting down");
                me.report(Ended { task, why });
            }
            ended.ok()
        })
    }

    fn report(&self, ended: Ended) {
        if let Ok(mut first) = self.first.lock() {
            first.get_or_insert(ended);
        }
        self.failed.cancel();
    }

    /// Completes when a watched task ended before the stop.
    pub async fn failed(&self) {
        self.failed.cancelled().await
    }

    /// The first task that ended before the stop, if any.
    pub fn ended(&self) -> Option<Ended> {
        self.first.lock().ok().and_then(|first| first.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const WAIT: Duration = Duration::from_secs(5);

    #[tokio::test]
    async fn a_panicking_task_is_noticed_at_once() {
        let stopping = CancellationToken::new();
        let supervisor = Supervisor::new(stopping.clone());
        let quiet = CancellationToken::new();
        let calm = supervisor.watch("a calm task", {
            let quiet = quiet.clone();
            tokio::spawn(async move { quiet.cancelled().await })
        });
        let (go, wait) = tokio::sync::oneshot::channel::<()>();
        let _crashing = supervisor.watch(
            "the reminder scheduler",
            tokio::spawn(async move {
                let _ = wait.await;
                panic!("boom");
            }),
        );
        assert_eq!(supervisor.ended(), None);
        go.send(()).expect("the task waits");
        tokio::time::timeout(WAIT, supervisor.failed())
            .await
            .expect("the panic is noticed");
        let ended = supervisor.ended().expect("a task ended");
        assert_eq!(ended.task, "the reminder scheduler");
        assert!(
            ended.why.contains("panicked") && ended.why.contains("boom"),
            "{ended:?}"
        );
        // The calm task still runs until it is stopped.
        assert!(!calm.is_finished());
        stopping.cancel();
        quiet.cancel();
        assert_eq!(calm.await.expect("watch task"), Some(()));
    }

    #[tokio::test]
    async fn a_task_that_returns_early_is_noticed() {
        let supervisor = Supervisor::new(CancellationToken::new());
        let done = supervisor.watch("the update feed", tokio::spawn(async { 7 }));
        tokio::time::timeout(WAIT, supervisor.failed())
            .await
            .expect("the early end is noticed");
        assert_eq!(
            supervisor.ended(),
            Some(Ended {
                task: "the update feed",
                why: "it returned".into()
            })
        );
        assert_eq!(done.await.expect("watch task"), Some(7));
    }

    #[tokio::test]
    async fn tasks_that_end_after_the_stop_are_not_failures() {
        let stopping = CancellationToken::new();
        let supervisor = Supervisor::new(stopping.clone());
        let stop = stopping.clone();
        let task = supervisor.watch(
            "an HTTP server",
            tokio::spawn(async move { stop.cancelled().await }),
        );
        stopping.cancel();
        assert_eq!(task.await.expect("watch task"), Some(()));
        assert_eq!(supervisor.ended(), None);
    }
}

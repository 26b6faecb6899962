//! Counters, timings and health flags, shared by the adapters (the handlers, the
//! scheduler, the intake) and read by `/healthz` and `/metrics`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use chrono::Duration;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Counters and timings, shared by the handlers, the scheduler and `/metrics`.
pub struct Metrics {
    pub(crate) registry: Registry,
    pub updates_handled: Counter,
    pub updates_failed: Counter,
    pub reminders_sent: Counter,
    pub reminders_failed: Counter,
    pub send_seconds: Histogram,
    /// Messages sent whose answer did not come back in time: taken as delivered.
    pub sends_unanswered: Counter,
    pub(crate) reminders_due: Gauge,
    pub(crate) inbox_waiting: Gauge,
    /// Connections open on the webhook server.
    pub webhook_connections: Gauge,
    /// When the scheduler last went round (UTC seconds).
    scheduler_beat: AtomicI64,
    /// Whether updates can be stored (set by the intake).
    pub intake: Arc<IntakeHealth>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("milkbot");
        let m = Metrics {
            updates_handled: Counter::default(),
            updates_failed: Counter::default(),
            reminders_sent: Counter::default(),
            reminders_failed: Counter::default(),
            send_seconds: Histogram::new(exponential_buckets(0.005, 2.0, 12)),
            sends_unanswered: Counter::default(),
            reminders_due: Gauge::default(),
            inbox_waiting: Gauge::default(),
            webhook_connections: Gauge::default(),
            scheduler_beat: AtomicI64::new(0),
            intake: Arc::default(),
            registry: Registry::default(),
        };
        registry.register(
            "updates_handled",
            "Updates handled",
            m.updates_handled.clone(),
        );
        registry.register(
            "updates_failed",
            "Updates whose handling failed (they are retried)",
            m.updates_failed.clone(),
        );
        registry.register("reminders_sent", "Reminders sent", m.reminders_sent.clone());
        registry.register(
            "reminders_failed",
            "Reminder sends that failed (they are retried)",
            m.reminders_failed.clone(),
        );
        registry.register(
            "reminder_send_seconds",
            "Time to send one reminder to Telegram",
            m.send_seconds.clone(),
        );
        registry.register(
            "sends_unanswered",
            "Messages and reminders sent whose answer from Telegram did not come in time \
             (taken as delivered, not sent again)",
            m.sends_unanswered.clone(),
        );
        registry.register(
            "reminders_due",
            "Reminders due now and not sent yet",
            m.reminders_due.clone(),
        );
        registry.register(
            "inbox_waiting",
            "Updates received and not handled yet",
            m.inbox_waiting.clone(),
        );
        registry.register(
            "webhook_connections",
            "Connections open on the webhook server",
            m.webhook_connections.clone(),
        );
        Metrics { registry, ..m }
    }

    pub fn scheduler_alive(&self, now: chrono::DateTime<chrono::Utc>) {
        self.scheduler_beat
            .store(now.timestamp(), Ordering::Relaxed);
    }

    pub(crate) fn scheduler_beat(&self) -> i64 {
        self.scheduler_beat.load(Ordering::Relaxed)
    }
}

/// Whether updates can be stored now: `/healthz` reports it, and the intake gives up
/// when it has lasted too long.
#[derive(Debug)]
pub struct IntakeHealth {
    /// Since when (UTC seconds) updates cannot be stored; `i64::MIN` while they can.
    failing_since: AtomicI64,
    /// The feed stopped for good (it gave up).
    stopped: AtomicBool,
}

impl Default for IntakeHealth {
    fn default() -> Self {
        IntakeHealth {
            failing_since: AtomicI64::new(i64::MIN),
            stopped: AtomicBool::new(false),
        }
    }
}

impl IntakeHealth {
    pub(crate) fn stored(&self) {
        self.failing_since.store(i64::MIN, Ordering::Relaxed);
    }

    pub(crate) fn failed(&self, now: chrono::DateTime<chrono::Utc>) {
        let _ = self.failing_since.compare_exchange(
            i64::MIN,
            now.timestamp(),
            Ordering::Relaxed,
            Ordering::Relaxed,
        );
    }

    /// How long updates have not been storable, if they are not.
    pub(crate) fn failing_for(&self, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
        match self.failing_since.load(Ordering::Relaxed) {
            i64::MIN => None,
            since => Some(Duration::seconds((now.timestamp() - since).max(0))),
        }
    }

    /// The feed stopped for good.
    pub(crate) fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    /// What keeps updates from being taken in, if anything (for `/healthz`).
    pub fn problem(&self, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
        if self.stopped.load(Ordering::Relaxed) {
            return Some("the update feed stopped".into());
        }
        self.failing_for(now).map(|d| {
            format!(
                "updates cannot be stored (for {} s); they wait at Telegram",
                d.num_seconds()
            )
        })
    }
}

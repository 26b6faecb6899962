//! The reminder scheduler: its own task. It sleeps until the next reminder is due (or
//! until new reminders are written), claims the due rows with a lease, sends them, and
//! marks them sent. Rows that fell due while the bot was away are folded into one digest
//! per family. It never gives up: a failed send is retried with backoff, a database
//! error is logged and retried, and a chat that blocked the bot is paused.

use std::collections::BTreeMap;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use futures::StreamExt;
use tokio_util::sync::CancellationToken;

use std::sync::Arc;

use crate::activity::Activity;
use crate::app::notify::{BatchNotice, Notice, Notifier, Undelivered, Worded};
use crate::clock::Clock;
use crate::domain::batch::Status;
use crate::domain::reminders::Kind;
use crate::domain::stash;
use crate::metrics::Metrics;
use crate::storage::{BatchRow, Db, DueReminder, FamilyRow, StashFilter, StorageError, WrittenDue};

/// How long a claimed reminder is ours before another scheduler may take it over, unless
/// configured otherwise (`MILKBOT_REMINDER_LEASE`).
const LEASE: Duration = Duration::seconds(120);
/// Reminders claimed per round.
const BATCH: i64 = 200;
/// Sends in flight at once (the sender's limits keep them within Telegram's).
const IN_FLIGHT: usize = 32;
/// Reminders later than this are "overdue": several for one family become a digest.
const OVERDUE: Duration = Duration::minutes(2);
/// The longest the scheduler sleeps without looking (other instances may have written
/// reminders it was not told about).
const MAX_SLEEP: StdDuration = StdDuration::from_secs(30);

pub struct Scheduler<N: Notifier> {
    db: Db,
    clock: Clock,
    /// Words and sends what is due (the Telegram adapter in production).
    out: N,
    /// Names this process in leases.
    owner: String,
    metrics: Arc<Metrics>,
    lease: Duration,
    /// Told when a round starts and when the scheduler goes to sleep.
    activity: Activity,
}

impl<N: Notifier> Scheduler<N> {
    pub fn new(db: Db, clock: Clock, out: N, owner: String, metrics: Arc<Metrics>) -> Scheduler<N> {
        Scheduler {
            db,
            clock,
            out,
            owner,
            metrics,
            lease: LEASE,
            activity: Activity::default(),
        }
    }

    /// How long a claimed reminder stays ours (another instance takes it over after).
    pub fn with_lease(self, lease: StdDuration) -> Scheduler<N> {
        Scheduler {
            lease: Duration::from_std(lease).unwrap_or(LEASE),
            ..self
        }
    }

    /// Reports to `activity` when it works and when it sleeps.
    pub fn with_activity(self, activity: Activity) -> Scheduler<N> {
        Scheduler { activity, ..self }
    }

    /// Runs until `stop` is cancelled. Errors are logged and retried; this never returns
    /// early.
    pub async fn run(self, stop: CancellationToken) {
        let mut failures: u32 = 0;
        let writes = self.db.reminder_writes();
        // Woken by reminders being written: a read of the next due time says whether a
        // round is needed at all. Nearly every write plans reminders hours ahead, and a
        // round claims rows in a write transaction (on SQLite, a turn at the one write
        // lock that the updates being handled wait for).
        let mut woken_by_write = false;
        // What it last went to sleep until, when that was read: Some(None) for "no
        // reminders at all".
        let mut slept_until: Option<Option<DateTime<Utc>>> = None;
        while !stop.is_cancelled() {
            self.activity.scheduler_busy();
            // Reminders written from here on wake it again.
            let seen = writes.load(std::sync::atomic::Ordering::SeqCst);
            self.metrics.scheduler_alive(self.clock.now());
            // Some(next): nothing is due yet, no round.
            let known = if std::mem::take(&mut woken_by_write) {
                // The writer said what it wrote: when nothing of it is due before the
                // time already waited for, that time stands without a read.
                let unchanged = match (self.db.take_written_due(), slept_until) {
                    (WrittenDue::Nothing, Some(next)) => Some(next),
                    (WrittenDue::At(at), Some(Some(until))) if at >= until => Some(Some(until)),
                    _ => None,
                };
                let next = match unchanged {
                    Some(next) => Ok(next),
                    None => self.db.next_due().await,
                };
                match next {
                    Ok(next) if next.is_none_or(|at| at > self.clock.now()) => Some(next),
                    _ => None,
                }
            } else {
                None
            };
            let wait = match known {
                Some(_) => None,
                None => match self.round(&stop).await {
                    Ok(()) => {
                        failures = 0;
                        None
                    }
                    Err(e) => {
                        failures = failures.saturating_add(1);
                        let backoff = StdDuration::from_secs(1 << failures.min(5));
                        tracing::warn!("reminder round failed ({e}); retrying in {backoff:?}");
                        Some(backoff)
                    }
                },
            };
            slept_until = match (wait, known) {
                (Some(_), _) => None,
                (None, Some(next)) => Some(next),
                (None, None) => match self.db.next_due().await {
                    Ok(next) => Some(next),
                    Err(e) => {
                        tracing::warn!("cannot read the next reminder time: {e}");
                        None
                    }
                },
            };
            if let Some(next) = slept_until {
                self.activity.scheduler_asleep(next, seen, writes.clone());
            }
            let next = slept_until.flatten();
            let nap = wait.unwrap_or(MAX_SLEEP);
            tokio::select! {
                _ = stop.cancelled() => break,
                _ = self.db.reminders_written() => woken_by_write = true,
                _ = async {
                    match next {
                        Some(at) => self.clock.sleep_until(at).await,
                        None => std::future::pending().await,
                    }
                } => {}
                _ = tokio::time::sleep(nap) => {}
            }
        }
        tracing::debug!("scheduler stopped");
    }

    /// Sends everything that is due now, or until `stop`: a stop lets the sends under
    /// way finish and gives the rest back.
    async fn round(&self, stop: &CancellationToken) -> Result<(), StorageError> {
        while !stop.is_cancelled() {
            let now = self.clock.now();
            let due = self
                .db
                .claim_due(now, now + self.lease, &self.owner, BATCH)
                .await?;
            if due.is_empty() {
                return Ok(());
            }
            let full = due.len() as i64 == BATCH;
            let jobs = plan_jobs(due, now);
            let results: Vec<Result<(), StorageError>> = futures::stream::iter(jobs)
                .map(|job| async move {
                    if stop.is_cancelled() {
                        return self.db.release_reminders(&job.ids(), &self.owner).await;
                    }
                    self.deliver(job, now).await
                })
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            for r in results {
                r?;
            }
            if !full {
                return Ok(());
            }
        }
        Ok(())
    }

    async fn deliver(&self, job: Job, now: DateTime<Utc>) -> Result<(), StorageError> {
        let family_id = match &job {
            Job::Plain(r) => r.family_id,
            Job::Batches(rs) => match rs.first() {
                Some(r) => r.family_id,
                None => return Ok(()),
            },
        };
        let family = self.db.family(family_id).await?;
        let settings = &family.settings;
        let live;
        let (notice, sent): (Notice<'_>, Vec<&DueReminder>) = match &job {
            Job::Plain(r) => match self.plain_notice(r, &family, now).await? {
                Some(notice) => (notice, vec![&**r]),
                None => {
                    self.db.finish_reminder(r.id, "cancelled", now).await?;
                    self.after_job(r, &family).await?;
                    return Ok(());
                }
            },
            Job::Batches(rs) => {
                live = self.live(&family, rs, now).await?;
                // One line per batch: the most pressing of its reminders.
                let mut items: Vec<BatchNotice<'_>> = Vec::new();
                for (r, batch) in &live {
                    match items.iter_mut().find(|i| i.batch.id == batch.id) {
                        Some(item) if r.kind.severity() > item.kind.severity() => {
                            item.kind = r.kind
                        }
                        Some(_) => {}
                        None => items.push(BatchNotice {
                            kind: r.kind,
                            place: batch.state.place,
                            batch,
                        }),
                    }
                }
                if items.is_empty() {
                    return Ok(());
                }
                let sent = live.iter().map(|(r, _)| *r).collect();
                (Notice::Batches(items), sent)
            }
        };
        let Some(lead) = sent.first() else {
            return Ok(());
        };
        let targets = match lead.chat_id {
            Some(chat) => vec![chat],
            None => self.db.reminder_chats(family.id).await?,
        };
        let already = self.db.delivered_to(lead.id).await?;
        let mut failure: Option<String> = None;
        let mut reached = !already.is_empty();
        // Each chat hears it in its own language.
        let chats = self.db.family_chats(family.id).await?;
        let mut worded = Worded::new(&self.out, &notice, settings, chats, now);
        for chat in targets.into_iter().filter(|c| !already.contains(c)) {
            let message = worded.for_chat(chat).await;
            let started = std::time::Instant::now();
            let sent_to = self.send(chat, &message).await;
            self.metrics
                .send_seconds
                .observe(started.elapsed().as_secs_f64());
            match sent_to {
                Ok((reached_chat, message_id)) => {
                    reached = true;
                    let at = self.clock.now();
                    for r in &sent {
                        self.db
                            .record_delivery(r.id, reached_chat, message_id, at)
                            .await?;
                    }
                }
                Err(Undelivered::Gone(why)) => {
                    tracing::info!("chat {chat} is unavailable ({why}): pausing its reminders");
                    self.db.set_chat_active(chat, false).await?;
                }
                Err(Undelivered::Retry(why)) => failure = Some(why),
                Err(Undelivered::Moved(to)) => failure = Some(format!("the group moved to {to}")),
            }
        }
        let now = self.clock.now();
        for r in sent {
            match &failure {
                None if !reached => self.db.pause_reminder(r.id).await?,
                None => {
                    self.metrics.reminders_sent.inc();
                    self.db.finish_reminder(r.id, "sent", now).await?
                }
                Some(why) => {
                    self.metrics.reminders_failed.inc();
                    let backoff = Duration::seconds(5 << r.attempts.clamp(1, 7));
                    tracing::warn!(
                        "reminder {} not delivered ({why}); retry in {backoff}",
                        r.id
                    );
                    self.db.retry_reminder(r.id, now + backoff, why).await?;
                }
            }
        }
        if failure.is_none()
            && let Job::Plain(r) = &job
        {
            self.after_job(r, &family).await?;
        }
        Ok(())
    }

    /// The reminders whose batch is still stored where the reminder expects it; the
    /// others are cancelled (the batch moved on, was used or discarded).
    async fn live<'r>(
        &self,
        family: &FamilyRow,
        reminders: &'r [DueReminder],
        now: DateTime<Utc>,
    ) -> Result<Vec<(&'r DueReminder, BatchRow)>, StorageError> {
        let mut live = Vec::new();
        for r in reminders {
            let batch = match r.batch_id {
                Some(id) => self.db.batch(family.id, id).await?,
                None => None,
            };
            match batch {
                Some(b) if b.state.status == Status::Stored && Some(b.state.place) == r.place => {
                    live.push((r, b))
                }
                _ => self.db.finish_reminder(r.id, "cancelled", now).await?,
            }
        }
        Ok(live)
    }

    /// Reminders that are not about a batch: chat and family jobs. `None` when there is
    /// nothing worth sending.
    async fn plain_notice(
        &self,
        r: &DueReminder,
        family: &FamilyRow,
        now: DateTime<Utc>,
    ) -> Result<Option<Notice<'static>>, StorageError> {
        Ok(match r.kind {
            Kind::SwitchSides => {
                let minutes = r
                    .key
                    .rsplit(':')
                    .next()
                    .and_then(|m| m.parse().ok())
                    .unwrap_or(5);
                Some(Notice::SwitchSides(minutes))
            }
            Kind::Morning => {
                let rows = self.db.batches(family.id, StashFilter::Stored).await?;
                let entries: Vec<_> = rows.iter().map(|b| (b.id, b.state)).collect();
                let view = stash::view(&entries, family.settings.guideline(), now);
                (view.count > 0).then(|| Notice::Morning(Box::new(view)))
            }
            Kind::LowStash => {
                let data = crate::app::insights(&self.db, family, now).await?;
                match (
                    data.insights.frozen_days_of_supply,
                    family.settings.low_stash_days,
                ) {
                    (Some(days), Some(threshold)) if days < f64::from(threshold) => {
                        Some(Notice::LowStash { days, threshold })
                    }
                    // Back above the threshold (or turned off) meanwhile: nothing to say.
                    _ => None,
                }
            }
            Kind::Weekly => Some(Notice::Weekly(Box::new(
                crate::app::insights(&self.db, family, now).await?,
            ))),
            batch_kind => {
                tracing::warn!("a {} reminder about no batch", batch_kind.code());
                None
            }
        })
    }

    /// What a job does once it is sent: the morning and weekly summaries schedule the
    /// next one.
    async fn after_job(&self, r: &DueReminder, family: &FamilyRow) -> Result<(), StorageError> {
        // The next one comes after this one's due time, so a late send does not skip it;
        // after a long downtime, the next one after now (no pile of old summaries).
        let now = self.clock.now();
        let from = if now - r.due_at > Duration::hours(12) {
            now
        } else {
            r.due_at
        };
        match r.kind {
            Kind::Morning => crate::app::schedule_morning(&self.db, family, from).await?,
            Kind::Weekly => crate::app::schedule_weekly(&self.db, family, from).await?,
            _ => {}
        }
        Ok(())
    }

    /// Sends one message to one chat; returns the chat it reached (a group that became
    /// a supergroup has a new id) and the new message id.
    async fn send(
        &self,
        chat: i64,
        message: &N::Message,
    ) -> Result<(i64, Option<i64>), Undelivered> {
        match self.out.send(chat, message).await {
            Ok(id) => Ok((chat, id)),
            Err(Undelivered::Moved(new)) => {
                // The group became a supergroup: follow it, and send there.
                self.db
                    .migrate_chat(chat, new)
                    .await
                    .map_err(|e| Undelivered::Retry(e.to_string()))?;
                match self.out.send(new, message).await {
                    Ok(id) => Ok((new, id)),
                    Err(Undelivered::Gone(why) | Undelivered::Retry(why)) => {
                        Err(Undelivered::Retry(why))
                    }
                    Err(Undelivered::Moved(again)) => Err(Undelivered::Retry(format!(
                        "the group moved again, to {again}"
                    ))),
                }
            }
            Err(other) => Err(other),
        }
    }
}

/// Groups claimed reminders into deliveries: several reminders of one batch become one
/// message (the most pressing), and batches whose reminders are all overdue are folded
/// into one digest per family.
fn plan_jobs(due: Vec<DueReminder>, now: DateTime<Utc>) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut by_batch: BTreeMap<i64, Vec<DueReminder>> = BTreeMap::new();
    for r in due {
        match (r.batch_id, r.chat_id) {
            (Some(batch), None) => by_batch.entry(batch).or_default().push(r),
            _ => jobs.push(Job::Plain(Box::new(r))),
        }
    }
    let mut digests: BTreeMap<i64, Vec<DueReminder>> = BTreeMap::new();
    for (_, reminders) in by_batch {
        let family = reminders.first().map(|r| r.family_id).unwrap_or_default();
        if reminders.iter().all(|r| now - r.due_at > OVERDUE) {
            digests.entry(family).or_default().extend(reminders);
        } else {
            jobs.push(Job::Batches(reminders));
        }
    }
    jobs.extend(digests.into_values().map(Job::Batches));
    jobs
}

/// What one delivery sends: a reminder that is not about a batch, or reminders about
/// one or more batches of a family (more than one becomes a digest).
enum Job {
    Plain(Box<DueReminder>),
    Batches(Vec<DueReminder>),
}

impl Job {
    fn ids(&self) -> Vec<i64> {
        match self {
            Job::Plain(r) => vec![r.id],
            Job::Batches(rs) => rs.iter().map(|r| r.id).collect(),
        }
    }
}

//! The only place the bot reads the time. Production uses the system clock; tests use
//! a manual clock they can move forward by hours or months without sleeping.

use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;
use tokio::sync::watch;

#[derive(Clone)]
pub struct Clock(Arc<Source>);

enum Source {
    System,
    Manual(watch::Sender<DateTime<Utc>>),
}

impl Clock {
    pub fn system() -> Clock {
        Clock(Arc::new(Source::System))
    }

    /// A clock that stands still at `start` until moved with [`Clock::advance`] or [`Clock::set`].
    pub fn manual(start: DateTime<Utc>) -> Clock {
        Clock(Arc::new(Source::Manual(watch::Sender::new(start))))
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &*self.0 {
            Source::System => Utc::now(),
            Source::Manual(tx) => *tx.borrow(),
        }
    }

    /// Moves a manual clock forward. Does nothing on the system clock.
    pub fn advance(&self, by: Duration) {
        if let Source::Manual(tx) = &*self.0 {
            tx.send_modify(|now| *now += by);
        }
    }

    /// Sets a manual clock. Does nothing on the system clock.
    pub fn set(&self, to: DateTime<Utc>) {
        if let Source::Manual(tx) = &*self.0 {
            tx.send_replace(to);
        }
    }

    /// Waits until the clock reads `deadline` or later.
    pub async fn sleep_until(&self, deadline: DateTime<Utc>) {
        match &*self.0 {
            Source::System => {
                let wait = (deadline - Utc::now()).to_std().unwrap_or_default();
                tokio::time::sleep(wait).await;
            }
            Source::Manual(tx) => {
                let mut rx = tx.subscribe();
                // The sender lives as long as this clock, so `wait_for` only ends when the
                // time has come.
                let _ = rx.wait_for(|now| *now >= deadline).await;
            }
        }
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            Source::System => f.write_str("Clock::System"),
            Source::Manual(tx) => write!(f, "Clock::Manual({})", *tx.borrow()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[tokio::test]
    async fn manual_clock_wakes_sleepers_when_moved() {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let clock = Clock::manual(start);
        let sleeper = {
            let clock = clock.clone();
            tokio::spawn(async move { clock.sleep_until(start + Duration::days(30)).await })
        };
        clock.advance(Duration::days(29));
        tokio::task::yield_now().await;
        assert!(!sleeper.is_finished());
        clock.advance(Duration::days(1));
        tokio::time::timeout(std::time::Duration::from_secs(5), sleeper)
            .await
            .expect("sleeper woke")
            .expect("no panic");
        assert_eq!(clock.now(), start + Duration::days(30));
    }
}

//! Typed replies the bot is waiting for ("Change the time" → "type it", "Type a city",
//! "Type it" for a batch not logged yet).

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use crate::domain::{Ml, Place};

use super::{Db, Result, secs};

/// How long the bot waits for a typed amount, time or city after asking for one.
pub const REPLY_WAIT: Duration = Duration::minutes(30);

/// What a typed reply changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Awaited {
    Amount,
    Time,
    /// "Baby left some" → "Type it": how much is left in the bottle.
    Leftover,
    /// The family's timezone, by city (or offset); no batch.
    City,
    /// When a batch not logged yet was expressed ([`AwaitedReply::pending`] holds it).
    LogTime,
    /// Where a batch not logged yet is ([`AwaitedReply::pending`] holds its amount).
    LogPlace,
}

crate::domain::code::codes!(Awaited {
    Amount => "amount",
    Time => "time",
    Leftover => "leftover",
    City => "city",
    LogTime => "log_time",
    LogPlace => "log_place",
});

/// A reply the bot waits for, and the batch it edits (none for a city or a batch not
/// logged yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AwaitedReply {
    pub family_id: i64,
    pub batch_id: Option<i64>,
    pub kind: Awaited,
    /// The batch the reply completes before it is logged (after "Type it").
    pub pending: Option<Pending>,
}

/// What is known of a batch not logged yet: its amount, and its place once chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub ml: Ml,
    pub place: Option<Place>,
}

impl Db {
    /// From now on (for [`REPLY_WAIT`]), the next text of `user_id` in `chat_id` is the
    /// `kind` of batch `batch_id` (or the city). Replaces whatever the bot waited for from them there.
    pub async fn await_reply(
        &self,
        chat_id: i64,
        user_id: i64,
        reply: AwaitedReply,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query(
            "INSERT INTO awaited_replies (chat_id, user_id, family_id, batch_id, kind, asked_at, \
             pending_ml, pending_place) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (chat_id, user_id) DO UPDATE SET \
             family_id = excluded.family_id, batch_id = excluded.batch_id, \
             kind = excluded.kind, asked_at = excluded.asked_at, handled_by = NULL, \
             pending_ml = excluded.pending_ml, pending_place = excluded.pending_place",
        )
        .bind(chat_id)
        .bind(user_id)
        .bind(reply.family_id)
        .bind(reply.batch_id)
        .bind(reply.kind.code())
        .bind(secs(now))
        .bind(reply.pending.map(|p| i64::from(p.ml.get())))
        .bind(reply.pending.and_then(|p| p.place).map(|p| p.code()))
        .execute(gate.writer())
        .await?;
        Ok(())
    }

    /// The reply the bot waits for from `user_id` in `chat_id`, if `update_id` is it:
    /// still unanswered and recent, or answered by this very update (handled again).
    pub async fn awaited_reply(
        &self,
        chat_id: i64,
        user_id: i64,
        update_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<AwaitedReply>> {
        let row = sqlx::query(
            "SELECT family_id, batch_id, kind, pending_ml, pending_place FROM awaited_replies \
             WHERE chat_id = $1 AND user_id = $2 \
             AND ((handled_by IS NULL AND asked_at >= $3) OR handled_by = $4)",
        )
        .bind(chat_id)
        .bind(user_id)
        .bind(secs(now - REPLY_WAIT))
        .bind(update_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let kind: String = row.try_get("kind")?;
        let Some(kind) = Awaited::from_code(&kind) else {
            return Ok(None);
        };
        let ml: Option<i64> = row.try_get("pending_ml")?;
        let place: Option<String> = row.try_get("pending_place")?;
        let pending = ml.and_then(|ml| u32::try_from(ml).ok()).map(|ml| Pending {
            ml: Ml(ml),
            place: place.as_deref().and_then(Place::from_code),
        });
        Ok(Some(AwaitedReply {
            family_id: row.try_get("family_id")?,
            batch_id: row.try_get("batch_id")?,
            kind,
            pending,
        }))
    }

    /// `update_id` answered the reply awaited from `user_id` in `chat_id` (or the wait
    /// was cancelled, with `None`): the next text is an ordinary message again.
    pub async fn reply_handled(
        &self,
        chat_id: i64,
        user_id: i64,
        update_id: Option<i64>,
    ) -> Result<()> {
        let gate = self.gate().await?;
        match update_id {
            Some(u) => sqlx::query(
                "UPDATE awaited_replies SET handled_by = $3 \
                 WHERE chat_id = $1 AND user_id = $2 AND handled_by IS NULL",
            )
            .bind(chat_id)
            .bind(user_id)
            .bind(u),
            None => sqlx::query(
                "DELETE FROM awaited_replies WHERE chat_id = $1 AND user_id = $2 \
                 AND handled_by IS NULL",
            )
            .bind(chat_id)
            .bind(user_id),
        }
        .execute(gate.writer())
        .await?;
        Ok(())
    }
}

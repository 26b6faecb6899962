//! Who belongs where: invites, joining and leaving a family, a group's migration to a
//! supergroup, and forgetting a family. Each change takes its turn
//! ([`Db::begin_membership`]).

use chrono::{DateTime, Utc};

use super::{Db, Result, StorageError, secs};

impl Db {
    pub async fn create_invite(
        &self,
        family_id: i64,
        created_by: i64,
        code: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query(
            "INSERT INTO invites (code, family_id, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(code)
        .bind(family_id)
        .bind(created_by)
        .bind(secs(now))
        .bind(secs(expires_at))
        .execute(gate.writer())
        .await?;
        Ok(())
    }

    /// The family an unused, unexpired invite code leads to.
    pub async fn invite_family(&self, code: &str, now: DateTime<Utc>) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT family_id FROM invites WHERE code = $1 AND used_by IS NULL AND expires_at > $2",
        )
        .bind(code)
        .bind(secs(now))
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Joins private chat `chat_id` (of `user_id`) to the family of invite `code`, using
    /// up the invite. With `merge`, the chat's own stash (its batches and their history)
    /// moves into the family; without, it stays aside and comes back on /leave. None when
    /// the invite is no longer valid.
    ///
    /// Only a private family of one is the caller's own stash: when the chat is linked to
    /// a family that other chats share, joining elsewhere leaves that family with all of
    /// its stash, whatever `merge` says, and the chat keeps the stash it had set aside.
    pub async fn join_family(
        &self,
        code: &str,
        chat_id: i64,
        user_id: i64,
        name: &str,
        merge: bool,
        now: DateTime<Utc>,
    ) -> Result<Option<Joined>> {
        let mut tx = self.begin_membership().await?;
        let family: Option<i64> = sqlx::query_scalar(
            "UPDATE invites SET used_by = $1, used_at = $2 \
             WHERE code = $3 AND used_by IS NULL AND expires_at > $2 RETURNING family_id",
        )
        .bind(user_id)
        .bind(secs(now))
        .bind(code)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(family) = family else {
            tx.rollback().await?;
            return Ok(None);
        };
        let own: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT family_id, home_family_id FROM chats WHERE id = $1")
                .bind(chat_id)
                .fetch_optional(&mut *tx)
                .await?;
        let mut home = None;
        let mut merged = false;
        if let Some((own, own_home)) = own.filter(|(own, _)| *own != family) {
            let others: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM chats WHERE family_id = $1 AND id <> $2")
                    .bind(own)
                    .bind(chat_id)
                    .fetch_one(&mut *tx)
                    .await?;
            let own_private = others == 0 && chat_id == user_id;
            if !own_private {
                // A shared family: this chat leaves it, and the family keeps its stash.
                sqlx::query("DELETE FROM members WHERE family_id = $1 AND user_id = $2")
                    .bind(own)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                home = own_home;
            } else if merge {
                for sql in [
                    "UPDATE batches SET family_id = $1 WHERE family_id = $2",
                    "UPDATE batch_events SET family_id = $1 WHERE family_id = $2",
                    "UPDATE reminders SET family_id = $1 WHERE family_id = $2",
                ] {
                    sqlx::query(sql)
                        .bind(family)
                        .bind(own)
                        .execute(&mut *tx)
                        .await?;
                }
                merged = true;
            } else {
                home = Some(own);
            }
            if merged {
                // Everything moved out: the old family of one has nothing left.
                sqlx::query("UPDATE chats SET family_id = $1 WHERE id = $2")
                    .bind(family)
                    .bind(chat_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM families WHERE id = $1")
                    .bind(own)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        sqlx::query(
            "INSERT INTO chats (id, family_id, kind, title, active, created_at, home_family_id) \
             VALUES ($1, $2, 'private', NULL, 1, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, active = 1, \
             home_family_id = excluded.home_family_id",
        )
        .bind(chat_id)
        .bind(family)
        .bind(secs(now))
        .bind(home)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO members (family_id, user_id, name, private_chat_id, reminders, joined_at) \
             VALUES ($1, $2, $3, $4, 'private', $5) \
             ON CONFLICT (family_id, user_id) DO UPDATE SET private_chat_id = excluded.private_chat_id, \
             reminders = 'private', name = excluded.name",
        )
        .bind(family)
        .bind(user_id)
        .bind(name)
        .bind(chat_id)
        .bind(secs(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.wake_scheduler();
        Ok(Some(Joined { family, merged }))
    }

    /// Whether `chat_id` is the only chat of its family: a private stash of one person,
    /// which they may bring along when joining another family.
    pub async fn is_own_stash(&self, chat_id: i64) -> Result<bool> {
        let others: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM chats c JOIN chats mine ON mine.family_id = c.family_id \
             WHERE mine.id = $1 AND c.id <> $1",
        )
        .bind(chat_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(others == 0)
    }

    /// Unlinks a private chat from the family it joined: it gets its own stash back (or a
    /// new, empty one). Returns the chat's family now.
    pub async fn leave_family(
        &self,
        chat_id: i64,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let mut tx = self.begin_membership().await?;
        let row: Option<(i64, Option<i64>)> =
            sqlx::query_as("SELECT family_id, home_family_id FROM chats WHERE id = $1")
                .bind(chat_id)
                .fetch_optional(&mut *tx)
                .await?;
        let home = match row.and_then(|(_, home)| home) {
            Some(home) => home,
            None => sqlx::query_scalar(
                "INSERT INTO families (created_at, timezone) \
                 SELECT $1, timezone FROM families WHERE id = $2 RETURNING id",
            )
            .bind(secs(now))
            .bind(row.map(|r| r.0).unwrap_or_default())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StorageError::Corrupt("leaving chat has no family".into()))?,
        };
        if let Some((family, _)) = row {
            sqlx::query("DELETE FROM members WHERE family_id = $1 AND user_id = $2")
                .bind(family)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("UPDATE chats SET family_id = $1, home_family_id = NULL WHERE id = $2")
            .bind(home)
            .bind(chat_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(home)
    }

    /// Removes a member; if their private chat was linked to the family, it gets its own
    /// stash back. Returns that chat, if any.
    pub async fn remove_member(
        &self,
        family_id: i64,
        user_id: i64,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        let linked: Option<i64> = sqlx::query_scalar::<_, Option<i64>>(
            "SELECT m.private_chat_id FROM members m JOIN chats c ON c.id = m.private_chat_id \
             WHERE m.family_id = $1 AND m.user_id = $2 AND c.family_id = $1 AND c.kind = 'private'",
        )
        .bind(family_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?
        .flatten();
        match linked {
            Some(chat) => {
                self.leave_family(chat, user_id, now).await?;
            }
            None => {
                let gate = self.gate().await?;
                sqlx::query("DELETE FROM members WHERE family_id = $1 AND user_id = $2")
                    .bind(family_id)
                    .bind(user_id)
                    .execute(gate.writer())
                    .await?;
            }
        }
        Ok(linked)
    }

    /// A group became a supergroup: the family follows it to its new chat id.
    pub async fn migrate_chat(&self, old: i64, new: i64) -> Result<()> {
        let mut tx = self.begin_membership().await?;
        // A message from the new supergroup may have arrived first and made an empty
        // family for it: drop that one, the old family wins.
        let early: Option<i64> = sqlx::query_scalar("SELECT family_id FROM chats WHERE id = $1")
            .bind(new)
            .fetch_optional(&mut *tx)
            .await?;
        let old_exists: Option<i64> =
            sqlx::query_scalar("SELECT family_id FROM chats WHERE id = $1")
                .bind(old)
                .fetch_optional(&mut *tx)
                .await?;
        if let (Some(early), Some(old_family)) = (early, old_exists) {
            sqlx::query("DELETE FROM chats WHERE id = $1")
                .bind(new)
                .execute(&mut *tx)
                .await?;
            if early != old_family {
                let has_batches: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM batches WHERE family_id = $1 LIMIT 1")
                        .bind(early)
                        .fetch_optional(&mut *tx)
                        .await?;
                if has_batches.is_none() {
                    sqlx::query("DELETE FROM families WHERE id = $1")
                        .bind(early)
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        sqlx::query("UPDATE chats SET id = $1, kind = 'supergroup', active = 1 WHERE id = $2")
            .bind(new)
            .bind(old)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes everything a family has (settings, chats, members, invites, batches,
    /// history, reminders) and says how much of it there was.
    pub async fn forget_family(&self, family_id: i64) -> Result<Forgotten> {
        let mut tx = self.begin_membership().await?;
        let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).bind(family_id);
        let batches = count("SELECT COUNT(*) FROM batches WHERE family_id = $1")
            .fetch_one(&mut *tx)
            .await?;
        let events = count("SELECT COUNT(*) FROM batch_events WHERE family_id = $1")
            .fetch_one(&mut *tx)
            .await?;
        let reminders = count("SELECT COUNT(*) FROM reminders WHERE family_id = $1")
            .fetch_one(&mut *tx)
            .await?;
        let members = count("SELECT COUNT(*) FROM members WHERE family_id = $1")
            .fetch_one(&mut *tx)
            .await?;
        // Chats, members, invites, batches, events and reminders go with the family.
        sqlx::query("DELETE FROM families WHERE id = $1")
            .bind(family_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Forgotten {
            batches,
            events,
            reminders,
            members,
        })
    }
}

/// A chat joined a family through an invite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joined {
    pub family: i64,
    /// The chat's own stash moved in.
    pub merged: bool,
}

/// What `/forget` deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Forgotten {
    pub batches: i64,
    pub events: i64,
    pub reminders: i64,
    pub members: i64,
}

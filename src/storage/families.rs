//! Families, their settings, and the chats they are reached in.

use crate::domain::family::ChatType;
use crate::domain::reminders::Kind;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::reminders::{NewReminder, replace_family_job, replace_pending};
use super::{Db, Result, StorageError, secs};
use crate::domain::family::{ChatInfo, MemberInfo, ReminderPref, private_falls_back, recipients};
use crate::domain::settings::{Access, LeadTimes, QuietHours, Settings};
use crate::domain::{Lang, Profile, Unit};

#[derive(Debug, Clone, PartialEq)]
pub struct FamilyRow {
    pub id: i64,
    pub settings: Settings,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatRow {
    pub id: i64,
    pub family_id: i64,
    pub kind: ChatType,
    pub title: Option<String>,
    pub active: bool,
    /// The language the chat is spoken to in; None until the bot learns it (see
    /// [`Db::set_chat_lang`]).
    pub lang: Option<Lang>,
    /// Stored by the call that returned it (first contact).
    pub new: bool,
}

impl ChatRow {
    /// The chat's language, English until one is known.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }
}

/// The language of `chat` among a family's `chats`; English for one not among them
/// (e.g. just moved to a supergroup).
pub fn lang_of(chats: &[ChatRow], chat: i64) -> Lang {
    chats
        .iter()
        .find(|c| c.id == chat)
        .map(ChatRow::lang)
        .unwrap_or_default()
}

/// A stored language code, read back (an unknown one reads as not known).
fn stored_lang(code: Option<String>) -> Option<Lang> {
    code.as_deref().and_then(Lang::from_code)
}

const FAMILY_COLUMNS: &str = "id, unit, timezone, timezone_set, profile, quiet_start, quiet_end, \
     lead_room, lead_fridge, lead_freezer, lead_thawed, morning_digest, weekly_summary, \
     low_stash_days, open_admin, cold_fridge";

fn family_from_row(row: &AnyRow) -> Result<FamilyRow> {
    let corrupt = |what: &str| StorageError::Corrupt(format!("family {what}"));
    let defaults = LeadTimes::default();
    let lead = |col: &str, default: u32| -> Result<u32> {
        Ok(row
            .try_get::<Option<i64>, _>(col)?
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(default))
    };
    let quiet = match (
        row.try_get::<Option<i64>, _>("quiet_start")?,
        row.try_get::<Option<i64>, _>("quiet_end")?,
    ) {
        (Some(s), Some(e)) => QuietHours::new(
            u16::try_from(s).map_err(|_| corrupt("quiet hours"))?,
            u16::try_from(e).map_err(|_| corrupt("quiet hours"))?,
        ),
        _ => None,
    };
    let tz_name: String = row.try_get("timezone")?;
    Ok(FamilyRow {
        id: row.try_get("id")?,
        settings: Settings {
            unit: Unit::from_code(&row.try_get::<String, _>("unit")?)
                .ok_or_else(|| corrupt("unit"))?,
            tz: tz_name.parse::<Tz>().map_err(|_| corrupt("timezone"))?,
            tz_chosen: row.try_get::<i64, _>("timezone_set")? != 0,
            profile: Profile::from_code(&row.try_get::<String, _>("profile")?)
                .ok_or_else(|| corrupt("profile"))?,
            cold_fridge: row
                .try_get::<Option<i64>, _>("cold_fridge")?
                .map(|v| v != 0),
            quiet,
            leads: LeadTimes {
                room: lead("lead_room", defaults.room)?,
                thawed: lead("lead_thawed", defaults.thawed)?,
                fridge: lead("lead_fridge", defaults.fridge)?,
                freezer: lead("lead_freezer", defaults.freezer)?,
            },
            morning_digest: row.try_get::<i64, _>("morning_digest")? != 0,
            weekly_summary: row.try_get::<i64, _>("weekly_summary")? != 0,
            low_stash_days: row
                .try_get::<Option<i64>, _>("low_stash_days")?
                .and_then(|v| u32::try_from(v).ok()),
            access: u8::try_from(row.try_get::<i64, _>("open_admin")?)
                .ok()
                .and_then(Access::from_code)
                .ok_or_else(|| corrupt("access"))?,
        },
    })
}

fn chat_from_row(row: &AnyRow) -> Result<ChatRow> {
    Ok(ChatRow {
        id: row.try_get("id")?,
        family_id: row.try_get("family_id")?,
        kind: super::rows::coded(
            "chat kind",
            &row.try_get::<String, _>("kind")?,
            ChatType::from_code,
        )?,
        title: row.try_get("title")?,
        active: row.try_get::<i64, _>("active")? != 0,
        lang: stored_lang(row.try_get("lang")?),
        new: false,
    })
}

/// What is stored of someone as a member of a family.
struct KnownMember {
    name: String,
    private_chat: Option<i64>,
}

/// What the bot knows about a chat when it first sees it.
#[derive(Debug, Clone)]
pub struct NewChat<'a> {
    pub id: i64,
    pub kind: ChatType,
    pub title: Option<&'a str>,
}

impl Db {
    /// The family a chat belongs to, creating both on first contact. Marks the chat
    /// active again if it had been inactive (the user is talking to the bot).
    pub async fn family_for_chat(
        &self,
        chat: NewChat<'_>,
        default_tz: Tz,
        now: DateTime<Utc>,
    ) -> Result<(FamilyRow, ChatRow)> {
        let (family, chat, _) = self.family_for_chat_as(chat, None, default_tz, now).await?;
        Ok((family, chat))
    }

    /// Someone acting in a chat: the chat's family as [`Db::family_for_chat`] gives it,
    /// and the person noted as a member (see [`Db::touch_member`]). One statement when
    /// both are known, as nearly always.
    pub async fn family_for_member(
        &self,
        chat: NewChat<'_>,
        actor: &super::Actor,
        private_chat: Option<i64>,
        default_tz: Tz,
        now: DateTime<Utc>,
    ) -> Result<(FamilyRow, ChatRow)> {
        let (family, chat, known) = self
            .family_for_chat_as(chat, Some(actor.id), default_tz, now)
            .await?;
        self.note_member(family.id, actor, private_chat, known, now)
            .await?;
        Ok((family, chat))
    }

    /// [`Db::family_for_chat`], with what is stored of `user_id` as a member of it.
    async fn family_for_chat_as(
        &self,
        chat: NewChat<'_>,
        user_id: Option<i64>,
        default_tz: Tz,
        now: DateTime<Utc>,
    ) -> Result<(FamilyRow, ChatRow, Option<KnownMember>)> {
        if let Some((family, found, known)) = self.chat_with_family(chat.id, user_id).await? {
            if !found.active {
                self.set_chat_active(chat.id, true).await?;
                self.resume_reminders(found.family_id).await?;
            }
            let chat = ChatRow {
                active: true,
                ..found
            };
            return Ok((family, chat, known));
        }
        let mut tx = self.begin_membership().await?;
        let existing: Option<i64> = sqlx::query_scalar("SELECT family_id FROM chats WHERE id = $1")
            .bind(chat.id)
            .fetch_optional(&mut *tx)
            .await?;
        if existing.is_none() {
            let family_id: i64 = sqlx::query_scalar(
                "INSERT INTO families (created_at, timezone) VALUES ($1, $2) RETURNING id",
            )
            .bind(secs(now))
            .bind(default_tz.name())
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO chats (id, family_id, kind, title, active, created_at) \
                 VALUES ($1, $2, $3, $4, 1, $5)",
            )
            .bind(chat.id)
            .bind(family_id)
            .bind(chat.kind.code())
            .bind(chat.title.map(super::storable))
            .bind(secs(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        let (family, row, known) = self
            .chat_with_family(chat.id, user_id)
            .await?
            .ok_or_else(|| StorageError::Corrupt("chat vanished after insert".into()))?;
        let row = ChatRow {
            new: existing.is_none(),
            ..row
        };
        Ok((family, row, known))
    }

    /// A chat and its family, and what is stored of `user_id` as a member of it, in one
    /// statement (every update reads them).
    async fn chat_with_family(
        &self,
        chat_id: i64,
        user_id: Option<i64>,
    ) -> Result<Option<(FamilyRow, ChatRow, Option<KnownMember>)>> {
        // The family's columns as `family_from_row` reads them; the chat's and the
        // member's under their own names (the tables share column names).
        let sql = format!(
            "SELECT f.{FAMILY_COLUMNS}, c.id AS chat_id, c.kind AS chat_kind, \
             c.title AS chat_title, c.active AS chat_active, c.lang AS chat_lang, m.user_id AS member_id, \
             m.name AS member_name, m.private_chat_id AS member_chat \
             FROM chats c JOIN families f ON f.id = c.family_id \
             LEFT JOIN members m ON m.family_id = f.id AND m.user_id = $2 WHERE c.id = $1"
        );
        let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(chat_id)
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let family = family_from_row(&row)?;
        let chat = ChatRow {
            id: row.try_get("chat_id")?,
            family_id: family.id,
            kind: super::rows::coded(
                "chat kind",
                &row.try_get::<String, _>("chat_kind")?,
                ChatType::from_code,
            )?,
            title: row.try_get("chat_title")?,
            active: row.try_get::<i64, _>("chat_active")? != 0,
            lang: stored_lang(row.try_get("chat_lang")?),
            new: false,
        };
        let known = match row.try_get::<Option<i64>, _>("member_id")? {
            Some(_) => Some(KnownMember {
                name: row.try_get("member_name")?,
                private_chat: row.try_get("member_chat")?,
            }),
            None => None,
        };
        Ok(Some((family, chat, known)))
    }

    /// The family someone may see on the stash board: the family of `chat_id` (a group
    /// the board was opened from) when they are one of its members, or else the family
    /// of their own private chat with the bot. None when they are in neither.
    pub async fn board_family(
        &self,
        user_id: i64,
        chat_id: Option<i64>,
    ) -> Result<Option<FamilyRow>> {
        let sql = match chat_id {
            Some(_) => format!(
                "SELECT f.{FAMILY_COLUMNS} FROM chats c JOIN families f ON f.id = c.family_id \
                 JOIN members m ON m.family_id = f.id AND m.user_id = $1 WHERE c.id = $2"
            ),
            None => format!(
                "SELECT f.{FAMILY_COLUMNS} FROM chats c JOIN families f ON f.id = c.family_id \
                 WHERE c.id = $1 AND c.kind = 'private'"
            ),
        };
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id);
        if let Some(chat) = chat_id {
            query = query.bind(chat);
        }
        query
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(family_from_row)
            .transpose()
    }

    pub async fn chat(&self, chat_id: i64) -> Result<Option<ChatRow>> {
        sqlx::query("SELECT id, family_id, kind, title, active, lang FROM chats WHERE id = $1")
            .bind(chat_id)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(chat_from_row)
            .transpose()
    }

    pub async fn family(&self, family_id: i64) -> Result<FamilyRow> {
        let sql = format!("SELECT {FAMILY_COLUMNS} FROM families WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(family_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("family {family_id} missing")))?;
        family_from_row(&row)
    }

    /// Saves a family's settings together with what they change, in one transaction:
    /// the family's jobs of each kind in `jobs` are replaced by the new one (or none),
    /// and each batch in `plans` gets its new pending reminders. All or nothing.
    pub async fn save_settings(
        &self,
        family_id: i64,
        s: &Settings,
        jobs: &[(Kind, Option<NewReminder>)],
        plans: &[(i64, Vec<NewReminder>)],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE families SET unit = $1, timezone = $2, timezone_set = $3, profile = $4, \
             quiet_start = $5, quiet_end = $6, lead_room = $7, lead_fridge = $8, \
             lead_freezer = $9, lead_thawed = $10, morning_digest = $11, weekly_summary = $12, \
             low_stash_days = $13, open_admin = $14, cold_fridge = $15 WHERE id = $16",
        )
        .bind(s.unit.code())
        .bind(s.tz.name())
        .bind(i64::from(s.tz_chosen))
        .bind(s.profile.code())
        .bind(s.quiet.map(|q| i64::from(q.start)))
        .bind(s.quiet.map(|q| i64::from(q.end)))
        .bind(i64::from(s.leads.room))
        .bind(i64::from(s.leads.fridge))
        .bind(i64::from(s.leads.freezer))
        .bind(i64::from(s.leads.thawed))
        .bind(i64::from(s.morning_digest))
        .bind(i64::from(s.weekly_summary))
        .bind(s.low_stash_days.map(i64::from))
        .bind(i64::from(s.access.code()))
        .bind(s.cold_fridge.map(i64::from))
        .bind(family_id)
        .execute(&mut *tx)
        .await?;
        for (kind, next) in jobs {
            replace_family_job(&mut tx, family_id, *kind, next.as_ref()).await?;
        }
        for (batch_id, plan) in plans {
            replace_pending(&mut tx, *batch_id, plan).await?;
        }
        tx.commit().await?;
        self.wake_scheduler();
        Ok(())
    }

    pub async fn set_chat_active(&self, chat_id: i64, active: bool) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query("UPDATE chats SET active = $1 WHERE id = $2")
            .bind(i64::from(active))
            .bind(chat_id)
            .execute(gate.writer())
            .await?;
        Ok(())
    }

    /// Sets the language `chat_id` is spoken to in (first contact, /language).
    pub async fn set_chat_lang(&self, chat_id: i64, lang: Lang) -> Result<()> {
        let gate = self.gate().await?;
        sqlx::query("UPDATE chats SET lang = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(chat_id)
            .execute(gate.writer())
            .await?;
        Ok(())
    }

    /// Records that `user_id` acts in `family_id` (for "who did what" and /family), and,
    /// when they write from their private chat, that this chat is theirs.
    pub async fn touch_member(
        &self,
        family_id: i64,
        user_id: i64,
        name: &str,
        private_chat: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let known: Option<(String, Option<i64>)> = sqlx::query_as(
            "SELECT name, private_chat_id FROM members WHERE family_id = $1 AND user_id = $2",
        )
        .bind(family_id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        let known = known.map(|(name, private_chat)| KnownMember { name, private_chat });
        let actor = super::Actor {
            id: user_id,
            name: name.to_owned(),
        };
        self.note_member(family_id, &actor, private_chat, known, now)
            .await
    }

    /// Writes `actor` as a member unless `known` (what is stored of them) already says
    /// so: nearly every update comes from someone known under the same name, and a
    /// read (which never waits for SQLite's write lock) spares a write for each.
    async fn note_member(
        &self,
        family_id: i64,
        actor: &super::Actor,
        private_chat: Option<i64>,
        known: Option<KnownMember>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if let Some(known) = known
            && known.name == actor.name
            && (private_chat.is_none() || private_chat == known.private_chat)
        {
            return Ok(());
        }
        let gate = self.gate().await?;
        sqlx::query(
            "INSERT INTO members (family_id, user_id, name, private_chat_id, joined_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (family_id, user_id) DO UPDATE SET name = excluded.name, \
             private_chat_id = COALESCE(excluded.private_chat_id, members.private_chat_id)",
        )
        .bind(family_id)
        .bind(actor.id)
        .bind(actor.name.as_str())
        .bind(private_chat)
        .bind(secs(now))
        .execute(gate.writer())
        .await?;
        Ok(())
    }

    pub async fn members(&self, family_id: i64) -> Result<Vec<MemberRow>> {
        sqlx::query(
            "SELECT user_id, name, private_chat_id, reminders FROM members \
             WHERE family_id = $1 ORDER BY joined_at, user_id",
        )
        .bind(family_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            let pref: String = row.try_get("reminders")?;
            Ok(MemberRow {
                user_id: row.try_get("user_id")?,
                name: row.try_get("name")?,
                private_chat_id: row.try_get("private_chat_id")?,
                pref: ReminderPref::from_code(&pref).unwrap_or(ReminderPref::Auto),
            })
        })
        .collect()
    }

    /// Sets where a member wants reminders. False when they are not a member.
    pub async fn set_member_pref(
        &self,
        family_id: i64,
        user_id: i64,
        pref: ReminderPref,
    ) -> Result<bool> {
        let gate = self.gate().await?;
        let n =
            sqlx::query("UPDATE members SET reminders = $1 WHERE family_id = $2 AND user_id = $3")
                .bind(pref.code())
                .bind(family_id)
                .bind(user_id)
                .execute(gate.writer())
                .await?
                .rows_affected();
        Ok(n == 1)
    }

    pub async fn family_chats(&self, family_id: i64) -> Result<Vec<ChatRow>> {
        sqlx::query(
            "SELECT id, family_id, kind, title, active, lang FROM chats WHERE family_id = $1 \
             ORDER BY id",
        )
        .bind(family_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(chat_from_row)
        .collect()
    }

    /// The chats a family's reminders go to, after each member's choice.
    pub async fn reminder_chats(&self, family_id: i64) -> Result<Vec<i64>> {
        let (chats, members) = self.reminder_audience(family_id).await?;
        Ok(recipients(&chats, &members))
    }

    /// Whether `user_id` chose reminders in private but has no private chat they can
    /// reach: their reminders go to the group meanwhile.
    pub async fn private_falls_back(&self, family_id: i64, user_id: i64) -> Result<bool> {
        let (chats, members) = self.reminder_audience(family_id).await?;
        Ok(members
            .iter()
            .find(|m| m.user_id == user_id)
            .is_some_and(|m| private_falls_back(m, &chats)))
    }

    /// A family's chats and members, as far as reminders are concerned.
    async fn reminder_audience(&self, family_id: i64) -> Result<(Vec<ChatInfo>, Vec<MemberInfo>)> {
        let chats: Vec<ChatInfo> = self
            .family_chats(family_id)
            .await?
            .into_iter()
            .map(|c| ChatInfo {
                id: c.id,
                is_group: c.kind != ChatType::Private,
                active: c.active,
            })
            .collect();
        let members: Vec<MemberInfo> = self
            .members(family_id)
            .await?
            .into_iter()
            .map(|m| MemberInfo {
                user_id: m.user_id,
                pref: m.pref,
                private_chat: m.private_chat_id,
            })
            .collect();
        Ok((chats, members))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub user_id: i64,
    pub name: String,
    pub private_chat_id: Option<i64>,
    pub pref: ReminderPref,
}

#[cfg(test)]
pub(crate) mod tests;

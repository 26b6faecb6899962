//! Throwaway databases for tests. The bot itself never uses this module.
//!
//! It is a plain `pub` module (not `#[cfg(test)]`) so that the storage unit tests and the
//! end-to-end harness in `tests/support/` share one implementation: integration tests
//! link the library built without `cfg(test)`.
//!
//! [`TestDb::create`] makes a fresh, empty database and gives its URL:
//! - by default, a SQLite file in a new temporary directory;
//! - when the environment variable [`POSTGRES_ENV`] (`MILKBOT_TEST_POSTGRES`) holds a
//!   server URL such as `postgres://postgres@127.0.0.1:55432/postgres`, a new database
//!   `milkbot_t_<unique>` on that server.
//!
//! Dropping the [`TestDb`] removes the directory or drops the database, best effort:
//! names never repeat, so a database left behind by a killed run does not disturb the
//! next one.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::{Connection, Executor, PgConnection};

use super::{Result, StorageError, redact_url};

/// The environment variable that switches tests to a PostgreSQL server.
pub const POSTGRES_ENV: &str = "MILKBOT_TEST_POSTGRES";

/// A fresh database for one test; removed when dropped.
#[derive(Debug)]
pub struct TestDb {
    url: String,
    cleanup: Cleanup,
}

#[derive(Debug, Clone)]
enum Cleanup {
    Dir(PathBuf),
    Postgres { server: String, name: String },
}

impl TestDb {
    /// A new empty database: on the PostgreSQL server named by `MILKBOT_TEST_POSTGRES`
    /// when it is set, otherwise a SQLite file in a new temporary directory.
    pub async fn create() -> Result<TestDb> {
        match std::env::var(POSTGRES_ENV) {
            Ok(server) if !server.trim().is_empty() => Self::postgres(server.trim()).await,
            _ => Self::sqlite(),
        }
    }

    /// The URL to give `Db::open` (or the bot's `DATABASE_URL`).
    pub fn url(&self) -> &str {
        &self.url
    }

    fn sqlite() -> Result<TestDb> {
        let dir = std::env::temp_dir().join(unique_name());
        std::fs::create_dir(&dir).map_err(|e| StorageError::Open {
            url: dir.display().to_string(),
            reason: e.to_string(),
        })?;
        Ok(TestDb {
            url: format!("sqlite://{}", dir.join("milkbot.db").display()),
            cleanup: Cleanup::Dir(dir),
        })
    }

    async fn postgres(server: &str) -> Result<TestDb> {
        let open_error = |reason: String| StorageError::Open {
            url: redact_url(server),
            reason: format!("{POSTGRES_ENV}: {reason}"),
        };
        let mut url = url::Url::parse(server).map_err(|e| open_error(e.to_string()))?;
        let name = unique_name();
        let mut conn = PgConnection::connect(server)
            .await
            .map_err(|e| open_error(e.to_string()))?;
        // The name is ours (letters, digits, underscores): safe to put in the statement.
        conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
            .await
            .map_err(|e| open_error(e.to_string()))?;
        let _ = conn.close().await;
        url.set_path(&name);
        Ok(TestDb {
            url: url.to_string(),
            cleanup: Cleanup::Postgres {
                server: server.to_owned(),
                name,
            },
        })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { server, name } => drop_database(server, name),
        }
    }
}

/// Drops a test database, ending any connection still open to it. Runs on its own
/// thread with its own runtime, because `Drop` may run inside (and must not block on)
/// the test's runtime.
fn drop_database(server: &str, name: &str) {
    let server = server.to_owned();
    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    let worker = std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async move {
            let work = async {
                let mut conn = PgConnection::connect(&server).await?;
                conn.execute(sqlx::AssertSqlSafe(sql)).await?;
                conn.close().await
            };
            // Best effort: a leftover database has a unique name and harms no later run.
            let _ = tokio::time::timeout(Duration::from_secs(10), work).await;
        });
    });
    let _ = worker.join();
}

/// `milkbot_t_<pid>_<nanoseconds>_<counter>`: unique across parallel tests, parallel
/// test processes and runs; a valid unquoted PostgreSQL name (lower case, under 63 bytes).
fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "milkbot_t_{}_{}_{}",
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A 120 ml batch in the fridge, expressed at `at`: the batch the storage unit tests
/// log.
#[cfg(test)]
pub(crate) fn fridge_batch(
    family_id: i64,
    at: chrono::DateTime<chrono::Utc>,
    actor: &super::Actor,
    origin: Option<super::Origin>,
    update_id: Option<i64>,
) -> super::NewBatchRow<'_> {
    use crate::domain::rules::Clocks;
    use crate::domain::{BatchState, Ml, Place, Sides, Status};
    super::NewBatchRow {
        family_id,
        logged: Ml(120),
        sides: Sides::default(),
        state: BatchState {
            amount: Ml(120),
            place: Place::Fridge,
            clocks: Clocks {
                expressed_at: at,
                frozen_at: None,
                thawed_at: None,
                place_since: at,
                cap: None,
            },
            status: Status::Stored,
        },
        actor,
        origin,
        update_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_valid_postgres_identifiers() {
        let a = unique_name();
        let b = unique_name();
        assert_ne!(a, b);
        for name in [a, b] {
            assert!(name.len() < 63, "{name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{name}"
            );
        }
    }

    #[tokio::test]
    async fn a_test_database_opens_empty_and_is_removed_when_dropped() {
        let test_db = TestDb::create().await.unwrap();
        let db = super::super::Db::open(test_db.url()).await.unwrap();
        let families: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM families")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(families, 0);
        db.close().await;
        let cleanup = test_db.cleanup.clone();
        drop(test_db);
        match cleanup {
            Cleanup::Dir(dir) => assert!(!dir.exists()),
            Cleanup::Postgres { server, name } => {
                let mut conn = PgConnection::connect(&server).await.unwrap();
                let left: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
                        .bind(&name)
                        .fetch_one(&mut conn)
                        .await
                        .unwrap();
                assert_eq!(left, 0);
            }
        }
    }
}

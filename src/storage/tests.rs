use super::*;
use chrono::{TimeZone, Utc};

/// Membership changes take turns on both engines, so a check-then-write inside one
/// (is this chat known? then insert it) cannot interleave with another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn membership_changes_take_turns() {
    let (_guard, db) = families::tests::temp_db().await;
    let first = db.begin_membership().await.unwrap();
    let second = tokio::spawn({
        let db = db.clone();
        async move {
            let tx = db.begin_membership().await.unwrap();
            tx.commit().await.unwrap();
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!second.is_finished(), "a second writer started meanwhile");
    first.commit().await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), second)
        .await
        .expect("the second writer goes once the first is done")
        .unwrap();
}

/// On SQLite every write goes through one connection of its own (the pages it touches
/// stay in its cache; see [`Db::open`]) and reads through a pool; on PostgreSQL both are
/// the one pool. Many writers at once all land, and reads see them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_writes_have_a_connection_of_their_own() {
    let (_guard, db) = families::tests::temp_db().await;
    let writers = db.writer.options().get_max_connections();
    let readers = db.pool.options().get_max_connections();
    match db.backend() {
        Backend::Sqlite => assert_eq!((writers, readers), (1, 8)),
        Backend::Postgres => assert_eq!(writers, readers),
    }
    let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
    let tasks: Vec<_> = (0..40)
        .map(|id| {
            let db = db.clone();
            tokio::spawn(async move { db.inbox_add(id, "{}", at, at).await })
        })
        .collect();
    for task in tasks {
        assert!(task.await.unwrap().unwrap(), "each update is new");
    }
    assert_eq!(db.inbox_len().await.unwrap(), 40);
}

/// The database, its WAL and SHM files and backups are the bot user's alone.
#[cfg(unix)]
#[tokio::test]
async fn sqlite_files_and_backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("private.db");
    let db = Db::open(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    // A write, so the WAL and the shared-memory index exist.
    db.set_chat_active(1, true).await.unwrap();
    let backup = dir.path().join("copy.db");
    db.backup_to(&backup).await.unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let wal = dir.path().join("private.db-wal");
    let shm = dir.path().join("private.db-shm");
    for path in [&file, &wal, &shm, &backup] {
        assert_eq!(mode(path), 0o600, "{}", path.display());
    }
    db.close().await;
    assert_eq!(
        sqlite_file("sqlite://a/b.db?mode=rwc"),
        Some("a/b.db".into())
    );
    assert_eq!(sqlite_file("sqlite::memory:"), None);
    assert_eq!(sqlite_file("sqlite://x.db?mode=memory"), None);
    assert_eq!(sqlite_file("postgres://u@h/db"), None);
}

/// Writes are refused, and health fails, once the SQLite file is read-only, deleted or
/// replaced: a connection opened before would keep writing into a file that is gone.
#[cfg(unix)]
#[tokio::test]
async fn writes_are_refused_when_the_sqlite_file_is_not_the_one_opened() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.db");
    let db = Db::open(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
    let add = |id| db.inbox_add(id, "{}", now, now);
    assert!(add(1).await.unwrap());
    db.ping().await.unwrap();

    use std::os::unix::fs::PermissionsExt;
    let mode = |m| std::fs::set_permissions(&file, std::fs::Permissions::from_mode(m));
    mode(0o444).unwrap();
    assert!(matches!(add(2).await, Err(StorageError::Unwritable(_))));
    assert!(db.ping().await.is_err());
    mode(0o600).unwrap();
    assert!(add(2).await.unwrap());

    let kept = dir.path().join("kept.db");
    std::fs::rename(&file, &kept).unwrap();
    assert!(matches!(add(3).await, Err(StorageError::Unwritable(_))));
    // Another file at the same path is not the database either.
    std::fs::copy(&kept, &file).unwrap();
    assert!(matches!(add(3).await, Err(StorageError::Unwritable(_))));
    std::fs::rename(&kept, &file).unwrap();
    assert!(add(3).await.unwrap());
    assert_eq!(db.inbox_len().await.unwrap(), 3);
}

#[test]
fn urls_are_checked_and_sqlite_files_created() {
    assert_eq!(
        normalise_url("sqlite://milkbot.db").unwrap(),
        (Backend::Sqlite, "sqlite://milkbot.db?mode=rwc".into())
    );
    assert_eq!(
        normalise_url("sqlite:data/m.db?cache=shared").unwrap().1,
        "sqlite:data/m.db?cache=shared&mode=rwc"
    );
    assert_eq!(
        normalise_url("sqlite::memory:").unwrap().1,
        "sqlite::memory:"
    );
    assert_eq!(
        normalise_url("postgres://u:p@h/db").unwrap().0,
        Backend::Postgres
    );
    for bad in [
        "",
        "mysql://x",
        "milkbot.db",
        "sqlite://",
        "sqlite:?mode=rwc",
    ] {
        assert!(
            matches!(normalise_url(bad), Err(StorageError::BadUrl(_))),
            "{bad}"
        );
    }
}

#[test]
fn passwords_are_hidden() {
    assert_eq!(
        redact_url("postgres://milk:secret@db:5432/milkbot"),
        "postgres://milk:***@db:5432/milkbot"
    );
    assert!(!format!("{}", StorageError::BadUrl(redact_url("mysql://a:pw@h/d"))).contains("pw"));
}

/// One engine's schema as the migrations leave it: each table's columns (name, and
/// whether it may be NULL) and each index (table, columns in order, unique or not).
#[derive(Debug, PartialEq, Eq)]
struct Catalogue {
    columns: std::collections::BTreeSet<(String, String, bool)>,
    indexes: std::collections::BTreeMap<String, (String, Vec<String>, bool)>,
}

/// Reads the schema of `db` from the engine's own catalogue (not from the SQL files).
async fn catalogue(db: &Db) -> Catalogue {
    use sqlx::Row;
    let mut columns = std::collections::BTreeSet::new();
    let mut indexes = std::collections::BTreeMap::new();
    match db.backend() {
        Backend::Sqlite => {
            let rows = sqlx::query(
                "SELECT m.name AS tbl, p.name AS col, p.\"notnull\" AS nn, p.pk AS pk \
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
                 AND m.name <> '_sqlx_migrations'",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
            for r in rows {
                // SQLite lets an INTEGER PRIMARY KEY look nullable; it never is.
                let not_null = r.get::<i64, _>("nn") != 0 || r.get::<i64, _>("pk") != 0;
                columns.insert((r.get("tbl"), r.get("col"), !not_null));
            }
            let rows = sqlx::query(
                "SELECT m.name AS idx, m.tbl_name AS tbl, i.name AS col, m.sql AS sql \
                 FROM sqlite_master m JOIN pragma_index_info(m.name) i \
                 WHERE m.type = 'index' AND m.sql IS NOT NULL ORDER BY m.name, i.seqno",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
            for r in rows {
                let sql: String = r.get("sql");
                let unique = sql.to_uppercase().starts_with("CREATE UNIQUE");
                let entry = indexes
                    .entry(r.get("idx"))
                    .or_insert_with(|| (r.get("tbl"), Vec::new(), unique));
                entry.1.push(r.get("col"));
            }
        }
        Backend::Postgres => {
            let rows = sqlx::query(
                "SELECT table_name::text AS tbl, column_name::text AS col, \
                 is_nullable::text AS nullable FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
            for r in rows {
                let nullable: String = r.get("nullable");
                columns.insert((r.get("tbl"), r.get("col"), nullable == "YES"));
            }
            // Indexes made by the schema itself, not those behind a primary key or a
            // UNIQUE constraint (SQLite lists those as unnamed automatic indexes).
            let rows = sqlx::query(
                "SELECT indexname::text AS idx, tablename::text AS tbl, indexdef AS def \
                 FROM pg_indexes WHERE schemaname = current_schema() \
                 AND tablename <> '_sqlx_migrations' \
                 AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            )
            .fetch_all(db.pool())
            .await
            .unwrap();
            for r in rows {
                let def: String = r.get("def");
                let unique = def.starts_with("CREATE UNIQUE");
                let open = def.find(" (").expect("index columns") + 2;
                let close = open + def[open..].find(')').expect("index columns end");
                let cols = def[open..close]
                    .split(',')
                    .map(|c| c.trim().to_owned())
                    .collect();
                indexes.insert(r.get("idx"), (r.get("tbl"), cols, unique));
            }
        }
    }
    Catalogue { columns, indexes }
}

/// `migrations/sqlite` and `migrations/postgres` define the same tables, columns (and
/// which may be NULL) and indexes: each folder is applied to its own engine and the two
/// catalogues are compared. It needs both engines, so the comparison runs where
/// `MILKBOT_TEST_POSTGRES` names a server (the PostgreSQL run of `.ci/run`); on SQLite
/// alone it checks the SQLite side can be read and says the comparison was skipped.
#[tokio::test]
async fn both_migration_folders_define_the_same_schema() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Db::open(&format!("sqlite://{}", dir.path().join("s.db").display()))
        .await
        .unwrap();
    let lite = catalogue(&sqlite).await;
    assert!(
        lite.columns
            .contains(&("reminders".into(), "status".into(), false)),
        "{lite:?}"
    );
    assert!(lite.indexes.contains_key("reminders_due"), "{lite:?}");
    if std::env::var(testing::POSTGRES_ENV).is_err() {
        eprintln!(
            "skipped the comparison with PostgreSQL: set {} to run it",
            testing::POSTGRES_ENV
        );
        return;
    }
    let (_guard, postgres) = families::tests::temp_db().await;
    assert_eq!(postgres.backend(), Backend::Postgres);
    let pg = catalogue(&postgres).await;
    fn only(a: &Catalogue, b: &Catalogue) -> String {
        let columns: Vec<_> = a.columns.difference(&b.columns).collect();
        let indexes: Vec<_> = a
            .indexes
            .iter()
            .filter(|(k, v)| b.indexes.get(*k) != Some(v))
            .collect();
        format!("{columns:?} {indexes:?}")
    }
    assert_eq!(
        lite,
        pg,
        "only in SQLite: {}\nonly in PostgreSQL: {}",
        only(&lite, &pg),
        only(&pg, &lite)
    );
}

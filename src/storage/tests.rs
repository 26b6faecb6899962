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

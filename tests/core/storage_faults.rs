//! Storage faults, with the real binary on real files: a read-only medium,
//! a full disk, another program's write lock, a damaged page, a crash
//! between schema and id, special files as database or export target.
//! Every command that fails or only reads must leave the database bytes
//! (and its -wal file) exactly as they were.

use crate::common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn atelier(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("atelier").unwrap();
    cmd.arg("--db").arg(db).arg("--lang").arg("en");
    cmd
}

/// The database and its write-ahead log as bytes (an absent log reads as
/// empty: SQLite may create an empty one beside a reader).
fn bytes(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    (
        std::fs::read(db).unwrap(),
        std::fs::read(PathBuf::from(wal)).unwrap_or_default(),
    )
}

/// A closed database holding the sample session, in its own folder.
fn sample_db() -> (TempDir, PathBuf) {
    let (dir, store, _id) = common::sample_store();
    let path = store.path().to_path_buf();
    drop(store);
    (dir, path)
}

fn stderr(cmd: &mut Command) -> String {
    let out = cmd.assert().failure();
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

/// The three read-only commands, each checked for its output.
fn reads_work(db: &Path) {
    assert!(stdout(atelier(db).arg("list")).contains("Atelier 5 - Emergence"));
    assert!(stdout(atelier(db).args(["show", "latest"])).contains("Florence Mensah"));
    assert!(
        stdout(atelier(db).args(["export", "latest", "--format", "md"])).starts_with("# Atelier 5")
    );
}

/// Runs `script` with sh in a private mount namespace (so it may mount
/// without touching the machine), or says why it cannot and returns None.
fn in_mount_namespace(script: &str, vars: &[(&str, &Path)]) -> Option<std::process::Output> {
    let works = std::process::Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !works {
        eprintln!("skipped: `unshare -m` is not available here (needs root or user namespaces)");
        return None;
    }
    let mut cmd = std::process::Command::new("unshare");
    cmd.args(["-m", "sh", "-ec", script]);
    cmd.env("ATELIER", assert_cmd::cargo::cargo_bin("atelier"));
    for (k, v) in vars {
        cmd.env(k, v);
    }
    Some(cmd.output().unwrap())
}

const READ_AND_TRY_TO_WRITE: &str = r#"
"$ATELIER" --db "$DB" --lang en list > "$OUT/list"
"$ATELIER" --db "$DB" --lang en show latest > "$OUT/show"
"$ATELIER" --db "$DB" --lang en export latest --format md > "$OUT/export"
if "$ATELIER" --db "$DB" --lang en add latest --stage constats "one more" 2> "$OUT/add"; then
  echo "add succeeded" > "$OUT/add"
fi
"#;

fn read_outputs(out: &Path) {
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    assert!(
        read("list").contains("Atelier 5 - Emergence"),
        "{}",
        read("list")
    );
    assert!(read("show").contains("Florence Mensah"));
    assert!(read("export").starts_with("# Atelier 5"));
}

#[test]
fn a_read_only_medium_still_lists_shows_and_exports() {
    // Twice: a clean folder, then one where an earlier reader left its
    // -shm and -wal files (then SQLite needs the immutable fallback).
    for leftovers in [false, true] {
        let (dir, db) = sample_db();
        if leftovers {
            atelier(&db).arg("list").assert().success();
        }
        let out = tempfile::tempdir().unwrap();
        let before = bytes(&db);
        let script = format!(
            "mount --bind \"$DIR\" \"$DIR\"\nmount -o remount,ro,bind \"$DIR\"\n{READ_AND_TRY_TO_WRITE}"
        );
        let Some(result) = in_mount_namespace(
            &script,
            &[("DIR", dir.path()), ("DB", &db), ("OUT", out.path())],
        ) else {
            return;
        };
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        read_outputs(out.path());
        let add = std::fs::read_to_string(out.path().join("add")).unwrap();
        assert!(
            add.contains(&db.display().to_string()) && add.contains("read-only"),
            "leftovers {leftovers}: {add}"
        );
        assert_eq!(bytes(&db), before, "leftovers {leftovers}");
    }
}

#[test]
fn a_full_disk_still_lists_shows_and_exports() {
    let (dir, db) = sample_db();
    let out = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let small = disk.join("atelier.sqlite3");
    let script = format!(
        r#"mount -t tmpfs -o size=1m tmpfs "$DISK"
cp "$SAMPLE" "$DB"
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null || true
sha256sum "$DB" > "$OUT/before"
{READ_AND_TRY_TO_WRITE}
sha256sum "$DB" > "$OUT/after"
cat "$DB-wal" 2>/dev/null | sha256sum > "$OUT/wal""#
    );
    let Some(result) = in_mount_namespace(
        &script,
        &[
            ("DISK", &disk),
            ("SAMPLE", &db),
            ("DB", &small),
            ("OUT", out.path()),
        ],
    ) else {
        return;
    };
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    read_outputs(out.path());
    let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
    let add = read("add");
    assert!(
        add.contains(&small.display().to_string()) && add.contains("disk"),
        "{add}"
    );
    assert_eq!(read("before"), read("after"));
    // Nothing was written to the log either (the hash of no bytes).
    assert!(
        read("wal").starts_with("e3b0c44298fc1c149afbf4c8996fb924"),
        "{}",
        read("wal")
    );
}

#[test]
fn another_programs_write_transaction_blocks_writes_not_reads() {
    let (_dir, db) = sample_db();
    // Make sure the file is in WAL mode with our schema, then hold a write.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .execute_batch("BEGIN EXCLUSIVE; INSERT INTO meta(key, value) VALUES ('held', 'yes');")
        .unwrap();
    let before = bytes(&db);
    reads_work(&db);
    let err = stderr(atelier(&db).args(["add", "latest", "--stage", "constats", "more"]));
    assert!(
        err.contains(&db.display().to_string()) && err.contains("locked"),
        "{err}"
    );
    assert_eq!(bytes(&db), before);
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn a_damaged_page_is_named_with_what_to_do() {
    let (_dir, db) = sample_db();
    // The table and the index `list` counts from (it never reads the rows).
    let roots: Vec<i64> = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT rootpage FROM sqlite_master
                 WHERE name IN ('contributions', 'contributions_by_session_state')",
            )
            .unwrap();
        let roots = stmt.query_map([], |r| r.get(0)).unwrap();
        roots.map(Result::unwrap).collect()
    };
    assert_eq!(roots.len(), 2);
    let mut file = std::fs::read(&db).unwrap();
    for root in roots {
        let page = 4096 * (root as usize - 1);
        file[page..page + 4096].fill(0xFF);
    }
    std::fs::write(&db, &file).unwrap();
    let before = bytes(&db);
    for args in [
        vec!["show", "latest"],
        vec!["export", "latest", "--format", "json"],
        vec!["list"],
    ] {
        let err = stderr(atelier(&db).args(&args));
        assert!(
            err.contains(&db.display().to_string())
                && err.contains("damaged")
                && err.contains(".recover"),
            "{args:?}: {err}"
        );
        assert_eq!(bytes(&db), before, "{args:?}");
    }
}

#[test]
fn a_time_past_9999_stored_by_an_older_version_keeps_the_session_readable() {
    let (_dir, db) = sample_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE contributions SET created_at = '+10000-01-01T00:59:59.000Z'
             WHERE rowid = (SELECT min(rowid) FROM contributions)",
            [],
        )
        .unwrap();
    }
    let before = bytes(&db);
    for args in [
        &["show", "latest"][..],
        &["export", "latest", "--format", "csv"],
        &["export", "latest", "--format", "bundle"],
    ] {
        let out = atelier(&db).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let bundle = atelier(&db)
        .args(["export", "latest", "--format", "bundle"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bundle.stdout).contains("9999-12-31T23:59:59.999Z"));
    assert_eq!(bytes(&db), before);
}

#[test]
fn a_bad_value_in_a_row_is_named_with_what_to_do() {
    let (_dir, db) = sample_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE contributions SET created_at = 'the day after tomorrow'
             WHERE rowid = (SELECT min(rowid) FROM contributions)",
            [],
        )
        .unwrap();
    }
    let before = bytes(&db);
    let err = stderr(atelier(&db).args(["show", "latest"]));
    assert!(
        err.contains(&db.display().to_string())
            && err.contains("the day after tomorrow")
            && err.contains("created_at")
            && err.contains("atelier import")
            && err.contains(&format!("sqlite3 {}", db.display())),
        "{err}"
    );
    assert_eq!(bytes(&db), before);
}

#[test]
fn a_database_left_without_its_id_opens_from_the_command_line() {
    let (_dir, db) = sample_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "application_id", 0).unwrap();
    }
    let before = bytes(&db);
    reads_work(&db);
    assert_eq!(bytes(&db), before);
    // The sample is closed, so the write is a new session.
    atelier(&db)
        .args(["new", "--title", "After the crash", "--question", "Q"])
        .assert()
        .success();
}

#[test]
fn read_only_commands_leave_the_file_unchanged() {
    let (_dir, db) = sample_db();
    let before = bytes(&db);
    reads_work(&db);
    assert_eq!(bytes(&db), before);
    // And they do not create a missing database.
    let missing = db.with_file_name("missing.sqlite3");
    assert!(stdout(atelier(&missing).arg("list")).contains("No session"));
    assert!(!missing.exists());
}

#[test]
fn a_special_file_is_refused_as_database() {
    let journal = Path::new("/dev/null-journal");
    let stale = journal.exists();
    let err = stderr(
        Command::cargo_bin("atelier")
            .unwrap()
            .args(["--db", "/dev/null", "list"]),
    );
    assert!(
        err.contains("/dev/null") && err.contains("not a regular file"),
        "{err}"
    );
    let err = stderr(Command::cargo_bin("atelier").unwrap().args([
        "--db",
        "/dev/null",
        "new",
        "--title",
        "T",
        "--question",
        "Q",
    ]));
    assert!(err.contains("not a regular file"), "{err}");
    if !stale {
        assert!(!journal.exists(), "SQLite touched /dev/null");
    }
    let dir = tempfile::tempdir().unwrap();
    let err = stderr(atelier(dir.path()).arg("list"));
    assert!(err.contains("is a folder"), "{err}");
}

#[test]
fn export_writes_through_a_symlink() {
    let (dir, db) = sample_db();
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    let before = bytes(&db);
    atelier(&db)
        .args(["export", "latest", "--format", "md", "--out"])
        .arg(&link)
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .starts_with("# Atelier 5"));
    assert_eq!(bytes(&db), before);
}

#[test]
fn export_refuses_a_fifo_and_leaves_it() {
    let (dir, db) = sample_db();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let before = bytes(&db);
    let err = stderr(
        atelier(&db)
            .args(["export", "latest", "--format", "md", "--out"])
            .arg(&fifo),
    );
    assert!(
        err.contains("pipe") && err.contains("not a regular file"),
        "{err}"
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(bytes(&db), before);
}

#[test]
fn export_creates_a_folder_named_with_a_trailing_slash() {
    let (dir, db) = sample_db();
    let folder = dir.path().join("Documents/Atelier");
    let out = stdout(
        atelier(&db)
            .args(["export", "latest", "--format", "html", "--out"])
            .arg(format!("{}/", folder.display())),
    );
    let written = PathBuf::from(out.trim());
    assert_eq!(written.parent().unwrap(), folder);
    assert!(std::fs::read_to_string(&written).unwrap().contains("<html"));
    // Without the slash an existing folder works too, and nothing else is left.
    atelier(&db)
        .args(["export", "latest", "--format", "md", "--out"])
        .arg(&folder)
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| !n.ends_with(".part")), "{names:?}");
}

#[test]
fn export_never_overwrites_the_database_nor_makes_folders_from_a_typo() {
    let (dir, db) = sample_db();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let before = bytes(&db);
    for out in [db.clone(), link, std::path::PathBuf::from(wal)] {
        let err = stderr(
            atelier(&db)
                .args(["export", "latest", "--format", "md", "--out"])
                .arg(&out),
        );
        assert!(err.contains("is the database itself"), "{out:?}: {err}");
        assert_eq!(bytes(&db), before, "{out:?}");
    }
    let typo = dir.path().join("Documnets/report.md");
    let err = stderr(
        atelier(&db)
            .args(["export", "latest", "--format", "md", "--out"])
            .arg(&typo),
    );
    assert!(err.contains("does not exist"), "{err}");
    assert!(!dir.path().join("Documnets").exists());
}

//! A second store opened beside a live one (the room server beside the
//! terminal screen) must not leave the file unlocked: another program
//! closing its own connection would then delete the WAL in use, losing
//! what was committed there.

use crate::common;

use atelier::store::Store;

#[test]
fn another_program_cannot_delete_the_wal_of_two_live_stores() {
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: python3 (the other program) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    let mut first = Store::open(&path).unwrap();
    common::new_session(&mut first, &["Ana"]);
    let mut second = Store::open(&path).unwrap();
    let wal = dir.path().join("a.sqlite3-wal");
    assert!(wal.exists(), "a live store keeps its WAL");

    let other = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('select count(*) from sessions').fetchall(); c.close()")
        .arg(&path)
        .status()
        .unwrap();
    assert!(other.success());
    assert!(
        wal.exists(),
        "the WAL in use was deleted by another program"
    );

    // Both stores still write to, and read from, the one file.
    let id = common::new_session(&mut second, &["Bo"]);
    assert_eq!(first.session(id).unwrap().title, "Test");
    let fresh = Store::open_read_only(&path).unwrap();
    assert_eq!(fresh.list_sessions(false).map(|l| l.len()).unwrap_or(0), 2);
}

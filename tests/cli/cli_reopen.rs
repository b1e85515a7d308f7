//! `atelier reopen SESSION`: a closed session takes changes again; a
//! session not closed, or none, is refused by name and the file is left
//! as it was.

use crate::common;

use common::{atelier, stdout};
use tempfile::TempDir;

fn db_bytes(dir: &TempDir) -> Vec<u8> {
    std::fs::read(dir.path().join("db.sqlite3")).unwrap()
}

fn refused(dir: &TempDir, args: &[&str]) -> String {
    let before = db_bytes(dir);
    let assert = atelier(dir).args(args).assert().code(1);
    assert_eq!(db_bytes(dir), before, "{args:?} changed the file");
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn a_closed_session_reopens_and_then_takes_contributions() {
    let dir = tempfile::tempdir().unwrap();
    let id = stdout(atelier(&dir).arg("import").arg(common::sample_path()));
    let id = id.trim();
    // The sample is closed: adding is refused until it is reopened.
    atelier(&dir)
        .args(["add", "latest", "--stage", "constats", "x"])
        .assert()
        .code(1);
    let said = stdout(atelier(&dir).args(["reopen", &id[..8]]));
    assert!(said.starts_with("Reopened “"), "{said}");
    assert!(said.contains(id) && said.contains("running"), "{said}");
    atelier(&dir)
        .args(["add", "latest", "--stage", "constats", "After reopening"])
        .assert()
        .success();
    assert!(stdout(atelier(&dir).args(["show", id])).contains("After reopening"));

    // Twice: refused, by name, in the interface's language; nothing written.
    let err = refused(&dir, &["--lang", "fr", "reopen", id]);
    assert!(err.contains(id), "{err}");
    assert!(
        err.contains("n'est pas terminée (état : en cours)"),
        "{err}"
    );
    let err = refused(&dir, &["reopen", id]);
    assert!(err.contains("is not closed (status: running)"), "{err}");
}

#[test]
fn reopening_a_session_that_does_not_exist_names_it() {
    let dir = tempfile::tempdir().unwrap();
    stdout(atelier(&dir).arg("import").arg(common::sample_path()));
    let err = refused(&dir, &["reopen", "abcdef99"]);
    assert!(err.contains("abcdef99"), "{err}");
    let err = refused(&dir, &["reopen", "not-an-id!"]);
    assert!(err.contains("not-an-id!"), "{err}");
}

#[test]
fn a_new_session_is_not_closed_so_it_is_not_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let id = stdout(atelier(&dir).args(["new", "--title", "Fresh", "--question", "Q"]));
    let err = refused(&dir, &["reopen", id.trim()]);
    assert!(err.contains("“Fresh”"), "{err}");
    assert!(err.contains("status: upcoming"), "{err}");
}

/// The sample (closed) with draft 1 published; reopening it then changes
/// the status and nothing a reader sees.
fn sample_with_a_draft(dir: &TempDir) -> String {
    let id = stdout(atelier(dir).arg("import").arg(common::sample_path()));
    let id = id.trim().to_string();
    assert_eq!(
        stdout(atelier(dir).args(["review", &id, "publish"])).trim(),
        "1"
    );
    id
}

#[test]
fn reopening_does_not_make_a_published_version_stale() {
    let dir = tempfile::tempdir().unwrap();
    let id = sample_with_a_draft(&dir);
    stdout(atelier(&dir).args(["reopen", &id]));
    let list = stdout(atelier(&dir).args(["--lang", "en", "review", &id, "list"]));
    assert!(!list.contains("has changed since"), "{list}");
    // Nothing to publish: the report reads exactly as draft 1.
    let again = atelier(&dir)
        .args(["--lang", "en", "review", &id, "publish"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&again.get_output().stderr).to_string();
    assert!(err.contains("reads exactly as draft 1"), "{err}");

    // A real change: the diff names it, and never the session's status.
    let add = ["add", &id, "--stage", "constats", "After reopening"];
    stdout(atelier(&dir).args(add));
    assert_eq!(
        stdout(atelier(&dir).args(["review", &id, "publish"])).trim(),
        "2"
    );
    let diff = stdout(atelier(&dir).args(["--lang", "en", "diff", &id, "1", "2"]));
    assert!(diff.contains("After reopening"), "{diff}");
    assert!(!diff.contains("status"), "{diff}");
}

/// A version stored when the content hash still covered the status (a
/// database from before): it reads as current while its content holds.
#[test]
fn a_version_hashed_with_its_status_still_reads_as_current() {
    use sha2::Digest;
    let dir = tempfile::tempdir().unwrap();
    let id = sample_with_a_draft(&dir);
    let db = rusqlite::Connection::open(dir.path().join("db.sqlite3")).unwrap();
    let report: String = db
        .query_row("SELECT report FROM report_versions", [], |r| r.get(0))
        .unwrap();
    let mut doc: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&report).unwrap();
    doc.shift_remove("review");
    let old = serde_json::Value::Object(doc).to_string();
    let old = format!("{:x}", sha2::Sha256::digest(old.as_bytes()));
    db.execute("UPDATE report_versions SET sha256 = ?1", [&old])
        .unwrap();
    drop(db);
    stdout(atelier(&dir).args(["reopen", &id]));
    let list = stdout(atelier(&dir).args(["--lang", "en", "review", &id, "list"]));
    assert!(!list.contains("has changed since"), "{list}");
}

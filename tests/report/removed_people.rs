//! Someone taken off the roster (who may have withdrawn) is not named in
//! a named report's review section either: their remark and their
//! sign-off read "a former participant", as their texts and actions do.

use crate::common;

use atelier::store::Store;
use common::{atelier, stdout};

#[test]
fn a_removed_persons_remark_and_sign_off_are_a_former_participants() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--lang",
        "en",
        "--title",
        "Retro",
        "--question",
        "Next?",
    ];
    stdout(
        atelier(&dir)
            .args(new)
            .args(["--participant", "Carol Xu", "--participant", "Bob"]),
    );
    let add = [
        "add",
        "latest",
        "--stage",
        "constats",
        "--participant",
        "Carol Xu",
    ];
    stdout(atelier(&dir).args(add).arg("Trains are late"));
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let session = store.list_sessions(true).unwrap()[0].id;
    let carol = store.participants(session).unwrap()[0].id;
    store.remove_participant(carol).unwrap();
    drop(store);
    stdout(atelier(&dir).args(["review", "latest", "publish"]));
    let remark = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "Carol Xu",
    ];
    let id = stdout(atelier(&dir).args(remark).arg("carol remark please fix"));
    stdout(atelier(&dir).args(["review", "latest", "apply", id.trim()]));
    stdout(atelier(&dir).args([
        "review",
        "latest",
        "sign",
        "--version",
        "1",
        "--by",
        "carol xu",
    ]));
    for format in ["md", "json", "html"] {
        let report = stdout(atelier(&dir).args(["export", "latest", "--format", format]));
        assert!(
            report.contains("carol remark please fix"),
            "{format}: {report}"
        );
        assert!(
            !report.to_lowercase().contains("carol xu"),
            "{format}: {report}"
        );
        assert!(report.contains("former participant"), "{format}: {report}");
    }
}

/// The participation summary never calls a removed person's contributions
/// "said for the group or anonymously": they were someone's.
#[test]
fn a_removed_persons_contributions_are_counted_as_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--lang",
        "en",
        "--title",
        "Retro",
        "--question",
        "Next?",
    ];
    stdout(
        atelier(&dir)
            .args(new)
            .args(["--participant", "Carol Xu", "--participant", "Bob"]),
    );
    for (who, text) in [("Carol Xu", "Trains are late"), ("Bob", "Buses too")] {
        let add = [
            "add",
            "latest",
            "--stage",
            "constats",
            "--participant",
            who,
            text,
        ];
        stdout(atelier(&dir).args(add));
    }
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let session = store.list_sessions(true).unwrap()[0].id;
    let carol = store.participants(session).unwrap()[0].id;
    store.remove_participant(carol).unwrap();
    drop(store);
    let export = [
        "export",
        "latest",
        "--format",
        "md",
        "--person-stats",
        "show",
    ];
    let md = stdout(atelier(&dir).args(export));
    assert!(!md.contains("said for the group or anonymously"), "{md}");
    assert!(
        md.contains("1 from people who have since left the group"),
        "{md}"
    );
}

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

//! Names on the command line: a roster holds distinct names (as
//! `model::name_key` reads them), and a database from before that rule
//! still opens and exports, asking for a distinct name instead of taking
//! the first twin.

use crate::common;

use common::{atelier, stdout};

fn failure(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

fn new_session(dir: &tempfile::TempDir, people: &[&str]) -> assert_cmd::Command {
    let mut cmd = atelier(dir);
    cmd.args([
        "new",
        "--lang",
        "en",
        "--title",
        "Retro",
        "--question",
        "Next?",
    ]);
    for p in people {
        cmd.args(["--participant", p]);
    }
    cmd
}

#[test]
fn a_second_name_that_reads_as_the_first_is_refused_naming_both() {
    for (first, second) in [
        ("Anne Marie", " anne  marie "),
        ("Joe", "Ｊｏｅ"),
        ("Anne", "Anne"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let err = failure(&mut new_session(&dir, &[first, second]));
        assert!(err.contains(first), "{err}");
        assert!(err.contains(second.trim()), "{err}");
        assert!(err.contains("already on the roster"), "{err}");
        // Nothing was recorded: no session in the file.
        let list = stdout(atelier(&dir).args(["list"]));
        assert!(!list.contains("Retro"), "{list}");
    }
}

#[test]
fn a_bundle_whose_roster_holds_twins_is_refused_and_an_old_database_still_exports() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&mut new_session(&dir, &["Anne", "Bob"]));
    stdout(atelier(&dir).args([
        "add",
        "latest",
        "--stage",
        "constats",
        "--participant",
        "Anne",
        "Late trains",
    ]));
    // A database from before the rule: a second "anne" written directly.
    let conn = rusqlite::Connection::open(dir.path().join("db.sqlite3")).unwrap();
    conn.execute(
        "INSERT INTO participants (id, session_id, name, role, position, removed_at)
         SELECT '0190f000-0000-7000-8000-00000000abcd', session_id, 'anne', '', 9, NULL
         FROM participants WHERE name = 'Anne'",
        [],
    )
    .unwrap();
    drop(conn);
    // Typing the name is ambiguous: an error listing both, nothing added.
    let err = failure(atelier(&dir).args([
        "add",
        "latest",
        "--stage",
        "constats",
        "--participant",
        "ANNE",
        "Wet",
    ]));
    assert!(err.contains("Anne, anne"), "{err}");
    assert!(err.contains("rename one of them"), "{err}");
    // The file still opens and exports, both twins kept.
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(md.contains("Late trains"), "{md}");
    assert!(!md.contains("Wet"), "{md}");
    let bundle = dir.path().join("twins.json");
    stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "bundle", "--out"])
            .arg(&bundle),
    );
    // Importing that bundle elsewhere is refused, naming both.
    let other = tempfile::tempdir().unwrap();
    let err = failure(atelier(&other).arg("import").arg(&bundle));
    assert!(err.contains("\"anne\" reads as \"Anne\""), "{err}");
}

/// A sign-off or a remark is a record of who approved or spoke: only a
/// name typed in full is a roster person's; a start of one ("Al") stays
/// an outsider, as typed. Elsewhere a start still finds the one person
/// it begins, and says so on stderr.
#[test]
fn a_start_of_a_name_never_signs_for_a_roster_person() {
    let dir = tempfile::tempdir().unwrap();
    stdout(&mut new_session(&dir, &["Alice Zorro", "Bob"]));
    stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", "Trains are late"]));
    stdout(atelier(&dir).args(["review", "latest", "publish"]));
    let sign = ["review", "latest", "sign", "--version", "1", "--by", "Al"];
    stdout(atelier(&dir).args(sign));
    let feedback = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "Al",
        "Fix the title",
    ];
    stdout(atelier(&dir).args(feedback));
    let sign = [
        "review",
        "latest",
        "sign",
        "--version",
        "1",
        "--by",
        "alice  zorro",
    ];
    stdout(atelier(&dir).args(sign));
    let list = stdout(atelier(&dir).args(["review", "latest", "list"]));
    assert_eq!(list.matches("Alice Zorro").count(), 1, "{list}");
    assert!(list.contains("Al: Fix the title"), "{list}");
    assert!(list.contains("approved by Al on"), "{list}");

    let out = atelier(&dir)
        .args(["action", "add", "latest", "Write it up", "--who", "Al"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\"Al\": Alice Zorro"), "{err}");
}

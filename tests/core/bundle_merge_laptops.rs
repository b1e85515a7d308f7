//! Three laptops and one organiser, through the real binary: laptop A
//! starts the session and hands its bundle to B and C; each adds, B edits
//! one item, C deletes another, both edit the same one; A imports both
//! bundles (twice) and settles the conflict.

use crate::common;

use atelier::store::Store;
use common::{atelier, stdout};
use tempfile::TempDir;

fn export(dir: &TempDir, session: &str, name: &str) -> std::path::PathBuf {
    let out = dir.path().join(name);
    let mut cmd = atelier(dir);
    cmd.args(["export", session, "--format", "bundle", "--out"])
        .arg(&out);
    stdout(&mut cmd);
    out
}

fn add(dir: &TempDir, session: &str, text: &str) {
    stdout(atelier(dir).args(["add", session, "--stage", "constats", text]));
}

/// Edits (or deletes, `None`) the item saying `old` on one laptop, as its
/// terminal screen would (the command line has no edit).
fn change(dir: &TempDir, session: &str, old: &str, new: Option<&str>) {
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = store.resolve_session(session).unwrap();
    let item = store
        .load(id)
        .unwrap()
        .contributions
        .into_iter()
        .find(|c| c.text == old)
        .unwrap()
        .id;
    match new {
        Some(text) => store.edit_contribution(item, text).unwrap(),
        None => store.delete_contribution(item).unwrap(),
    }
}

fn report(dir: &TempDir, session: &str) -> String {
    stdout(atelier(dir).args(["export", session, "--format", "md"]))
}

#[test]
fn three_laptops_merge_into_the_organisers_database() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let id = stdout(atelier(&a).args([
        "new",
        "--title",
        "Atelier 5",
        "--question",
        "What next?",
        "--participant",
        "Ana",
    ]));
    let id = id.trim().to_string();
    for text in ["edited by B", "deleted by C", "edited by both"] {
        add(&a, &id, text);
    }
    let from_a = export(&a, &id, "a.json");
    for laptop in [&b, &c] {
        assert_eq!(
            stdout(atelier(laptop).arg("import").arg(&from_a)).trim(),
            id
        );
    }
    add(&b, &id, "new from B");
    change(&b, &id, "edited by B", Some("B's better wording"));
    change(&b, &id, "edited by both", Some("both: B's version"));
    add(&c, &id, "new from C");
    change(&c, &id, "deleted by C", None);
    change(&c, &id, "edited by both", Some("both: C's version"));
    let from_b = export(&b, &id, "b.json");
    let from_c = export(&c, &id, "c.json");

    // A dry run says what would happen and leaves the file as it was.
    let db = a.path().join("db.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let dry = stdout(
        atelier(&a)
            .args(["import", "--dry-run"])
            .arg(&from_b)
            .arg(&from_c),
    );
    assert!(
        dry.contains("contributions added: 1, edited: 2, deleted: 0; conflicts listed: 0"),
        "{dry}"
    );
    assert!(
        dry.contains("contributions added: 1, edited: 0, deleted: 1; conflicts listed: 1"),
        "{dry}"
    );
    assert!(dry.contains("nothing was written"), "{dry}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let merged = stdout(atelier(&a).arg("import").arg(&from_b).arg(&from_c));
    assert!(merged.contains("here: both: B's version"), "{merged}");
    assert!(merged.contains("c.json: both: C's version"), "{merged}");
    let after = export(&a, &id, "after.json");
    let after_text = std::fs::read_to_string(&after).unwrap();

    // Again: nothing changes.
    let again = stdout(atelier(&a).arg("import").arg(&from_b).arg(&from_c));
    assert_eq!(again.matches("nothing new").count(), 2, "{again}");
    let again_path = export(&a, &id, "again.json");
    assert_eq!(std::fs::read_to_string(&again_path).unwrap(), after_text);

    let md = report(&a, &id);
    for text in [
        "new from B",
        "new from C",
        "B's better wording",
        "both: B's version",
    ] {
        assert!(md.contains(text), "{text} missing from\n{md}");
    }
    // Until it is settled, participants read the conflict's item once, with
    // the text here (the copy is the organiser's to settle).
    for gone in ["deleted by C", "edited by B", "both: C's version"] {
        assert!(!md.contains(gone), "{gone} still in\n{md}");
    }

    let listed = stdout(atelier(&a).args(["conflicts", &id]));
    assert!(listed.contains("both: B's version") && listed.contains("both: C's version"));
    let conflict = listed.split_whitespace().next().unwrap().to_string();
    let settled =
        stdout(atelier(&a).args(["conflicts", "--settle", &conflict, "--keep", "theirs"]));
    assert!(settled.contains("settled"), "{settled}");
    assert!(stdout(atelier(&a).arg("conflicts")).contains("No open conflicts"));
    let md = report(&a, &id);
    assert!(md.contains("both: C's version"), "{md}");
    assert!(!md.contains("both: B's version"), "{md}");
    // Settled is settled: C's bundle once more brings nothing back.
    let once_more = stdout(atelier(&a).arg("import").arg(&from_c));
    assert!(once_more.contains("nothing new"), "{once_more}");
}

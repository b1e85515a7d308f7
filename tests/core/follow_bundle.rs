//! Bundle version 3: round-robin passes, the session a session follows and
//! where a carried-over action came from travel with the session and are
//! checked on import; bundles of versions 1 and 2 still import.

use crate::common;

use atelier::bundle::{self, ImportError};
use atelier::commands::{apply, Command};
use atelier::model::Id;
use atelier::store::{NewAction, Store};
use atelier::templates::Catalog;
use common::{new_session, temp_store};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A first session with an open action, and its next session holding the
/// action carried over and a pass: both exported as bundles.
fn two_sessions(store: &mut Store) -> (Id, Id) {
    let first = new_session(store, &["Ana", "Bo"]);
    let new = NewAction {
        text: "Book the room".into(),
        who_participant: None,
        who_name: "Mayor's office".into(),
        due: None,
    };
    let out = apply(store, first, &Command::AddAction(new)).unwrap();
    let Command::RemoveAction { id: action } = out.inverse else {
        panic!()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
    let next = store.next_session(first, today, None).unwrap();
    apply(store, next, &Command::CarryAction { from: action }).unwrap();
    let data = store.load(next).unwrap();
    let pass = Command::Pass {
        stage: data.stages[1].id,
        participant: data.participants[1].id,
    };
    apply(store, next, &pass).unwrap();
    (first, next)
}

fn export(store: &Store, session: Id, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bundle::to_json(&store.load(session).unwrap())).unwrap();
    path
}

#[test]
fn version_3_carries_passes_and_follow_through_links_byte_identical() {
    let (dir, mut store) = temp_store();
    let (first, next) = two_sessions(&mut store);
    let path = export(&store, next, dir.path(), "next.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["version"],
        bundle::VERSION,
        "written as the newest version"
    );
    assert_eq!(v["session"]["previous"], first.to_string());
    let origin = store.load(first).unwrap().actions[0].id;
    assert_eq!(v["actions"][0]["carried_from"], origin.to_string());
    assert_eq!(v["passes"].as_array().unwrap().len(), 1);

    // Alone in another database: everything comes back, byte for byte;
    // the previous session is not there, so nothing waits to be carried.
    let (dir2, mut other) = temp_store();
    let id = bundle::import_file(&mut other, &Catalog::built_in(), &path).unwrap();
    let data = other.load(id).unwrap();
    assert_eq!(data, store.load(next).unwrap());
    assert_eq!(bundle::to_json(&data), text);
    assert_eq!(other.previous_session(id).unwrap(), None);
    assert!(other.carry_over(id).unwrap().is_empty());
    drop(dir2);

    // Both together: the link holds again.
    let first_path = export(&store, first, dir.path(), "first.json");
    let (_dir3, mut third) = temp_store();
    bundle::import_files(&mut third, &Catalog::built_in(), &[first_path, path]).unwrap();
    assert_eq!(third.previous_session(next).unwrap(), Some(first));
    assert!(
        third.carry_over(next).unwrap().is_empty(),
        "already carried"
    );
}

#[test]
fn bundles_of_versions_1_to_3_still_import_and_export_as_the_newest_version() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (file, version) in [
        ("bundle-v1.json", 1),
        ("bundle-v2.json", 2),
        ("bundle-v3.json", 3),
    ] {
        let path = fixtures.join(file);
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(v["version"], version, "{file}");
        let (_d, mut store) = temp_store();
        let id = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap();
        let data = store.load(id).unwrap();
        assert_eq!(data.session.title, "Atelier 5 - Emergence - Session 1");
        assert_eq!((data.session.previous_id, data.passes.len()), (None, 0));
        assert_eq!(data.contributions.len(), 26, "{file}");
        let again: Value = serde_json::from_str(&bundle::to_json(&data)).unwrap();
        assert_eq!(again["version"], bundle::VERSION);
        // Nothing but the version changes, and the session gets its
        // pseudonym seed (older bundles had none: a fresh one).
        let seed = again["session"]["pseudonym_seed"].as_str().unwrap();
        assert_eq!(seed.len(), 32, "{seed}");
        let mut old = v.clone();
        old["version"] = json!(bundle::VERSION);
        old["session"]["pseudonym_seed"] = json!(seed);
        if version >= 2 {
            assert_eq!(again, old);
        }
    }
}

/// Imports `v` into a fresh database; the error in English, after checking
/// that nothing was written.
fn refused(v: &Value) -> String {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
    let err = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap_err();
    assert!(
        store.list_sessions(true).unwrap().is_empty(),
        "nothing written"
    );
    assert!(matches!(err, ImportError::Bundle(_)), "{err}");
    err.to_string()
}

#[test]
fn what_version_3_adds_is_checked_with_its_place() {
    let (dir, mut store) = temp_store();
    let (_, next) = two_sessions(&mut store);
    let path = export(&store, next, dir.path(), "next.json");
    let good: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let stranger = "0190aaaa-0000-7000-8000-000000000000";
    let own_stage = good["stages"][0]["id"].clone();
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["session"]["previous"] = v["session"]["id"].clone()),
            "session.previous: \"",
        ),
        (
            Box::new(|v| v["session"]["previous"] = json!("yesterday")),
            "session.previous: \"yesterday\" is not the id of another session",
        ),
        (
            Box::new(|v| {
                v["session"]
                    .as_object_mut()
                    .unwrap()
                    .remove("previous")
                    .map(drop)
                    .unwrap()
            }),
            "actions[0].carried_from: an action carried over from a previous session",
        ),
        (
            Box::new(move |v| v["actions"][0]["carried_from"] = own_stage.clone()),
            "actions[0].carried_from: \"",
        ),
        (
            Box::new(move |v| v["passes"][0]["stage"] = json!(stranger)),
            "passes[0].stage: \"0190aaaa-0000-7000-8000-000000000000\" is no stage of this file",
        ),
        (
            Box::new(move |v| v["passes"][0]["participant"] = json!(stranger)),
            "passes[0].participant: unknown participant",
        ),
        (
            Box::new(|v| v["passes"][0]["at"] = json!("soon")),
            "passes[0].at: ",
        ),
        (
            Box::new(|v| v["passes"][0]["id"] = v["stages"][0]["id"].clone()),
            "passes[0].id: ",
        ),
        (
            Box::new(|v| v["version"] = json!(2)),
            "session.previous: not part of bundle version 2",
        ),
    ];
    for (edit, expected) in cases {
        let mut v = good.clone();
        edit(&mut v);
        let err = refused(&v);
        assert!(err.contains(expected), "{expected}: {err}");
    }
    // A version 2 file with passes only: refused at `passes`.
    let mut v = good.clone();
    v["version"] = json!(2);
    v["session"].as_object_mut().unwrap().remove("previous");
    v["actions"][0]
        .as_object_mut()
        .unwrap()
        .remove("carried_from");
    assert!(refused(&v).contains("passes: not part of bundle version 2"));
    v["passes"] = json!([]);
    v["actions"][0]["carried_from"] = json!(stranger);
    assert!(refused(&v).contains("actions[0].carried_from: not part of bundle version 2"));
}

#[test]
fn a_pass_id_already_in_the_database_is_refused() {
    let (dir, mut store) = temp_store();
    let (_, next) = two_sessions(&mut store);
    let path = export(&store, next, dir.path(), "next.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // Everything new but the pass: its id is taken in this database.
    let fresh = |s: &str| s.replace(&s[..8], "01900000");
    let text = v.to_string();
    let pass = v["passes"][0]["id"].as_str().unwrap().to_string();
    let mut changed = text.clone();
    for id in text.split('"').filter(|s| s.len() == 36 && *s != pass) {
        changed = changed.replace(id, &fresh(id));
    }
    v = serde_json::from_str(&changed).unwrap();
    std::fs::write(&path, v.to_string()).unwrap();
    let err = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap_err();
    assert!(err.to_string().contains("passes[0].id"), "{err}");
}

//! Bundle version 4: the report's review cycle travels with the session
//! (versions with the report data each kept, remarks, sign-offs), byte for
//! byte; every reference in it is checked on import and an error names
//! its place; bundles of versions 1 to 3 still import.

use crate::common;

use atelier::bundle::{self, ImportError};
use atelier::commands::{apply, Command, ReviewCommand};
use atelier::model::{Id, Kind, Origin};
use atelier::report::as_published;
use atelier::store::{NewContribution, NewFeedback, Store};
use atelier::templates::Catalog;
use common::{clocked, new_session, temp_store};
use serde_json::{json, Value};

fn publish(store: &mut Store, session: Id, validated: bool) -> Id {
    let data = store.load(session).unwrap();
    let report = as_published(&data, validated, store.clock().now());
    let command = ReviewCommand::Publish {
        note: "after the workshop".into(),
        validated,
        report,
    };
    let out = apply(store, session, &Command::Review(command)).unwrap();
    ReviewCommand::published(&out.inverse).unwrap()
}

fn review(store: &mut Store, session: Id, command: ReviewCommand) {
    apply(store, session, &Command::Review(command)).unwrap();
}

fn record(store: &mut Store, session: Id, text: &str) -> Id {
    let stage = store.stages(session).unwrap()[1].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Observation,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: Origin::Room,
    };
    let out = apply(store, session, &Command::Record(new)).unwrap();
    out.changes.delta.contributions[0].id
}

/// A session with two versions (the first taken back and published
/// again), a remark on a contribution, one on a section (applied), a
/// sign-off by someone on the roster and one by a name typed in.
fn reviewed_session(store: &mut Store) -> Id {
    clocked(store);
    let session = new_session(store, &["Ana", "Bruno"]);
    let item = record(store, session, "The trains are late");
    let gone = publish(store, session, false);
    review(store, session, ReviewCommand::RemoveVersion { id: gone });
    let first = publish(store, session, false);
    let ana = store.load(session).unwrap().participants[0].id;
    let remark = |contribution_id, section: &str, text: &str| {
        ReviewCommand::AddFeedback(NewFeedback {
            version: first,
            participant_id: Some(ana),
            name: String::new(),
            contribution_id,
            section: section.into(),
            text: text.into(),
        })
    };
    review(store, session, remark(Some(item), "", "Say which trains"));
    review(store, session, remark(None, "synthesis", "<b>Shorter</b>"));
    let on_section = store.load(session).unwrap().review.feedback[1].id;
    review(
        store,
        session,
        ReviewCommand::SetApplied {
            id: on_section,
            applied: true,
        },
    );
    record(store, session, "Buses too");
    let validated = publish(store, session, true);
    for (participant, name) in [(Some(ana), ""), (None, "Camille (mairie)")] {
        let sign = ReviewCommand::SignOff {
            version: validated,
            participant,
            name: name.into(),
        };
        review(store, session, sign);
    }
    session
}

#[test]
fn the_review_cycle_round_trips_byte_identical() {
    let (dir, mut store) = temp_store();
    let session = reviewed_session(&mut store);
    let data = store.load(session).unwrap();
    let text = bundle::to_json(&data);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], bundle::VERSION);
    let review = &v["review"];
    assert_eq!(review["versions"].as_array().unwrap().len(), 3);
    assert!(review["versions"][0]["removed_at"].is_string(), "kept");
    let kept: Value =
        serde_json::from_str(review["versions"][2]["report"].as_str().unwrap()).unwrap();
    assert_eq!(kept["format"], "atelier.report");
    assert_eq!(review["feedback"].as_array().unwrap().len(), 2);
    assert_eq!(review["sign_offs"][1]["name"], "Camille (mairie)");
    assert_eq!(v["stages"][1]["contributions"][0]["origin"], "room");

    let path = dir.path().join("reviewed.json");
    std::fs::write(&path, &text).unwrap();
    let (_d2, mut other) = temp_store();
    let id = bundle::import_file(&mut other, &Catalog::built_in(), &path).unwrap();
    let back = other.load(id).unwrap();
    assert_eq!(back, data);
    assert_eq!(bundle::to_json(&back), text, "byte-identical");
    // The versions can still be compared where the session went.
    for number in [1, 2] {
        assert_eq!(
            other.version_report(id, number).unwrap(),
            store.version_report(session, number).unwrap()
        );
    }
    let cli = tempfile::tempdir().unwrap();
    common::atelier(&cli)
        .args(["import", path.to_str().unwrap()])
        .assert()
        .success();
    let out = common::stdout(common::atelier(&cli).args(["diff", &id.to_string(), "1", "2"]));
    assert!(out.contains("Buses too"), "{out}");
}

/// The reviewed session's bundle, edited, imported into a fresh database:
/// the error in English, after checking nothing was written.
fn refused(edit: impl FnOnce(&mut Value)) -> String {
    let (dir, mut store) = temp_store();
    let session = reviewed_session(&mut store);
    let mut v: Value =
        serde_json::from_str(&bundle::to_json(&store.load(session).unwrap())).unwrap();
    edit(&mut v);
    let path = dir.path().join("broken.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let (_d2, mut other) = temp_store();
    let err = bundle::import_file(&mut other, &Catalog::built_in(), &path).unwrap_err();
    assert!(
        other.list_sessions(true).unwrap().is_empty(),
        "nothing written"
    );
    match err {
        ImportError::Bundle(e) => e.to_string(),
        other => panic!("expected a bundle error, got {other}"),
    }
}

type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn every_reference_of_the_review_cycle_is_checked_and_named() {
    let stranger = "0b7c5d1e-8f7a-4b1c-9d2e-3f4a5b6c7d8e";
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(move |v| v["review"]["feedback"][0]["version"] = json!(stranger)),
            "review.feedback[0].version: \"0b7c5d1e",
        ),
        (
            Box::new(move |v| v["review"]["feedback"][0]["contribution"] = json!(stranger)),
            "review.feedback[0].contribution: \"0b7c5d1e",
        ),
        (
            Box::new(move |v| v["review"]["feedback"][1]["participant"] = json!(stranger)),
            "review.feedback[1].participant: unknown participant",
        ),
        (
            Box::new(move |v| v["review"]["sign_offs"][0]["version"] = json!("v2")),
            "review.sign_offs[0].version: \"v2\" is not in this bundle",
        ),
        (
            Box::new(|v| v["review"]["sign_offs"][1]["name"] = json!(" ")),
            "review.sign_offs[1].name: the name is empty",
        ),
        (
            Box::new(|v| v["review"]["feedback"][0]["text"] = json!("")),
            "review.feedback[0].text: the text is empty",
        ),
        (
            Box::new(|v| v["review"]["versions"][2]["number"] = json!(1)),
            "review.versions[2].number: version 1 is already at review.versions[1]",
        ),
        (
            Box::new(|v| v["review"]["versions"][1]["sha256"] = json!("abc")),
            "review.versions[1].sha256: \"abc\" is not a SHA-256",
        ),
        (
            Box::new(|v| {
                v["review"]["versions"][1]["report"] = json!("{\"format\": \"atelier.session\"}")
            }),
            "review.versions[1].report: not the report data of a version",
        ),
        (
            Box::new(|v| v["review"]["versions"][1]["published_at"] = json!("yesterday")),
            "review.versions[1].published_at: ",
        ),
        (
            Box::new(|v| {
                let id = v["review"]["versions"][1]["id"].clone();
                v["review"]["sign_offs"][0]["id"] = id;
            }),
            "review.sign_offs[0].id: id ",
        ),
        (
            Box::new(|v| v["version"] = json!(3)),
            "review: not part of bundle version 3",
        ),
    ];
    for (edit, expected) in cases {
        let message = refused(edit);
        assert!(
            message.contains(&format!("broken.json: {expected}")),
            "expected {expected:?} in {message:?}"
        );
    }
}

#[test]
fn a_version_s_report_data_must_be_as_published() {
    // attack2 N9: report data of another shape, or changed after its hash.
    let with_report = |change: fn(&mut Value)| -> Edit {
        Box::new(move |v| {
            let text = v["review"]["versions"][1]["report"].as_str().unwrap();
            let mut report: Value = serde_json::from_str(text).unwrap();
            change(&mut report);
            v["review"]["versions"][1]["report"] = json!(report.to_string());
        })
    };
    let cases: Vec<(Edit, &str)> = vec![
        (
            with_report(|r| r["version"] = json!(99)),
            "review.versions[1].report: the report data is of version 99; this Atelier writes version 1",
        ),
        (
            with_report(|r| r["title"] = json!("Not what was published")),
            "review.versions[1].sha256: is not the SHA-256 of this version's report data",
        ),
        (
            Box::new(|v| v["review"]["versions"][0]["sha256"] = json!("0".repeat(64))),
            "review.versions[0].sha256: is not the SHA-256 of this version's report data",
        ),
    ];
    for (edit, wanted) in cases {
        let error = refused(edit);
        assert!(error.contains(wanted), "{error}");
    }
}

#[test]
fn a_bundle_written_before_the_status_left_the_hash_still_imports() {
    // Its versions carry the older hash of the same report data (only the
    // review section left out): it still vouches for the report.
    let (dir, mut store) = temp_store();
    let session = reviewed_session(&mut store);
    let mut v: Value =
        serde_json::from_str(&bundle::to_json(&store.load(session).unwrap())).unwrap();
    let report = v["review"]["versions"][0]["report"]
        .as_str()
        .unwrap()
        .to_string();
    let legacy = atelier::model::legacy_content_hash(&report);
    assert_ne!(legacy, atelier::model::content_hash(&report));
    v["review"]["versions"][0]["sha256"] = json!(legacy);
    let path = dir.path().join("older.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let (_d2, mut other) = temp_store();
    bundle::import_file(&mut other, &Catalog::built_in(), &path).unwrap();
    assert_eq!(other.list_sessions(true).unwrap().len(), 1);
}

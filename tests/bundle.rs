mod common;

use atelier::bundle::{self, ImportError};
use atelier::templates::Catalog;
use common::{sample_store, sample_text, temp_store};
use serde_json::{json, Value};

#[test]
fn sample_round_trips_byte_identical() {
    let (_d, store, id) = sample_store();
    let exported = bundle::to_json(&store.load(id).unwrap());
    assert_eq!(exported, sample_text());
    // And once more through a second database.
    let (dir2, mut store2) = temp_store();
    let path = dir2.path().join("again.json");
    std::fs::write(&path, &exported).unwrap();
    let id2 = bundle::import_file(&mut store2, &Catalog::built_in(), &path).unwrap();
    assert_eq!(bundle::to_json(&store2.load(id2).unwrap()), exported);
}

#[test]
fn sample_is_complete() {
    let data = common::sample_data();
    assert_eq!(data.session.lead, "Florence Mensah");
    let names: Vec<_> = data.roster().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Martin PREAUD",
            "Jacky LE BIHAN",
            "Mathilde van Derrusten",
            "Jérémy MONTAGNY"
        ]
    );
    assert_eq!(data.synthesis.blocks.len(), 3);
    assert!(data.synthesis.proposal.starts_with("une co-construction"));
    use atelier::model::Kind::*;
    let count = |k| data.live().filter(|c| c.kind == k).count();
    assert_eq!(count(Context), 1);
    assert_eq!(count(Observation), 4);
    assert_eq!(count(Stake), 3);
    assert_eq!(count(Question), 4);
    assert_eq!(count(Resource), 1);
    assert_eq!(count(Idea), 13);
    let deepest = data
        .live()
        .find(|c| c.text.starts_with("valeurs/postures"))
        .unwrap();
    let parent = data
        .live()
        .find(|c| Some(c.id) == deepest.parent_id)
        .unwrap();
    assert_eq!(parent.text, "le contenu potentiel de la charte");
    assert!(parent.parent_id.is_some());
}

/// Applies `edit` to the sample, imports it, and returns the error, after
/// checking that the database was left as it was.
fn import_error(edit: impl FnOnce(&mut Value)) -> bundle::BundleError {
    let mut v: Value = serde_json::from_str(&sample_text()).unwrap();
    edit(&mut v);
    let (dir, mut store) = temp_store();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let err = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap_err();
    assert!(
        store.list_sessions(true).unwrap().is_empty(),
        "nothing written"
    );
    match err {
        ImportError::Bundle(e) => {
            assert!(e.to_string().contains("broken.json"), "{e}");
            e
        }
        other => panic!("expected a bundle error, got {other}"),
    }
}

type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn every_import_error_names_its_json_path() {
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "format",
            Box::new(|v| v["format"] = json!("other")),
            "atelier.session",
        ),
        (
            "version",
            Box::new(|v| v["version"] = json!(2)),
            "unsupported version 2",
        ),
        (
            "session.date",
            Box::new(|v| v["session"]["date"] = json!("10/06/2021")),
            "not a date",
        ),
        (
            "session.created_at",
            Box::new(|v| v["session"]["created_at"] = json!("soon")),
            "not a date and time",
        ),
        (
            "session.template",
            Box::new(|v| v["session"]["template"] = json!("nope")),
            "unknown template",
        ),
        (
            "session.language",
            Box::new(|v| v["session"]["language"] = json!("de")),
            "unknown variant",
        ),
        (
            "stages[2].key",
            Box::new(|v| v["stages"][2]["key"] = json!("lunch")),
            "unknown stage",
        ),
        (
            "stages[1].contributions[5].kind",
            Box::new(|v| v["stages"][1]["contributions"][5]["kind"] = json!("potato")),
            "unknown variant",
        ),
        (
            "stages[1].contributions[0].participant",
            Box::new(|v| {
                v["stages"][1]["contributions"][0]["participant"] =
                    json!("0190aaaa-0000-7000-8000-000000000000")
            }),
            "unknown participant",
        ),
        (
            "stages[2].contributions[2].parent",
            Box::new(|v| {
                v["stages"][2]["contributions"][2]["parent"] =
                    json!("0190aaaa-0000-7000-8000-000000000000")
            }),
            "broken parent link",
        ),
        (
            "stages[1].contributions[1].id",
            Box::new(|v| {
                let first = v["stages"][1]["contributions"][0]["id"].clone();
                v["stages"][1]["contributions"][1]["id"] = first;
            }),
            "used twice",
        ),
        (
            "stages[1].contributions[3].text",
            Box::new(|v| v["stages"][1]["contributions"][3]["text"] = json!("  ")),
            "empty",
        ),
        (
            "stages[0].contributions[0].surprise",
            Box::new(|v| v["stages"][0]["contributions"][0]["surprise"] = json!(1)),
            "unknown field",
        ),
    ];
    for (place, edit, problem) in cases {
        let e = import_error(edit);
        assert_eq!(e.place, place, "{e}");
        assert!(e.problem.contains(problem), "{place}: {}", e.problem);
    }
}

#[test]
fn invalid_json_names_line_and_column() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("cut.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"atelier.session\",\n  \"version\": ",
    )
    .unwrap();
    let err = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("cut.json") && msg.contains("line 3"), "{msg}");
}

#[test]
fn importing_the_same_session_twice_is_refused_whole() {
    let (dir, mut store, _id) = sample_store();
    let before = bundle::to_json(&store.load(_id).unwrap());
    let err =
        bundle::import_file(&mut store, &Catalog::built_in(), &common::sample_path()).unwrap_err();
    assert!(
        err.to_string().contains("already in this database"),
        "{err}"
    );
    assert_eq!(bundle::to_json(&store.load(_id).unwrap()), before);
    drop(dir);
}

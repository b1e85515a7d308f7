use crate::common;

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
            Box::new(|v| v["version"] = json!(6)),
            "unsupported version 6",
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
        assert!(
            e.problem.to_string().contains(problem),
            "{place}: {}",
            e.problem
        );
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
fn importing_the_same_session_twice_changes_nothing() {
    let (dir, mut store, id) = sample_store();
    let before = store.load(id).unwrap();
    let again = bundle::import_file(&mut store, &Catalog::built_in(), &common::sample_path());
    assert_eq!(again.unwrap(), id);
    assert_eq!(store.load(id).unwrap(), before);
    drop(dir);
}

fn hostile(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/hostile")
        .join(name)
}

/// Imports a hostile file into a fresh database and returns the refusal,
/// after checking that nothing was written.
fn refused(name: &str) -> bundle::BundleError {
    let (_dir, mut store) = temp_store();
    let err = bundle::import_file(&mut store, &Catalog::built_in(), &hostile(name)).unwrap_err();
    assert!(store.list_sessions(true).unwrap().is_empty(), "{name}");
    match err {
        ImportError::Bundle(e) => {
            assert!(e.file.ends_with(name), "{e}");
            e
        }
        other => panic!("{name}: expected a bundle error, got {other}"),
    }
}

#[test]
fn a_time_that_leaves_four_digit_years_in_utc_is_refused() {
    let e = refused("bundle-year-10000.json");
    assert_eq!(e.place, "session.created_at");
    assert!(
        e.problem
            .to_string()
            .contains("outside the years 0001-9999"),
        "{e}"
    );
    for (place, value) in [
        ("session.updated_at", "0001-01-01T00:30:00+01:00"),
        (
            "stages[1].contributions[0].created_at",
            "9999-12-31T23:00:00-01:00",
        ),
    ] {
        let e = import_error(|v| {
            let mut target = &mut *v;
            for key in place.split('.') {
                target = match key.split_once('[') {
                    Some((k, i)) => {
                        &mut target[k][i.trim_end_matches(']').parse::<usize>().unwrap()]
                    }
                    None => &mut target[key],
                };
            }
            *target = json!(value);
        });
        assert_eq!(e.place, place);
        assert!(e.problem.to_string().contains("outside the years"), "{e}");
    }
    let e = import_error(|v| v["session"]["date"] = json!("+10000-01-01"));
    assert_eq!(e.place, "session.date");
}

#[test]
fn a_file_holds_exactly_one_bundle() {
    for name in [
        "bundle-two-concatenated.json",
        "bundle-trailing-garbage.json",
    ] {
        let e = refused(name);
        assert!(e.place.starts_with("line "), "{e}");
        assert!(e.problem.to_string().contains("after the bundle"), "{e}");
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let (_dir, mut store) = temp_store();
    let id = bundle::import_file(
        &mut store,
        &Catalog::built_in(),
        &hostile("bundle-bom.json"),
    )
    .unwrap();
    assert_eq!(store.load(id).unwrap().session.title, "Hostile");
}

#[test]
fn a_session_needs_a_stage() {
    let e = refused("bundle-no-stages.json");
    assert_eq!(e.place, "stages");
    assert!(e.problem.to_string().contains("at least one stage"), "{e}");
}

#[test]
fn nesting_beyond_max_depth_is_refused() {
    let e = refused("bundle-too-deep.json");
    assert_eq!(e.place, "stages[0].contributions[13].parent");
    assert!(e.problem.to_string().contains("at most 12 levels"), "{e}");
    let (_dir, mut store) = temp_store();
    let id = bundle::import_file(
        &mut store,
        &Catalog::built_in(),
        &hostile("bundle-deepest-allowed.json"),
    )
    .unwrap();
    assert_eq!(store.load(id).unwrap().contributions.len(), 13);
}

#[test]
fn ids_of_another_session_are_refused_by_place() {
    let (dir, mut store, _sample) = sample_store();
    let mut v: Value = serde_json::from_str(&sample_text()).unwrap();
    v["session"]["id"] = json!("0190aaaa-0000-7000-8000-00000000c000");
    let path = dir.path().join("copy.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let err = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("copy.json: participants[0].id: id ")
            && msg.contains("already used by another session"),
        "{msg}"
    );
    assert!(!msg.contains("UNIQUE"), "{msg}");
    assert_eq!(store.list_sessions(true).unwrap().len(), 1);
}

#[test]
fn importing_several_files_is_all_or_nothing() {
    let (dir, mut store) = temp_store();
    let good = common::sample_path();
    let err = bundle::import_files(
        &mut store,
        &Catalog::built_in(),
        &[good.clone(), hostile("bundle-no-stages.json")],
    )
    .unwrap_err();
    assert!(err.to_string().contains("nothing was imported"), "{err}");
    assert!(store.list_sessions(true).unwrap().is_empty());
    // Another session sharing the first one's ids clashes before anything
    // is written (the same session twice is a merge).
    let copy = dir.path().join("copy.json");
    let mut v: Value = serde_json::from_str(&sample_text()).unwrap();
    v["session"]["id"] = json!(atelier::model::new_id().to_string());
    std::fs::write(&copy, v.to_string()).unwrap();
    let err =
        bundle::import_files(&mut store, &Catalog::built_in(), &[good.clone(), copy]).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("copy.json: participants[0].id: ") && msg.contains("also used by"),
        "{msg}"
    );
    assert!(store.list_sessions(true).unwrap().is_empty());
    let ids = bundle::import_files(
        &mut store,
        &Catalog::built_in(),
        &[good, hostile("bundle-bom.json")],
    )
    .unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(store.list_sessions(true).unwrap().len(), 2);
}

#[test]
fn the_command_line_import_says_each_problem_once_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite3");
    let atelier = || {
        let mut cmd = assert_cmd::Command::cargo_bin("atelier").unwrap();
        cmd.arg("--db").arg(&db).arg("--lang").arg("en");
        cmd
    };
    atelier()
        .arg("import")
        .arg(common::sample_path())
        .assert()
        .success();
    let out = atelier()
        .arg("import")
        .arg(hostile("bundle-bom.json"))
        .arg(hostile("bundle-no-stages.json"))
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(
        stderr.matches("bundle-no-stages.json").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    let list = atelier().args(["list", "--json"]).assert().success();
    let sessions: Value = serde_json::from_slice(&list.get_output().stdout).unwrap();
    assert_eq!(
        sessions.as_array().unwrap().len(),
        1,
        "bundle-bom.json was not kept"
    );
}

#[test]
fn a_version_1_bundle_imports_its_stage_times_as_one_segment_each() {
    let (dir, mut store) = temp_store();
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle-v1.json");
    let id = bundle::import_file(&mut store, &Catalog::built_in(), &v1).unwrap();
    let data = store.load(id).unwrap();
    let first = &data.stages[0];
    assert_eq!(first.segments.len(), 1);
    assert_eq!(
        first.started_at(),
        atelier::model::parse_time("2021-06-10T09:00:00Z")
    );
    assert_eq!(
        first.ended_at(),
        atelier::model::parse_time("2021-06-10T09:02:00Z")
    );
    // Exported again, it is the current sample but for the pseudonym seed
    // (fresh: a version 1 bundle had none).
    let seedless = |json: &str| {
        let mut v: Value = serde_json::from_str(json).unwrap();
        v["session"]
            .as_object_mut()
            .unwrap()
            .remove("pseudonym_seed");
        v
    };
    assert_eq!(seedless(&bundle::to_json(&data)), seedless(&sample_text()));
    // Each version refuses the other's stage fields.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&v1).unwrap()).unwrap();
    v["stages"][0]["segments"] = json!([{"started_at": "2021-06-10T09:00:00Z"}]);
    let path = dir.path().join("mixed.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let e = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap_err();
    assert!(e.to_string().contains("stages[0].segments"), "{e}");
}

#[cfg(unix)]
#[test]
fn importing_a_device_or_a_pipe_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    for file in [std::path::PathBuf::from("/dev/zero"), fifo] {
        let out = assert_cmd::Command::cargo_bin("atelier")
            .unwrap()
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&file)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("not a regular file"), "{err}");
        assert!(err.contains(&file.display().to_string()), "{err}");
    }
}

#[test]
fn a_participants_report_is_refused_with_what_to_use_instead() {
    let data = common::sample_data();
    let report = atelier::report::render(atelier::report::Format::Json, &data);
    let e = bundle::parse("report.json", &report, &Catalog::built_in()).unwrap_err();
    assert_eq!(e.place, "format");
    assert!(e.problem.to_string().contains("--format bundle"), "{e}");
}

#[test]
fn a_stage_time_that_ends_before_it_starts_or_a_loose_date_is_refused() {
    let mut v: Value = serde_json::from_str(&sample_text()).unwrap();
    v["stages"][1]["segments"][0]["ended_at"] = json!("2021-06-10T08:00:00.000Z");
    let e = bundle::parse("x.json", &v.to_string(), &Catalog::built_in()).unwrap_err();
    assert_eq!(e.place, "stages[1].segments[0].ended_at");
    assert!(e.problem.to_string().contains("ends before it starts"));
    for date in ["2021-6-10", "+2021-06-10"] {
        let mut v: Value = serde_json::from_str(&sample_text()).unwrap();
        v["session"]["date"] = json!(date);
        let e = bundle::parse("x.json", &v.to_string(), &Catalog::built_in()).unwrap_err();
        assert_eq!(e.place, "session.date", "{date}");
    }
}

#[test]
fn a_pseudonym_key_and_a_reopening_must_be_what_atelier_writes() {
    // attack2 N8: a key of any length or bytes; a draft "reopened".
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["session"]["pseudonym_seed"] = json!("x".repeat(100_000))),
            "session.pseudonym_seed: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" is not a pseudonym key",
        ),
        (
            Box::new(|v| v["session"]["pseudonym_seed"] = json!("\u{1b}[31m6d1f0a9c3b7e4d2a8f5c0b1e9a7d")),
            "session.pseudonym_seed: \"\\u{1b}[31m6d1f",
        ),
        (
            Box::new(|v| v["session"]["pseudonym_seed"] = json!("6D1F0A9C3B7E4D2A8F5C0B1E9A7D3C42")),
            "is not a pseudonym key (32 lower-case hexadecimal digits",
        ),
        (
            Box::new(|v| {
                v["session"]["status"] = json!("draft");
                v["session"]["reopened_at"] = json!("2021-06-10T09:00:00.000Z");
            }),
            "session.reopened_at: a draft session was never closed",
        ),
    ];
    for (edit, wanted) in cases {
        let e = import_error(edit);
        assert!(e.to_string().contains(wanted), "{e}");
    }
    // The key as written, a missing one (older bundles: a fresh one) and a
    // closed session's reopening (after its last change: reopening does
    // not move it) all import.
    for edit in [
        Box::new(|_: &mut Value| {}) as Edit,
        Box::new(|v| {
            v["session"]
                .as_object_mut()
                .unwrap()
                .remove("pseudonym_seed");
        }),
        Box::new(|v| v["session"]["reopened_at"] = json!("2021-06-10T10:00:00.000Z")),
    ] {
        let mut v: Value = serde_json::from_str(&sample_text()).unwrap();
        edit(&mut v);
        let (dir, mut store) = temp_store();
        let path = dir.path().join("ok.json");
        std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        let id = bundle::import_file(&mut store, &Catalog::built_in(), &path).unwrap();
        let seed = store.session(id).unwrap().pseudonym_seed;
        assert_eq!(seed.len(), 32, "{seed}");
    }
}

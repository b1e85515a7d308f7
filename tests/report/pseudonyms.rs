//! Pseudonyms in anonymous reports ("Participant 3"), through the real
//! binary: numbered in an order no one can derive from the roster, the
//! same across drafts, another laptop and a removal.

use crate::common;

use atelier::model::{Id, Kind, Origin};
use atelier::store::{NewContribution, Store};
use common::{atelier, stdout};
use std::collections::HashMap;

/// Twelve people: the chance that a random order is the roster's is one
/// in 479 001 600, so a test asserting it is not cannot fail by luck.
pub const PEOPLE: [&str; 12] = [
    "Zed Alpha",
    "Amy Beta",
    "Mo Gamma",
    "Ida Delta",
    "Cy Epsilon",
    "Bo Zeta",
    "Eli Eta",
    "Flo Theta",
    "Gus Iota",
    "Hal Kappa",
    "Ivy Lambda",
    "Jo Mu",
];

/// The binary's database in `dir`.
pub fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("db.sqlite3")).unwrap()
}

/// Each person of `session` says "said by NAME" in its second stage.
pub fn everyone_says(store: &mut Store, session: Id) {
    let stage = store.stages(session).unwrap()[1].id;
    for p in store.participants(session).unwrap() {
        store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: Some(p.id),
                kind: Kind::Observation,
                text: format!("said by {}", p.name),
                parent_id: None,
                group: None,
                anonymous: false,
                origin: Origin::Facilitator,
            })
            .unwrap();
    }
}

/// Who is who in the anonymised Markdown report: each name's pseudonym
/// number, read from "said by NAME — *Participant N*".
pub fn pseudonyms(dir: &tempfile::TempDir, session: &str) -> HashMap<String, usize> {
    let md = stdout(atelier(dir).args(["export", session, "--format", "md", "--anonymise"]));
    md.lines()
        .filter_map(|line| {
            let (_, said) = line.split_once("said by ")?;
            let (name, who) = said.split_once(" — *Participant ")?;
            let n = who.trim_end_matches('*').parse().ok()?;
            Some((name.to_string(), n))
        })
        .collect()
}

/// The pseudonym numbers of `names`, in that order.
fn numbers(map: &HashMap<String, usize>, names: &[&str]) -> Vec<usize> {
    names.iter().map(|n| map[*n]).collect()
}

#[test]
fn pseudonyms_do_not_follow_the_roster_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let id = common::new_session(&mut store, &PEOPLE);
    everyone_says(&mut store, id);
    drop(store);
    let map = pseudonyms(&dir, &id.to_string());
    assert_eq!(map.len(), PEOPLE.len(), "{map:?}");
    let mut taken = numbers(&map, &PEOPLE);
    let roster_order: Vec<usize> = (1..=PEOPLE.len()).collect();
    assert_ne!(taken, roster_order, "Participant N is the Nth name");
    taken.sort();
    assert_eq!(taken, roster_order, "each number once");

    // The same people in the next session (same roster order, new ids and
    // seed): other pseudonyms, so one report does not unmask the other.
    let next = stdout(atelier(&dir).args(["new", "--next", &id.to_string()]));
    let next = next.trim().to_string();
    let mut store = open(&dir);
    everyone_says(&mut store, next.parse().unwrap());
    drop(store);
    let again = pseudonyms(&dir, &next);
    assert_ne!(numbers(&again, &PEOPLE), numbers(&map, &PEOPLE));
    // And the same session reads the same each time.
    assert_eq!(pseudonyms(&dir, &id.to_string()), map);
}

#[test]
fn a_session_keeps_its_pseudonyms_on_another_laptop() {
    let here = tempfile::tempdir().unwrap();
    let mut store = open(&here);
    let id = common::new_session(&mut store, &PEOPLE);
    everyone_says(&mut store, id);
    drop(store);
    let id = id.to_string();
    let map = pseudonyms(&here, &id);
    let bundle = here.path().join("session.json");
    atelier(&here)
        .args(["export", &id, "--format", "bundle", "--out"])
        .arg(&bundle)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    assert!(json["session"]["pseudonym_seed"].is_string(), "{json}");

    let there = tempfile::tempdir().unwrap();
    atelier(&there)
        .arg("import")
        .arg(&bundle)
        .assert()
        .success();
    assert_eq!(pseudonyms(&there, &id), map);

    // A bundle from before the seed imports with a fresh one: still one
    // number each, still not the roster's order.
    let mut old = json.clone();
    old["session"]
        .as_object_mut()
        .unwrap()
        .remove("pseudonym_seed");
    let old_file = here.path().join("old.json");
    std::fs::write(&old_file, old.to_string()).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    atelier(&elsewhere)
        .arg("import")
        .arg(&old_file)
        .assert()
        .success();
    let fresh = pseudonyms(&elsewhere, &id);
    assert_eq!(fresh.len(), PEOPLE.len());
    assert_ne!(
        numbers(&fresh, &PEOPLE),
        (1..=PEOPLE.len()).collect::<Vec<_>>()
    );
}

#[test]
fn the_migration_gives_each_existing_session_its_own_seed() {
    use atelier::store::migrations;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        // The schema before 021_pseudonym_seed.sql.
        migrations().to_version(&mut conn, 20).unwrap();
        for id in [
            "0190eeee-0000-7000-8000-000000000001",
            "0190eeee-0000-7000-8000-000000000002",
        ] {
            conn.execute(
                "INSERT INTO sessions (id, title, event, date, language, template, question,
                                       created_at, updated_at)
                   VALUES (?1, 'Old', '', '2021-06-10', 'en', 'emergence', 'Q',
                           '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z')",
                [id],
            )
            .unwrap();
        }
    }
    let store = Store::open(&path).unwrap();
    let seeds: Vec<String> = store
        .list_sessions(true)
        .unwrap()
        .iter()
        .map(|s| store.session(s.id).unwrap().pseudonym_seed)
        .collect();
    assert_eq!(seeds.len(), 2);
    assert!(seeds.iter().all(|s| s.len() == 32), "{seeds:?}");
    assert_ne!(seeds[0], seeds[1]);
}

#[test]
fn a_removal_renumbers_no_one_and_the_removed_keep_their_pseudonym() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let id = common::new_session(&mut store, &PEOPLE);
    everyone_says(&mut store, id);
    let amy = store.participants(id).unwrap()[1].clone();
    drop(store);
    let before = pseudonyms(&dir, &id.to_string());
    open(&dir).remove_participant(amy.id).unwrap();
    let after = pseudonyms(&dir, &id.to_string());
    // Amy's text still reads "Participant N", hers; nobody else changed.
    assert_eq!(after, before);

    // Per-person counts, shown: one row per pseudonym, Amy folded in under
    // hers, no "Former participants" row singling her out.
    let json = stdout(atelier(&dir).args([
        "export",
        &id.to_string(),
        "--format",
        "json",
        "--anonymise",
        "--person-stats",
        "show",
    ]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows: Vec<String> = json["stats"]["by_participant"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap().to_string())
        .collect();
    assert!(!rows.iter().any(|r| r.contains("Former")), "{rows:?}");
    let amys = format!("Participant {}", before["Amy Beta"]);
    assert!(rows.contains(&amys), "{rows:?}");
    // In pseudonym order, not the roster's.
    let expected: Vec<String> = (1..=PEOPLE.len())
        .map(|n| format!("Participant {n}"))
        .collect();
    assert_eq!(rows, expected);
}

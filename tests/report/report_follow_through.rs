//! Participation and round-robin passes in the report JSON and CSV: per
//! participant counts and shares in a named session, only the totals in an
//! anonymous one (the report's one anonymity rule).

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Anonymity, Kind, SessionData};
use atelier::report::{render, Format};
use atelier::store::NewContribution;
use serde_json::Value;

/// Ana says two things and passes once; Bo says one; Cy passes.
fn session() -> (tempfile::TempDir, SessionData) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let data = store.load(id).unwrap();
    let stage = data.stages[1].id;
    let people: Vec<_> = data.participants.iter().map(|p| p.id).collect();
    for who in [0, 0, 1] {
        let new = NewContribution {
            stage_id: stage,
            participant_id: Some(people[who]),
            kind: Kind::Observation,
            text: "said".into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        };
        apply(&mut store, id, &Command::Record(new)).unwrap();
    }
    for who in [0, 2] {
        let pass = Command::Pass {
            stage,
            participant: people[who],
        };
        apply(&mut store, id, &pass).unwrap();
    }
    // A pass taken back does not count.
    let pass = Command::Pass {
        stage,
        participant: people[1],
    };
    let out = apply(&mut store, id, &pass).unwrap();
    apply(&mut store, id, &out.inverse).unwrap();
    (dir, store.load(id).unwrap())
}

#[test]
fn a_named_report_gives_each_persons_share_and_passes() {
    let (_d, mut data) = session();
    data.session.report.person_stats = atelier::model::PersonStats::Show;
    let v: Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    let p = &v["participation"];
    assert_eq!(
        (
            p["contributions"].as_u64(),
            p["people"].as_u64(),
            p["passes"].as_u64()
        ),
        (Some(3), Some(3), Some(2))
    );
    let rows: Vec<(String, u64, u64, bool, u64)> = p["by_participant"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["contributions"].as_u64().unwrap(),
                r["share_percent"].as_u64().unwrap(),
                r["under_even_share"].as_bool().unwrap(),
                r["passes"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Ana".to_string(), 2, 66, false, 1),
            ("Bo".to_string(), 1, 33, false, 0),
            ("Cy".to_string(), 0, 0, true, 1)
        ]
    );
    let csv = render(Format::Csv, &data);
    assert!(
        csv.contains("\r\n,,Participation,Cy,contributions: 0 (0%) · passes: 1,,,0,,,,,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            ",,Participation,,total — contributions: 3 · people: 3 · passes: 2,,,0,,,,,\r\n"
        ),
        "{csv}"
    );
}

#[test]
fn an_anonymous_report_gives_only_the_totals() {
    let (_d, mut data) = session();
    data.session.anonymity = Anonymity::Anonymous;
    let json = render(Format::Json, &data);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["participation"]["passes"], 2);
    assert_eq!(v["participation"]["by_participant"], serde_json::json!([]));
    let csv = render(Format::Csv, &data);
    let rows: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains("Participation"))
        .collect();
    assert_eq!(
        rows,
        [",,Participation,,total — contributions: 3 · people: 3 · passes: 2,,,0,,,,,"]
    );
    for format in [Format::Json, Format::Csv] {
        let text = render(format, &data);
        for name in ["Ana", "Bo", "Cy"] {
            assert!(!text.contains(name), "{name} in {format:?}");
        }
    }
}

#[test]
fn an_action_carried_over_says_so_in_every_report() {
    let (_d, mut store) = common::temp_store();
    let first = common::new_session(&mut store, &["Ana"]);
    let new = atelier::store::NewAction {
        text: "Book the room".into(),
        who_participant: None,
        who_name: String::new(),
        due: None,
    };
    let out = apply(&mut store, first, &Command::AddAction(new)).unwrap();
    let Command::RemoveAction { id } = out.inverse else {
        panic!()
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
    let next = store.next_session(first, day, None).unwrap();
    apply(&mut store, next, &Command::CarryAction { from: id }).unwrap();
    let data = store.load(next).unwrap();
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let text = render(format, &data);
        assert!(text.contains("open · carried over"), "{format:?}: {text}");
        // Where it was agreed, it is closed: carried over, not open.
        let first_report = render(format, &store.load(first).unwrap());
        assert!(
            first_report.contains("carried over to the next session"),
            "{format:?}"
        );
        assert!(!first_report.contains("open · carried over"), "{format:?}");
    }
    let v: Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    assert_eq!(v["actions"][0]["carried_over"], true);
    assert_eq!(v["actions"][0]["status"], "open");
}

//! The parking lot and the decision log on real SQLite files: a file of
//! version 4 gains them empty, and what is parked or decided survives the
//! program's end.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::Kind;
use atelier::store::{migrations, NewContribution, Store};

fn say(
    store: &mut Store,
    session: atelier::model::Id,
    text: &str,
    parent: Option<atelier::model::Id>,
) -> atelier::model::Id {
    let stage = store.stages(session).unwrap()[1].id;
    let who = store.participants(session).unwrap()[0].id;
    store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: Some(who),
            kind: Kind::Observation,
            text: text.into(),
            parent_id: parent,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        })
        .unwrap()
        .id
}

#[test]
fn a_version_4_file_gains_an_empty_parking_lot_and_decision_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 4).unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, title, date, language, template, status, created_at, updated_at)
             VALUES ('0190aaaa-0000-7000-8000-000000000001', 'Old', '2021-06-10', 'fr', 'emergence',
                     'running', '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z');
             INSERT INTO stages (id, session_id, key, title, position) VALUES
               ('0190aaaa-0000-7000-8000-000000000002', '0190aaaa-0000-7000-8000-000000000001',
                'a', 'A', 1);
             INSERT INTO contributions (id, session_id, stage_id, kind, text, position,
                                        created_at, updated_at) VALUES
               ('0190aaaa-0000-7000-8000-000000000003', '0190aaaa-0000-7000-8000-000000000001',
                '0190aaaa-0000-7000-8000-000000000002', 'idea', 'Kept', 1,
                '2021-06-10T09:01:00.000Z', '2021-06-10T09:01:00.000Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let id = store.resolve_session("0190aaaa").unwrap();
    let data = store.load(id).unwrap();
    assert_eq!(
        data.live().count(),
        1,
        "an old contribution is in its stage"
    );
    assert!(data.parked().is_empty());
    assert!(data.decisions.is_empty());
}

#[test]
fn what_is_parked_or_decided_survives_reopening_the_file() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let top = say(&mut store, session, "Off topic", None);
    let sub = say(&mut store, session, "its detail", Some(top));
    let stays = say(&mut store, session, "On topic", None);
    apply(&mut store, session, &Command::Park { id: top }).unwrap();
    let decide = Command::Decide {
        text: "Meet in May".into(),
    };
    apply(&mut store, session, &decide).unwrap();
    let path = store.path().to_path_buf();
    drop(store);

    let store = Store::open(&path).unwrap();
    let data = store.load(session).unwrap();
    let live: Vec<_> = data.live().map(|c| c.id).collect();
    assert_eq!(live, [stays]);
    let lot: Vec<_> = data.parked().iter().map(|c| c.id).collect();
    assert_eq!(
        lot,
        [top],
        "the sub-point goes with its parent, not on its own"
    );
    assert!(store.contribution(sub).unwrap().is_parked());
    assert_eq!(
        data.parked()[0].participant_id,
        Some(data.participants[0].id)
    );
    assert_eq!(data.decisions.len(), 1);
    assert_eq!(data.decisions[0].text, "Meet in May");
    drop(dir);
}

#[test]
fn moving_an_item_skips_parked_siblings() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let a = say(&mut store, session, "a", None);
    let b = say(&mut store, session, "b", None);
    let c = say(&mut store, session, "c", None);
    apply(&mut store, session, &Command::Park { id: b }).unwrap();
    apply(&mut store, session, &Command::Move { id: c, up: true }).unwrap();
    let order: Vec<_> = store.load(session).unwrap().live().map(|x| x.id).collect();
    assert_eq!(order, [c, a], "c swapped with a, over the parked b");
}

#[test]
fn a_contribution_id_resolves_in_any_session() {
    let (_d, mut store) = common::temp_store();
    let one = common::new_session(&mut store, &["Ana"]);
    let two = common::new_session(&mut store, &["Bo"]);
    say(&mut store, one, "in one", None);
    let id = say(&mut store, two, "in two", None);
    let short = &id.simple().to_string()[24..];
    assert_eq!(store.resolve_any_contribution(short).unwrap(), (two, id));
    assert!(store.resolve_any_contribution("ffffffff9").is_err());
}

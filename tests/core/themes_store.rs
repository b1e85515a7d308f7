//! Themes on a real database file: each command and its inverse, undo and
//! redo restoring membership exactly, refusals that write nothing.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Kind, SessionData};
use atelier::store::{NewContribution, Store};

fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

/// A session with five ideas in its first stage.
fn ideas(store: &mut Store) -> (Id, Vec<Id>) {
    let session = common::new_session(store, &["Ana"]);
    let stage = store.load(session).unwrap().stages[0].id;
    let ids = (1..=5)
        .map(|n| {
            let new = NewContribution {
                stage_id: stage,
                participant_id: None,
                kind: Kind::Idea,
                text: format!("Idea {n}"),
                parent_id: None,
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            };
            let out = apply(store, session, &Command::Record(new)).unwrap();
            out.changes.delta.contributions[0].id
        })
        .collect();
    (session, ids)
}

fn add_theme(store: &mut Store, session: Id, name: &str) -> Id {
    match apply(store, session, &Command::AddTheme { name: name.into() })
        .unwrap()
        .inverse
    {
        Command::RemoveTheme { id } => id,
        other => panic!("{other:?}"),
    }
}

/// Applies `command`, checks that its inverse brings back the state before
/// and that the inverse's inverse (redo) brings back the state after.
fn round_trip(store: &mut Store, session: Id, command: &Command) -> SessionData {
    let before = state(store, session);
    let out = apply(store, session, command).unwrap();
    let after = state(store, session);
    assert_ne!(before, after, "{command:?} changed nothing");
    assert_eq!(out.changes.delta.themes.as_ref(), Some(&after.themes));
    let undo = apply(store, session, &out.inverse).unwrap();
    // An addition is undone softly: the new theme stays in the file, taken
    // back and empty; everything else is exactly as before.
    let mut undone = state(store, session);
    undone.themes.retain(|t| {
        let new = before.themes.iter().all(|b| b.id != t.id);
        assert!(!new || (!t.is_listed() && t.items.is_empty()), "{t:?}");
        !new
    });
    assert_eq!(undone, before, "undo of {command:?}");
    apply(store, session, &undo.inverse).unwrap();
    assert_eq!(state(store, session), after, "redo of {command:?}");
    after
}

fn names_and_items(data: &SessionData) -> Vec<(String, Vec<Id>)> {
    data.listed_themes()
        .map(|t| (t.name.clone(), t.items.clone()))
        .collect()
}

#[test]
fn every_theme_command_is_undone_and_redone_exactly() {
    let (dir, mut store) = common::temp_store();
    let (session, ids) = ideas(&mut store);
    let cost = add_theme(&mut store, session, "Cost");
    let time = add_theme(&mut store, session, "Time");
    round_trip(
        &mut store,
        session,
        &Command::AddTheme {
            name: "Spare".into(),
        },
    );

    let put = Command::PutInTheme {
        items: vec![ids[0], ids[1], ids[2]],
        theme: Some(cost),
    };
    let data = round_trip(&mut store, session, &put);
    assert_eq!(data.theme_of(ids[1]).unwrap().id, cost);

    // Moving items already in a theme takes them out of it: one theme each.
    let moved = Command::PutInTheme {
        items: vec![ids[2], ids[3], ids[2]],
        theme: Some(time),
    };
    let data = round_trip(&mut store, session, &moved);
    assert_eq!(
        names_and_items(&data)[..2],
        [
            ("Cost".to_string(), vec![ids[0], ids[1]]),
            ("Time".to_string(), vec![ids[2], ids[3]]),
        ]
    );

    let out = Command::PutInTheme {
        items: vec![ids[1]],
        theme: None,
    };
    let data = round_trip(&mut store, session, &out);
    assert!(data.theme_of(ids[1]).is_none());

    let rename = Command::RenameTheme {
        id: cost,
        name: "  Money ".into(),
    };
    let data = round_trip(&mut store, session, &rename);
    assert_eq!(names_and_items(&data)[0].0, "Money");

    let split = Command::SplitTheme {
        from: time,
        items: vec![ids[3]],
        name: "Speed".into(),
    };
    let data = round_trip(&mut store, session, &split);
    let listed = names_and_items(&data);
    assert_eq!(listed[1], ("Time".to_string(), vec![ids[2]]));
    assert_eq!(listed[3], ("Speed".to_string(), vec![ids[3]]));

    let merge = Command::MergeThemes {
        from: time,
        into: cost,
    };
    let data = round_trip(&mut store, session, &merge);
    assert_eq!(names_and_items(&data)[0].1, vec![ids[0], ids[2]]);
    assert!(data
        .themes
        .iter()
        .any(|t| t.id == time && t.removed_at.is_some()));

    let remove = Command::RemoveTheme { id: cost };
    let data = round_trip(&mut store, session, &remove);
    assert!(data.theme_of(ids[0]).is_none());
    // Taken back, the theme stays in the file with its name.
    assert!(data
        .themes
        .iter()
        .any(|t| t.id == cost && t.name == "Money"));

    // What was written is in the file, read by a fresh connection.
    let written = state(&store, session);
    drop(store);
    let again = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    assert_eq!(state(&again, session).themes, written.themes);
}

#[test]
fn a_batch_of_theme_moves_is_one_undo() {
    let (_d, mut store) = common::temp_store();
    let (session, ids) = ideas(&mut store);
    let a = add_theme(&mut store, session, "A");
    let b = add_theme(&mut store, session, "B");
    let batch = Command::Batch(vec![
        Command::PutInTheme {
            items: vec![ids[0], ids[1]],
            theme: Some(a),
        },
        Command::PutInTheme {
            items: vec![ids[1], ids[4]],
            theme: Some(b),
        },
        Command::MergeThemes { from: b, into: a },
    ]);
    let data = round_trip(&mut store, session, &batch);
    assert_eq!(
        names_and_items(&data),
        [("A".into(), vec![ids[0], ids[1], ids[4]])]
    );
}

#[test]
fn refused_theme_commands_write_nothing() {
    let (dir, mut store) = common::temp_store();
    let (session, ids) = ideas(&mut store);
    let (other, other_ids) = ideas(&mut store);
    let a = add_theme(&mut store, session, "A");
    let b = add_theme(&mut store, session, "B");
    let foreign = add_theme(&mut store, other, "Elsewhere");
    apply(
        &mut store,
        session,
        &Command::PutInTheme {
            items: vec![ids[0]],
            theme: Some(a),
        },
    )
    .unwrap();
    apply(&mut store, session, &Command::Delete { id: ids[4] }).unwrap();
    let file = dir.path().join("atelier.sqlite3");
    let bytes = std::fs::read(&file).unwrap();
    let refused = [
        Command::AddTheme { name: "  ".into() },
        Command::RenameTheme {
            id: a,
            name: "".into(),
        },
        Command::PutInTheme {
            items: vec![other_ids[0]],
            theme: Some(a),
        },
        Command::PutInTheme {
            items: vec![ids[1]],
            theme: Some(foreign),
        },
        // A deleted contribution is not sorted into a theme.
        Command::PutInTheme {
            items: vec![ids[4]],
            theme: Some(a),
        },
        Command::MergeThemes { from: a, into: a },
        Command::MergeThemes {
            from: a,
            into: foreign,
        },
        Command::SplitTheme {
            from: a,
            items: vec![ids[1]],
            name: "New".into(),
        },
        Command::SplitTheme {
            from: a,
            items: vec![],
            name: "New".into(),
        },
        Command::SplitTheme {
            from: a,
            items: vec![ids[0]],
            name: " ".into(),
        },
        Command::RemoveTheme { id: foreign },
        Command::Batch(vec![
            Command::PutInTheme {
                items: vec![ids[2]],
                theme: Some(b),
            },
            Command::RenameTheme {
                id: b,
                name: "".into(),
            },
        ]),
    ];
    for command in refused {
        let e = apply(&mut store, session, &command).unwrap_err();
        assert!(!e.message(atelier::model::Lang::Fr).is_empty());
        assert_eq!(std::fs::read(&file).unwrap(), bytes, "{command:?} wrote");
    }
    apply(&mut store, session, &Command::RemoveTheme { id: b }).unwrap();
    let gone = apply(&mut store, session, &Command::RemoveTheme { id: b });
    assert!(gone.unwrap_err().to_string().contains("no theme with id"));
}

#[test]
fn short_theme_ids_resolve_like_action_ids() {
    let (_d, mut store) = common::temp_store();
    let (session, _) = ideas(&mut store);
    let a = add_theme(&mut store, session, "A");
    let text = a.to_string();
    assert_eq!(
        store.resolve_theme(&text[text.len() - 8..]).unwrap(),
        (session, a)
    );
    assert_eq!(store.resolve_theme(&text[..13]).unwrap(), (session, a));
    assert!(store
        .resolve_theme("zz")
        .unwrap_err()
        .to_string()
        .contains("not a theme id"));
    assert!(store
        .resolve_theme("abcdef12")
        .unwrap_err()
        .to_string()
        .contains("no theme matches"));
    apply(&mut store, session, &Command::RemoveTheme { id: a }).unwrap();
    assert!(store.resolve_theme(&text).is_err());
}

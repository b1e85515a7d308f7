//! Actions ("qui fait quoi") on a real database file: commands and their
//! inverses, the reports under the anonymity rule, and the bundle.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Lang, SessionData};
use atelier::report::{render, Format, Report};
use atelier::store::{NewAction, Store};
use chrono::NaiveDate;
use common::private::anonymous_session;

fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

fn due() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 4, 30)
}

fn add(store: &mut Store, session: Id, text: &str, who: Option<Id>, name: &str) -> Id {
    let new = NewAction {
        text: text.into(),
        who_participant: who,
        who_name: name.into(),
        due: due(),
    };
    let out = apply(store, session, &Command::AddAction(new)).unwrap();
    match out.inverse {
        Command::RemoveAction { id } => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn actions_are_added_done_and_removed_and_each_undo_restores_the_file() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let ana = store.participants(session).unwrap()[0].id;
    let before = state(&store, session);
    let id = add(&mut store, session, "Book the room", Some(ana), "");
    let added = state(&store, session);
    assert_eq!(added.actions.len(), 1);
    assert!(added.actions[0].is_open());

    let done = Command::SetActionStatus { id, done: true };
    let out = apply(&mut store, session, &done).unwrap();
    assert!(out.changes.delta.actions.as_ref().unwrap()[0].done);
    apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(state(&store, session), added);

    let out = apply(&mut store, session, &Command::RemoveAction { id }).unwrap();
    assert_eq!(state(&store, session).listed_actions().count(), 0);
    // Taken back, it stays in the file (nothing typed is lost).
    assert_eq!(state(&store, session).actions.len(), 1);
    apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(state(&store, session), added);

    apply(&mut store, session, &Command::RemoveAction { id }).unwrap();
    let mut gone = state(&store, session);
    gone.actions.clear();
    assert_eq!(gone, before);

    // What was written is in the file, read by a fresh connection.
    drop(store);
    let again = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    let a = &again.load(session).unwrap().actions[0];
    assert_eq!(
        (a.text.as_str(), a.due, a.who_participant),
        ("Book the room", due(), Some(ana))
    );
    assert!(a.removed_at.is_some());
}

#[test]
fn refused_actions_write_nothing() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let other = common::new_session(&mut store, &["Bob"]);
    let bob = store.participants(other).unwrap()[0].id;
    let before = state(&store, session);
    let empty = NewAction {
        text: "  ".into(),
        who_participant: None,
        who_name: String::new(),
        due: None,
    };
    assert!(apply(&mut store, session, &Command::AddAction(empty)).is_err());
    let stranger = NewAction {
        text: "Call".into(),
        who_participant: Some(bob),
        who_name: String::new(),
        due: None,
    };
    assert!(apply(&mut store, session, &Command::AddAction(stranger)).is_err());
    let id = add(&mut store, other, "Theirs", None, "");
    let done = Command::SetActionStatus { id, done: true };
    assert!(apply(&mut store, session, &done).is_err());
    assert_eq!(state(&store, session), before);
}

#[test]
fn reports_show_who_does_what_without_a_name_in_an_anonymous_session() {
    for lang in Lang::ALL {
        let (_d, mut store) = common::temp_store();
        let (id, secrets) = anonymous_session(&mut store, lang);
        let first = store.participants(id).unwrap()[0].id;
        add(&mut store, id, "Write the minutes", Some(first), "");
        add(&mut store, id, "Ask the mayor", None, "Town hall");
        let data = store.load(id).unwrap();
        let r = Report::build(&data);
        assert_eq!(r.actions.len(), 2);
        // Not "Participant 1": that pseudonym marks a person's texts, and
        // beside an action the room would know who it is.
        let someone = atelier::i18n::t(lang, "report.action_someone").to_string();
        assert_eq!(r.actions[0].who, Some(someone));
        // Nor anyone from outside by name: "someone from outside the group".
        let outsider = atelier::i18n::t(lang, "report.action_outsider");
        assert_eq!(r.actions[1].who.as_deref(), Some(outsider));
        let (heading, date) = match lang {
            Lang::Fr => ("## Qui fait quoi\n", "30/04/2026"),
            Lang::En => ("## Actions\n", "2026-04-30"),
        };
        for format in [Format::Markdown, Format::Html, Format::Json, Format::Csv] {
            let text = render(format, &data);
            secrets.assert_none_in(&text, &format!("{format:?}"));
            assert!(text.contains("Write the minutes"), "{format:?}");
            assert!(!text.contains("Town hall"), "{format:?}");
        }
        let md = render(Format::Markdown, &data);
        assert!(md.contains(heading), "{md}");
        assert!(md.contains(date), "{md}");
        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        assert_eq!(json["actions"][1]["due"], "2026-04-30");
        assert_eq!(json["actions"][1]["status"], "open");

        // Named, the roster member is named.
        let mut named = data.clone();
        named.session.anonymity = atelier::model::Anonymity::Named;
        let r = Report::build(&named);
        assert_eq!(r.actions[0].who.as_deref(), Some(secrets.names[0]));
    }
}

#[test]
fn the_bundle_carries_the_actions() {
    let (d, mut store) = common::temp_store();
    let (id, _) = anonymous_session(&mut store, Lang::En);
    let first = store.participants(id).unwrap()[0].id;
    let kept = add(&mut store, id, "Write the minutes", Some(first), "");
    add(&mut store, id, "Ask the mayor", None, "Town hall");
    apply(&mut store, id, &Command::RemoveAction { id: kept }).unwrap();
    let data = store.load(id).unwrap();
    let file = d.path().join("session.json");
    std::fs::write(&file, render(Format::Bundle, &data)).unwrap();
    let (_d2, mut other) = common::temp_store();
    let catalog = atelier::templates::Catalog::built_in();
    let again = atelier::bundle::import_file(&mut other, &catalog, &file).unwrap();
    assert_eq!(other.load(again).unwrap().actions, data.actions);
}

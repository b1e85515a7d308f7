//! The toolkit's commands on a real database: extending a stage, parking
//! and unparking, logging a decision; each undone by its inverse.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Kind, SessionData};
use atelier::store::{NewContribution, Store};
use chrono::Duration;
use common::{clocked, new_session, temp_store};

/// The state a command and its inverse must agree on: everything `load`
/// reads, except the session's `updated_at` (every command moves it on).
fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

fn record(store: &mut Store, session: Id, text: &str) -> Id {
    let stage = store.stages(session).unwrap()[0].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Idea,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    let out = apply(store, session, &Command::Record(new)).unwrap();
    out.changes.delta.contributions[0].id
}

#[test]
fn extending_a_stage_adds_planned_minutes_and_undo_puts_them_back() {
    let (_d, mut store) = temp_store();
    let session = new_session(&mut store, &[]);
    let stage = store.stages(session).unwrap()[0].clone();
    let extend = |minutes| Command::ExtendStage {
        stage: stage.id,
        minutes,
    };
    let one = apply(&mut store, session, &extend(1)).unwrap();
    let five = apply(&mut store, session, &extend(5)).unwrap();
    assert_eq!(
        five.changes.delta.stages[0].planned_minutes,
        stage.planned_minutes + 6
    );
    assert_eq!(
        five.inverse,
        Command::SetPlannedMinutes {
            stage: stage.id,
            minutes: stage.planned_minutes + 1
        }
    );
    apply(&mut store, session, &five.inverse).unwrap();
    apply(&mut store, session, &one.inverse).unwrap();
    let back = store.stages(session).unwrap()[0].planned_minutes;
    assert_eq!(back, stage.planned_minutes);
    // An endless extension stops at a day.
    let huge = apply(&mut store, session, &extend(u32::MAX)).unwrap();
    assert_eq!(huge.changes.delta.stages[0].planned_minutes, 24 * 60);
}

#[test]
fn parking_takes_an_item_out_of_its_stage_and_unparking_brings_it_back() {
    let (_d, mut store) = temp_store();
    let clock = clocked(&mut store);
    let session = new_session(&mut store, &["Ada"]);
    let ada = store.participants(session).unwrap()[0].id;
    let stages: Vec<Id> = store
        .stages(session)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let kept = record(&mut store, session, "On topic");
    let off = apply(
        &mut store,
        session,
        &Command::Record(NewContribution {
            stage_id: stages[0],
            participant_id: Some(ada),
            kind: Kind::Idea,
            text: "Off topic".into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        }),
    )
    .unwrap()
    .changes
    .delta
    .contributions[0]
        .id;
    let before = state(&store, session);
    clock.advance(Duration::seconds(5));
    let parked = apply(&mut store, session, &Command::Park { id: off }).unwrap();
    let data = store.load(session).unwrap();
    let live: Vec<Id> = data.live().map(|c| c.id).collect();
    assert_eq!(live, vec![kept], "a parked item leaves its stage's list");
    let lot = data.parked();
    assert_eq!(lot.len(), 1);
    assert_eq!(lot[0].participant_id, Some(ada), "it keeps its author");
    apply(&mut store, session, &parked.inverse).unwrap();
    assert_eq!(state(&store, session), before, "undo puts it back");

    apply(&mut store, session, &Command::Park { id: off }).unwrap();
    let back = apply(
        &mut store,
        session,
        &Command::Unpark {
            id: off,
            stage: stages[1],
        },
    )
    .unwrap();
    let c = store.contribution(off).unwrap();
    assert!(c.is_live());
    assert_eq!((c.stage_id, c.parent_id), (stages[1], None));
    apply(&mut store, session, &back.inverse).unwrap();
    assert!(
        store.contribution(off).unwrap().is_parked(),
        "undo parks it again"
    );
}

#[test]
fn a_decision_is_logged_and_its_undo_takes_it_out() {
    let (_d, mut store) = temp_store();
    clocked(&mut store);
    let session = new_session(&mut store, &[]);
    let text = "We meet again in May".to_string();
    let out = apply(&mut store, session, &Command::Decide { text: text.clone() }).unwrap();
    let log = out.changes.delta.decisions.clone().unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].text, text);
    assert_eq!(store.load(session).unwrap().decisions, log);
    let redo = apply(&mut store, session, &out.inverse).unwrap().inverse;
    let undone = store.load(session).unwrap();
    assert_eq!(undone.logged_decisions().count(), 0, "out of the log");
    assert_eq!(undone.decisions[0].text, text, "but kept in the file");
    assert!(undone.decisions[0].removed_at.is_some());
    apply(&mut store, session, &redo).unwrap();
    assert_eq!(
        store.load(session).unwrap().decisions,
        log,
        "redo gives it back whole"
    );
    let e = apply(&mut store, session, &Command::Decide { text: "  ".into() });
    assert!(e.is_err(), "an empty decision is refused");
}

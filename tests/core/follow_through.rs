//! Follow-through on a real database: the next session of a workshop,
//! linked to the one it follows; the carry-over of that session's open
//! actions (carry one over, mark one done where it was agreed), each
//! command undone by its inverse; setting who does an action and by when.

use crate::common;

use atelier::commands::{apply, Command, CommandError};
use atelier::model::{Id, SessionData, SessionStatus};
use atelier::store::{NewAction, Refused, Store, StoreError};
use chrono::NaiveDate;
use common::{new_session, temp_store};

/// Everything `load` reads, but the `updated_at` every command moves on.
fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, d).unwrap()
}

fn add(store: &mut Store, session: Id, text: &str, who: Option<Id>, name: &str) -> Id {
    let new = NewAction {
        text: text.into(),
        who_participant: who,
        who_name: name.into(),
        due: Some(day(30)),
    };
    let out = apply(store, session, &Command::AddAction(new)).unwrap();
    match out.inverse {
        Command::RemoveAction { id } => id,
        other => panic!("{other:?}"),
    }
}

/// A closed first session with four actions: Ana's and the mayor's office's
/// open, one done, one taken back; and its next session.
struct Workshop {
    first: Id,
    next: Id,
    ana: Id,
    mayor: Id,
    done: Id,
    removed: Id,
}

fn workshop(store: &mut Store) -> Workshop {
    let first = new_session(store, &["Ana", "Bo", "Cy"]);
    let ana_id = store.load(first).unwrap().participants[0].id;
    let ana = add(store, first, "Book the room", Some(ana_id), "");
    let mayor = add(store, first, "Ask for a grant", None, "Mayor's office");
    let done = add(store, first, "Send the notes", None, "");
    let removed = add(store, first, "A mistake", None, "");
    apply(
        store,
        first,
        &Command::SetActionStatus {
            id: done,
            done: true,
        },
    )
    .unwrap();
    apply(store, first, &Command::RemoveAction { id: removed }).unwrap();
    apply(store, first, &Command::Close).unwrap();
    let next = store.next_session(first, day(9), None).unwrap();
    Workshop {
        first,
        next,
        ana,
        mayor,
        done,
        removed,
    }
}

#[test]
fn the_next_session_follows_the_first_with_its_roster_and_question() {
    let (dir, mut store) = temp_store();
    let w = workshop(&mut store);
    // Read back from the file by a second connection.
    drop(store);
    let store = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    let (first, next) = (store.load(w.first).unwrap(), store.load(w.next).unwrap());
    let s = &next.session;
    assert_eq!(s.title, "Test (2)");
    assert_eq!(s.previous_id, Some(w.first));
    assert_eq!(store.previous_session(w.next).unwrap(), Some(w.first));
    assert_eq!(store.previous_session(w.first).unwrap(), None);
    assert_eq!((s.date, s.status), (day(9), SessionStatus::Draft));
    let same = |d: &SessionData| {
        let s = &d.session;
        let names: Vec<_> = d.roster().map(|p| p.name.clone()).collect();
        let stages: Vec<_> = d.stages.iter().map(|st| st.key.clone()).collect();
        (
            s.event.clone(),
            s.template.clone(),
            s.question.clone(),
            s.lead.clone(),
            names,
            stages,
        )
    };
    assert_eq!(same(&next), same(&first));
    assert!(next.actions.is_empty() && next.contributions.is_empty());
    // The roster is new people records, not the first session's.
    assert_ne!(next.participants[0].id, first.participants[0].id);
}

#[test]
fn a_title_may_be_given_but_not_an_empty_one() {
    let (_d, mut store) = temp_store();
    let first = new_session(&mut store, &[]);
    let id = store
        .next_session(first, day(9), Some(" Séance 2 "))
        .unwrap();
    assert_eq!(store.session(id).unwrap().title, "Séance 2");
    let before = store.list_sessions(true).unwrap();
    let err = store.next_session(first, day(9), Some("  ")).unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(Refused::EmptyTitle)),
        "{err}"
    );
    assert_eq!(store.list_sessions(true).unwrap(), before);
}

#[test]
fn only_open_listed_actions_wait_for_carry_over() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    let waiting: Vec<Id> = store
        .carry_over(w.next)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(waiting, [w.ana, w.mayor]);
    assert!(!waiting.contains(&w.done) && !waiting.contains(&w.removed));
    // A session that follows none has nothing to review.
    assert!(store.carry_over(w.first).unwrap().is_empty());
}

#[test]
fn carrying_over_copies_the_action_and_undo_takes_the_copy_back() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    let (before, first_before) = (state(&store, w.next), state(&store, w.first));
    let out = apply(&mut store, w.next, &Command::CarryAction { from: w.ana }).unwrap();
    let next = store.load(w.next).unwrap();
    let copy = &next.actions[0];
    assert_eq!(copy.carried_from, Some(w.ana));
    assert_eq!(
        (copy.text.as_str(), copy.due, copy.done),
        ("Book the room", Some(day(30)), false)
    );
    // The same person, on this session's roster.
    let ana_here = next.roster().find(|p| p.name == "Ana").unwrap().id;
    assert_eq!(copy.who_participant, Some(ana_here));
    let waiting = out.changes.delta.carry_over.as_ref().unwrap();
    assert_eq!(waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [w.mayor]);
    // The first session's action is closed there, pointing at its copy
    // (read from the copy: nothing was written in the first session).
    let mut first_now = state(&store, w.first);
    let carried = first_now
        .actions
        .iter_mut()
        .find(|a| a.id == w.ana)
        .unwrap();
    assert_eq!(carried.carried_to, Some(copy.id));
    assert!(!carried.is_open());
    carried.carried_to = None;
    assert_eq!(first_now, first_before);

    // Carried once only.
    let again = apply(&mut store, w.next, &Command::CarryAction { from: w.ana }).unwrap_err();
    assert!(
        matches!(
            again,
            CommandError::Store(StoreError::Invalid(Refused::AlreadyCarried))
        ),
        "{again:?}"
    );

    let redo = apply(&mut store, w.next, &out.inverse).unwrap();
    let mut undone = state(&store, w.next);
    assert_eq!(undone.listed_actions().count(), 0);
    assert_eq!(store.carry_over(w.next).unwrap().len(), 2, "waiting again");
    // Undo keeps what was written, marked: all else is as before.
    undone.actions.clear();
    assert_eq!(undone, before);
    apply(&mut store, w.next, &redo.inverse).unwrap();
    assert_eq!(store.load(w.next).unwrap().actions[0], *copy);
}

#[test]
fn someone_from_outside_stays_named_and_a_name_off_the_roster_too() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    // Ana left the roster of the next session: her name goes with the copy.
    let ana_here = store.load(w.next).unwrap().participants[0].id;
    apply(
        &mut store,
        w.next,
        &Command::RemoveParticipant { id: ana_here },
    )
    .unwrap();
    for from in [w.ana, w.mayor] {
        apply(&mut store, w.next, &Command::CarryAction { from }).unwrap();
    }
    let next = store.load(w.next).unwrap();
    let who: Vec<_> = next
        .actions
        .iter()
        .map(|a| (a.who_participant, a.who_name.as_str()))
        .collect();
    assert_eq!(who, [(None, "Ana"), (None, "Mayor's office")]);
}

#[test]
fn an_action_of_a_closed_previous_session_is_marked_done_there_and_back() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    let before = state(&store, w.first);
    let settle = Command::SetPreviousActionDone {
        id: w.mayor,
        done: true,
    };
    let out = apply(&mut store, w.next, &settle).unwrap();
    let first = store.load(w.first).unwrap();
    assert_eq!(first.session.status, SessionStatus::Closed);
    assert!(first.actions.iter().find(|a| a.id == w.mayor).unwrap().done);
    let waiting = out.changes.delta.carry_over.as_ref().unwrap();
    assert_eq!(waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [w.ana]);
    assert!(!out.changes.is_empty(), "an undoable change");
    apply(&mut store, w.next, &out.inverse).unwrap();
    assert_eq!(state(&store, w.first), before);
}

#[test]
fn only_the_previous_sessions_actions_can_be_carried_or_settled() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    let own = add(&mut store, w.next, "Ours", None, "");
    let elsewhere = new_session(&mut store, &[]);
    let theirs = add(&mut store, elsewhere, "Theirs", None, "");
    let first = state(&store, w.first);
    let next = state(&store, w.next);
    for command in [
        Command::CarryAction { from: own },
        Command::CarryAction { from: theirs },
        Command::CarryAction { from: w.done },
        Command::CarryAction { from: w.removed },
        Command::SetPreviousActionDone {
            id: theirs,
            done: true,
        },
        Command::SetPreviousActionDone {
            id: w.removed,
            done: true,
        },
    ] {
        let err = apply(&mut store, w.next, &command).unwrap_err();
        let refused = StoreError::Invalid(Refused::NotFromPreviousSession);
        assert_eq!(
            err.to_string(),
            CommandError::Store(refused).to_string(),
            "{command:?}"
        );
    }
    let err = apply(&mut store, elsewhere, &Command::CarryAction { from: w.ana }).unwrap_err();
    assert!(
        matches!(
            err,
            CommandError::Store(StoreError::Invalid(Refused::NoPreviousSession))
        ),
        "{err:?}"
    );
    assert_eq!(
        (state(&store, w.first), state(&store, w.next)),
        (first, next)
    );
}

#[test]
fn who_and_when_are_set_in_one_command_and_undone() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    apply(&mut store, w.next, &Command::CarryAction { from: w.ana }).unwrap();
    let before = state(&store, w.next);
    let copy = before.actions[0].clone();
    let outside = Command::EditAction {
        id: copy.id,
        who_participant: None,
        who_name: "  The caretaker ".into(),
        due: None,
    };
    let out = apply(&mut store, w.next, &outside).unwrap();
    let after = &store.load(w.next).unwrap().actions[0];
    assert_eq!(
        (after.who_participant, after.who_name.as_str(), after.due),
        (None, "The caretaker", None)
    );
    assert_eq!(
        after.carried_from,
        Some(w.ana),
        "still remembers its origin"
    );
    apply(&mut store, w.next, &out.inverse).unwrap();
    assert_eq!(state(&store, w.next), before);

    // Someone of another session's roster is refused.
    let stranger = store.load(w.first).unwrap().participants[1].id;
    let refused = Command::EditAction {
        id: copy.id,
        who_participant: Some(stranger),
        who_name: String::new(),
        due: None,
    };
    assert!(apply(&mut store, w.next, &refused).is_err());
    assert_eq!(state(&store, w.next), before);
}

#[test]
fn deleting_the_previous_session_leaves_nothing_to_carry() {
    let (_d, mut store) = temp_store();
    let w = workshop(&mut store);
    store.delete_session(w.first).unwrap();
    assert_eq!(store.previous_session(w.next).unwrap(), None);
    assert!(store.carry_over(w.next).unwrap().is_empty());
    // The link itself is kept: the session may come back in a bundle.
    assert_eq!(store.session(w.next).unwrap().previous_id, Some(w.first));
}

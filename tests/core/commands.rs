//! The command layer on real SQLite files: every command's inverse puts
//! the session back as it was, a failed or refused command writes nothing,
//! and a closed session refuses changes until reopened.

use crate::common;

use atelier::commands::{apply, Command, CommandError, Details, VoteCommand};
use atelier::model::{
    Anonymity, Id, Kind, Lang, ManualClock, SessionData, SessionStatus, Stage, Synthesis,
};
use atelier::store::{NewContribution, Store};
use chrono::Duration;
use common::{clocked, new_session, temp_store};
use proptest::prelude::*;
#[path = "../common/steps.rs"]
mod steps;
use steps::{any_step, resolve};

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
fn undoing_a_kind_only_or_speaker_only_edit_restores_them() {
    let (_d, mut store) = temp_store();
    let clock = clocked(&mut store);
    let session = new_session(&mut store, &["Ada", "Bo"]);
    let ada = store.participants(session).unwrap()[0].id;
    let id = record(&mut store, session, "Plant trees");
    let before = store.contribution(id).unwrap();
    clock.advance(Duration::seconds(5));
    let kind_only = Command::Edit {
        id,
        text: "Plant trees".into(),
        kind: Kind::Action,
        speaker: None,
    };
    let out = apply(&mut store, session, &kind_only).unwrap();
    assert_eq!(out.changes.delta.contributions[0].kind, Kind::Action);
    assert!(out.changes.delta.contributions[0].revisions.is_empty());
    apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(store.contribution(id).unwrap(), before);

    let speaker_only = Command::Edit {
        id,
        text: "Plant trees".into(),
        kind: Kind::Idea,
        speaker: Some(ada),
    };
    let out = apply(&mut store, session, &speaker_only).unwrap();
    assert_eq!(out.changes.delta.contributions[0].participant_id, Some(ada));
    apply(&mut store, session, &out.inverse).unwrap();
    let after = store.contribution(id).unwrap();
    assert_eq!(after, before);
    assert!(after.deleted_at.is_none(), "undo must not delete");
}

#[test]
fn a_closed_session_refuses_changes_until_reopened() {
    let (_d, mut store) = temp_store();
    clocked(&mut store);
    let session = new_session(&mut store, &["Ada"]);
    let id = record(&mut store, session, "Kept");
    apply(&mut store, session, &Command::Close).unwrap();
    let before = std::fs::read(store.path()).unwrap();
    let data = store.load(session).unwrap();
    assert_eq!(data.session.status, SessionStatus::Closed);
    for command in [
        Command::Delete { id },
        Command::SetLanguage(Lang::Fr),
        Command::SaveSynthesis(Synthesis::default()),
        Command::Close,
    ] {
        let e = apply(&mut store, session, &command).unwrap_err();
        assert!(matches!(e, CommandError::Closed), "{command:?}: {e}");
        assert!(
            e.message(Lang::Fr).contains("close"),
            "{}",
            e.message(Lang::Fr)
        );
        assert!(
            e.message(Lang::En).contains("closed"),
            "{}",
            e.message(Lang::En)
        );
    }
    assert_eq!(store.load(session).unwrap(), data);
    assert_eq!(std::fs::read(store.path()).unwrap(), before);
    let out = apply(&mut store, session, &Command::Reopen { restore: None }).unwrap();
    assert_eq!(out.changes.session.status, SessionStatus::Running);
    assert_eq!(out.inverse, Command::CloseAgain { reopened_at: None });
    apply(&mut store, session, &Command::Delete { id }).unwrap();
    let e = apply(&mut store, session, &Command::Reopen { restore: None }).unwrap_err();
    assert!(matches!(e, CommandError::NotClosed));
}

#[test]
fn revisiting_a_stage_counts_only_the_time_spent_in_it() {
    let (_d, mut store) = temp_store();
    let clock = clocked(&mut store);
    let session = new_session(&mut store, &[]);
    let stages: Vec<Id> = store
        .stages(session)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    let (a, b) = (stages[0], stages[1]);
    let enter = |stage, leaving| Command::EnterStage { stage, leaving };
    apply(&mut store, session, &enter(a, None)).unwrap();
    clock.advance(Duration::minutes(10));
    apply(&mut store, session, &enter(b, Some(a))).unwrap();
    clock.advance(Duration::minutes(20));
    apply(&mut store, session, &enter(a, Some(b))).unwrap();
    clock.advance(Duration::minutes(3));
    apply(&mut store, session, &Command::Pause { stage: a }).unwrap();
    clock.advance(Duration::minutes(7));
    let out = apply(&mut store, session, &Command::Resume { stage: a }).unwrap();
    assert!(out.changes.delta.stages[0].timer().is_running());
    clock.advance(Duration::minutes(1));
    let data = store.load(session).unwrap();
    let now = clock_now(&clock);
    assert_eq!(data.stages[0].timer().elapsed(now), Duration::minutes(14));
    assert_eq!(data.stages[1].timer().elapsed(now), Duration::minutes(20));
    assert_eq!(data.session.status, SessionStatus::Running);
}

fn clock_now(clock: &ManualClock) -> atelier::model::Timestamp {
    use atelier::model::Clock;
    clock.now()
}

#[test]
fn every_command_sets_updated_at_from_the_clock() {
    let (_d, mut store) = temp_store();
    let clock = clocked(&mut store);
    let session = new_session(&mut store, &[]);
    clock.advance(Duration::hours(1));
    record(&mut store, session, "x");
    let data = store.load(session).unwrap();
    assert_eq!(data.session.updated_at, clock_now(&clock));
    assert_eq!(data.contributions[0].created_at, clock_now(&clock));
}

/// `after` once the soft removals undone additions leave are taken out:
/// an undone `Record` leaves its contribution deleted, an undone
/// `AddParticipant` leaves its participant removed, an undone `Decide`
/// leaves its decision taken back (nothing typed is erased). Whatever `prior` did not have must be such a removal.
fn without_undone_additions(mut after: SessionData, prior: &SessionData) -> SessionData {
    for c in &after.contributions {
        if !prior.contributions.iter().any(|p| p.id == c.id) {
            assert!(c.deleted_at.is_some(), "an undone record stays deleted");
        }
    }
    for p in &after.participants {
        if !prior.participants.iter().any(|x| x.id == p.id) {
            assert!(p.removed_at.is_some(), "an undone addition stays removed");
        }
    }
    after
        .contributions
        .retain(|c| prior.contributions.iter().any(|p| p.id == c.id));
    for d in &after.decisions {
        if !prior.decisions.iter().any(|x| x.id == d.id) {
            assert!(d.removed_at.is_some(), "an undone decision stays, marked");
        }
    }
    after
        .participants
        .retain(|p| prior.participants.iter().any(|x| x.id == p.id));
    after
        .decisions
        .retain(|d| prior.decisions.iter().any(|x| x.id == d.id));
    // An undone AddTheme or SplitTheme leaves its theme taken back, empty.
    after.themes.retain(|t| {
        let new = prior.themes.iter().all(|x| x.id != t.id);
        assert!(!new || (!t.is_listed() && t.items.is_empty()), "{t:?}");
        !new
    });
    for v in &after.voting.votes {
        if !prior.voting.votes.iter().any(|x| x.id == v.id) {
            assert!(v.removed_at.is_some(), "an undone dot stays, marked");
        }
    }
    after
        .voting
        .votes
        .retain(|v| prior.voting.votes.iter().any(|x| x.id == v.id));
    for l in &after.links {
        if !prior.links.iter().any(|x| x.id == l.id) {
            assert!(l.removed_at.is_some(), "an undone link stays, marked");
        }
    }
    after
        .links
        .retain(|l| prior.links.iter().any(|x| x.id == l.id));
    for a in &after.actions {
        if !prior.actions.iter().any(|x| x.id == a.id) {
            assert!(a.removed_at.is_some(), "an undone action stays, marked");
        }
    }
    after
        .actions
        .retain(|a| prior.actions.iter().any(|x| x.id == a.id));
    after
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_inverse_restores_the_prior_state(steps in proptest::collection::vec(any_step(), 1..25)) {
        let (_d, mut store) = temp_store();
        let clock = clocked(&mut store);
        let session = new_session(&mut store, &["Ada", "Bo"]);
        for step in &steps {
            clock.advance(Duration::seconds(7));
            let prior_raw = store.load(session).unwrap();
            let prior = state(&store, session);
            let command = resolve(step, &prior_raw);
            let out = match apply(&mut store, session, &command) {
                Ok(out) => out,
                Err(_) => {
                    // Refused or invalid: nothing written, not even updated_at.
                    prop_assert_eq!(store.load(session).unwrap(), prior_raw);
                    continue;
                }
            };
            let done = state(&store, session);
            clock.advance(Duration::seconds(3));
            let redo = apply(&mut store, session, &out.inverse)
                .map_err(|e| TestCaseError::fail(format!("undo of {command:?}: {e}")))?
                .inverse;
            let undone = without_undone_additions(state(&store, session), &prior);
            prop_assert_eq!(&undone, &prior, "undo of {:?}", command);
            // Redo (the inverse's inverse) gives back what the command did;
            // a redone Close stops the clocks at the redo's time instead,
            // and a redone Reopen marks the reopening at the redo's time.
            clock.advance(Duration::seconds(3));
            apply(&mut store, session, &redo)
                .map_err(|e| TestCaseError::fail(format!("redo of {command:?}: {e}")))?;
            if !matches!(command, Command::Close | Command::Reopen { .. }) {
                prop_assert_eq!(&state(&store, session), &done, "redo of {:?}", command);
            }
        }
    }
}

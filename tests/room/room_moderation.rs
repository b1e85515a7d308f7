//! Moderating the room through the command layer: accept (maybe edited),
//! merge, decline and the room settings, each undone and redone by its
//! inverse; an input is decided once; the report marks what came from the
//! room without naming anyone.

use crate::common;

use atelier::commands::{apply, Command, CommandError, RoomCommand};
use atelier::model::{Id, InboxItem, InboxState, Kind, Origin};
use atelier::report::{self, Format, Report};
use atelier::store::{Received, Refused, RoomInput, RoomSettings, Store, StoreError};
use common::temp_store;

struct Room {
    _dir: tempfile::TempDir,
    store: Store,
    session: Id,
    stage: Id,
    ana: Id,
}

fn room() -> Room {
    let (dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let stage = store.stages(session).unwrap()[1].id;
    let ana = store.participants(session).unwrap()[0].id;
    Room {
        _dir: dir,
        store,
        session,
        stage,
        ana,
    }
}

impl Room {
    /// A phone's input, queued in the inbox.
    fn send(&mut self, text: &str, from: Option<Id>, anonymous: bool) -> InboxItem {
        let input = RoomInput {
            stage_id: self.stage,
            kind: Kind::Observation,
            text: text.into(),
            participant_id: from,
            anonymous,
        };
        match self.store.receive_from_room(self.session, &input).unwrap() {
            Received::Queued(item) => item,
            Received::Recorded(_) => panic!("the session moderates"),
        }
    }

    fn run(&mut self, command: RoomCommand) -> Result<Command, CommandError> {
        apply(&mut self.store, self.session, &Command::Room(command)).map(|o| o.inverse)
    }

    fn undo(&mut self, inverse: &Command) -> Command {
        apply(&mut self.store, self.session, inverse)
            .unwrap()
            .inverse
    }

    fn item(&self, id: Id) -> InboxItem {
        let all = self.store.inbox(self.session, false).unwrap();
        all.into_iter().find(|i| i.id == id).unwrap()
    }

    fn live_texts(&self) -> Vec<String> {
        let data = self.store.load(self.session).unwrap();
        data.live().map(|c| c.text.clone()).collect()
    }
}

#[test]
fn accepting_makes_a_room_contribution_and_undo_sends_it_back_to_the_inbox() {
    let mut r = room();
    let before = r.store.load(r.session).unwrap();
    let ana = r.ana;
    let sent = r.send("Les agents ne sont pas consultés", Some(ana), false);
    assert_eq!(r.store.pending_inputs(r.session).unwrap(), 1);

    let inverse = r
        .run(RoomCommand::Accept {
            input: sent.id,
            text: None,
            kind: None,
        })
        .unwrap();
    let data = r.store.load(r.session).unwrap();
    let c = data.live().next().unwrap();
    assert_eq!(
        (c.text.as_str(), c.origin, c.participant_id, c.stage_id),
        (
            "Les agents ne sont pas consultés",
            Origin::Room,
            Some(ana),
            r.stage
        )
    );
    let item = r.item(sent.id);
    assert_eq!(item.state, InboxState::Accepted);
    assert_eq!(item.contribution_id, Some(c.id));
    assert_eq!(r.store.pending_inputs(r.session).unwrap(), 0);

    // Undo: the input waits again; the contribution is taken back softly.
    let redo = r.undo(&inverse);
    let waits = InboxItem {
        contribution_id: Some(c.id),
        ..sent.clone()
    };
    assert_eq!(
        r.item(sent.id),
        waits,
        "pending, remembering its contribution"
    );
    assert!(r.live_texts().is_empty());
    let after_undo = r.store.load(r.session).unwrap();
    assert_eq!(
        after_undo.contributions.len(),
        1,
        "kept in the deleted list"
    );
    assert_eq!(after_undo.stages, before.stages);

    // Redo puts the same contribution back and the input accepted again.
    r.undo(&redo);
    assert_eq!(r.item(sent.id).contribution_id, Some(c.id));
    assert_eq!(r.live_texts(), ["Les agents ne sont pas consultés"]);
}

/// Accept, undo, restore the contribution from the run screen, accept
/// again: the input brings back its one contribution, never a second; each
/// step's inverse puts the file back as it was.
#[test]
fn accepting_again_after_undo_reuses_the_contribution() {
    let mut r = room();
    let sent = r.send("Le parking déborde", None, false);
    let accept = RoomCommand::Accept {
        input: sent.id,
        text: None,
        kind: None,
    };
    let inverse = r.run(accept.clone()).unwrap();
    let first = r.item(sent.id).contribution_id.unwrap();
    r.undo(&inverse);
    apply(&mut r.store, r.session, &Command::Restore { id: first }).unwrap();
    assert_eq!(r.live_texts(), ["Le parking déborde"]);

    let before = r.store.load(r.session).unwrap();
    let again = r.run(accept.clone()).unwrap();
    assert_eq!(r.live_texts(), ["Le parking déborde"], "one item, not two");
    assert_eq!(r.item(sent.id).contribution_id, Some(first));
    assert_eq!(r.store.load(r.session).unwrap().contributions.len(), 1);
    r.undo(&again);
    let after = r.store.load(r.session).unwrap();
    assert_eq!(after.contributions, before.contributions);

    // Taken back out and accepted again, corrected this
    // time: the same contribution, with the correction; undo puts it back.
    apply(&mut r.store, r.session, &Command::Delete { id: first }).unwrap();
    let deleted = r.store.load(r.session).unwrap().contributions;
    let corrected = r
        .run(RoomCommand::Accept {
            input: sent.id,
            text: Some("Le parking déborde le lundi".into()),
            kind: None,
        })
        .unwrap();
    assert_eq!(r.live_texts(), ["Le parking déborde le lundi"]);
    assert_eq!(r.store.load(r.session).unwrap().contributions.len(), 1);
    r.undo(&corrected);
    assert_eq!(r.store.load(r.session).unwrap().contributions, deleted);
    assert_eq!(r.item(sent.id).state, InboxState::Pending);
}

#[test]
fn an_edited_accept_keeps_what_was_sent_in_the_inbox() {
    let mut r = room();
    let sent = r.send("on a pas le temps", None, true);
    r.run(RoomCommand::Accept {
        input: sent.id,
        text: Some("On n'a pas le temps de se former".into()),
        kind: Some(Kind::Stake),
    })
    .unwrap();
    let data = r.store.load(r.session).unwrap();
    let c = data.live().next().unwrap();
    assert_eq!(c.text, "On n'a pas le temps de se former");
    assert_eq!(c.kind, Kind::Stake);
    assert!(c.anonymous && c.participant_id.is_none());
    let kept = r.item(sent.id);
    assert_eq!(
        (kept.text.as_str(), kept.kind),
        ("on a pas le temps", Kind::Observation)
    );
}

#[test]
fn an_accepted_input_lands_at_the_end_of_its_stage() {
    let mut r = room();
    let first = r.send("premier", None, false);
    let second = r.send("second", None, false);
    for id in [second.id, first.id] {
        let accept = RoomCommand::Accept {
            input: id,
            text: None,
            kind: None,
        };
        r.run(accept).unwrap();
    }
    assert_eq!(r.live_texts(), ["second", "premier"]);
}

#[test]
fn merging_leaves_the_item_as_it_was_and_undo_unmerges() {
    let mut r = room();
    let target = r.send("Trop de réunions", None, false);
    r.run(RoomCommand::Accept {
        input: target.id,
        text: None,
        kind: None,
    })
    .unwrap();
    let into = r.item(target.id).contribution_id.unwrap();
    let dup = r.send("trop de réunions !!", None, false);
    let inverse = r
        .run(RoomCommand::Merge {
            input: dup.id,
            into,
        })
        .unwrap();
    let merged = r.item(dup.id);
    assert_eq!(
        (merged.state, merged.contribution_id),
        (InboxState::Merged, Some(into))
    );
    assert_eq!(r.live_texts(), ["Trop de réunions"]);
    r.undo(&inverse);
    assert_eq!(r.item(dup.id), dup);
}

#[test]
fn a_declined_input_stays_in_the_file_and_out_of_every_report() {
    let mut r = room();
    let sent = r.send("SECRET-DECLINED", None, false);
    let inverse = r.run(RoomCommand::Decline { input: sent.id }).unwrap();
    assert_eq!(r.item(sent.id).state, InboxState::Declined);
    assert!(r.store.inbox(r.session, true).unwrap().is_empty());
    let data = r.store.load(r.session).unwrap();
    for format in [Format::Markdown, Format::Html, Format::Csv, Format::Json] {
        let mut out = Vec::new();
        report::write(format, &data, &mut out).unwrap();
        assert!(!String::from_utf8_lossy(&out).contains("SECRET-DECLINED"));
    }
    r.undo(&inverse);
    assert_eq!(r.item(sent.id), sent);
}

#[test]
fn an_input_is_decided_once() {
    let mut r = room();
    let sent = r.send("une fois", None, false);
    r.run(RoomCommand::Decline { input: sent.id }).unwrap();
    let file = std::fs::read(r.store.path()).unwrap();
    for again in [
        RoomCommand::Decline { input: sent.id },
        RoomCommand::Accept {
            input: sent.id,
            text: None,
            kind: None,
        },
    ] {
        let err = r.run(again).unwrap_err();
        assert!(
            matches!(
                err,
                CommandError::Store(StoreError::Invalid(Refused::AlreadyDecided(
                    InboxState::Declined
                )))
            ),
            "{err:?}"
        );
        let said = err.message(atelier::model::Lang::En);
        assert!(said.contains("already decided (declined)"), "{said}");
    }
    assert_eq!(std::fs::read(r.store.path()).unwrap(), file);
    assert!(r.live_texts().is_empty());
}

#[test]
fn merging_into_another_sessions_item_or_a_deleted_one_is_refused() {
    let mut r = room();
    let other = common::new_session(&mut r.store, &["Zoé"]);
    let stage = r.store.stages(other).unwrap()[1].id;
    let foreign = apply(
        &mut r.store,
        other,
        &Command::Record(atelier::store::NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Idea,
            text: "ailleurs".into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        }),
    )
    .unwrap()
    .changes
    .delta
    .contributions[0]
        .id;
    let sent = r.send("à fusionner", None, false);
    let err = r
        .run(RoomCommand::Merge {
            input: sent.id,
            into: foreign,
        })
        .unwrap_err();
    assert!(matches!(err, CommandError::OtherSession), "{err:?}");
    assert_eq!(r.item(sent.id).state, InboxState::Pending);
}

#[test]
fn the_room_settings_and_their_inverse() {
    let mut r = room();
    let on = RoomSettings {
        accept_all: true,
        show_items: false,
    };
    let inverse = r.run(RoomCommand::SetSettings(on)).unwrap();
    assert_eq!(r.store.room_settings(r.session).unwrap(), on);
    r.undo(&inverse);
    let default = RoomSettings {
        accept_all: false,
        show_items: true,
    };
    assert_eq!(r.store.room_settings(r.session).unwrap(), default);
    // Setting what is already set changes nothing (no undo to offer).
    let outcome = apply(
        &mut r.store,
        r.session,
        &Command::Room(RoomCommand::SetSettings(default)),
    )
    .unwrap();
    assert!(outcome.changes.is_empty());
}

#[test]
fn the_report_marks_room_input_and_counts_it_without_naming_anyone() {
    let mut r = room();
    let ana = r.ana;
    let named = r.send("Venu de la salle, signé", Some(ana), false);
    let hidden = r.send("Venu de la salle, anonyme", Some(ana), true);
    for id in [named.id, hidden.id] {
        let accept = RoomCommand::Accept {
            input: id,
            text: None,
            kind: None,
        };
        r.run(accept).unwrap();
    }
    let data = r.store.load(r.session).unwrap();
    let view = Report::build(&data);
    let by_origin: Vec<(String, usize)> = view
        .stats
        .by_origin
        .iter()
        .map(|c| (c.label.clone(), c.count))
        .collect();
    assert_eq!(by_origin, [("Sent from the room".to_string(), 2)]);

    let text = |format| {
        let mut out = Vec::new();
        report::write(format, &data, &mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    };
    let md = text(Format::Markdown);
    assert!(
        md.contains("- Venu de la salle, signé — *Ana* (from the room)"),
        "{md}"
    );
    let anonymous_line = md
        .lines()
        .find(|l| l.starts_with("- Venu de la salle, anonyme"))
        .unwrap();
    assert!(!anonymous_line.contains("Ana"), "{anonymous_line}");
    assert!(
        anonymous_line.ends_with("(from the room)"),
        "{anonymous_line}"
    );
    assert!(text(Format::Html).contains("<span class=\"origin\">(from the room)</span>"));
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json)).unwrap();
    assert!(json.to_string().contains("\"origin\":\"room\""));

    let csv = common::CsvTable::parse(&text(Format::Csv), atelier::model::Lang::En);
    let origin = csv.column("Origin");
    assert_eq!(origin, csv.header.len() - 1, "the last column");
    assert_eq!(csv.row("Venu de la salle, signé")[origin], "room");
}

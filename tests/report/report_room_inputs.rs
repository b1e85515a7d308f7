//! The report counts every input the room sent and the facilitator kept:
//! those recorded as items of their own and those merged into an existing
//! item (which otherwise vanish from the count), in every format that
//! shows the statistics per origin. Declined and pending inputs are never
//! counted nor shown.

use crate::common;

use atelier::commands::{apply, Command, RoomCommand};
use atelier::model::{Id, Kind, Lang, Origin};
use atelier::report::{self, Format, Report};
use atelier::store::{NewContribution, Received, RoomInput, Store};

const DECLINED: &str = "Declined-input-never-shown";
const PENDING: &str = "Pending-input-never-shown";

fn send(store: &mut Store, session: Id, stage: Id, text: &str) -> Id {
    let input = RoomInput {
        stage_id: stage,
        kind: Kind::Observation,
        text: text.into(),
        participant_id: None,
        anonymous: true,
    };
    match store.receive_from_room(session, &input).unwrap() {
        Received::Queued(item) => item.id,
        Received::Recorded(_) => panic!("the session moderates"),
    }
}

fn room(store: &mut Store, session: Id, command: RoomCommand) {
    apply(store, session, &Command::Room(command)).unwrap();
}

/// Six inputs from the room: two accepted, two merged (one into an
/// accepted input, one into the facilitator's own item), one declined,
/// one left pending.
fn moderated(lang: Lang) -> (tempfile::TempDir, Store, Id) {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let mut s = store.session(session).unwrap();
    s.language = lang;
    store.update_session(&s).unwrap();
    let stage = store.stages(session).unwrap()[1].id;
    let typed = store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Observation,
            text: "Typed by the facilitator".into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        })
        .unwrap()
        .id;
    let mut accepted = Vec::new();
    for text in ["First from a phone", "Second from a phone"] {
        let input = send(&mut store, session, stage, text);
        let accept = RoomCommand::Accept {
            input,
            text: None,
            kind: None,
        };
        room(&mut store, session, accept);
        accepted.push(
            store
                .inbox(session, false)
                .unwrap()
                .last()
                .unwrap()
                .contribution_id
                .unwrap(),
        );
    }
    for into in [accepted[0], typed] {
        let input = send(&mut store, session, stage, "A duplicate");
        room(&mut store, session, RoomCommand::Merge { input, into });
    }
    let input = send(&mut store, session, stage, DECLINED);
    room(&mut store, session, RoomCommand::Decline { input });
    send(&mut store, session, stage, PENDING);
    (dir, store, session)
}

fn text(format: Format, data: &atelier::model::SessionData) -> String {
    report::render(format, data)
}

/// PDF pages wrap the sentence: compare with every run of white space
/// as one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn merged_inputs_count_in_every_format_with_statistics() {
    let (_dir, store, session) = moderated(Lang::En);
    let data = store.load(session).unwrap();
    let sentence = "Inputs from the room: 4 (2 recorded as items, 2 merged into existing items)";
    let room = Report::build(&data).stats.room_inputs.expect("counted");
    assert_eq!((room.inputs, room.recorded, room.merged), (4, 2, 2));
    assert_eq!(room.text, sentence);
    for format in [Format::Markdown, Format::Html, Format::Odt, Format::Pdf] {
        let shown = words(&text(format, &data));
        assert!(shown.contains(sentence), "{format:?}:\n{shown}");
    }
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json, &data)).unwrap();
    assert_eq!(
        json["stats"]["room_inputs"],
        serde_json::json!({"inputs": 4, "recorded": 2, "merged": 2})
    );
}

#[test]
fn the_same_wording_in_french() {
    let (_dir, store, session) = moderated(Lang::Fr);
    let data = store.load(session).unwrap();
    let sentence = "Envois depuis la salle : 4 (2 enregistrés comme éléments, 2 fusionnés dans des éléments existants)";
    for format in [Format::Markdown, Format::Html, Format::Odt, Format::Pdf] {
        let shown = words(&text(format, &data));
        assert!(shown.contains(sentence), "{format:?}:\n{shown}");
    }
}

#[test]
fn declined_and_pending_inputs_never_leave() {
    let (_dir, store, session) = moderated(Lang::En);
    let data = store.load(session).unwrap();
    assert_eq!(data.room_merges.values().sum::<usize>(), 2);
    for format in [
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Odt,
        Format::Pdf,
    ] {
        let shown = text(format, &data);
        assert!(!shown.contains(DECLINED), "{format:?}");
        assert!(!shown.contains(PENDING), "{format:?}");
    }
}

#[test]
fn a_session_without_room_input_says_nothing_of_the_room() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let data = store.load(session).unwrap();
    assert_eq!(Report::build(&data).stats.room_inputs, None);
    let json: serde_json::Value = serde_json::from_str(&text(Format::Json, &data)).unwrap();
    assert!(json["stats"].get("room_inputs").is_none());
    assert!(!text(Format::Markdown, &data).contains("Inputs from the room"));
}

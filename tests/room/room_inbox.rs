//! Phone input in the store: queued in the inbox, or straight in when the
//! session accepts everything; anonymity holds; refusals write nothing.

use crate::common;

use atelier::model::{InboxState, Kind, Origin};
use atelier::store::{Received, RoomInput, RoomSettings, StoreError};
use common::temp_store;

fn input(stage: atelier::model::Id, text: &str) -> RoomInput {
    RoomInput {
        stage_id: stage,
        kind: Kind::Observation,
        text: text.into(),
        participant_id: None,
        anonymous: false,
    }
}

#[test]
fn input_waits_in_the_inbox_unless_the_session_accepts_all() {
    let (_dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let stage = store.stages(session).unwrap()[1].id;
    let ana = store.participants(session).unwrap()[0].id;

    let mut from_ana = input(stage, "Les agents ne sont pas consultés");
    from_ana.participant_id = Some(ana);
    let Received::Queued(item) = store.receive_from_room(session, &from_ana).unwrap() else {
        panic!("a session moderates by default");
    };
    assert_eq!(item.state, InboxState::Pending);
    assert_eq!(item.participant_id, Some(ana));
    assert_eq!(store.inbox(session, true).unwrap(), vec![item]);
    assert!(store.load(session).unwrap().contributions.is_empty());

    store
        .apply(|tx| {
            tx.set_room_settings(
                session,
                RoomSettings {
                    accept_all: true,
                    show_items: true,
                },
            )
        })
        .unwrap();
    let Received::Recorded(c) = store.receive_from_room(session, &from_ana).unwrap() else {
        panic!("accept-all records at once");
    };
    assert_eq!(c.origin, Origin::Room);
    assert_eq!(store.contribution(c.id).unwrap().origin, Origin::Room);
}

#[test]
fn an_anonymous_input_keeps_no_sender() {
    let (_dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let stage = store.stages(session).unwrap()[1].id;
    let ana = store.participants(session).unwrap()[0].id;
    let mut hidden = input(stage, "Je n'ose pas le dire en réunion");
    hidden.participant_id = Some(ana);
    hidden.anonymous = true;
    let Received::Queued(item) = store.receive_from_room(session, &hidden).unwrap() else {
        panic!("queued");
    };
    assert_eq!(item.participant_id, None);
    assert!(item.anonymous);
}

#[test]
fn refused_input_writes_nothing() {
    let (_dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let other = common::new_session(&mut store, &["Zoé"]);
    let stage = store.stages(session).unwrap()[1].id;
    let foreign_stage = store.stages(other).unwrap()[1].id;
    let zoe = store.participants(other).unwrap()[0].id;

    assert!(matches!(
        store.receive_from_room(session, &input(stage, "  \n ")),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.receive_from_room(session, &input(foreign_stage, "ailleurs")),
        Err(StoreError::NotFound(_))
    ));
    let mut stranger = input(stage, "pas de cette session");
    stranger.participant_id = Some(zoe);
    assert!(matches!(
        store.receive_from_room(session, &stranger),
        Err(StoreError::NotFound(_))
    ));
    assert!(store.inbox(session, false).unwrap().is_empty());
}

#[test]
fn the_room_status_opens_beats_and_closes() {
    let (_dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    assert_eq!(store.room_status(session).unwrap(), None);
    store
        .open_room_status(session, "http://192.0.2.1:7777/", "4821")
        .unwrap();
    let open = store.room_status(session).unwrap().unwrap();
    assert_eq!(
        (open.url.as_str(), open.code.as_str()),
        ("http://192.0.2.1:7777/", "4821")
    );
    store.room_heartbeat(session).unwrap();
    store.close_room_status(session).unwrap();
    assert_eq!(store.room_status(session).unwrap(), None);
}

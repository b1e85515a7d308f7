//! What the room may see (`room::public::public_state`): the current
//! stage's live items under the report's one anonymity rule, votes only
//! once revealed, and nothing private, from no other session.

use crate::common;

use atelier::commands::{apply, Command, VoteCommand};
use atelier::model::{Id, Kind, Lang, Origin};
use atelier::room::public::{public_state, PublicState};
use atelier::store::{NewContribution, RoomInput, RoomSettings, Store};
use common::private::{anonymous_session, SAID};
use common::temp_store;

/// The state as the phones receive it: everything in it, as JSON.
fn seen(store: &Store, session: Id) -> (PublicState, String) {
    let state = public_state(store, session).unwrap();
    let json = serde_json::to_string(&state).unwrap();
    (state, json)
}

fn say(store: &mut Store, stage: Id, who: Option<Id>, text: &str) -> Id {
    store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: who,
            kind: Kind::Idea,
            text: text.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        })
        .unwrap()
        .id
}

/// Moves the session to its second stage (where the test sessions talk).
fn enter_second_stage(store: &mut Store, session: Id) -> Id {
    let stage = store.stages(session).unwrap()[1].id;
    store.enter_stage(session, stage, None).unwrap();
    stage
}

fn phone(stage: Id, text: &str) -> RoomInput {
    RoomInput {
        stage_id: stage,
        kind: Kind::Observation,
        text: text.into(),
        participant_id: None,
        anonymous: true,
    }
}

#[test]
fn nothing_private_reaches_the_room() {
    let (_dir, mut store) = temp_store();
    let (session, secrets) = anonymous_session(&mut store, Lang::En);
    let stage = enter_second_stage(&mut store, session);
    store
        .receive_from_room(session, &phone(stage, "Pending phone text"))
        .unwrap();
    let declined = store
        .receive_from_room(session, &phone(stage, "Declined phone text"))
        .unwrap();
    let atelier::store::Received::Queued(declined) = declined else {
        panic!("the session moderates");
    };
    store
        .apply(|tx| {
            tx.put_inbox_decision(
                session,
                &atelier::model::InboxItem {
                    state: atelier::model::InboxState::Declined,
                    decided_at: Some(tx.now()),
                    ..declined.clone()
                },
            )
        })
        .unwrap();
    let other = common::new_session(&mut store, &["Someone Else"]);
    let other_stage = enter_second_stage(&mut store, other);
    say(&mut store, other_stage, None, "Another session's secret");

    let (state, json) = seen(&store, session);
    secrets.assert_none_in(&json, "the room's state");
    for private in [
        "Pending phone text",
        "Declined phone text",
        "Another session's secret",
        "Someone Else",
        SAID[4], // parked
        SAID[5], // a decision: not an item of the stage
    ] {
        assert!(!json.contains(private), "the room sees \"{private}\"");
    }
    let texts: Vec<&str> = state.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, [SAID[0], SAID[1], SAID[2], SAID[3]]);
    assert_eq!(
        state.items.iter().map(|i| i.depth).collect::<Vec<_>>(),
        [0, 1, 0, 0]
    );
    let stage = state.stage.unwrap();
    assert_eq!(stage.key, "constats");
    assert!(!stage.guidance.is_empty());
    assert_eq!(stage.kinds[0].key, Kind::Observation);
    assert!(stage.timer.unwrap().running);
}

#[test]
fn an_anonymous_session_shows_no_names_where_a_named_one_does() {
    let (_dir, mut store) = temp_store();
    let named = common::new_session(&mut store, &["Ana Lopez", "Bo Chen"]);
    let stage = enter_second_stage(&mut store, named);
    let ana = store.participants(named).unwrap()[0].id;
    say(&mut store, stage, Some(ana), "Buses every ten minutes");

    let (state, _) = seen(&store, named);
    assert_eq!(state.items[0].author.as_deref(), Some("Ana Lopez"));
    let roster: Vec<&str> = state.roster.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(roster, ["Ana Lopez", "Bo Chen"]);

    let mut session = store.session(named).unwrap();
    session.anonymity = atelier::model::Anonymity::Anonymous;
    store.update_session(&session).unwrap();
    let (state, json) = seen(&store, named);
    assert!(!json.contains("Ana") && !json.contains("Bo Chen"), "{json}");
    assert!(state.roster.is_empty());
    // No pseudonym either: lines appearing live, each with "Participant
    // 1" or "Participant 3", would let the room tie them to one person.
    let bo = store.participants(named).unwrap()[1].id;
    say(&mut store, stage, Some(bo), "Bikes on trains");
    store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Idea,
            text: "Said without a name".into(),
            parent_id: None,
            group: None,
            anonymous: true,
            origin: Origin::Facilitator,
        })
        .unwrap();
    let (state, json) = seen(&store, named);
    assert_eq!(state.items.len(), 3);
    assert!(!json.contains("Participant"), "{json}");
    assert!(state.items.iter().all(|i| i.author.is_none()), "{json}");
    assert!(state.anonymous_allowed);
}

#[test]
fn vote_totals_stay_hidden_until_revealed() {
    let (_dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let stage = enter_second_stage(&mut store, session);
    let item = say(&mut store, stage, None, "Vote for me");
    let quiet = say(&mut store, stage, None, "Nobody votes here");
    let ana = store.participants(session).unwrap()[0].id;
    let cast = VoteCommand::CastVotes {
        participant: ana,
        items: vec![item, item],
    };
    apply(&mut store, session, &Command::Vote(cast)).unwrap();

    let (state, json) = seen(&store, session);
    assert!(!state.votes_revealed);
    assert!(state.items.iter().all(|i| i.votes.is_none()));
    assert!(!json.contains("\"votes\":2"), "{json}");

    apply(
        &mut store,
        session,
        &Command::Vote(VoteCommand::RevealVotes),
    )
    .unwrap();
    let (state, _) = seen(&store, session);
    assert!(state.votes_revealed);
    let totals: Vec<(String, Option<u32>)> = state
        .items
        .iter()
        .map(|i| (i.id.clone(), i.votes))
        .collect();
    assert_eq!(
        totals,
        [(item.to_string(), Some(2)), (quiet.to_string(), Some(0))]
    );
}

#[test]
fn items_stay_off_the_room_when_the_facilitator_hides_them() {
    let (_dir, mut store) = temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let stage = enter_second_stage(&mut store, session);
    say(&mut store, stage, None, "Visible until hidden");
    assert_eq!(seen(&store, session).0.items.len(), 1);

    store
        .apply(|tx| {
            tx.set_room_settings(
                session,
                RoomSettings {
                    accept_all: false,
                    show_items: false,
                },
            )
        })
        .unwrap();
    let (state, json) = seen(&store, session);
    assert!(!state.show_items);
    assert!(state.items.is_empty());
    assert!(!json.contains("Visible until hidden"));
    // The stage itself is still shown: phones still know where to send.
    assert_eq!(state.stage.unwrap().key, "constats");
}

#[test]
fn the_join_address_shows_only_while_the_server_beats() {
    let (_dir, mut store) = temp_store();
    let clock = common::clocked(&mut store);
    let session = common::new_session(&mut store, &["Ana"]);
    assert_eq!(seen(&store, session).0.room, None);

    store
        .open_room_status(session, "http://192.168.1.20:7777/", "4821")
        .unwrap();
    let room = seen(&store, session).0.room.unwrap();
    assert_eq!(
        (room.url.as_str(), room.code.as_str()),
        ("http://192.168.1.20:7777/", "4821")
    );

    clock.advance(chrono::Duration::seconds(14));
    assert!(seen(&store, session).0.room.is_some());
    clock.advance(chrono::Duration::seconds(2));
    assert_eq!(seen(&store, session).0.room, None, "a dead server's code");
    store.room_heartbeat(session).unwrap();
    assert!(seen(&store, session).0.room.is_some());
}

//! Dot voting from phones: a named person places dots on what the room
//! sees, within their dots; the counts stay hidden from the room until the
//! facilitator reveals them.

use crate::helpers;

use helpers::open_room;
use reqwest::StatusCode;
use serde_json::json;

#[test]
fn a_phone_votes_within_its_dots_and_the_counts_wait_for_the_reveal() {
    let room = open_room(&["Ana"], true);
    let ana = room.store().participants(room.session).unwrap()[0].id;
    let token = room.join_as(json!({ "participant": ana }));
    let kind = room.open_kind(&token);
    let sent = room.send(&token, &kind, "Une idée");
    assert_eq!(sent.status, StatusCode::CREATED);
    let state = room.get(Some(&token), "/api/state").body;
    let item = state["items"][0]["id"].as_str().unwrap().to_string();

    let dots = room
        .store()
        .load(room.session)
        .unwrap()
        .voting
        .dots_per_participant;
    for left in (0..dots).rev() {
        let voted = room.post(Some(&token), "/api/votes", &json!({ "item": item }));
        assert_eq!(voted.status, StatusCode::CREATED, "{:?}", voted.body);
        assert_eq!(voted.body["dots_left"], left);
    }
    let over = room.post(Some(&token), "/api/votes", &json!({ "item": item }));
    assert_eq!(over.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(over.body["error"], "no_dots_left");
    let hidden = room.get(Some(&token), "/api/state").body;
    assert_eq!(hidden["items"][0]["votes"], serde_json::Value::Null);
    assert_eq!(hidden["votes_revealed"], false);

    let data = room.store().load(room.session).unwrap();
    assert_eq!(data.voting.votes.len(), dots as usize);
    assert!(data
        .voting
        .votes
        .iter()
        .all(|v| v.participant_id == Some(ana)));

    room.store()
        .apply(|tx| tx.set_voting(room.session, dots, true).map(|_| ()))
        .unwrap();
    let shown = room.get(Some(&token), "/api/state").body;
    assert_eq!(shown["items"][0]["votes"], dots);
}

#[test]
fn only_a_named_person_votes_and_only_on_what_the_room_sees() {
    let room = open_room(&["Ana"], true);
    let anonymous = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&anonymous);
    room.send(&anonymous, &kind, "x");
    let item = room.get(Some(&anonymous), "/api/state").body["items"][0]["id"].clone();
    let refused = room.post(Some(&anonymous), "/api/votes", &json!({ "item": item }));
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.body["error"], "vote_needs_name");

    let ana = room.store().participants(room.session).unwrap()[0].id;
    let named = room.join_as(json!({ "participant": ana }));
    let unknown = atelier::model::new_id();
    let refused = room.post(Some(&named), "/api/votes", &json!({ "item": unknown }));
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["error"], "not_votable");
    let malformed = room.post(Some(&named), "/api/votes", &json!({ "item": "not an id" }));
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(malformed.body["error"], "bad_fields");
    assert!(room
        .store()
        .load(room.session)
        .unwrap()
        .voting
        .votes
        .is_empty());
}

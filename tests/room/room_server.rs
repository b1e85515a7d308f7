//! The room server for real, on 127.0.0.1: joining needs the code, a post is
//! committed before its 201, floods, oversized and malformed requests are
//! refused with clear JSON errors and write nothing, anonymity holds, a
//! stage change made elsewhere reaches the event stream, and closing the
//! room frees the port and clears its status.

use crate::common;
use crate::helpers;

use atelier::model::{InboxState, Origin};
use helpers::{open_room, CODE};
use reqwest::StatusCode;
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::time::Duration;

#[test]
fn joining_needs_the_right_code() {
    let room = open_room(&["Ana"], false);
    let without = room.post(None, "/api/join", &json!({}));
    assert_eq!(without.status, StatusCode::FORBIDDEN);
    assert_eq!(without.body["error"], "code_required");
    assert!(without.token.is_none());
    let wrong = room.post(None, "/api/join", &json!({ "code": "000000" }));
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(wrong.body["error"], "wrong_code");
    assert!(wrong.token.is_none());

    let refused = room.get(None, "/api/state");
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.body["error"], "join_first");
    let forged = room.get(Some("0123456789abcdef"), "/api/state");
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    let post = room.post(
        Some("forged"),
        "/api/contributions",
        &json!({"kind": "idea", "text": "x"}),
    );
    assert_eq!(post.status, StatusCode::UNAUTHORIZED);

    let joined = room.post(None, "/api/join", &json!({ "code": format!(" {CODE} ") }));
    assert_eq!(joined.status, StatusCode::OK);
    let token = joined.token.unwrap();
    let state = room.get(Some(&token), "/api/state");
    assert_eq!(state.status, StatusCode::OK);
    assert!(state.content_type.starts_with("application/json"));
    assert_eq!(state.body["question"], "How?");
    assert_eq!(state.body["roster"][0]["name"], "Ana");
    assert!(room.store().inbox(room.session, false).unwrap().is_empty());
}

#[test]
fn a_post_is_committed_before_it_is_answered() {
    let room = open_room(&["Ana"], false);
    let ana = room.store().participants(room.session).unwrap()[0].id;
    let token = room.join_as(json!({ "participant": ana }));
    let kind = room.open_kind(&token);

    let before = room.send(&token, &kind, "x");
    assert_eq!(before.status, StatusCode::CREATED);
    let sent = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": kind, "text": "Les agents ne sont pas consultés", "id": "p1"}),
    );
    assert_eq!(sent.status, StatusCode::CREATED, "{:?}", sent.body);
    assert_eq!(sent.body["state"], "pending");
    // The page's retry after a lost answer records nothing twice.
    let again = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": kind, "text": "Les agents ne sont pas consultés", "id": "p1"}),
    );
    assert_eq!(again.status, StatusCode::CREATED);

    let inbox = room.store().inbox(room.session, false).unwrap();
    assert_eq!(inbox.len(), 2);
    assert_eq!(inbox[1].text, "Les agents ne sont pas consultés");
    assert_eq!(inbox[1].participant_id, Some(ana));
    assert_eq!(inbox[1].state, InboxState::Pending);
    let notices = room.notices.lock().unwrap().clone();
    assert!(
        notices.contains(&atelier::room::RoomNotice::Received),
        "{notices:?}"
    );
}

#[test]
fn accept_all_records_a_contribution_from_the_room_under_a_new_name() {
    let room = open_room(&["Ana"], true);
    let token = room.join_as(json!({ "name": "Zoé" }));
    let kind = room.open_kind(&token);
    let sent = room.send(&token, &kind, "Une idée");
    assert_eq!(sent.status, StatusCode::CREATED);
    assert_eq!(sent.body["state"], "recorded");
    let store = room.store();
    let data = store.load(room.session).unwrap();
    let zoe = data
        .roster()
        .find(|p| p.name == "Zoé")
        .expect("added to the roster");
    let c = &data.contributions[0];
    assert_eq!((c.text.as_str(), c.origin), ("Une idée", Origin::Room));
    assert_eq!(c.participant_id, Some(zoe.id));
    // The same name again is the same person, not a second one.
    room.join_as(json!({ "name": "zoé" }));
    let roster = room.store().participants(room.session).unwrap();
    assert_eq!(roster.len(), 2);
}

#[test]
fn a_kind_the_stage_does_not_take_is_refused() {
    let room = open_room(&["Ana"], true);
    let token = room.join_as(json!({ "anonymous": true }));
    let state = room.get(Some(&token), "/api/state").body;
    let open: Vec<&str> = state["stage"]["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap())
        .collect();
    let closed = atelier::model::Kind::ALL
        .into_iter()
        .map(|k| k.key())
        .find(|k| !open.contains(k))
        .expect("a kind this stage does not take");
    let refused = room.send(&token, closed, "x");
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["error"], "kind_not_open");
    let unknown = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": "rant", "text": "x"}),
    );
    assert_eq!(unknown.body["error"], "unknown_kind");
    let empty = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": open[0], "text": "  "}),
    );
    assert_eq!(empty.body["error"], "empty_text");
    assert!(room
        .store()
        .load(room.session)
        .unwrap()
        .contributions
        .is_empty());
}

#[test]
fn a_flood_is_refused_with_429_and_only_what_was_answered_201_is_stored() {
    let room = open_room(&["Ana"], true);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let mut created = 0;
    let mut refused = 0;
    for i in 0..60 {
        let a = room.post(
            Some(&token),
            "/api/contributions",
            &json!({"kind": kind, "text": format!("flood {i}")}),
        );
        match a.status {
            StatusCode::CREATED => created += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert_eq!(a.body["error"], "too_many");
                refused += 1;
            }
            other => panic!("unexpected {other}: {:?}", a.body),
        }
    }
    assert!(refused > 0, "60 posts in a row must meet the limit");
    let stored = room.store().load(room.session).unwrap().contributions.len();
    assert_eq!(stored, created);
}

#[test]
fn oversized_and_malformed_requests_get_clear_errors_and_write_nothing() {
    let room = open_room(&["Ana"], true);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let cookie = format!("atelier_room={token}");
    let send = |body: String, content_type: Option<&str>| {
        let mut r = room
            .client
            .post(room.url("/api/contributions"))
            .header("Cookie", &cookie)
            .body(body);
        if let Some(ct) = content_type {
            r = r.header("Content-Type", ct);
        }
        helpers::answer(r.send().unwrap())
    };
    let huge = json!({"kind": kind, "text": "a".repeat(100_000)}).to_string();
    let a = send(huge, Some("application/json"));
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.body["error"], "too_large");
    let long = json!({"kind": kind, "text": "é".repeat(5000)}).to_string();
    let a = send(long, Some("application/json"));
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(a.body["error"], "too_long");
    let a = send("{\"kind\": ".into(), Some("application/json"));
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(a.body["error"], "malformed");
    assert!(!a.body["message"].as_str().unwrap().is_empty());
    let a = send(
        json!({"text": "no kind"}).to_string(),
        Some("application/json"),
    );
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.body["error"], "bad_fields");
    let a = send(json!({"kind": kind, "text": "x"}).to_string(), None);
    assert_eq!(a.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(a.content_type.starts_with("application/json"));
    assert!(room
        .store()
        .load(room.session)
        .unwrap()
        .contributions
        .is_empty());
}

#[test]
fn hostile_text_stays_data_the_pages_hold_none() {
    let room = open_room(&["Ana"], true);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\u{1b}[31m";
    let a = room.send(&token, &kind, hostile);
    assert_eq!(a.status, StatusCode::CREATED);
    for page in ["/", "/screen"] {
        let p = room.get(None, page);
        assert_eq!(p.status, StatusCode::OK);
        assert!(p.content_type.starts_with("text/html"));
        let html = p.body.as_str().unwrap();
        assert!(!html.contains("alert"), "{page} holds no user text");
        assert!(!html.contains("<script>"), "{page} has no inline script");
        let csp = p.csp.expect("a content security policy");
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    }
    let state = room.get(Some(&token), "/api/state");
    assert!(state.content_type.starts_with("application/json"));
    assert!(state.csp.is_some());
    assert_eq!(state.body["items"][0]["text"], hostile.trim_end());
    // The scripts show every text as text, never as markup.
    for script in ["/common.js", "/phone.js", "/screen.js"] {
        let js = room.get(None, script);
        assert!(js.content_type.starts_with("text/javascript"));
        let js = js.body.as_str().unwrap().to_string();
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            assert!(!js.contains(sink), "{script} uses {sink}");
        }
    }
}

#[test]
fn an_anonymous_post_carries_no_identity() {
    let room = open_room(&["Ana"], false);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let a = room.send(&token, &kind, "sans nom");
    assert_eq!(a.status, StatusCode::CREATED);
    let inbox = room.store().inbox(room.session, false).unwrap();
    assert_eq!(inbox[0].participant_id, None);
    assert!(inbox[0].anonymous);
    // The device's token never reaches the file.
    drop(room.store());
    for name in ["atelier.sqlite3", "atelier.sqlite3-wal"] {
        if let Ok(bytes) = std::fs::read(room.db.with_file_name(name)) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(&token), "{name} holds the device token");
        }
    }
}

#[test]
fn a_stage_change_elsewhere_reaches_a_connected_event_stream() {
    let room = open_room(&["Ana"], false);
    let token = room.join_as(json!({ "anonymous": true }));
    let response = room
        .client
        .get(room.url("/api/events"))
        .header("Cookie", format!("atelier_room={token}"))
        .send()
        .unwrap();
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(response).lines() {
            let Ok(line) = line else { return };
            if let Some(data) = line.strip_prefix("data: ") {
                let state: serde_json::Value = serde_json::from_str(data).unwrap();
                if tx
                    .send(state["stage"]["key"].as_str().unwrap_or("").to_string())
                    .is_err()
                {
                    return;
                }
            }
        }
    });
    let first = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the state on connect");
    let mut facilitator = room.store();
    let stages = facilitator.stages(room.session).unwrap();
    let next = stages.iter().find(|s| s.key != first).unwrap();
    let current = stages.iter().find(|s| s.key == first).map(|s| s.id);
    facilitator
        .enter_stage(room.session, next.id, current)
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let key = rx.recv_timeout(left).expect("the new stage on the stream");
        if key == next.key {
            break;
        }
    }
}

#[test]
fn closing_the_room_frees_the_port_and_clears_its_status() {
    let mut room = open_room(&["Ana"], false);
    let url = room.running.as_ref().unwrap().url().to_string();
    let status = room
        .store()
        .room_status(room.session)
        .unwrap()
        .expect("open");
    assert_eq!(
        (status.url.as_str(), status.code.as_str()),
        (url.as_str(), CODE)
    );
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let token = room.join_as(json!({ "anonymous": true }));
    // A connected event stream does not hold the room open.
    let _stream = room
        .client
        .get(room.url("/api/events"))
        .header("Cookie", format!("atelier_room={token}"))
        .send()
        .unwrap();
    room.close();
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "{addr} still answers"
    );
    assert_eq!(room.store().room_status(room.session).unwrap(), None);
}

#[test]
fn unknown_paths_are_json_404s() {
    let room = open_room(&[], false);
    let a = room.get(None, "/api/nothing");
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.body["error"], "not_found");
}

#[test]
fn an_anonymous_session_takes_no_name_and_hints_at_none() {
    let room = open_room(&["Ana"], false);
    let ana = room.store().participants(room.session).unwrap()[0].id;
    let mut session = room.store().session(room.session).unwrap();
    session.anonymity = atelier::model::Anonymity::Anonymous;
    room.store().update_session(&session).unwrap();

    let joined = room.post(None, "/api/join", &json!({ "code": CODE }));
    let token = joined.token.unwrap();
    let as_ana = room.post(Some(&token), "/api/join", &json!({ "participant": ana }));
    let as_new = room.post(Some(&token), "/api/join", &json!({ "name": "Zed" }));
    let as_known = room.post(Some(&token), "/api/join", &json!({ "name": "Ana" }));
    for refused in [&as_ana, &as_new, &as_known] {
        assert_eq!(refused.status, StatusCode::CONFLICT, "{:?}", refused.body);
        assert_eq!(refused.body["error"], "anonymous_session");
    }
    // A known name and an unknown one get the very same answer.
    assert_eq!(as_new.body, as_known.body);
    let first = room.post(None, "/api/join", &json!({ "code": CODE, "name": "Yan" }));
    assert_eq!(first.status, StatusCode::CONFLICT);
    assert!(first.token.is_none());
    let both = room.post(
        Some(&token),
        "/api/join",
        &json!({ "anonymous": true, "participant": ana }),
    );
    assert_eq!(both.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(both.body["error"], "anonymous_and_name");
    let names: Vec<String> = room
        .store()
        .participants(room.session)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Ana"]);
    let anonymous = room.post(Some(&token), "/api/join", &json!({ "anonymous": true }));
    assert_eq!(anonymous.status, StatusCode::OK);
    assert_eq!(anonymous.body["identity"]["anonymous"], true);
}

#[test]
fn copies_of_one_post_sent_at_once_record_one_text() {
    let room = open_room(&["Ana"], false);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let body = json!({"kind": kind, "text": "une seule fois", "id": "same"});
    std::thread::scope(|s| {
        let sends: Vec<_> = (0..6)
            .map(|_| s.spawn(|| room.post(Some(&token), "/api/contributions", &body)))
            .collect();
        for send in sends {
            assert_eq!(send.join().unwrap().status, StatusCode::CREATED);
        }
    });
    assert_eq!(room.store().inbox(room.session, false).unwrap().len(), 1);
    let long = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": kind, "text": "x", "id": "i".repeat(65)}),
    );
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(long.body["error"], "bad_id");
    assert_eq!(room.store().inbox(room.session, false).unwrap().len(), 1);
}

#[test]
fn a_closed_session_opens_no_room() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let mut details = store.session(session).unwrap();
    details.status = atelier::model::SessionStatus::Closed;
    store.update_session(&details).unwrap();
    let refused = atelier::room::open(
        store.path(),
        session,
        atelier::room::RoomOptions {
            bind: Some(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)),
            port: Some(0),
            code: None,
            ..Default::default()
        },
        Box::new(|_| {}),
    )
    .unwrap_err();
    assert!(refused.to_string().contains("closed"), "{refused}");
    assert!(store.room_status(session).unwrap().is_none());
}

#[test]
fn a_text_of_invisible_characters_is_empty() {
    let room = open_room(&["Ana"], false);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let blank = room.post(
        Some(&token),
        "/api/contributions",
        &json!({"kind": kind, "text": "\u{0}\u{200b} \u{feff}\n"}),
    );
    assert_eq!(blank.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(blank.body["error"], "empty_text");
    assert!(room.store().inbox(room.session, false).unwrap().is_empty());
}

#[test]
fn a_wrong_method_is_answered_in_json() {
    let room = open_room(&["Ana"], false);
    let wrong = room.get(None, "/api/join");
    assert_eq!(wrong.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(wrong.body["error"], "method_not_allowed");
}

#[test]
fn the_phone_page_speaks_the_session_language_before_joining() {
    let room = open_room(&["Ana"], false);
    let page = room.get(None, "/");
    assert!(page
        .body
        .as_str()
        .unwrap()
        .contains("<html lang=\"en\" data-session=\"yes\">"));
    let mut session = room.store().session(room.session).unwrap();
    session.language = atelier::model::Lang::Fr;
    room.store().update_session(&session).unwrap();
    let page = room.get(None, "/");
    assert!(page
        .body
        .as_str()
        .unwrap()
        .contains("<html lang=\"fr\" data-session=\"yes\">"));
}

//! The corpus through the room: every payload as a contribution of the
//! current stage, then served by the real room server. The state is JSON
//! (served as such, with nosniff and the strict CSP) carrying each text
//! exactly; the pages hold none of it (their scripts show it as text).

use atelier::model::{Kind, Origin};
use atelier::room::{self, RoomOptions};
use atelier::store::NewContribution;
use std::net::{IpAddr, Ipv4Addr};

#[test]
fn the_room_serves_the_corpus_as_data_only() {
    for corpus in super::corpus::load() {
        let (_dir, mut store) = super::common::temp_store();
        let session = super::common::new_session(&mut store, &["Ana"]);
        let stage = store.stages(session).unwrap()[0].id;
        let mut stored = Vec::new();
        for payload in corpus.payloads.iter().filter(|p| !p.trim().is_empty()) {
            let c = store
                .add_contribution(&NewContribution {
                    stage_id: stage,
                    participant_id: None,
                    kind: Kind::Context,
                    text: payload.clone(),
                    parent_id: None,
                    group: None,
                    anonymous: false,
                    origin: Origin::Room,
                })
                .unwrap();
            stored.push(c.text);
        }
        let running = room::open(
            store.path(),
            session,
            RoomOptions {
                bind: Some(IpAddr::V4(Ipv4Addr::LOCALHOST)),
                port: Some(0),
                code: Some("1357".into()),
                ..Default::default()
            },
            Box::new(|_| {}),
        )
        .unwrap();
        let client = reqwest::blocking::Client::new();
        let joined = client
            .post(format!("{}api/join", running.url()))
            .json(&serde_json::json!({ "code": "1357" }))
            .send()
            .unwrap();
        let cookie = joined.headers()["set-cookie"].to_str().unwrap();
        let cookie = cookie.split(';').next().unwrap().to_string();
        let state = client
            .get(format!("{}api/state", running.url()))
            .header("Cookie", cookie)
            .send()
            .unwrap();
        let what = format!("the room's state of {}", corpus.name);
        let headers = state.headers().clone();
        assert_eq!(headers["content-type"], "application/json", "{what}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{what}");
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'"));
        let state: serde_json::Value = state.json().unwrap();
        let served: Vec<&str> = state["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["text"].as_str().unwrap())
            .collect();
        assert_eq!(served, stored, "{what}");
        for page in ["", "screen"] {
            let html = client
                .get(format!("{}{page}", running.url()))
                .send()
                .unwrap()
                .text()
                .unwrap();
            for payload in &stored {
                assert!(
                    !html.contains(payload.as_str()),
                    "/{page} holds {payload:?}"
                );
            }
        }
        running.close();
    }
}

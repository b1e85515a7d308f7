//! A post's retry is answered as the first copy was, whatever the write
//! limit says; replaying one post id as fast as possible is still limited
//! (as reads are), so it is no way round the device's rate limit.

use crate::helpers;

use helpers::open_room;
use reqwest::StatusCode;
use serde_json::json;

#[test]
fn replaying_one_post_id_is_rate_limited_and_records_nothing_more() {
    let room = open_room(&["Ana"], false);
    let token = room.join_as(json!({ "anonymous": true }));
    let kind = room.open_kind(&token);
    let body = json!({"kind": kind, "text": "une fois", "id": "replayed"});
    let first = room.post(Some(&token), "/api/contributions", &body);
    assert_eq!(first.status, StatusCode::CREATED);
    let mut refused = 0;
    for _ in 0..200 {
        let again = room.post(Some(&token), "/api/contributions", &body);
        match again.status {
            StatusCode::CREATED => assert_eq!(again.body["state"], "pending"),
            StatusCode::TOO_MANY_REQUESTS => {
                assert_eq!(again.body["error"], "too_many");
                refused += 1;
            }
            other => panic!("unexpected {other}: {:?}", again.body),
        }
    }
    assert!(refused > 0, "200 replays at once meet the device's limit");
    assert_eq!(room.store().inbox(room.session, false).unwrap().len(), 1);
}

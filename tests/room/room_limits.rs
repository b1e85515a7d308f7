//! The room on a hostile shared Wi-Fi, for real on 127.0.0.1: slow
//! connections are closed after the header timeout, connections past the
//! cap are closed at once, event streams are few per device and in all,
//! wrong codes are limited across all addresses, the room holds so many
//! devices, an idle device must join again, and phones add few names.

use crate::helpers;

use atelier::room::RoomLimits;
use helpers::{open_room_with, CODE};
use reqwest::StatusCode;
use serde_json::json;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::time::Duration;

/// A connection that sent half a request (no blank line ends its headers).
fn half_request(room: &helpers::Room) -> TcpStream {
    let mut socket = TcpStream::connect(room.addr()).unwrap();
    socket
        .write_all(b"GET /api/state HTTP/1.1\r\nHost: room\r\n")
        .unwrap();
    socket
}

/// Whether the server closed `socket` (end of stream or reset) within
/// `wait`, having answered nothing.
fn closed_unanswered(socket: &mut TcpStream, wait: Duration) -> bool {
    socket.set_read_timeout(Some(wait)).unwrap();
    let mut buf = [0u8; 512];
    match socket.read(&mut buf) {
        Ok(0) => true,
        Ok(n) => panic!(
            "the server answered: {:?}",
            String::from_utf8_lossy(&buf[..n])
        ),
        Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe) => true,
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => false,
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn a_half_request_is_closed_after_the_header_timeout_and_others_are_served() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            header_timeout: Duration::from_millis(800),
            // The phone below comes from the same address as the 40.
            connections_per_address: 64,
            ..RoomLimits::default()
        },
    );
    let mut slow: Vec<TcpStream> = (0..40).map(|_| half_request(&room)).collect();
    let page = room.get(None, "/screen");
    assert_eq!(page.status, StatusCode::OK, "a phone is served meanwhile");
    for socket in &mut slow {
        assert!(
            closed_unanswered(socket, Duration::from_secs(10)),
            "a half request is closed after the header timeout"
        );
    }
}

#[test]
fn connections_past_the_cap_are_closed_at_once() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            max_connections: 4,
            ..RoomLimits::default()
        },
    );
    let held: Vec<TcpStream> = (0..4).map(|_| half_request(&room)).collect();
    let mut fifth = TcpStream::connect(room.addr()).unwrap();
    // The server may close it before or after the request is written.
    let _ = fifth.write_all(b"GET /screen HTTP/1.1\r\nHost: room\r\n\r\n");
    assert!(
        closed_unanswered(&mut fifth, Duration::from_secs(10)),
        "a connection past the cap is closed, not queued"
    );
    drop(held);
    // The held connections' slots come back once the server sees them go.
    let served = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        room.client
            .get(room.url("/screen"))
            .send()
            .is_ok_and(|r| r.status() == StatusCode::OK)
    });
    assert!(served, "the room serves again once the slots are free");
}

#[test]
fn event_streams_are_few_per_device_and_in_all() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            streams_per_device: 2,
            max_streams: 3,
            ..RoomLimits::default()
        },
    );
    let stream = |token: &str| {
        room.client
            .get(room.url("/api/events"))
            .header("Cookie", format!("atelier_room={token}"))
            .send()
            .unwrap()
    };
    let a = room.join_as(json!({ "anonymous": true }));
    let b = room.join_as(json!({ "anonymous": true }));
    let a1 = stream(&a);
    let a2 = stream(&a);
    assert_eq!((a1.status(), a2.status()), (StatusCode::OK, StatusCode::OK));
    let a3 = helpers::answer(stream(&a));
    assert_eq!(a3.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(a3.body["error"], "too_many_streams");
    let b1 = stream(&b);
    assert_eq!(b1.status(), StatusCode::OK);
    let b2 = helpers::answer(stream(&b));
    assert_eq!(b2.status, StatusCode::TOO_MANY_REQUESTS, "three in all");
    assert_eq!(b2.body["error"], "too_many_streams");
    // The other requests of these devices still work.
    assert_eq!(room.get(Some(&b), "/api/state").status, StatusCode::OK);
}

/// A client whose connections come from `ip` (any 127.x.y.z reaches the
/// server on 127.0.0.1): one of a laptop's many addresses.
fn client_from(ip: [u8; 4]) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::from(ip)))
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

#[test]
fn wrong_codes_are_limited_across_all_addresses() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            wrong_codes_per_minute: 3,
            ..RoomLimits::default()
        },
    );
    let joined = room.join_as(json!({ "anonymous": true }));
    let try_code = |ip: [u8; 4], code: &str| {
        helpers::answer(
            client_from(ip)
                .post(room.url("/api/join"))
                .json(&json!({ "code": code }))
                .send()
                .unwrap(),
        )
    };
    for (i, ip) in [[127, 0, 0, 2], [127, 0, 0, 3], [127, 0, 0, 4]]
        .into_iter()
        .enumerate()
    {
        let wrong = try_code(ip, &format!("00000{i}"));
        assert_eq!(wrong.status, StatusCode::FORBIDDEN, "{:?}", wrong.body);
        assert_eq!(wrong.body["error"], "wrong_code");
    }
    // Guessing is shut for everyone, the right code included (else it
    // would stand out), from an address that never tried.
    let right = try_code([127, 0, 0, 5], CODE);
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{:?}",
        right.body
    );
    assert_eq!(right.body["error"], "too_many_wrong_codes");
    assert!(right.body["message"].as_str().unwrap().contains("wait"));
    assert!(right.token.is_none());
    // A device that joined before keeps working.
    assert_eq!(room.get(Some(&joined), "/api/state").status, StatusCode::OK);
    let kind = room.open_kind(&joined);
    let post = room.send(&joined, &kind, "still here");
    assert_eq!(post.status, StatusCode::CREATED);
}

#[test]
fn the_room_holds_so_many_devices() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            max_devices: 2,
            ..RoomLimits::default()
        },
    );
    for _ in 0..2 {
        room.join_as(json!({ "anonymous": true }));
    }
    let full = room.post(None, "/api/join", &json!({ "code": CODE }));
    assert_eq!(full.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(full.body["error"], "room_full");
    assert!(full.body["message"].as_str().unwrap().contains('2'));
    assert!(full.token.is_none());
}

#[test]
fn an_idle_device_must_join_again() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            device_idle: Duration::from_millis(600),
            ..RoomLimits::default()
        },
    );
    let token = room.join_as(json!({ "anonymous": true }));
    assert_eq!(room.get(Some(&token), "/api/state").status, StatusCode::OK);
    std::thread::sleep(Duration::from_millis(900));
    let expired = room.get(Some(&token), "/api/state");
    assert_eq!(expired.status, StatusCode::UNAUTHORIZED);
    assert_eq!(expired.body["error"], "expired");
    assert!(
        expired.body["message"]
            .as_str()
            .unwrap()
            .contains("join the room again"),
        "{:?}",
        expired.body
    );
    let again = room.join_as(json!({ "anonymous": true }));
    assert_eq!(room.get(Some(&again), "/api/state").status, StatusCode::OK);
}

#[test]
fn phones_add_one_name_each_and_few_in_all() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            max_roster: 3,
            ..RoomLimits::default()
        },
    );
    let names = || -> Vec<String> {
        let mut names: Vec<_> = room
            .store()
            .participants(room.session)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        names.sort();
        names
    };
    let a = room.join_as(json!({ "anonymous": true }));
    let zoe = room.post(Some(&a), "/api/join", &json!({ "name": "Zoé" }));
    assert_eq!(zoe.status, StatusCode::OK, "{:?}", zoe.body);
    let second = room.post(Some(&a), "/api/join", &json!({ "name": "Yann" }));
    assert_eq!(second.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(second.body["error"], "one_name_per_device");
    assert_eq!(names(), ["Ana", "Zoé"], "nothing written when refused");
    // The same name again is the one it added.
    let again = room.post(Some(&a), "/api/join", &json!({ "name": "zoé" }));
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body["identity"], zoe.body["identity"]);

    let b = room.join_as(json!({ "anonymous": true }));
    let bea = room.post(Some(&b), "/api/join", &json!({ "name": "Bea" }));
    assert_eq!(bea.status, StatusCode::OK);
    let c = room.join_as(json!({ "anonymous": true }));
    let full = room.post(Some(&c), "/api/join", &json!({ "name": "Cid" }));
    assert_eq!(full.status, StatusCode::CONFLICT);
    assert_eq!(full.body["error"], "roster_full");
    assert!(full.body["message"].as_str().unwrap().contains('3'));
    assert_eq!(
        names(),
        ["Ana", "Bea", "Zoé"],
        "nothing written when refused"
    );
    // A name already on the roster is still chosen.
    let ana = room.post(Some(&c), "/api/join", &json!({ "name": "Ana" }));
    assert_eq!(ana.status, StatusCode::OK);
}

#[test]
fn an_event_stream_outlives_the_header_timeout() {
    use std::io::{BufRead, BufReader};
    let room = open_room_with(
        &["Ana"],
        true,
        RoomLimits {
            header_timeout: Duration::from_millis(300),
            ..RoomLimits::default()
        },
    );
    let token = room.join_as(json!({ "anonymous": true }));
    let response = room
        .client
        .get(room.url("/api/events"))
        .header("Cookie", format!("atelier_room={token}"))
        .send()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(response).lines() {
            let Ok(line) = line else { return };
            if line.starts_with("data: ") && tx.send(line).is_err() {
                return;
            }
        }
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the state on connect");
    // Longer than the header timeout: the stream is not a slow request.
    std::thread::sleep(Duration::from_millis(1000));
    let kind = room.open_kind(&token);
    let post = room.send(&token, &kind, "après le délai");
    assert_eq!(post.status, StatusCode::CREATED);
    let reached = (0..20).any(|_| {
        rx.recv_timeout(Duration::from_secs(10))
            .is_ok_and(|line| line.contains("après le délai"))
    });
    assert!(
        reached,
        "the stream still delivers after the header timeout"
    );
}

//! Connections a hostile laptop holds, for real on 127.0.0.1: a client that
//! sends its headers at once and then trickles its body (a byte now and
//! then, never the end) is answered 408 and closed after the header
//! timeout instead of holding a connection for ever; a body announced far
//! too large is refused before it is read; one address holding its share
//! of connections leaves the others' slots free.

use crate::helpers;

use atelier::room::RoomLimits;
use helpers::open_room_with;
use reqwest::StatusCode;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::time::{Duration, Instant};

/// The headers of a join whose body is announced but sent only in part.
fn trickled_join(room: &helpers::Room) -> TcpStream {
    let mut socket = TcpStream::connect(room.addr()).unwrap();
    socket
        .write_all(
            b"POST /api/join HTTP/1.1\r\nHost: room\r\nContent-Type: application/json\r\n\
              Content-Length: 4000\r\n\r\n{",
        )
        .unwrap();
    socket
}

/// Sends a byte of body every 200 ms (each well within the timeout) and
/// collects what the server says, until it closes or `wait` has passed.
fn trickle_and_listen(socket: &mut TcpStream, wait: Duration) -> (String, bool) {
    socket
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let started = Instant::now();
    let mut heard = Vec::new();
    let mut buf = [0u8; 1024];
    while started.elapsed() < wait {
        let _ = socket.write_all(b" ");
        match socket.read(&mut buf) {
            Ok(0) => return (String::from_utf8_lossy(&heard).into(), true),
            Ok(n) => heard.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return (String::from_utf8_lossy(&heard).into(), true),
        }
    }
    (String::from_utf8_lossy(&heard).into(), false)
}

#[test]
fn a_trickled_body_is_answered_408_and_closed_after_the_timeout() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            header_timeout: Duration::from_millis(800),
            max_connections: 4,
            ..RoomLimits::default()
        },
    );
    let mut slow: Vec<TcpStream> = (0..4).map(|_| trickled_join(&room)).collect();
    for socket in &mut slow {
        let (heard, closed) = trickle_and_listen(socket, Duration::from_secs(8));
        assert!(
            heard.starts_with("HTTP/1.1 408"),
            "a trickled body is refused with 408: {heard:?}"
        );
        assert!(heard.contains("too_slow"), "{heard}");
        assert!(closed, "and its connection is closed");
    }
    // The slots are free again: a phone is served.
    let page = room.get(None, "/screen");
    assert_eq!(page.status, StatusCode::OK);
}

#[test]
fn a_body_announced_far_too_large_is_refused_before_it_is_read() {
    let room = open_room_with(&["Ana"], false, RoomLimits::default());
    let mut socket = TcpStream::connect(room.addr()).unwrap();
    socket
        .write_all(
            b"POST /api/join HTTP/1.1\r\nHost: room\r\nContent-Type: application/json\r\n\
              Content-Length: 99999999999\r\n\r\n{}",
        )
        .unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut heard = Vec::new();
    let _ = socket.read_to_end(&mut heard);
    let heard = String::from_utf8_lossy(&heard);
    assert!(heard.starts_with("HTTP/1.1 413"), "{heard:?}");
    assert!(heard.contains("too_large"), "{heard}");
}

#[test]
fn one_address_holding_its_share_leaves_room_for_the_others() {
    let room = open_room_with(
        &["Ana"],
        false,
        RoomLimits {
            max_connections: 8,
            connections_per_address: 4,
            ..RoomLimits::default()
        },
    );
    // One laptop opens as many connections as the whole room takes, and
    // keeps them with half requests (as it would reconnect each time the
    // header timeout closes them).
    let held: Vec<TcpStream> = (0..8)
        .map(|_| {
            let mut socket = TcpStream::connect(room.addr()).unwrap();
            let _ = socket.write_all(b"GET /api/state HTTP/1.1\r\nHost: room\r\n");
            socket
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let phone = reqwest::blocking::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let page = phone.get(room.url("/screen")).send();
    assert!(
        page.as_ref().is_ok_and(|r| r.status() == StatusCode::OK),
        "a phone on another address is served: {page:?}"
    );
    drop(held);
}

#[test]
fn a_huge_header_is_not_served() {
    let room = open_room_with(&["Ana"], false, RoomLimits::default());
    let mut socket = TcpStream::connect(room.addr()).unwrap();
    let filler = "a".repeat(100_000);
    let request = format!("GET /screen HTTP/1.1\r\nHost: room\r\nX-Filler: {filler}\r\n\r\n");
    let _ = socket.write_all(request.as_bytes());
    socket
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut heard = Vec::new();
    let _ = socket.read_to_end(&mut heard);
    let heard = String::from_utf8_lossy(&heard);
    // 431, or a reset that lost it (the server closes on unread bytes):
    // never served.
    assert!(
        heard.is_empty() || heard.starts_with("HTTP/1.1 431"),
        "{heard:?}"
    );
}

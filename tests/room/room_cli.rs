//! `atelier room SESSION`: the real binary serves the room, prints where and
//! with which code, and on SIGTERM closes it: the port is free and the
//! room's status gone from the database.

use crate::common;

use atelier::store::Store;
use common::{atelier, stdout};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

#[test]
fn the_room_command_serves_until_sigterm_then_clears_its_status() {
    let dir = tempfile::tempdir().unwrap();
    let id = stdout(atelier(&dir).args(["new", "--title", "T", "--question", "Q?"]));
    let id = id.trim();
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("atelier"));
    command
        .env("ATELIER_DB", dir.path().join("db.sqlite3"))
        .env("HOME", dir.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .args([
            "room",
            id,
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--code",
            "2468",
        ])
        .args(["--accept-all"])
        .stdout(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("join code: 2468"), "{first}");
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_string();

    let page = reqwest::blocking::get(&url).unwrap();
    assert_eq!(page.status(), 200);
    let store = Store::open_read_only(&dir.path().join("db.sqlite3")).unwrap();
    let session = store.resolve_session(id).unwrap();
    let status = store
        .room_status(session)
        .unwrap()
        .expect("the room is open");
    assert_eq!(
        (status.url.as_str(), status.code.as_str()),
        (url.as_str(), "2468")
    );
    assert!(store.room_settings(session).unwrap().accept_all);
    drop(store);

    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    assert_eq!(rest, ["The room is closed."]);
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "{addr} still answers"
    );
    let store = Store::open_read_only(&dir.path().join("db.sqlite3")).unwrap();
    assert_eq!(store.room_status(session).unwrap(), None);
}

#[test]
fn a_bad_code_is_refused_before_anything_opens() {
    let dir = tempfile::tempdir().unwrap();
    stdout(atelier(&dir).args(["new", "--title", "T", "--question", "Q?"]));
    let out = atelier(&dir)
        .args(["room", "latest", "--bind", "127.0.0.1", "--code", "<b>"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("4 to 12 letters or digits"), "{err}");
}

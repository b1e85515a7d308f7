//! `atelier inbox` and `atelier room-settings` through the real binary:
//! list (lines and JSON), accept (edited), merge, decline by short id,
//! deciding twice refused without writing, the settings shown and set.

use crate::common;

use atelier::model::Kind;
use atelier::store::{RoomInput, Store};
use common::{atelier, stdout};

/// A session made by the binary, and three inputs sent from phones.
fn session(dir: &tempfile::TempDir) -> Vec<String> {
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(dir).args(new).args(["--participant", "Ana"]));
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let session = store.list_sessions(false).unwrap()[0].id;
    let stage = store.stages(session).unwrap()[1].id;
    let ana = store.participants(session).unwrap()[0].id;
    for (text, who) in [
        ("Trop de réunions", Some(ana)),
        ("=1+1", None),
        ("trop de réunions", None),
    ] {
        let input = RoomInput {
            stage_id: stage,
            kind: Kind::Observation,
            text: text.into(),
            participant_id: who,
            anonymous: who.is_none(),
        };
        store.receive_from_room(session, &input).unwrap();
    }
    let inbox = store.inbox(session, true).unwrap();
    inbox
        .iter()
        .map(|i| i.id.simple().to_string()[24..].to_string())
        .collect()
}

fn fails(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let out = atelier(dir)
        .args(args)
        .assert()
        .failure()
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn moderating_the_inbox_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let ids = session(&dir);
    let list = stdout(atelier(&dir).args(["inbox", "latest"]));
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(list.contains(&format!("{}  waiting", ids[0])), "{list}");
    assert!(list.contains("Ana"), "{list}");
    assert!(list.lines().nth(1).unwrap().contains("anonymous"), "{list}");

    let said = stdout(
        atelier(&dir)
            .args(["inbox", "latest", "accept", &ids[0]])
            .args([
                "--text",
                "Trop de réunions, pas assez de décisions",
                "--kind",
                "stake",
            ]),
    );
    assert!(said.starts_with("Accepted: contribution "), "{said}");
    let contribution = said
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .trim_end_matches('.');
    let said =
        stdout(atelier(&dir).args(["inbox", "latest", "merge", &ids[2], "--into", contribution]));
    assert_eq!(
        said.trim(),
        format!("Merged into contribution {contribution}.")
    );
    stdout(atelier(&dir).args(["inbox", "latest", "decline", &ids[1][4..]]));

    // Decided once: a second decision is refused and writes nothing.
    let db = dir.path().join("db.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let err = fails(&dir, &["inbox", "latest", "accept", &ids[1]]);
    assert!(err.contains("already decided (declined)"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    assert_eq!(
        stdout(atelier(&dir).args(["inbox", "latest"])).trim(),
        "Nothing waits in the room's inbox."
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        atelier(&dir).args(["inbox", "latest", "--all", "--json"]),
    ))
    .unwrap();
    let states: Vec<&str> = json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["accepted", "declined", "merged"]);
    assert_eq!(
        json["inputs"][0]["text"], "Trop de réunions",
        "the inbox keeps what was sent"
    );

    // The report shows the accepted one as from the room, not the declined.
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(
        md.contains("Trop de réunions, pas assez de décisions — *Ana* (from the room)"),
        "{md}"
    );
    assert!(!md.contains("=1+1"), "{md}");
}

#[test]
fn the_room_settings_are_shown_and_set() {
    let dir = tempfile::tempdir().unwrap();
    session(&dir);
    let shown = stdout(atelier(&dir).args(["room-settings", "latest"]));
    assert_eq!(
        shown.trim(),
        "Accept everything at once: off · Contributions shown to the room: on"
    );
    let set = stdout(atelier(&dir).args([
        "room-settings",
        "latest",
        "--accept-all",
        "on",
        "--show-items",
        "off",
    ]));
    assert_eq!(
        set.trim(),
        "Accept everything at once: on · Contributions shown to the room: off"
    );
    let err = fails(&dir, &["room-settings", "latest", "--accept-all", "maybe"]);
    assert!(err.contains("expected on or off"), "{err}");
}

//! `atelier park`, `unpark` and `decide` through the real binary.

mod common;

use common::{atelier, stdout};

/// The part of `show` after `heading`, up to the next blank line.
fn section<'a>(show: &'a str, heading: &str) -> &'a str {
    let start = show
        .find(heading)
        .unwrap_or_else(|| panic!("{heading}: {show}"));
    let rest = &show[start..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

#[test]
fn park_unpark_and_decide_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    let add = [
        "add",
        "latest",
        "--stage",
        "constats",
        "--participant",
        "ana",
    ];
    let off = stdout(atelier(&dir).args(add).arg("The canteen closes early"));
    let off = off.trim();
    stdout(atelier(&dir).args(add).arg("Too many meetings"));

    // The short id `show` prints is enough.
    let short = &off.replace('-', "")[24..];
    assert_eq!(stdout(atelier(&dir).args(["park", short])).trim(), off);
    let show = stdout(atelier(&dir).args(["show", "latest"]));
    let lot = section(&show, "Parking lot (1)");
    assert!(lot.contains("The canteen closes early — Ana"), "{show}");
    let stage = section(&show, "[2]");
    assert!(
        stage.contains("1 input") && !stage.contains("canteen"),
        "{show}"
    );

    let decided = stdout(atelier(&dir).args(["decide", "latest", "We meet in May"]));
    assert_eq!(decided.trim().len(), 36);
    let show = stdout(atelier(&dir).args(["show", "latest"]));
    assert!(
        section(&show, "Decisions").contains("We meet in May"),
        "{show}"
    );
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(
        md.contains("## Parking lot") && md.contains("## Decisions"),
        "{md}"
    );

    stdout(atelier(&dir).args(["unpark", short, "--stage", "idees"]));
    let show = stdout(atelier(&dir).args(["show", "latest"]));
    assert!(!show.contains("Parking lot"), "{show}");
    let ideas = section(&show, "[3]");
    assert!(ideas.contains("The canteen closes early — Ana"), "{show}");
}

#[test]
fn follow_through_mistakes_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    stdout(atelier(&dir).args(["new", "--title", "T", "--question", "Q"]));
    let out = atelier(&dir).args(["park", "abcdef99"]).assert().code(1);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("abcdef99"), "{err}");
    let out = atelier(&dir)
        .args(["decide", "latest", "  "])
        .assert()
        .code(1);
    assert!(!out.get_output().stderr.is_empty());
}

#[test]
fn help_documents_each_follow_through_command() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(atelier(&dir).arg("--help"));
    for command in ["park", "unpark", "decide", "action"] {
        assert!(help.contains(&format!("  {command} ")), "{help}");
    }
    let help = stdout(atelier(&dir).args(["unpark", "--help"]));
    assert!(help.contains("--stage"), "{help}");
}

#[test]
fn actions_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    let add = ["action", "add", "latest"];
    let mine = stdout(
        atelier(&dir)
            .args(add)
            .args(["Book the room", "--who", "ana"]),
    );
    let mine = mine.trim();
    assert_eq!(mine.len(), 36);
    let theirs = ["Ask the mayor", "--who", "Town hall", "--due", "2026-04-30"];
    stdout(atelier(&dir).args(add).args(theirs));
    let bad = atelier(&dir)
        .args(add)
        .args(["Later", "--due", "30/04/2026"])
        .assert()
        .code(2);
    let err = String::from_utf8(bad.get_output().stderr.clone()).unwrap();
    assert!(err.contains("30/04/2026"), "{err}");

    let show = stdout(atelier(&dir).args(["show", "latest"]));
    let actions = section(&show, "Actions");
    assert!(
        actions.contains("[ ]") && actions.contains("Ana  Book the room"),
        "{show}"
    );
    assert!(
        actions.contains("2026-04-30  Town hall  Ask the mayor"),
        "{show}"
    );

    // The short id `show` prints is enough.
    let short = &mine.replace('-', "")[24..];
    assert_eq!(
        stdout(atelier(&dir).args(["action", "done", short])).trim(),
        mine
    );
    let open = stdout(atelier(&dir).args(["action", "list", "--open"]));
    assert!(
        !open.contains("Book the room") && open.contains("Ask the mayor"),
        "{open}"
    );
    let json = stdout(atelier(&dir).args(["action", "list", "--session", "latest", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(list[0]["status"], "done");
    assert_eq!(list[0]["who"], "Ana");
    assert_eq!(list[1]["due"], "2026-04-30");
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(
        md.contains("## Actions")
            && md.contains("| Ask the mayor | Town hall | 2026-04-30 | open |"),
        "{md}"
    );
    let missing = atelier(&dir)
        .args(["action", "done", "abcdef99"])
        .assert()
        .code(1);
    assert!(!missing.get_output().stderr.is_empty());
}

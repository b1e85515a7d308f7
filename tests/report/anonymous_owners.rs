//! Who an anonymised report or an anonymous session shows beside an action
//! and on the cover: never a name (the lead's included), through the real
//! binary, in every text format.

use crate::common;

use atelier::commands::Command;
use common::{atelier, stdout};

/// A named session led by "Porteuse : Florence Mensah" with actions for
/// her, a roster member and someone from outside; its id.
pub fn with_actions(dir: &tempfile::TempDir) -> String {
    let id = stdout(atelier(dir).args([
        "new",
        "--lang",
        "en",
        "--title",
        "T",
        "--question",
        "Q",
        "--lead",
        "Porteuse : Florence Mensah",
        "--participant",
        "Amy Beta",
        "--participant",
        "Zed Alpha",
    ]));
    let id = id.trim().to_string();
    for (who, what) in [
        ("Florence Mensah", "Book the room"),
        ("Amy Beta", "Write the charter"),
        ("Olga Outsider", "Send the minutes"),
    ] {
        atelier(dir)
            .args(["action", "add", &id, what, "--who", who])
            .assert()
            .success();
    }
    id
}

#[test]
fn an_anonymised_report_names_no_action_owner_and_not_the_lead() {
    let dir = tempfile::tempdir().unwrap();
    let id = with_actions(&dir);
    let named = stdout(atelier(&dir).args(["export", &id, "--format", "md"]));
    for name in ["Florence Mensah", "Amy Beta", "Olga Outsider"] {
        assert!(
            named.contains(name),
            "the named report names {name}: {named}"
        );
    }
    for format in ["md", "html", "json", "csv"] {
        let text = stdout(atelier(&dir).args(["export", &id, "--format", format, "--anonymise"]));
        for name in ["Florence", "Mensah", "Amy", "Olga", "Outsider", "Zed"] {
            assert!(!text.contains(name), "{format} names {name}:\n{text}");
        }
    }
    let md = stdout(atelier(&dir).args(["export", &id, "--format", "md", "--anonymise"]));
    let row = |what: &str| {
        md.lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no {what} in {md}"))
            .to_string()
    };
    assert!(row("Book the room").contains("Porteuse"), "{md}");
    assert!(row("Write the charter").contains("a participant"), "{md}");
    assert!(
        row("Send the minutes").contains("someone from outside the group"),
        "{md}"
    );
    assert!(md.contains("2 participants (anonymised report)"), "{md}");
}

/// Near misses of a roster name, as a facilitator might type them.
const NEAR_MISSES: [&str; 4] = ["Amy  Beta", "Amy Beta.", "AMY BETA", "  amy\u{a0}beta !"];

#[test]
fn a_near_miss_of_a_roster_name_is_that_person() {
    let dir = tempfile::tempdir().unwrap();
    let id = with_actions(&dir);
    for (i, who) in NEAR_MISSES.iter().enumerate() {
        let what = format!("Near miss {i}");
        let out = atelier(&dir)
            .args(["action", "add", &id, &what, "--who", who])
            .assert()
            .success()
            .get_output()
            .clone();
        // Not taken for someone from outside (no warning saying so).
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.trim().is_empty(), "{who:?}: {err}");
    }
    let named = stdout(atelier(&dir).args(["export", &id, "--format", "md"]));
    for i in 0..NEAR_MISSES.len() {
        let row = named
            .lines()
            .find(|l| l.contains(&format!("Near miss {i}")));
        assert!(row.unwrap().contains("| Amy Beta |"), "{named}");
    }
}

#[test]
fn a_stored_near_miss_or_outsider_is_never_printed_in_an_anonymous_report() {
    let dir = tempfile::tempdir().unwrap();
    let id = with_actions(&dir);
    // As older versions stored them: typed names, no roster link.
    let mut store = crate::pseudonyms::open(&dir);
    let session: atelier::model::Id = id.parse().unwrap();
    for (i, who) in NEAR_MISSES
        .iter()
        .chain(&["Florence  Mensah.", "Olga  Outsider"])
        .enumerate()
    {
        let new = atelier::store::NewAction {
            text: format!("Stored {i}"),
            who_participant: None,
            who_name: who.to_string(),
            due: None,
        };
        atelier::commands::apply(&mut store, session, &Command::AddAction(new)).unwrap();
    }
    drop(store);
    for format in ["md", "html", "json", "csv"] {
        let text = stdout(atelier(&dir).args(["export", &id, "--format", format, "--anonymise"]));
        for name in ["Amy", "AMY", "amy", "Florence", "Olga"] {
            assert!(!text.contains(name), "{format} names {name}:\n{text}");
        }
    }
    let md = stdout(atelier(&dir).args(["export", &id, "--format", "md", "--anonymise"]));
    let row = |what: &str| md.lines().find(|l| l.contains(what)).unwrap().to_string();
    for i in 0..NEAR_MISSES.len() {
        assert!(
            row(&format!("Stored {i} ")).contains("a participant"),
            "{md}"
        );
    }
    assert!(row("Stored 4 ").contains("Porteuse"), "{md}");
    assert!(row("Stored 5 ").contains("someone from outside the group"));
}

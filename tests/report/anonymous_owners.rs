//! Who an anonymised report or an anonymous session shows beside an action
//! and on the cover: never a name (the lead's included), through the real
//! binary, in every text format.

use crate::common;

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
    assert!(md.contains("2 participants (anonymous session)"), "{md}");
}

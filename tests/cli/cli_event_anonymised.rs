//! `atelier event report --anonymise`: every atelier read as if it had
//! been anonymous, through the session report's one rule.

use crate::common;

use common::{atelier, stdout};

#[test]
fn an_anonymised_event_report_names_no_one() {
    let dir = tempfile::tempdir().unwrap();
    for (title, lead, person, said) in [
        (
            "Atelier 1",
            "Porteuse : Florence Mensah",
            "Amy Beta",
            "Trains are late",
        ),
        ("Atelier 2", "Denis Roy", "Zed Alpha", "Buses are full"),
    ] {
        let id = stdout(atelier(&dir).args([
            "new",
            "--lang",
            "en",
            "--title",
            title,
            "--event",
            "Emergence",
            "--question",
            "Q",
            "--lead",
            lead,
            "--participant",
            person,
        ]));
        let id = id.trim();
        let add = ["add", id, "--stage", "constats", "--participant", person];
        atelier(&dir).args(add).arg(said).assert().success();
        let action = ["action", "add", id, "Write it up", "--who", person];
        atelier(&dir).args(action).assert().success();
    }
    let names = ["Florence", "Mensah", "Amy", "Denis", "Zed"];
    let named = stdout(atelier(&dir).args(["event", "report", "Emergence"]));
    for name in names {
        assert!(
            named.contains(name),
            "the named report names {name}:\n{named}"
        );
    }
    for format in ["md", "html", "json", "csv"] {
        let args = [
            "event",
            "report",
            "Emergence",
            "--format",
            format,
            "--anonymise",
        ];
        let text = stdout(atelier(&dir).args(args));
        for name in names {
            assert!(!text.contains(name), "{format} names {name}:\n{text}");
        }
        assert!(text.contains("a participant"), "{format}:\n{text}");
    }
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let path = stdout(
        atelier(&dir)
            .args(["event", "report", "Emergence", "--anonymise", "--out"])
            .arg(&out),
    );
    assert!(path.trim().ends_with("-anonymised.md"), "{path}");
}

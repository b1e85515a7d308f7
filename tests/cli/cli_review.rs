//! The review cycle through the real binary: publish a draft, record a
//! remark on a contribution, apply it, sign, publish the validated
//! version, compare the two and list everything.

use crate::common;

use common::{atelier, stdout};

fn failure(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn draft_feedback_sign_off_validated_version_and_diff_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(
        atelier(&dir)
            .args(new)
            .args(["--participant", "Ana Diallo"]),
    );
    let add = ["add", "latest", "--stage", "constats"];
    let trains = stdout(atelier(&dir).args(add).arg("Trains are late"));
    let short = &trains.trim().replace('-', "")[24..];

    let draft = ["review", "latest", "publish", "--note", "first draft"];
    assert_eq!(stdout(atelier(&dir).args(draft)).trim(), "1");
    let remark = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "ana diallo",
        "--item",
        short,
        "Say which trains",
    ];
    let feedback = stdout(atelier(&dir).args(remark));
    let feedback = feedback.trim();
    assert_eq!(feedback.len(), 36, "{feedback}");
    let on_section = ["review", "latest", "feedback", "--version", "1"];
    let on_section = atelier(&dir)
        .args(on_section)
        .args(["--from", "Marc", "--item", "synthesis", "Too long"])
        .assert()
        .success();
    drop(on_section);

    // A short id is enough; the remark is marked applied.
    let tail = &feedback.replace('-', "")[24..];
    stdout(atelier(&dir).args(["review", "latest", "apply", tail]));
    let sign = ["review", "latest", "sign", "--version", "1", "--by", "Marc"];
    stdout(atelier(&dir).args(sign));
    stdout(atelier(&dir).args(add).arg("Trains are late on Mondays"));
    let validated = ["review", "latest", "publish", "--validated"];
    assert_eq!(stdout(atelier(&dir).args(validated)).trim(), "2");

    let diff = stdout(atelier(&dir).args(["diff", "latest", "1", "2"]));
    assert!(
        diff.starts_with("draft 1 → validated version 2\n"),
        "{diff}"
    );
    assert!(
        diff.contains("Added (1)\n  + [Observation] Trains are late on Mondays"),
        "{diff}"
    );
    let json = stdout(atelier(&dir).args(["diff", "latest", "1", "2", "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["added"][0]["text"], "Trains are late on Mondays");
    assert_eq!(json["removed"].as_array().unwrap().len(), 0);

    let list = stdout(atelier(&dir).args(["review", "latest", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let versions = list["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["note"], "first draft");
    assert_eq!(versions[1]["validated"], true);
    assert_eq!(versions[1]["sha256"].as_str().unwrap().len(), 64);
    let remarks = versions[0]["feedback"].as_array().unwrap();
    assert_eq!(remarks[0]["from"], "Ana Diallo", "a roster name as written");
    assert_eq!(remarks[0]["contribution_id"], trains.trim());
    assert_eq!(remarks[0]["applied"], true);
    assert_eq!(remarks[1]["section"], "synthesis");
    assert_eq!(remarks[1]["applied"], false);
    assert_eq!(versions[0]["sign_offs"][0]["by"], "Marc");

    let text = stdout(atelier(&dir).args(["review", "latest", "list"]));
    assert!(text.contains("draft 1  "), "{text}");
    assert!(text.contains("✓ ") && text.contains("Ana Diallo"), "{text}");
    assert!(text.contains("approved by Marc"), "{text}");
    assert!(
        text.ends_with("The report as it reads now is validated version 2.\n"),
        "{text}"
    );
    assert_eq!(list["latest_is_current"], true);

    // The validated report, exported: its version, sign-off and the
    // remark applied, not the other one.
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    let section = &md[md.find("## Review and validation").expect(&md)..];
    assert!(section.contains("Validated version 2"), "{section}");
    // Marc approved draft 1, which read otherwise: not an approval of it.
    assert!(!section.contains("- Marc (draft 1"), "{section}");
    assert!(
        section.contains("Say which trains — Ana Diallo"),
        "{section}"
    );
    assert!(!section.contains("Too long"), "{section}");
    // The export of an unchanged session is byte for byte version 2.
    let json = stdout(atelier(&dir).args(["export", "latest", "--format", "json"]));
    let hash = atelier::model::content_hash(&json);
    assert_eq!(versions[1]["sha256"], hash);
    // Changed since: the list says so.
    stdout(atelier(&dir).args(add).arg("One more"));
    let text = stdout(atelier(&dir).args(["review", "latest", "list"]));
    assert!(
        text.contains("The report has changed since validated version 2"),
        "{text}"
    );
}

#[test]
fn mistakes_are_named_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new));
    stdout(atelier(&dir).args(["review", "latest", "publish"]));
    let db = dir.path().join("db.sqlite3");
    let before = std::fs::read(&db).unwrap();

    let err = failure(atelier(&dir).args([
        "review",
        "latest",
        "feedback",
        "--version",
        "7",
        "--from",
        "Ana",
        "Typo",
    ]));
    assert!(err.contains("No report version 7"), "{err}");
    let err = failure(atelier(&dir).args(["review", "latest", "apply", "zz"]));
    assert!(err.contains("\"zz\" is not a remark id"), "{err}");
    let err = failure(atelier(&dir).args(["diff", "latest", "1", "3"]));
    assert!(err.contains("No report version 3"), "{err}");
    let blank = ["review", "latest", "sign", "--version", "1", "--by", "  "];
    failure(atelier(&dir).args(blank));
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let list = stdout(atelier(&dir).args(["--lang", "fr", "review", "latest", "list"]));
    assert!(list.starts_with("brouillon 1  "), "{list}");
}

#[test]
fn remarks_are_printed_without_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new));
    stdout(atelier(&dir).args(["review", "latest", "publish"]));
    let hostile = "\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}text";
    let remark = ["review", "latest", "feedback", "--version", "1"];
    stdout(
        atelier(&dir)
            .args(remark)
            .args(["--from", hostile, hostile]),
    );
    for args in [
        vec!["review", "latest", "list"],
        vec!["review", "latest", "list", "--json"],
    ] {
        let out = stdout(atelier(&dir).args(&args));
        assert!(
            !out.chars()
                .any(|c| atelier::text::is_unsafe(c) && c != '\n'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("text"), "{out}");
    }
}

#[test]
fn approvals_leave_a_version_current_and_a_change_or_an_anonymised_copy_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    let people = ["--participant", "Ana Diallo", "--participant", "Marc Roux"];
    stdout(atelier(&dir).args(new).args(people));
    let add = ["add", "latest", "--stage", "constats"];
    stdout(atelier(&dir).args(add).arg("Trains are late"));
    stdout(atelier(&dir).args(["review", "latest", "publish", "--validated"]));
    let remark = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "Marc Roux",
    ];
    let id = stdout(atelier(&dir).args(remark).arg("Say which trains"));
    stdout(atelier(&dir).args(["review", "latest", "apply", id.trim()]));
    let sign = [
        "review",
        "latest",
        "sign",
        "--version",
        "1",
        "--by",
        "Ana Diallo",
    ];
    stdout(atelier(&dir).args(sign));

    // Who approved the version and which remark it took in are not a
    // change to what it says: it is still the validated version.
    let list = stdout(atelier(&dir).args(["review", "latest", "list", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v["latest_is_current"], true, "{list}");
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(md.contains("Validated version 1 — "), "{md}");
    assert!(md.contains("Ana Diallo (validated version 1, "), "{md}");

    // The anonymised copy names nobody, in the review section too.
    for format in ["md", "html", "json", "csv", "odt"] {
        let out = atelier(&dir)
            .args(["export", "latest", "--format", format, "--anonymise"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{format}");
        for name in ["Ana", "Marc", "Diallo", "Roux"] {
            assert!(!text.contains(name), "{format} names {name}:\n{text}");
        }
    }

    // Once the report says something new, it no longer bears the name.
    stdout(atelier(&dir).args(add).arg("Buses too"));
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(!md.contains("not published yet"), "{md}");
    assert!(!md.contains("Validated version 1"), "{md}");
}

/// A remark or a sign-off records who spoke or approved: a roster name in
/// full (capitals aside) is that person, under the roster's spelling; a
/// start of one is someone from outside, as typed (never a guess).
#[test]
fn a_remark_or_a_sign_off_takes_a_roster_name_only_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(
        atelier(&dir)
            .args(new)
            .args(["--participant", "Jérémy MONTAGNY"]),
    );
    stdout(atelier(&dir).args(["review", "latest", "publish"]));
    let remark = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "Jér",
    ];
    stdout(atelier(&dir).args(remark).arg("Dire lesquels"));
    let sign = [
        "review",
        "latest",
        "sign",
        "--version",
        "1",
        "--by",
        "jérémy  montagny",
    ];
    stdout(atelier(&dir).args(sign));
    let list = stdout(atelier(&dir).args(["review", "latest", "list", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v["versions"][0]["feedback"][0]["from"], "Jér", "{list}");
    assert_eq!(
        v["versions"][0]["sign_offs"][0]["by"], "Jérémy MONTAGNY",
        "{list}"
    );
}

//! Sign-offs and publishing through the real binary: one sign-off per
//! person and version (a second is refused, the file unchanged); the
//! validated report lists the sign-offs of its own content only, with
//! their dates, and counts people without "(s)"; publishing content that
//! reads exactly as the latest version records nothing, unless it
//! validates that draft (and says so).

use crate::common;

use common::{atelier, stdout};

fn failure(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

fn report(dir: &tempfile::TempDir, anonymise: bool) -> String {
    let mut cmd = atelier(dir);
    cmd.args(["export", "latest", "--format", "md"]);
    if anonymise {
        cmd.arg("--anonymise");
    }
    stdout(&mut cmd)
}

/// The "Approved by" part of the report, up to the next heading.
fn approvals(report: &str) -> String {
    let from = report
        .find("**Approved by**")
        .map_or("", |at| &report[at..]);
    from.split("\n## ").next().unwrap_or("").to_string()
}

#[test]
fn one_sign_off_each_listed_only_for_the_content_it_approved() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--lang",
        "en",
        "--title",
        "Retro",
        "--question",
        "Next?",
    ];
    stdout(
        atelier(&dir)
            .args(new)
            .args(["--participant", "Ana Diallo"]),
    );
    stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", "Trains are late"]));
    let publish = ["review", "latest", "publish"];
    assert_eq!(stdout(atelier(&dir).args(publish)).trim(), "1");
    let sign = |by: &str, v: &str| {
        let mut cmd = atelier(&dir);
        cmd.args(["review", "latest", "sign", "--version", v, "--by", by]);
        cmd
    };
    stdout(&mut sign("Ana Diallo", "1"));
    stdout(&mut sign("Marc", "1"));

    let list = ["review", "latest", "list", "--json"];
    let before = stdout(atelier(&dir).args(list));
    let said = failure(&mut sign("ana diallo", "1"));
    assert!(
        said.contains("Ana Diallo already approved draft 1"),
        "{said}"
    );
    let said = failure(&mut sign("MARC ", "1"));
    assert!(said.contains("Marc already approved draft 1"), "{said}");
    assert_eq!(stdout(atelier(&dir).args(list)), before, "nothing recorded");

    // Nothing changed: no second draft.
    let said = failure(atelier(&dir).args(publish));
    assert!(said.contains("reads exactly as draft 1"), "{said}");
    assert_eq!(stdout(atelier(&dir).args(list)), before);
    // Validating that very content is recorded, and said.
    let validated = atelier(&dir)
        .args(["review", "latest", "publish", "--validated"])
        .assert()
        .success();
    let out = validated.get_output();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "2");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("validates the content of draft 1"), "{said}");
    let again = failure(atelier(&dir).args(["review", "latest", "publish", "--validated"]));
    assert!(
        again.contains("reads exactly as validated version 2"),
        "{again}"
    );

    // Same content as draft 1: its sign-offs approve validated version 2.
    let named = approvals(&report(&dir, false));
    assert!(named.contains("- Ana Diallo (draft 1, "), "{named}");
    assert!(named.contains("- Marc (draft 1, "), "{named}");
    assert!(approvals(&report(&dir, true)).contains("2 people (draft 1)"));
    let text = stdout(atelier(&dir).args(["review", "latest", "list"]));
    assert!(text.contains("✔ approved by Ana Diallo on "), "{text}");

    // New content, signed by one person, validated: draft 1's sign-offs
    // were of other content and are not listed as approvals of it.
    stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", "Buses too"]));
    assert_eq!(stdout(atelier(&dir).args(publish)).trim(), "3");
    stdout(&mut sign("Marc", "3"));
    let validated = ["review", "latest", "publish", "--validated"];
    assert_eq!(stdout(atelier(&dir).args(validated)).trim(), "4");
    let named = approvals(&report(&dir, false));
    assert!(named.contains("- Marc (draft 3, "), "{named}");
    assert!(!named.contains("Ana Diallo"), "{named}");
    assert!(!named.contains("draft 1"), "{named}");
    let anonymous = approvals(&report(&dir, true));
    assert!(anonymous.contains("1 person (draft 3)"), "{anonymous}");
    assert!(!anonymous.contains("participant"), "{anonymous}");
}

//! `atelier diff` shows what a reader of the report sees changed between
//! two versions: a proposal that only gained links is not "added"; a
//! parked idea is moved; decisions, actions, the trace and the vote
//! ranking say what changed; `diff 2 1` compares 1 with 2 and says so.

use crate::common;

use common::{atelier, stdout};

/// The sample workshop, still running, imported into `dir`'s database.
fn running_sample(dir: &tempfile::TempDir) -> String {
    let text = common::sample_text().replace("\"status\": \"closed\"", "\"status\": \"running\"");
    let path = dir.path().join("running.json");
    std::fs::write(&path, text).unwrap();
    let id = stdout(atelier(dir).arg("import").arg(&path));
    id.trim().to_string()
}

#[test]
fn the_diff_shows_what_a_reader_sees_and_only_that() {
    let dir = tempfile::tempdir().unwrap();
    let s = running_sample(&dir);
    let publish = ["review", &s, "publish"];
    assert_eq!(stdout(atelier(&dir).args(publish)).trim(), "1");
    let link = ["link", "proposal", "bee8fb51", "df402adb", "--session", &s];
    stdout(atelier(&dir).args(link));
    stdout(atelier(&dir).args(["vote", "--tally", "4", &s, "bee8fb51"]));
    // (Voting after a park is refused by `vote` today: voted first.)
    stdout(atelier(&dir).args(["park", "efc1e7a2"]));
    stdout(atelier(&dir).args(["decide", &s, "Charter drafted by September"]));
    let action = [
        "action",
        "add",
        &s,
        "Write the charter",
        "--due",
        "2021-06-30",
    ];
    stdout(atelier(&dir).args(action));
    assert_eq!(stdout(atelier(&dir).args(publish)).trim(), "2");

    let diff = stdout(atelier(&dir).args(["--lang", "en", "diff", &s, "1", "2"]));
    assert!(!diff.contains("Added"), "only links changed: {diff}");
    assert!(
        diff.contains("Moved (1)\n  ↷ [Idée] le contenu potentiel"),
        "{diff}"
    );
    assert!(diff.contains(" → Parking lot\n"), "{diff}");
    assert!(
        diff.contains("Decisions\n  + Charter drafted by September"),
        "{diff}"
    );
    // Its time as the (French) session writes times, not raw RFC 3339.
    let decided = diff
        .lines()
        .find(|l| l.contains("Charter drafted by September ("))
        .unwrap_or_default();
    assert!(decided.contains('/') && !decided.contains('Z'), "{decided}");
    assert!(
        // As the (French) report words it: its date format, "à faire".
        diff.contains("Actions\n  + Write the charter (30/06/2021, à faire)"),
        "{diff}"
    );
    assert!(
        diff.contains("Vote ranking\n  ~ formaliser le mode projet"),
        "{diff}"
    );
    assert!(diff.contains("not ranked → rank 1, dots: 4"), "{diff}");
    assert!(diff.contains("The trace from the synthesis to the ideas changed."));

    // Asked the other way round: the same comparison, and a word on stderr.
    let reversed = atelier(&dir)
        .args(["--lang", "en", "diff", &s, "2", "1"])
        .assert()
        .success();
    let out = reversed.get_output();
    assert_eq!(String::from_utf8_lossy(&out.stdout), diff);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("what changed from draft 1 to draft 2"),
        "{said}"
    );

    let json = stdout(atelier(&dir).args(["diff", &s, "2", "1", "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (json["from"].as_u64(), json["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(json["swapped"], true);
    assert_eq!(json["added"].as_array().unwrap().len(), 0);
    assert_eq!(json["moved"][0]["to"]["parked"], true);
    assert_eq!(json["decisions"]["added"].as_array().unwrap().len(), 1);
    assert_eq!(json["actions"]["added"].as_array().unwrap().len(), 1);
    assert_eq!(json["ranking"][0]["after"][1], 4);
    assert_eq!(json["trace"], true);
}

//! `atelier vote` and `atelier votes` through the real binary: dots by
//! name or the start of one, short ids, tallies, the dots per person, the
//! ranking as lines and JSON, `show`, and refusals that write nothing.

use crate::common;

use common::{atelier, stdout};

fn short(id: &str) -> String {
    id.trim().replace('-', "")[24..].to_string()
}

/// A session with Ana, Anatole and Bo and two ideas; their short ids.
fn session(dir: &tempfile::TempDir) -> (String, String) {
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    let people = ["--participant", "Ana", "--participant", "Anatole"];
    stdout(
        atelier(dir)
            .args(new)
            .args(people)
            .args(["--participant", "Bo"]),
    );
    let add = ["add", "latest", "--stage", "idees", "--kind", "idea"];
    let a = stdout(atelier(dir).args(add).arg("Open on Sundays"));
    let b = stdout(atelier(dir).args(add).arg("A bus after ten"));
    (short(&a), short(&b))
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
fn dots_tallies_and_the_ranking_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = session(&dir);
    let said = stdout(atelier(&dir).args(["vote", "latest", "--participant", "bo", &a, &a]));
    assert_eq!(said.trim(), "2 dots placed, 1 left");
    // The unique start of a name, and a shorter id prefix.
    let said = stdout(atelier(&dir).args(["vote", "latest", "--participant", "Anat", &b[4..]]));
    assert_eq!(said.trim(), "1 dot placed, 2 left");
    let said = stdout(atelier(&dir).args(["vote", "latest", "--tally", "1", &b]));
    assert_eq!(said.trim(), "tally recorded: 1");

    let lines = stdout(atelier(&dir).args(["votes", "latest"]));
    assert!(lines.starts_with("Dot vote (3 per person)\n"), "{lines}");
    assert!(
        lines.contains(&format!(
            "1 (tied)         2  {a}  Idea        Open on Sundays"
        )),
        "{lines}"
    );
    assert!(
        lines.contains(&format!(
            "1 (tied)         2  {b}  Idea        A bus after ten"
        )),
        "{lines}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(atelier(&dir).args(["votes", "latest", "--json"]))).unwrap();
    assert_eq!(json["dots_per_participant"], 3);
    assert_eq!(json["ranking"][0]["text"], "Open on Sundays");
    assert_eq!(json["ranking"][1]["tied"], true);
    assert!(!json.to_string().contains("Bo"), "no one is named");

    let show = stdout(atelier(&dir).args(["show", "latest"]));
    assert!(show.contains("Dot vote (3 per person)"), "{show}");
    let said = stdout(atelier(&dir).args(["--lang", "fr", "vote", "latest", "--dots", "4"]));
    assert_eq!(said.trim(), "4 points par personne");
}

#[test]
fn refused_votes_say_why_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = session(&dir);
    stdout(atelier(&dir).args(["vote", "latest", "--participant", "Bo", &a, &b]));
    let before = stdout(atelier(&dir).args(["export", "latest", "--format", "bundle"]));
    let err = fails(&dir, &["vote", "latest", "--participant", "Bo", &a, &a]);
    assert!(
        err.contains("Bo has 3 dots and already placed 2: 2 more would be too many (1 left)"),
        "{err}"
    );
    let err = fails(&dir, &["vote", "latest", "--participant", "An", &a]);
    assert!(
        err.contains("\"An\" matches several participants (Ana, Anatole)"),
        "{err}"
    );
    let err = fails(&dir, &["vote", "latest", "--participant", "Zoe", &a]);
    assert!(err.contains("Zoe"), "{err}");
    let err = fails(&dir, &["vote", "latest", "--participant", "Bo"]);
    assert!(err.contains("at least one contribution id"), "{err}");
    let err = fails(&dir, &["vote", "latest", "--tally", "2", &a, &b]);
    assert!(err.contains("exactly one contribution id"), "{err}");
    let err = fails(&dir, &["vote", "latest", "--dots", "1"]);
    assert!(err.contains("someone already placed 2"), "{err}");
    let err = fails(
        &dir,
        &["vote", "latest", "--participant", "Bo", "--dots", "2", &a],
    );
    assert!(err.contains("cannot be used with"), "{err}");
    let err = fails(&dir, &["vote", "latest", &a]);
    assert!(err.contains("--participant"), "{err}");
    let after = stdout(atelier(&dir).args(["export", "latest", "--format", "bundle"]));
    assert_eq!(before, after);
}

/// Parking an item leaves the others votable (a try-out saw every vote
/// refused once something was parked; the parked item alone is refused).
#[test]
fn a_parked_item_leaves_the_others_votable() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = session(&dir);
    let add = ["add", "latest", "--stage", "idees", "--kind", "idea"];
    let parked = short(&stdout(atelier(&dir).args(add).arg("Free coffee")));
    stdout(atelier(&dir).args(["vote", "latest", "--participant", "Ana", &parked]));
    stdout(atelier(&dir).args(["park", &parked]));
    let said = stdout(atelier(&dir).args(["vote", "latest", "--participant", "Ana", &a]));
    assert_eq!(said.trim(), "1 dot placed, 1 left");
    let said = stdout(atelier(&dir).args(["vote", "latest", "--participant", "Bo", &b, &a]));
    assert_eq!(said.trim(), "2 dots placed, 1 left");
    let said = stdout(atelier(&dir).args(["vote", "latest", "--tally", "2", &b]));
    assert_eq!(said.trim(), "tally recorded: 2");
    let refused = fails(&dir, &["vote", "latest", "--participant", "Bo", &parked]);
    assert!(refused.contains("no contribution with id"), "{refused}");
}

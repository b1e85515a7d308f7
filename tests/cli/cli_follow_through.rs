//! `atelier new --next`, `action remove`, `action carry` and what `show`
//! and `action list` print of the follow-through, through the real binary.

use crate::common;

use common::{atelier, stdout};

fn short(id: &str) -> String {
    id.trim().replace('-', "")[24..].to_string()
}

fn fails(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_next_session_carries_the_open_actions_over() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--title",
        "Atelier 5 - Session 1",
        "--question",
        "How?",
    ];
    let people = [
        "--participant",
        "Ana",
        "--participant",
        "Bo",
        "--event",
        "Emergence",
    ];
    let first = stdout(atelier(&dir).args(new).args(people));
    let first = first.trim();
    let add = |text: &str, who: &[&str]| {
        let id = stdout(atelier(&dir).args(["action", "add", first, text]).args(who));
        id.trim().to_string()
    };
    let room = add("Book the room", &["--who", "ana", "--due", "2026-04-30"]);
    add("Ask for a grant", &["--who", "Mayor's office"]);
    let oops = add("Oops", &[]);

    // Removed with the short id `show` prints; the list no longer has it.
    assert_eq!(
        stdout(atelier(&dir).args(["action", "remove", &short(&oops)])).trim(),
        oops
    );
    let list = stdout(atelier(&dir).args(["action", "list", "--session", first]));
    assert!(
        !list.contains("Oops") && list.contains("Book the room"),
        "{list}"
    );
    let err = fails(atelier(&dir).args(["action", "remove", &short(&oops)]));
    assert!(err.contains("no action matches"), "{err}");

    let next = stdout(atelier(&dir).args(["new", "--next", &first[..13], "--date", "2026-05-07"]));
    let next = next.trim();
    let show = stdout(atelier(&dir).args(["show", next]));
    assert!(
        show.starts_with("Atelier 5 - Session 2\nEmergence · "),
        "{show}"
    );
    assert!(show.contains("7 May 2026"), "{show}");
    assert!(
        show.contains(&format!("Follows session: {first}")),
        "{show}"
    );
    assert!(show.contains("Participants: Ana, Bo"), "{show}");

    let copy = stdout(atelier(&dir).args(["action", "carry", &short(&room), "--to", next]));
    let list = stdout(atelier(&dir).args(["action", "list", "--session", next]));
    assert!(list.starts_with(&short(&copy)), "{list}");
    assert!(
        list.contains(&format!("Ana  Book the room  ← {}", short(&room))),
        "{list}"
    );
    // Carried over, the action is followed up in the next session only: the
    // open list shows it once, and where it was agreed it points there.
    let open = stdout(atelier(&dir).args(["action", "list", "--open"]));
    assert_eq!(open.matches("Book the room").count(), 1, "{open}");
    assert!(open.contains(&format!("{}  [ ]", short(&copy))), "{open}");
    let old = stdout(atelier(&dir).args(["action", "list", "--session", first]));
    assert!(
        old.contains("[→]") && old.contains(&format!("→ {}", short(&copy))),
        "{old}"
    );
    let json = stdout(atelier(&dir).args(["action", "list", "--session", next, "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["carried_from"], room.as_str());
    assert!(stdout(atelier(&dir).args(["show", next])).contains(&format!("← {}", short(&room))));

    // Carried once; and only into the session that follows.
    let err = fails(atelier(&dir).args(["action", "carry", &short(&room), "--to", next]));
    assert!(err.contains("already carried over"), "{err}");
    let err = fails(atelier(&dir).args([
        "--lang",
        "fr",
        "action",
        "carry",
        &short(&room),
        "--to",
        first,
    ]));
    assert!(err.contains("ne fait suite à aucune session"), "{err}");
    let after = stdout(atelier(&dir).args(["action", "list"]));
    assert_eq!(after.lines().count(), 3, "{after}");
}

#[test]
fn new_next_takes_a_title_and_a_date_but_no_other_field() {
    let dir = tempfile::tempdir().unwrap();
    let first = stdout(atelier(&dir).args(["new", "--title", "Rétro", "--question", "Q?"]));
    let next = stdout(atelier(&dir).args(["new", "--next", first.trim()]));
    assert!(stdout(atelier(&dir).args(["show", next.trim()])).starts_with("Rétro (2)\n"));
    let named = stdout(atelier(&dir).args(["new", "--next", next.trim(), "--title", "Bilan"]));
    assert!(stdout(atelier(&dir).args(["show", named.trim()])).starts_with("Bilan\n"));

    let before = stdout(atelier(&dir).args(["list", "--json"]));
    let err = fails(atelier(&dir).args(["new", "--next", "latest", "--question", "Other?"]));
    assert!(err.contains("cannot be used with"), "{err}");
    let err = fails(atelier(&dir).args(["new", "--next", "ffffffff"]));
    assert!(err.contains("no session matches"), "{err}");
    let err = fails(atelier(&dir).args(["new", "--question", "Q?"]));
    assert!(err.contains("--title"), "{err}");
    assert_eq!(stdout(atelier(&dir).args(["list", "--json"])), before);
}

#[test]
fn show_and_reports_print_the_participation() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--title",
        "T",
        "--question",
        "Q?",
        "--participant",
        "Ana",
        "--participant",
        "Bo",
    ];
    stdout(atelier(&dir).args(new));
    for who in ["Ana", "Ana", "Bo"] {
        let add = [
            "add",
            "latest",
            "--stage",
            "constats",
            "--participant",
            who,
            "x",
        ];
        stdout(atelier(&dir).args(add));
    }
    let show = stdout(atelier(&dir).args(["show", "latest"]));
    assert!(
        show.contains("Participation\n  Ana: contributions: 2 (66%) · passes: 0\n"),
        "{show}"
    );
    assert!(
        show.contains("  Bo: contributions: 1 (33%) · passes: 0\n"),
        "{show}"
    );
    assert!(
        show.contains("  total — contributions: 3 · people: 2 · passes: 0\n"),
        "{show}"
    );
    // Per-person counts reach participants only when the facilitator
    // shows them (the session's choice, or the export's).
    let kept = stdout(atelier(&dir).args(["export", "latest", "--format", "csv"]));
    assert!(!kept.contains("Participation,Ana"), "{kept}");
    assert!(kept.contains("total — contributions: 3"), "{kept}");
    let shown = ["--person-stats", "show"];
    let csv = stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "csv"])
            .args(shown),
    );
    assert!(
        csv.contains(",,Participation,Ana,contributions: 2 (66%) · passes: 0,,,0"),
        "{csv}"
    );
    let json = ["export", "latest", "--format", "json"];
    let json = stdout(atelier(&dir).args(json).args(shown));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["participation"]["by_participant"][1]["name"], "Bo");
    assert_eq!(v["participation"]["by_participant"][1]["share_percent"], 33);
}

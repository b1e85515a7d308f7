//! `atelier park`, `unpark` and `decide` through the real binary.

use crate::common;

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
    // An English session writes dates as YYYY-MM-DD (a French one also
    // takes 30/04/2026, as the terminal screen does).
    let bad = atelier(&dir)
        .args(add)
        .args(["Later", "--due", "30/04/2026"])
        .assert()
        .failure();
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

#[test]
fn who_and_due_are_read_as_a_person_types_them() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Bilan", "--question", "Et après ?"];
    let people = [
        "--participant",
        "Jacky LE BIHAN",
        "--participant",
        "Jacques Roux",
    ];
    stdout(atelier(&dir).args(new).args(["--lang", "fr"]).args(people));
    let add = ["action", "add", "latest"];

    // The unique start of a roster name means that person, as for `vote`.
    let room = ["Réserver la salle", "--who", "Jacky", "--due", "10/07/2026"];
    let ok = atelier(&dir).args(add).args(room).assert().success();
    let said = String::from_utf8_lossy(&ok.get_output().stderr).to_string();
    assert_eq!(
        said.trim(),
        "\"Jacky\": Jacky LE BIHAN",
        "which roster name was taken"
    );
    let json = stdout(atelier(&dir).args(["action", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(list[0]["who"], "Jacky LE BIHAN");
    // A French session takes the date as the terminal screen does.
    assert_eq!(list[0]["due"], "2026-07-10");

    // A start that fits two people is a question, not a guess.
    let both = atelier(&dir)
        .args(add)
        .args(["Écrire", "--who", "Ja"])
        .assert()
        .failure();
    let err = String::from_utf8(both.get_output().stderr.clone()).unwrap();
    assert!(err.contains("Jacky LE BIHAN, Jacques Roux"), "{err}");

    // Nobody on the roster: kept as typed, and said so.
    let outside = atelier(&dir)
        .args(["--lang", "fr"])
        .args(add)
        .args(["Inviter la DG", "--who", "Direction générale"])
        .assert()
        .success();
    let err = String::from_utf8(outside.get_output().stderr.clone()).unwrap();
    assert!(err.contains("n'est pas dans la liste"), "{err}");
    let json = stdout(atelier(&dir).args(["action", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(list[1]["who"], "Direction générale");
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "the refused one wrote nothing"
    );
}

#[test]
fn each_table_of_the_report_exports_as_a_csv_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--title",
        "Bilan",
        "--question",
        "Et après ?",
        "--lang",
        "fr",
    ];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    let add = [
        "action",
        "add",
        "latest",
        "=Réserver la salle",
        "--who",
        "Ana",
    ];
    stdout(atelier(&dir).args(add).args(["--due", "10/07/2026"]));
    stdout(atelier(&dir).args(["decide", "latest", "Un café par mois"]));
    let csv = |table: &str| {
        let out = atelier(&dir)
            .args(["export", "latest", "--format", "csv", "--table", table])
            .output()
            .unwrap();
        assert!(out.status.success(), "{table}");
        String::from_utf8(out.stdout).unwrap()
    };
    // Its own columns, the session's separator, formulas neutralised.
    let actions = csv("actions");
    assert!(
        actions.starts_with("\u{feff}Quoi;Qui;Échéance;État;Reportée\r\n"),
        "{actions}"
    );
    assert!(
        actions.contains("'=Réserver la salle;Ana;10/07/2026;à faire;non\r\n"),
        "{actions}"
    );
    let decisions = csv("decisions");
    assert!(decisions.contains(";Un café par mois\r\n"), "{decisions}");
    assert!(csv("votes").starts_with("\u{feff}Rang;Ex aequo;Points;Type;Élément;ID\r\n"));
    assert!(csv("participation").contains("Total;"));
    // The contributions stay the default, byte for byte.
    let plain = atelier(&dir)
        .args(["export", "latest", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(plain.stdout).unwrap(),
        csv("contributions")
    );
    // A file says which table it holds; a table of another format is refused.
    let out = stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "csv"])
            .args(["--table", "actions", "--out", dir.path().to_str().unwrap()]),
    );
    assert!(out.trim().ends_with("-actions.csv"), "{out}");
    let refused = atelier(&dir)
        .args([
            "--lang", "fr", "export", "latest", "--format", "md", "--table", "votes",
        ])
        .assert()
        .failure();
    let err = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(err.contains("--table va avec --format csv"), "{err}");
    let bad = atelier(&dir)
        .args(["export", "latest", "--format", "csv", "--table", "nope"])
        .assert()
        .failure();
    let err = String::from_utf8(bad.get_output().stderr.clone()).unwrap();
    assert!(err.contains("is not a table"), "{err}");
}

use crate::common;

use common::{atelier, stdout};

use predicates::prelude::*;
use tempfile::TempDir;

fn imported(dir: &TempDir) -> String {
    let out = stdout(atelier(dir).arg("import").arg(common::sample_path()));
    out.trim().to_string()
}

#[test]
fn new_add_show_list_round() {
    let dir = tempfile::tempdir().unwrap();
    let id = stdout(atelier(&dir).args([
        "new",
        "--title",
        "Rétro équipe",
        "--question",
        "What next?",
        "--lead",
        "Florence",
        "--participant",
        "Ana",
        "--participant",
        "Bo",
    ]));
    let id = id.trim();
    assert_eq!(id.len(), 36);
    let c1 = stdout(atelier(&dir).args([
        "add",
        "latest",
        "--stage",
        "constats",
        "--participant",
        "ana",
        "Too many meetings",
    ]));
    stdout(atelier(&dir).args([
        "add",
        &id[..13],
        "--stage",
        "idees",
        "--kind",
        "idée",
        "Fewer meetings",
    ]));
    let parent = c1.trim();
    stdout(atelier(&dir).args([
        "add",
        "latest",
        "--stage",
        "constats",
        "--parent",
        &parent[parent.len() - 8..],
        "Sub point",
    ]));
    let show = stdout(atelier(&dir).args(["show", "latest"]));
    assert!(show.contains("Too many meetings — Ana"), "{show}");
    assert!(show.contains("Fewer meetings"));
    assert!(show.contains("Sub point"));
    let list = stdout(atelier(&dir).arg("list"));
    assert!(
        list.contains("Rétro équipe") && list.contains("3 inputs"),
        "{list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(atelier(&dir).args(["list", "--json"]))).unwrap();
    assert_eq!(json[0]["contributions"], 3);
    assert_eq!(json[0]["participants"], 2);
    assert_eq!(json[0]["id"], id);
}

#[test]
fn import_and_export_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let id = imported(&dir);
    let bundle = stdout(atelier(&dir).args(["export", &id, "--format", "bundle"]));
    assert_eq!(bundle, common::sample_text());
    let json = stdout(atelier(&dir).args(["export", &id, "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["format"], "atelier.report");
    assert_eq!(
        report["ideas"][0]["text"],
        "formaliser le mode projet et les modes de coopération associés"
    );
    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(md.contains("## Idées à creuser"));
    let csv = stdout(atelier(&dir).args(["export", "latest", "--format", "csv"]));
    assert!(csv.starts_with(
        "\u{feff}ID;Étape;Type;Participant;Texte;ID parent;Saisi le;Au parking;Thème;Points;Répond à;Équipe;Provenance\r\n"
    ));
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    let written = stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "html", "--out"])
            .arg(&out),
    );
    let path = std::path::PathBuf::from(written.trim());
    assert_eq!(
        path.file_name().unwrap(),
        "2021-06-10-atelier-5-emergence-session-1-1410ab41.html"
    );
    assert!(std::fs::read_to_string(path)
        .unwrap()
        .contains("<!DOCTYPE html>"));
    let written = stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "bundle", "--out"])
            .arg(&out),
    );
    assert_eq!(
        std::path::Path::new(written.trim()).file_name().unwrap(),
        "2021-06-10-atelier-5-emergence-session-1-1410ab41.archive-complete.json"
    );
}

#[test]
fn anonymous_exports_keep_private_data_out_and_the_bundle_keeps_it_all() {
    use common::private::{anonymous_session, SAID};
    let dir = tempfile::tempdir().unwrap();
    let secrets = {
        let mut store = atelier::store::Store::open(&dir.path().join("db.sqlite3")).unwrap();
        anonymous_session(&mut store, atelier::model::Lang::Fr).1
    };
    for format in ["md", "html", "json", "csv"] {
        let text = stdout(atelier(&dir).args(["export", "latest", "--format", format]));
        secrets.assert_none_in(&text, format);
        for said in SAID {
            assert!(text.contains(said), "{format} lacks \"{said}\"");
        }
    }
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    let written = stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "bundle", "--out"])
            .arg(&out),
    );
    assert!(written.trim().contains("-test-"), "{written}");
    assert!(
        written.trim().ends_with(".archive-complete.json"),
        "{written}"
    );
    let bundle = std::fs::read_to_string(written.trim()).unwrap();
    for secret in secrets.all() {
        assert!(bundle.contains(secret), "the bundle lacks \"{secret}\"");
    }
}

#[test]
fn templates_are_listed_and_broken_ones_named() {
    let dir = tempfile::tempdir().unwrap();
    let tdir = dir.path().join("config/atelier/templates");
    std::fs::create_dir_all(&tdir).unwrap();
    std::fs::write(tdir.join("mine.json"), "{oops").unwrap();
    atelier(&dir)
        .arg("templates")
        .assert()
        .success()
        .stdout(predicate::str::contains("emergence").and(predicate::str::contains("retro")))
        .stderr(predicate::str::contains("mine.json").and(predicate::str::contains("line 1")));
}

#[test]
fn bad_input_gets_one_clear_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    imported(&dir);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["show", "ffffffff"], "no session matches"),
        (vec!["show", "not-an-id!"], "is not a session id"),
        (
            vec!["add", "latest", "--stage", "lunch", "x"],
            "unknown stage \"lunch\"",
        ),
        (
            vec![
                "add", "latest", "--stage", "constats", "--kind", "potato", "x",
            ],
            "unknown kind",
        ),
        (
            vec![
                "add",
                "latest",
                "--stage",
                "constats",
                "--participant",
                "Zed",
                "x",
            ],
            "no participant named \"Zed\"",
        ),
        // The sample is closed: it takes nothing new until reopened.
        (
            vec!["add", "latest", "--stage", "constats", "x"],
            "session is closed",
        ),
        (
            vec![
                "add", "latest", "--stage", "constats", "--parent", "abcdef99", "x",
            ],
            "no contribution",
        ),
        (
            vec![
                "new",
                "--title",
                "T",
                "--question",
                "Q",
                "--template",
                "nope",
            ],
            "unknown template",
        ),
        (vec!["import", "/nonexistent/file.json"], "file.json"),
    ];
    for (args, message) in cases {
        let assert = atelier(&dir).args(&args).assert().code(1);
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(
            err.trim().lines().count(),
            1,
            "{args:?}: one line, got {err}"
        );
        assert!(!err.contains("panicked"));
    }
    atelier(&dir)
        .args(["new", "--title", "Open", "--question", "Q"])
        .assert()
        .success();
    atelier(&dir)
        .args(["add", "latest", "--stage", "constats", "   "])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the text is empty"));
    atelier(&dir)
        .args(["--lang", "fr", "add", "latest", "--stage", "constats", "x"])
        .assert()
        .success();
}

#[test]
fn adding_to_a_closed_session_is_refused_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    imported(&dir);
    let db = dir.path().join("db.sqlite3");
    let before = std::fs::read(&db).unwrap();
    atelier(&dir)
        .args(["--lang", "fr", "add", "latest", "--stage", "constats", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("session est close"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    atelier(&dir)
        .args(["export", "latest", "--format", "pdfx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format"));
    atelier(&dir).args(["new", "--title", "T"]).assert().code(2);
    atelier(&dir)
        .args(["--lang", "de", "list"])
        .assert()
        .code(2);
}

#[test]
fn import_error_names_file_and_path_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        common::sample_text().replace("\"kind\": \"stake\"", "\"kind\": \"potato\""),
    )
    .unwrap();
    atelier(&dir)
        .arg("import")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bad.json: stages[1].contributions[4].kind",
        ));
    let list = stdout(atelier(&dir).args(["list", "--json"]));
    assert_eq!(list.trim(), "[]");
}

#[test]
fn a_foreign_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "plain text").unwrap();
    atelier(&dir)
        .arg("--db")
        .arg(&file)
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not an Atelier database"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "plain text");
}

#[test]
fn french_list_output() {
    let dir = tempfile::tempdir().unwrap();
    imported(&dir);
    let list = stdout(atelier(&dir).args(["--lang", "fr", "list"]));
    assert!(list.contains("terminée"), "{list}");
}

#[test]
fn show_keeps_every_stored_field_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let atelier = || {
        let mut c = assert_cmd::Command::cargo_bin("atelier").unwrap();
        c.arg("--db").arg(&db).arg("--lang").arg("en");
        c
    };
    let fake = "x\n0000 1999-01-01 closed 9 people 99 inputs FAKE ROW";
    atelier()
        .args(["new", "--title", fake, "--question", "q\n[9] Fake stage"])
        .assert()
        .success();
    let out = atelier().args(["show", "latest"]).output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.starts_with("x / 0000 1999-01-01"), "{shown}");
    assert!(!shown.lines().any(|l| l.starts_with("[9]")), "{shown}");
}

#[test]
fn usage_errors_echo_no_control_sequence() {
    for args in [
        vec!["--lang", "X\u{1b}]0;PWN\u{7}\u{202e}"],
        vec![
            "new",
            "--title",
            "t",
            "--question",
            "q",
            "--date",
            "\u{1b}[2J",
        ],
        vec!["\u{9b}2Jnope"],
    ] {
        let out = assert_cmd::Command::cargo_bin("atelier")
            .unwrap()
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.is_empty());
        assert!(
            !err.chars()
                .any(|c| c != '\n' && atelier::text::is_unsafe(c)),
            "{args:?}: {err:?}"
        );
    }
}

#[test]
fn sessions_never_share_a_file_name_whatever_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let out = dir.path().join("out/");
    let mut written = Vec::new();
    for title in [
        "Встреча",
        "会议",
        "🎉",
        "Atelier 6",
        "Atelier 6!",
        "Réunion d'équipe",
    ] {
        let mut new = assert_cmd::Command::cargo_bin("atelier").unwrap();
        let id = new
            .arg("--db")
            .arg(&db)
            .args([
                "new",
                "--title",
                title,
                "--question",
                "q",
                "--date",
                "2026-01-01",
            ])
            .output()
            .unwrap();
        let id = String::from_utf8(id.stdout).unwrap();
        let mut export = assert_cmd::Command::cargo_bin("atelier").unwrap();
        let path = export
            .arg("--db")
            .arg(&db)
            .args(["export", id.trim(), "--format", "bundle", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        written.push(String::from_utf8(path.stdout).unwrap().trim().to_string());
    }
    let mut unique = written.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), written.len(), "{written:?}");
    assert!(written[0].contains("2026-01-01-vstrecha-"), "{written:?}");
    assert!(
        written[5].contains("2026-01-01-reunion-d-equipe-"),
        "{written:?}"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 6);
}

#[test]
fn errors_are_worded_in_the_language_asked() {
    let dir = TempDir::new().unwrap();
    let garbage = dir.path().join("notes.txt");
    std::fs::write(&garbage, "not a database, just some notes\n".repeat(100)).unwrap();
    let before = std::fs::read(&garbage).unwrap();
    let french = atelier(&dir)
        .args(["--lang", "fr", "--db"])
        .arg(&garbage)
        .arg("list")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let french = String::from_utf8(french).unwrap();
    assert!(
        french.contains("notes.txt") && french.contains("n'est pas une base Atelier"),
        "{french}"
    );
    let english = atelier(&dir)
        .args(["--lang", "en", "--db"])
        .arg(&garbage)
        .arg("list")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let english = String::from_utf8(english).unwrap();
    assert!(english.contains("is not an Atelier database"), "{english}");
    assert_eq!(std::fs::read(&garbage).unwrap(), before);
    // A bundle that cannot be imported: file, place and problem, in French.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": 3").unwrap();
    let out = atelier(&dir)
        .args(["--lang", "fr", "import"])
        .arg(&bad)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("bad.json: format: invalid type") && out.contains("rien n'a été importé"),
        "{out}"
    );
}

/// The command line's own complaints, the store's and a bundle's problems
/// all follow `--lang` (or the locale), on one line, exit 1.
#[test]
fn every_kind_of_error_speaks_french_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    imported(&dir);
    let french = |args: &[&str]| {
        let assert = atelier(&dir)
            .args(["--lang", "fr"])
            .args(args)
            .assert()
            .code(1);
        String::from_utf8(assert.get_output().stderr.clone()).unwrap()
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["add", "latest", "--stage", "lunch", "x"],
            "étape inconnue « lunch » (cette session a : question, constats",
        ),
        (
            vec![
                "add", "latest", "--stage", "constats", "--kind", "patate", "x",
            ],
            "type inconnu « patate »",
        ),
        (
            vec![
                "add",
                "latest",
                "--stage",
                "constats",
                "--participant",
                "Zed",
                "x",
            ],
            "aucun participant nommé « Zed »",
        ),
        (
            vec!["show", "ffffffff"],
            "aucune session ne correspond à « ffffffff »",
        ),
        (
            vec!["show", "nope!"],
            "« nope! » n'est pas un identifiant de session",
        ),
        (
            vec!["new", "--title", "T", "--question", "Q", "--template", "x"],
            "modèle inconnu « x »",
        ),
    ];
    for (args, said) in cases {
        let err = french(&args);
        assert!(err.contains(said), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
    }
    // The store's own causes too, not only its frame.
    atelier(&dir)
        .args(["--lang", "fr", "--db"])
        .arg(dir.path())
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "n'est pas un fichier ordinaire (c'est un dossier)",
        ));
    // The locale alone is enough.
    atelier(&dir)
        .env("LANG", "fr_FR.UTF-8")
        .args([
            "add", "latest", "--stage", "constats", "--kind", "patate", "x",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("type inconnu « patate »"));
    // A value clap checks: our part is in French inside clap's frame.
    atelier(&dir)
        .args(["--lang", "fr", "new", "--title", "T", "--question", "Q"])
        .args(["--date", "demain"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("« demain » n'est pas une date"));
    // A bundle's problem: file and place as found, the problem in French.
    let bad = dir.path().join("bad.json");
    let sample = common::sample_text().replace("\"key\": \"constats\"", "\"key\": \"lunch\"");
    std::fs::write(&bad, sample).unwrap();
    let err = french(&["import", bad.to_str().unwrap()]);
    assert!(
        err.contains("bad.json: stages[1].key: étape inconnue « lunch » pour le modèle")
            && err.contains("rien n'a été importé"),
        "{err}"
    );
    // The same mistakes read in English without --lang (the locale is C).
    let english = atelier(&dir)
        .args(["import", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let english = String::from_utf8(english).unwrap();
    assert!(
        english.contains("stages[1].key: unknown stage \"lunch\" for template"),
        "{english}"
    );
}

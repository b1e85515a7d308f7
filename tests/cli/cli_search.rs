//! `atelier search` through the real binary: hits grouped by session,
//! filters, JSON, a clear refusal of an empty search, and a read-only run.

use crate::common;

use common::{atelier, stdout};
use tempfile::TempDir;

fn imported(dir: &TempDir) -> String {
    let out = stdout(atelier(dir).arg("import").arg(common::sample_path()));
    out.trim().to_string()
}

fn new_session(dir: &TempDir, title: &str, event: &str) -> String {
    let args = [
        "new",
        "--title",
        title,
        "--question",
        "Q?",
        "--event",
        event,
    ];
    stdout(atelier(dir).args(args)).trim().to_string()
}

fn add(dir: &TempDir, session: &str, kind: &str, text: &str) {
    let args = ["add", session, "--stage", "idees", "--kind", kind, text];
    stdout(atelier(dir).args(args));
}

#[test]
fn cooperation_finds_the_sample_lines_grouped_under_their_session() {
    let dir = tempfile::tempdir().unwrap();
    let id = imported(&dir);
    let out = stdout(atelier(&dir).args(["--lang", "en", "search", "cooperation"]));
    let mut lines = out.lines();
    let heading = lines.next().unwrap();
    assert!(heading.contains("Atelier 5"), "{out}");
    assert!(heading.ends_with(&format!("({})", &id[..8])), "{out}");
    let hits: Vec<&str> = lines.collect();
    assert!(hits.len() >= 4, "{out}");
    assert!(hits.iter().all(|l| l.starts_with("  ")), "{out}");
    assert!(hits.iter().all(|l| l.contains("[coopération]")), "{out}");
}

#[test]
fn filters_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let first = new_session(&dir, "Jardins", "Printemps");
    let second = new_session(&dir, "Vergers", "");
    add(&dir, &first, "idea", "Un compost partagé");
    add(&dir, &second, "resource", "Le compost du quartier");

    let all = stdout(atelier(&dir).args(["search", "compost", "--json"]));
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 2, "{all}");
    let hit = &all[0]["hits"][0];
    assert_eq!(hit["source"], "contribution");
    assert!(
        hit["snippet"].as_str().unwrap().contains("compost"),
        "{hit}"
    );
    assert_eq!(
        hit["pieces"][1],
        serde_json::json!({"text": "compost", "matched": true})
    );

    let event = stdout(atelier(&dir).args(["search", "compost", "--event", "Printemps"]));
    assert!(
        event.contains("Jardins") && !event.contains("Vergers"),
        "{event}"
    );
    let kind = stdout(atelier(&dir).args(["search", "compost", "--kind", "ressource"]));
    assert!(
        kind.contains("Vergers") && !kind.contains("Jardins"),
        "{kind}"
    );
    let session = stdout(atelier(&dir).args(["search", "COMPOST", "--session", &first]));
    assert!(
        session.contains("Jardins") && !session.contains("Vergers"),
        "{session}"
    );
    // Several words: each must be found.
    let both = stdout(atelier(&dir).args(["search", "compost", "quart"]));
    assert!(
        both.contains("Vergers") && !both.contains("Jardins"),
        "{both}"
    );
    let none = stdout(atelier(&dir).args(["--lang", "en", "search", "zebra"]));
    assert_eq!(none.trim(), "Nothing found for \"zebra\".");
}

#[test]
fn an_empty_search_or_an_unknown_kind_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    imported(&dir);
    let err = atelier(&dir)
        .args(["--lang", "fr", "search", "--", "-", "*"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("Rien à chercher"), "{err}");
    atelier(&dir)
        .args(["search", "x", "--kind", "nope"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("nope"));
}

#[test]
fn a_search_never_writes_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    imported(&dir);
    let db = dir.path().join("db.sqlite3");
    let before = std::fs::read(&db).unwrap();
    stdout(atelier(&dir).args(["search", "cooperation"]));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn the_printed_session_id_is_a_start_every_command_takes() {
    let dir = tempfile::tempdir().unwrap();
    // Two sessions of one title, made the same minute: their ids start alike.
    let a = new_session(&dir, "Twin", "E");
    let b = new_session(&dir, "Twin", "E");
    add(&dir, &a, "idea", "rainbow one");
    add(&dir, &b, "idea", "rainbow two");
    let out = stdout(atelier(&dir).args(["--lang", "en", "search", "rainbow"]));
    let printed: Vec<String> = out
        .lines()
        .filter(|l| l.contains("Twin"))
        .map(|l| {
            l.rsplit_once('(')
                .unwrap()
                .1
                .trim_end_matches(')')
                .to_string()
        })
        .collect();
    assert_eq!(printed.len(), 2, "{out}");
    assert_ne!(printed[0], printed[1], "{out}");
    for short in &printed {
        let full = if a.starts_with(short.as_str()) {
            &a
        } else {
            &b
        };
        assert!(full.starts_with(short.as_str()), "{short} in {out}");
        let shown = stdout(atelier(&dir).args(["--lang", "en", "show", short]));
        let text = if full == &a {
            "rainbow one"
        } else {
            "rainbow two"
        };
        assert!(shown.contains(text), "{shown}");
    }
}

//! `atelier import-notes`: written notes become a session whose report
//! holds every line of them; a dry run writes nothing; a file that is not
//! notes is refused with its name, the line and the problem, and nothing
//! is written.

use crate::common;

use atelier::model::{Kind, SessionData, SessionStatus};
use atelier::notes::Place;
use atelier::report::{render, Format};
use atelier::store::Store;
use common::{atelier, stdout};
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Lowercase words only: compares content, not punctuation or markup.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Imports `notes` into the database of `dir`; gives the new session.
pub fn import(dir: &tempfile::TempDir, notes: &Path, args: &[&str]) -> (SessionData, String) {
    let out = atelier(dir)
        .arg("import-notes")
        .arg(notes)
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let id = store.resolve_session(&id).unwrap();
    (
        store.load(id).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every line of the notes that is not blank or a heading of the notes
/// is in the report: its words in a row, once its bullet, number or label
/// ("constat :", "Title:", "Stake -") is taken off.
pub fn assert_every_line_in(notes: &Path, report: &str) -> usize {
    let text = std::fs::read_to_string(notes).unwrap();
    let parsed = atelier::notes::parse("notes", &text).unwrap();
    let report = words(report);
    let mut checked = 0;
    for (i, (line, place)) in text.lines().zip(&parsed.places).enumerate() {
        if matches!(place, Place::Blank | Place::Heading(_)) {
            continue;
        }
        let bare = line
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['«', '»', '*', '•', '-', '–', '+', '.', ')', ' ']);
        let after = |sep: &str| bare.split_once(sep).map_or("", |(_, rest)| rest);
        let found = [bare, after(":"), after(" - ")]
            .iter()
            .map(|c| words(c))
            .any(|w| !w.is_empty() && report.contains(&w));
        assert!(found, "line {}: the report lacks {line:?}", i + 1);
        checked += 1;
    }
    assert_eq!(
        parsed.places.len(),
        text.lines().count(),
        "every line has a place"
    );
    checked
}

fn counts(data: &SessionData) -> Vec<(String, usize)> {
    data.stages
        .iter()
        .map(|s| {
            let n = data
                .contributions
                .iter()
                .filter(|c| c.stage_id == s.id)
                .count();
            (s.key.clone(), n)
        })
        .collect()
}

#[test]
fn english_notes_with_underlined_headings_numbers_and_lines_to_sort() {
    let dir = tempfile::tempdir().unwrap();
    let notes = fixture("notes/workshop-en.txt");
    let (data, said) = import(&dir, &notes, &[]);
    let s = &data.session;
    assert_eq!(s.title, "Workshop 3 - Commons - Session 2");
    assert_eq!(s.lead, "Priya Natarajan");
    assert_eq!(s.language, atelier::model::Lang::En);
    assert_eq!(
        s.question,
        "How can neighbourhood groups share tools and spaces without a central owner?"
    );
    assert_eq!(data.participants.len(), 3);
    assert_eq!(data.synthesis.blocks.len(), 3);
    assert_eq!(data.synthesis.blocks[1].title, "a shared record");
    assert_eq!(
        data.synthesis.proposal,
        "a common inventory kept by the groups in turn, with three simple rules."
    );
    let kind_of = |text: &str| {
        let c = data.contributions.iter().find(|c| c.text.starts_with(text));
        c.unwrap_or_else(|| panic!("no {text:?}")).kind
    };
    assert_eq!(kind_of("losing tools"), Kind::Stake);
    assert_eq!(kind_of("who repairs"), Kind::Question);
    assert_eq!(kind_of("the town hall"), Kind::Context);
    assert_eq!(kind_of("the Library of Things"), Kind::Resource);
    let tab = data
        .contributions
        .iter()
        .find(|c| c.text == "one tab per group")
        .unwrap();
    let parent = data
        .contributions
        .iter()
        .find(|c| Some(c.id) == tab.parent_id)
        .unwrap();
    assert_eq!(parent.text, "a shared spreadsheet");
    let broken =
        "insurance is unclear when something breaks during a loan, and nobody knows who pays";
    assert!(data.contributions.iter().any(|c| c.text == broken));
    // What nothing recognised waits in its own stage; the session stays
    // open for the sorting.
    let to_sort = data.stages.last().unwrap();
    assert_eq!(
        (to_sort.key.as_str(), to_sort.title.as_str()),
        ("to-sort", "To sort")
    );
    assert_eq!(counts(&data).last().unwrap().1, 3);
    assert_eq!(s.status, SessionStatus::Draft);
    assert!(
        said.contains("Synthesis & proposal 0; 3 participants; to sort: 3"),
        "{said}"
    );
    let report = render(Format::Markdown, &data);
    assert!(assert_every_line_in(&notes, &report) > 25);
    // The session travels as a bundle, its "To sort" stage with it.
    let bundle = dir.path().join("session.json");
    let id = data.session.id.to_string();
    let export = ["export", id.as_str(), "--format", "bundle", "--out"];
    atelier(&dir).args(export).arg(&bundle).assert().success();
    let other = tempfile::tempdir().unwrap();
    atelier(&other)
        .arg("import")
        .arg(&bundle)
        .assert()
        .success();
    let store = Store::open(&other.path().join("db.sqlite3")).unwrap();
    let back = store.load(data.session.id).unwrap();
    assert_eq!(back.stages.last().unwrap().key, "to-sort");
    assert_eq!(counts(&back), counts(&data));
}

#[test]
fn markdown_notes_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let notes = fixture("notes/atelier-md-fr.md");
    let (data, _) = import(&dir, &notes, &[]);
    assert_eq!(
        data.session.title,
        "Atelier 2 — Mobilités douces — Session 1"
    );
    assert_eq!(data.session.lead, "Camille Durand");
    assert_eq!(data.session.language, atelier::model::Lang::Fr);
    assert_eq!(data.participants.len(), 3);
    assert_eq!(data.synthesis.blocks[2].title, "culture");
    assert_eq!(data.synthesis.blocks[2].text, "exemple des managers");
    assert_eq!(
        data.synthesis.proposal,
        "un plan vélo co-construit avec les agents."
    );
    let deep = data
        .contributions
        .iter()
        .find(|c| c.text == "surtout le matin")
        .unwrap();
    let tree = atelier::model::Tree::new(&data);
    let stage = deep.stage_id;
    let depth = tree
        .walk_stage(stage)
        .into_iter()
        .find(|(c, _)| c.id == deep.id)
        .unwrap()
        .1;
    assert_eq!(depth, 2);
    assert_eq!(data.stages.last().unwrap().title, "À trier");
    let report = render(Format::Markdown, &data);
    assert!(assert_every_line_in(&notes, &report) > 20);
}

#[test]
fn a_dry_run_prints_the_tree_and_the_lines_to_sort_and_writes_nothing() {
    let (dir, _store, _id) = common::sample_store();
    drop(_store);
    let db = dir.path().join("atelier.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let mut cmd = atelier(&dir);
    cmd.env("ATELIER_DB", &db)
        .arg("import-notes")
        .arg(fixture("notes/workshop-en.txt"))
        .arg("--dry-run");
    let out = stdout(&mut cmd);
    assert!(out.contains("  - [Idea] a shared spreadsheet"), "{out}");
    assert!(out.contains("    - [Idea] one tab per group"), "{out}");
    assert!(
        out.contains("[Stake] losing tools discourages lenders  (line 25, labelled)"),
        "{out}"
    );
    assert!(
        out.contains("line 45: Next meeting: to be decided."),
        "{out}"
    );
    assert!(out.contains("nothing was written"), "{out}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is untouched"
    );
    // No database yet: none is made.
    let empty = tempfile::tempdir().unwrap();
    let mut cmd = atelier(&empty);
    cmd.args(["import-notes", "--dry-run"])
        .arg(fixture("seed-notes.txt"));
    stdout(&mut cmd);
    assert!(!empty.path().join("db.sqlite3").exists());
}

/// Runs an import meant to fail; gives its message, and checks that the
/// database holds no session.
fn refused(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = atelier(&dir)
        .arg("import-notes")
        .arg(&path)
        .assert()
        .failure()
        .get_output()
        .clone();
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(message.contains(name), "names the file: {message}");
    assert!(message.contains("nothing was imported"), "{message}");
    let db = dir.path().join("db.sqlite3");
    if db.exists() {
        let store = Store::open(&db).unwrap();
        assert!(store.list_sessions(true).unwrap().is_empty());
    }
    message
}

#[test]
fn files_that_are_not_notes_are_refused_with_the_place_and_nothing_is_written() {
    assert!(refused("empty.txt", b"").contains("holds no text"));
    assert!(refused("blank.txt", b"  \n\t\n").contains("holds no text"));
    let m = refused("binary.txt", b"Title\nab\0cd");
    assert!(m.contains("line 2") && m.contains("byte offset 8"), "{m}");
    let m = refused("latin1.txt", b"Question\ncoop\xe9ration\n");
    assert!(
        m.contains("line 2") && m.contains("byte offset 13") && m.contains("UTF-8"),
        "{m}"
    );
    let big = vec![b'a'; 4 * 1024 * 1024 + 1];
    assert!(refused("big.txt", &big).contains("larger than 4 MB"));
    // Two thousand bullets, each indented one more (ten thousand would be
    // over the size limit; the parser's own test takes them): refused at
    // the first level past the deepest sub-point.
    let mut deep = String::from("Ideas\n");
    for i in 0..2_000 {
        deep.push_str(&format!("{}- idea {i}\n", " ".repeat(i)));
    }
    let m = refused("deep.txt", deep.as_bytes());
    let line = atelier::model::MAX_DEPTH + 3;
    assert!(
        m.contains(&format!("line {line}:")) && m.contains("12 levels"),
        "{m}"
    );
}

#[test]
fn hostile_notes_stay_inert_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.md");
    let text =
        "# <script>alert(1)</script>\n\nQuestion\n\nWhy \u{1b}[2J\u{1b}]52;c;aGk=\u{7} now?\n\n\
                Discussion\n\n- constat : <img src=x onerror=alert(2)>\n\
                - [click](javascript:alert(3)) and ![x](http://evil/x.png)\n\
                - =HYPERLINK(\"http://evil\")\n- abc\u{202e}txt.exe\n";
    std::fs::write(&path, text).unwrap();
    let (data, _) = import(&dir, &path, &[]);
    assert_eq!(data.session.title, "<script>alert(1)</script>");
    let all: Vec<&str> = std::iter::once(data.session.question.as_str())
        .chain(data.contributions.iter().map(|c| c.text.as_str()))
        .collect();
    for t in &all {
        assert!(!t.chars().any(atelier::text::is_unsafe), "{t:?}");
    }
    assert!(data.session.question.contains('\u{fffd}'));
    assert_eq!(data.contributions.len(), 4);
    let html = render(Format::Html, &data);
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    let md = render(Format::Markdown, &data);
    assert!(
        !md.contains("<img src=x") && !md.contains("[click](javascript:"),
        "{md}"
    );
    let csv = render(Format::Csv, &data);
    assert!(
        !csv.contains(",=HYPERLINK") && !csv.contains(";=HYPERLINK"),
        "{csv}"
    );
}

#[test]
fn notes_with_lines_to_sort_make_a_session_that_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("n.txt");
    let text =
        "Titre X\n\nQuestion\n\nComment faire ?\n\nFabrique de l'info\n\nune ligne hors de tout.\n";
    std::fs::write(&notes, text).unwrap();
    let (data, _) = import(&dir, &notes, &[]);
    assert_eq!(data.session.status, SessionStatus::Draft);
    assert!(data.synthesis.blocks.is_empty());
    assert_eq!(data.session.question, "Comment faire ?");
    let listed = stdout(atelier(&dir).args(["--lang", "fr", "list"]));
    assert!(listed.contains("à venir"), "{listed}");
    assert!(!listed.contains("terminée"), "{listed}");
    let to_sort: Vec<&str> = data.contributions.iter().map(|c| c.text.as_str()).collect();
    assert!(to_sort.contains(&"Fabrique de l'info"), "{to_sort:?}");
    assert!(to_sort.contains(&"une ligne hors de tout."), "{to_sort:?}");
}

//! Helpers shared by the integration tests: real SQLite files in temp dirs.
#![allow(dead_code)]

pub mod conflict;
pub mod pdf;
pub mod private;
pub mod tui;

use atelier::model::{Id, SessionData};
use atelier::store::Store;
use atelier::templates::Catalog;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/atelier-5-emergence-session-1.json")
}

pub fn sample_text() -> String {
    std::fs::read_to_string(sample_path()).unwrap()
}

/// A fresh database in its own temp dir (kept alive by the returned guard).
pub fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    (dir, store)
}

/// A fresh database holding the sample session.
pub fn sample_store() -> (TempDir, Store, Id) {
    let (dir, mut store) = temp_store();
    let id =
        atelier::bundle::import_file(&mut store, &Catalog::built_in(), &sample_path()).unwrap();
    (dir, store, id)
}

pub fn sample_data() -> SessionData {
    let (_dir, store, id) = sample_store();
    store.load(id).unwrap()
}

/// A new English session "Test" on the emergence template with `people`.
pub fn new_session(store: &mut Store, people: &[&str]) -> Id {
    store
        .create_session(
            &atelier::store::NewSession {
                title: "Test".into(),
                event: "".into(),
                date: chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap(),
                language: atelier::model::Lang::En,
                question: "How?".into(),
                context: "".into(),
                lead: "Lea".into(),
                participants: people.iter().map(|p| p.to_string()).collect(),
            },
            Catalog::built_in().get("emergence").unwrap(),
        )
        .unwrap()
}

/// A new session as `new_session` makes it, in `lang`.
pub fn new_session_in(store: &mut Store, people: &[&str], lang: atelier::model::Lang) -> Id {
    let id = new_session(store, people);
    let mut s = store.session(id).unwrap();
    s.language = lang;
    store.update_session(&s).unwrap();
    id
}

/// The facilitator's top-level item of `kind` in `stage`, unattributed.
pub fn add_item(store: &mut Store, stage: Id, kind: atelier::model::Kind, text: &str) -> Id {
    store
        .add_contribution(&atelier::store::NewContribution {
            stage_id: stage,
            participant_id: None,
            kind,
            text: text.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        })
        .unwrap()
        .id
}

/// The real binary with its own database (in `dir`), HOME and an English
/// locale.
pub fn atelier(dir: &TempDir) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("atelier").unwrap();
    cmd.env("ATELIER_DB", dir.path().join("db.sqlite3"))
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env_remove("LC_ALL")
        .env("LANG", "C");
    cmd
}

/// What a successful command printed.
pub fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// A store whose clock the test moves.
pub fn clocked(store: &mut Store) -> std::sync::Arc<atelier::model::ManualClock> {
    let start = atelier::model::parse_time("2026-03-18T09:00:00Z").unwrap();
    let clock = std::sync::Arc::new(atelier::model::ManualClock::new(start));
    store.set_clock(clock.clone());
    clock
}

/// A CSV report read back as a spreadsheet would: the header, then every
/// row, as cells. Tests find a column by its header, never by its place,
/// since columns are added at the end as the toolkit grows.
pub struct CsvTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    pub fn parse(csv: &str, lang: atelier::model::Lang) -> CsvTable {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(atelier::report::csv_delimiter(lang))
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        CsvTable { header, rows }
    }

    /// The place of the column titled `name` (panics when there is none).
    pub fn column(&self, name: &str) -> usize {
        let found = self.header.iter().position(|h| h == name);
        found.unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.header))
    }

    /// The row whose text (fifth column) contains `text`.
    pub fn row(&self, text: &str) -> &[String] {
        let found = self.rows.iter().find(|r| r[4].contains(text));
        found.unwrap_or_else(|| panic!("no row with {text:?}"))
    }
}

/// `text` with every pseudonym's number as "N" ("Participant N"): the
/// numbers follow a hash of a random seed and random ids, so a snapshot
/// pins the words around them, not them.
pub fn pseudonyms_as_n(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("Participant ") {
        let after = &rest[at + "Participant ".len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        out.push_str(&rest[..at + "Participant ".len()]);
        if digits > 0 {
            out.push('N');
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

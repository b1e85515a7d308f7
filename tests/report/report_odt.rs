//! The ODT report from the CLI and from the review screen: a file (or a
//! pipe) receives the package's bytes, a terminal never does, and the
//! review screen writes it with its own key and with "export all".

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use common::tui::{act, app, key};
use common::{atelier, sample_path};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const NAME: &str = "2021-06-10-atelier-5-emergence-session-1-1410ab41";

fn imported() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    atelier(&dir)
        .arg("import")
        .arg(sample_path())
        .assert()
        .success();
    dir
}

fn is_odt(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes[30..38] == *b"mimetype"
        && bytes[38..].starts_with(b"application/vnd.oasis.opendocument.text")
}

#[test]
fn the_cli_writes_the_odt_to_a_folder_a_file_and_a_pipe_alike() {
    let dir = imported();
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    let printed = atelier(&dir)
        .args(["export", "latest", "--format", "odt", "--out"])
        .arg(&out)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let written = out.join(format!("{NAME}.odt"));
    assert_eq!(
        String::from_utf8(printed).unwrap().trim(),
        written.display().to_string()
    );
    let in_folder = std::fs::read(&written).unwrap();
    assert!(is_odt(&in_folder));
    let piped = atelier(&dir)
        .args(["export", "latest", "--format", "ODT"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(piped == in_folder, "a pipe gets the same bytes");
}

#[test]
fn a_terminal_is_never_sent_the_odt() {
    let dir = imported();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_atelier"));
    cmd.env("ATELIER_DB", dir.path().join("db.sqlite3"))
        .env("HOME", dir.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .args(["--lang", "fr", "export", "latest", "--format", "odt"]);
    let mut session = expectrl::Session::spawn(cmd).unwrap();
    let mut shown = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = std::io::Read::read(&mut session, &mut buf) {
        if n == 0 {
            break;
        }
        shown.extend_from_slice(&buf[..n]);
    }
    let shown = String::from_utf8(shown).expect("text, not a package");
    assert!(shown.starts_with("atelier: "), "an error: {shown}");
    assert!(shown.contains("fichier binaire"), "{shown}");
    assert!(shown.contains("--out"), "{shown}");
    assert!(!shown.contains("PK"), "{shown}");
}

#[test]
fn the_review_screen_writes_the_odt_with_its_own_key() {
    let (dir, store, _id) = common::sample_store();
    let mut app = app(store, Lang::Fr);
    let exports = dir.path().join("exports");
    app.core.export_dir = exports.clone();
    act(&mut app, Action::Review);
    key(&mut app, KeyCode::Char('5'), KeyModifiers::NONE);
    let files: Vec<String> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, [format!("{NAME}.odt")]);
    assert!(is_odt(&std::fs::read(exports.join(&files[0])).unwrap()));
    let status = &app.core.status.as_ref().unwrap().text;
    assert!(status.contains(&files[0]), "{status}");
}

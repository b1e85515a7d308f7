//! Home's `i`: the path of some notes in the editor, what they hold asked
//! as a question, then the new session opened; a file that cannot be read
//! keeps the editor and writes nothing.

use crate::common;

use atelier::model::{Lang, Origin};
use atelier::tui::action::Action;
use atelier::tui::popup::Popup;
use atelier::tui::screens::run::RunState;
use common::tui::{act, app, editor_text, key, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn notes() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    path.join("tests/fixtures/notes/workshop-en.txt")
        .display()
        .to_string()
}

#[test]
fn home_i_reads_the_notes_asks_then_opens_the_new_session() {
    let (_d, store) = common::temp_store();
    let mut app = app(store, Lang::En);
    key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
    assert_eq!(
        editor_text(&app).as_deref(),
        Some(""),
        "the path editor is open"
    );
    assert!(screen(&app, 100, 30).contains("Import written notes"));
    type_text(&mut app, &notes());
    act(&mut app, Action::Submit);
    let Some(Popup::Confirm { message, .. }) = &app.core.popup else {
        panic!("a question after the path");
    };
    assert!(
        message.contains("Workshop 3 - Commons - Session 2"),
        "{message}"
    );
    assert!(message.contains("to sort: 3") && message.contains("Create this session?"));
    assert!(
        app.core.store.list_sessions(true).unwrap().is_empty(),
        "nothing before yes"
    );
    act(&mut app, Action::Yes);
    let id = app
        .screen_as::<RunState>()
        .expect("the run screen")
        .session_id();
    let data = app.core.store.load(id).unwrap();
    assert_eq!(data.session.title, "Workshop 3 - Commons - Session 2");
    assert!(data.contributions.iter().all(|c| c.origin == Origin::Notes));
    assert_eq!(data.stages.last().unwrap().title, "To sort");
}

#[test]
fn notes_that_cannot_be_read_keep_the_editor_and_say_why() {
    let (d, store) = common::temp_store();
    let empty = d.path().join("empty.txt");
    std::fs::write(&empty, "\n\n").unwrap();
    let mut app = app(store, Lang::En);
    key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
    type_text(&mut app, &empty.display().to_string());
    act(&mut app, Action::Submit);
    assert_eq!(editor_text(&app), Some(empty.display().to_string()));
    let shown = screen(&app, 160, 30);
    assert!(shown.contains("the file holds no text"), "{shown}");
    act(&mut app, Action::Back);
    assert!(app.core.store.list_sessions(true).unwrap().is_empty());
}

/// The path editor is one line: its hint bar offers to import and to
/// cancel, never a new line, in French and in English.
#[test]
fn the_path_editor_hints_import_not_a_new_line() {
    for (lang, import, newline) in [
        (Lang::Fr, "Entrée importer", "nouvelle ligne"),
        (Lang::En, "Enter import", "new line"),
    ] {
        let (_d, store) = common::temp_store();
        let mut app = app(store, lang);
        key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
        let shown = screen(&app, 100, 30);
        let bar = shown.lines().last().unwrap_or_default();
        assert!(bar.contains(import), "{bar}");
        assert!(!bar.contains(newline), "{bar}");
    }
}

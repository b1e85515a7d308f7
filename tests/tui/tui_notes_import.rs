//! Home's `i`: the path of some notes in the editor, their event and day
//! (as `import-notes --event --date`), what they hold asked as a question,
//! then the new session opened; a file or a day that cannot be read keeps
//! its editor and writes nothing.

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
    // The event and the day, left as offered (no event, today).
    assert_eq!(editor_text(&app).as_deref(), Some(""), "the event editor");
    act(&mut app, Action::Submit);
    assert!(editor_text(&app).is_some(), "the day editor");
    act(&mut app, Action::Submit);
    let Some(Popup::Confirm { message, .. }) = &app.core.popup else {
        panic!("a question after the path, the event and the day");
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

fn clear_editor(app: &mut atelier::tui::app::App) {
    key(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    for _ in 0..40 {
        key(app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    assert_eq!(editor_text(app).as_deref(), Some(""));
}

/// The event and the day are asked after the path, as the command line's
/// `--event` and `--date` set them; the defaults are the same (no event,
/// today), and a day that cannot be read keeps its editor.
#[test]
fn the_import_asks_for_the_event_and_the_day() {
    let (_d, store) = common::temp_store();
    let mut app = app(store, Lang::En);
    key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
    type_text(&mut app, &notes());
    act(&mut app, Action::Submit);
    assert!(screen(&app, 120, 30).contains("the event"));
    type_text(&mut app, "  Commons  ");
    act(&mut app, Action::Submit);
    let today = common::tui::fixed_clock()
        .with_timezone(&chrono::Local)
        .date_naive();
    let offered = atelier::i18n::short_date(Lang::En, today);
    assert_eq!(editor_text(&app), Some(offered), "today is offered");
    assert!(screen(&app, 120, 30).contains("the day"));
    clear_editor(&mut app);
    type_text(&mut app, "the 10th");
    act(&mut app, Action::Submit);
    assert_eq!(editor_text(&app).as_deref(), Some("the 10th"), "kept");
    assert!(screen(&app, 160, 30).contains("\"the 10th\" is not a date"));
    clear_editor(&mut app);
    type_text(&mut app, "2021-06-10");
    act(&mut app, Action::Submit);
    let Some(Popup::Confirm { message, .. }) = &app.core.popup else {
        panic!("the question after the day");
    };
    assert!(message.contains("event: Commons"), "{message}");
    assert!(message.contains("2021"), "{message}");
    assert!(app.core.store.list_sessions(true).unwrap().is_empty());
    act(&mut app, Action::Yes);
    let id = app.screen_as::<RunState>().expect("opened").session_id();
    let session = app.core.store.session(id).unwrap();
    assert_eq!(session.event, "Commons");
    assert_eq!(session.date.to_string(), "2021-06-10");
}

#[test]
fn enter_through_the_event_and_the_day_gives_the_command_line_defaults() {
    let (_d, store) = common::temp_store();
    let mut app = app(store, Lang::Fr);
    key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
    type_text(&mut app, &notes());
    for _ in 0..3 {
        act(&mut app, Action::Submit);
    }
    let Some(Popup::Confirm { message, .. }) = &app.core.popup else {
        panic!("the question");
    };
    assert!(message.contains("aucun événement"), "{message}");
    act(&mut app, Action::Yes);
    let id = app.screen_as::<RunState>().expect("opened").session_id();
    let session = app.core.store.session(id).unwrap();
    assert_eq!(session.event, "");
    let today = common::tui::fixed_clock()
        .with_timezone(&chrono::Local)
        .date_naive();
    assert_eq!(session.date, today);
}

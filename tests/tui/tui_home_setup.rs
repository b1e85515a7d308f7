//! `update` on home and set-up: sessions made, duplicated, archived and
//! deleted; fields, dates, templates and the roster edited, on a real
//! database.

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::run::RunState;
use atelier::tui::screens::{home::HomeState, setup::SetupState};
use common::tui::{act, app, editor_text, key, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The sample (a closed session), reopened so that it takes changes.
fn reopened_sample() -> (tempfile::TempDir, atelier::store::Store) {
    let (d, mut store, id) = common::sample_store();
    let reopen = atelier::commands::Command::Reopen { restore: None };
    atelier::commands::apply(&mut store, id, &reopen).unwrap();
    (d, store)
}

#[test]
fn home_new_duplicate_archive_delete() {
    let (_d, store, _id) = common::sample_store();
    let mut app = app(store, Lang::Fr);
    act(&mut app, Action::Duplicate);
    let count = |app: &App| app.screen_as::<HomeState>().expect("home").visible().len();
    assert_eq!(count(&app), 2);
    act(&mut app, Action::Archive);
    assert_eq!(count(&app), 1);
    act(&mut app, Action::ToggleArchived);
    assert_eq!(count(&app), 2);
    act(&mut app, Action::Filter);
    type_text(&mut app, "session 2");
    assert_eq!(count(&app), 1);
    act(&mut app, Action::Confirm);
    act(&mut app, Action::DeleteForever);
    act(&mut app, Action::Yes);
    assert_eq!(app.core.store.list_sessions(true).unwrap().len(), 1);
    act(&mut app, Action::NewSession);
    assert!(app.screen_as::<SetupState>().is_some());
    assert_eq!(app.core.store.list_sessions(true).unwrap().len(), 2);
}

#[test]
fn setup_edits_fields_and_roster() {
    let (_d, store) = reopened_sample();
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Setup);
    act(&mut app, Action::Edit);
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    type_text(&mut app, "Atelier 6");
    act(&mut app, Action::Submit);
    act(&mut app, Action::AddParticipant);
    type_text(&mut app, "Zoé");
    act(&mut app, Action::Submit);
    act(&mut app, Action::PasteRoster);
    atelier::tui::handle_event(
        &mut app,
        ratatui::crossterm::event::Event::Paste("Yann\r\nXavier\n\n".into()),
    );
    act(&mut app, Action::Submit);
    let data = app.screen_as::<SetupState>().unwrap().data.clone();
    assert_eq!(data.session.title, "Atelier 6");
    let names: Vec<_> = data.roster().map(|p| p.name.clone()).collect();
    assert_eq!(names[4..], ["Zoé", "Yann", "Xavier"]);
    act(&mut app, Action::Delete);
    let count = |app: &App| app.screen_as::<SetupState>().unwrap().data.roster().count();
    assert_eq!(count(&app), 6);
    act(&mut app, Action::Undo);
    assert_eq!(count(&app), 7);
    act(&mut app, Action::Role);
    type_text(&mut app, "DRH");
    act(&mut app, Action::Submit);
    let md = atelier::report::render(
        atelier::report::Format::Markdown,
        &app.screen_as::<SetupState>().unwrap().data,
    );
    assert!(md.contains("(DRH)"), "the role reads in the report");
    // Down to the language field and flip it.
    act(&mut app, Action::Top);
    let language = atelier::tui::screens::setup::Field::ALL
        .iter()
        .position(|f| *f == atelier::tui::screens::setup::Field::Language);
    for _ in 0..language.unwrap() {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Right);
    let data = app.screen_as::<SetupState>().unwrap().data.clone();
    assert_eq!(data.session.language, Lang::En);
    assert_eq!(data.stages[1].title, "Observations & stakes");
    act(&mut app, Action::Run);
    assert!(app.screen_as::<RunState>().is_some());
}

#[test]
fn a_refused_date_keeps_the_editor_and_its_text_and_french_dates_are_read() {
    let (_d, store) = reopened_sample();
    let mut app = app(store, Lang::Fr);
    act(&mut app, Action::Setup);
    act(&mut app, Action::Down); // the event
    act(&mut app, Action::Down); // the date
    act(&mut app, Action::Edit);
    assert_eq!(editor_text(&app).as_deref(), Some("10/06/2021"));
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    type_text(&mut app, "31/02/2021");
    act(&mut app, Action::Submit);
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("31/02/2021"),
        "the typing is still there to correct"
    );
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    type_text(&mut app, "28/02/2022");
    act(&mut app, Action::Submit);
    assert_eq!(editor_text(&app), None);
    let s = app.screen_as::<SetupState>().expect("on set-up");
    assert_eq!(
        s.data.session.date,
        chrono::NaiveDate::from_ymd_opt(2022, 2, 28).unwrap()
    );
}

#[test]
fn a_new_session_left_untouched_leaves_no_empty_draft() {
    let (_d, store, _id) = common::sample_store();
    let mut app = app(store, Lang::En);
    let sessions = |app: &App| app.core.store.list_sessions(true).unwrap().len();
    act(&mut app, Action::NewSession);
    assert_eq!(sessions(&app), 2);
    act(&mut app, Action::Back);
    assert!(app.screen_as::<HomeState>().is_some());
    assert_eq!(sessions(&app), 1, "the untouched new session is gone");
    // Once given a title it stays.
    act(&mut app, Action::NewSession);
    act(&mut app, Action::Edit);
    type_text(&mut app, "Atelier 7");
    act(&mut app, Action::Submit);
    act(&mut app, Action::Back);
    assert_eq!(sessions(&app), 2);
}

#[test]
fn set_up_shows_what_a_template_is_for_and_reads_new_templates() {
    let (_d, store, _id) = common::sample_store();
    let mut app = app(store, Lang::En);
    let dir = tempfile::tempdir().unwrap();
    app.core.templates_dir = Some(dir.path().to_path_buf());
    // A template the facilitator adds while the app runs.
    let mine = include_str!("../../assets/templates/retro.json").replacen(
        "\"key\": \"retro\"",
        "\"key\": \"my-own\"",
        1,
    );
    std::fs::write(dir.path().join("my-own.json"), mine).unwrap();
    act(&mut app, Action::Setup);
    assert!(
        app.core.catalog.get("my-own").is_some(),
        "read when set-up opens"
    );
    act(&mut app, Action::Top);
    let template = atelier::tui::screens::setup::Field::ALL
        .iter()
        .position(|f| *f == atelier::tui::screens::setup::Field::Template);
    for _ in 0..template.unwrap() {
        act(&mut app, Action::Down);
    }
    let about = app
        .core
        .catalog
        .get("emergence")
        .unwrap()
        .description
        .get(Lang::En)
        .to_string();
    let first_words: String = about.split(' ').take(3).collect::<Vec<_>>().join(" ");
    let text = common::tui::screen(&app, 120, 40);
    assert!(text.contains(&first_words), "{first_words:?} in\n{text}");
}

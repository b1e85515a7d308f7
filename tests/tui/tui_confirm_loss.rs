//! Questions whose "yes" destroys something (typed text, a session for
//! good): Enter keeps it, only the explicit yes key destroys, and the
//! dialog shows what would be lost and which key does what. Driven with
//! real keys, so the keymap is what is tested.

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::popup::Popup;
use atelier::tui::screens::home::HomeState;
use atelier::tui::screens::synthesis::{Pane, SynthesisState};
use atelier::tui::widgets::editor::text_of;
use common::tui::{act, app, editor_text, key, live_texts, run, running, say, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn press(app: &mut atelier::tui::app::App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

#[test]
fn enter_in_the_discard_question_keeps_the_editor_text() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Synthesis);
    act(&mut app, Action::Edit);
    type_text(&mut app, "Une synthèse longue\nà écrire");
    press(&mut app, KeyCode::Esc);
    let shown = common::tui::screen(&app, 80, 24);
    assert!(shown.contains("lose what you typed"), "{shown}");
    // What would be lost is on the question, and each key says its answer.
    assert!(shown.contains("“Une synthèse longue”"), "{shown}");
    assert!(shown.contains("y yes, lose it"), "{shown}");
    assert!(shown.contains("Enter no, keep it"), "{shown}");
    // Enter by habit: the editor comes back, whole.
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("Une synthèse longue\nà écrire")
    );
    // Only the explicit yes key drops it.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(editor_text(&app), None);
}

#[test]
fn enter_in_the_drop_edit_question_goes_back_to_the_edit() {
    let (_d, mut app) = running();
    say(&mut app, "Recorded item");
    act(&mut app, Action::Back);
    act(&mut app, Action::Edit);
    type_text(&mut app, " changed");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.core.popup, Some(Popup::Confirm { .. })));
    let shown = common::tui::screen(&app, 80, 24);
    assert!(shown.contains("“Recorded item changed”"), "{shown}");
    assert!(shown.contains("Enter no, keep it"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert!(app.core.popup.is_none());
    assert_eq!(text_of(&run(&app).input), "Recorded item changed");
    assert!(run(&app).editing.is_some(), "still editing");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(run(&app).editing.is_none());
    assert_eq!(live_texts(&app), ["Recorded item"]);
}

#[test]
fn enter_keeps_a_session_asked_to_be_deleted_for_good_and_o_deletes_it_in_french() {
    let (_d, store, _id) = common::sample_store();
    let mut app = app(store, Lang::Fr);
    let title = app.core.store.list_sessions(true).unwrap()[0].title.clone();
    act(&mut app, Action::DeleteForever);
    let shown = common::tui::screen(&app, 100, 30);
    assert!(shown.contains(&format!("« {title} »")), "{shown}");
    assert!(shown.contains("o oui, le perdre"), "{shown}");
    assert!(shown.contains("non, le garder"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert!(app.core.popup.is_none());
    assert_eq!(app.core.store.list_sessions(true).unwrap().len(), 1);
    act(&mut app, Action::DeleteForever);
    press(&mut app, KeyCode::Char('o'));
    assert!(app.core.store.list_sessions(true).unwrap().is_empty());
    assert!(app.screen_as::<HomeState>().is_some());
}

#[test]
fn quitting_over_an_editor_with_text_keeps_it_on_enter() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Synthesis);
    act(&mut app, Action::Edit);
    type_text(&mut app, "pas encore enregistré");
    act(&mut app, Action::Quit);
    press(&mut app, KeyCode::Enter);
    assert!(!app.core.quit);
    assert_eq!(editor_text(&app).as_deref(), Some("pas encore enregistré"));
    act(&mut app, Action::Quit);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.core.quit);
}

#[test]
fn questions_that_destroy_nothing_still_take_enter_for_yes() {
    // Ending a session can be undone by reopening it; a synthesis block
    // by undo: Enter answers yes there, as before.
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Synthesis);
    act(&mut app, Action::AddBlock);
    type_text(&mut app, "Bloc");
    act(&mut app, Action::Submit);
    while app.screen_as::<SynthesisState>().unwrap().pane != Pane::Blocks {
        act(&mut app, Action::FocusNext);
    }
    act(&mut app, Action::Delete);
    assert!(matches!(
        app.core.popup,
        Some(Popup::Confirm { lost: None, .. })
    ));
    let shown = common::tui::screen(&app, 80, 24);
    assert!(shown.contains("y / n"), "{shown}");
    press(&mut app, KeyCode::Enter);
    assert!(app.core.popup.is_none());
}

//! The run screen's action key on a real database: what, who, by when
//! (typed as the session's language writes dates), the stage bar's count
//! of open actions, and undo.

use crate::common;

use atelier::tui::action::Action;
use atelier::tui::keymap::Context;
use common::tui::{act, editor_text, key, run, running, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn an_action_is_typed_assigned_dated_recorded_and_undone() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::AssignAction);
    assert_eq!(editor_text(&app).as_deref(), Some(""));
    // An empty text goes nowhere.
    act(&mut app, Action::Submit);
    assert_eq!(editor_text(&app).as_deref(), Some(""));
    type_text(&mut app, "Book the room");
    act(&mut app, Action::Submit);
    assert_eq!(app.context(), Context::PICKER, "then who does it");
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    assert_eq!(editor_text(&app).as_deref(), Some(""), "then by when");
    type_text(&mut app, "someday");
    act(&mut app, Action::Submit);
    assert_eq!(
        editor_text(&app).as_deref(),
        Some("someday"),
        "kept, not a date"
    );
    assert!(run(&app).data.actions.is_empty(), "nothing written yet");
    for _ in 0.."someday".len() {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    type_text(&mut app, "2026-04-30");
    act(&mut app, Action::Submit);
    assert!(app.core.popup.is_none());

    let r = run(&app);
    let a = &r.data.actions[0];
    assert_eq!(a.text, "Book the room");
    assert_eq!(a.who_participant, Some(r.data.roster().next().unwrap().id));
    assert_eq!(a.due, chrono::NaiveDate::from_ymd_opt(2026, 4, 30));
    assert!(a.is_open());
    assert!(screen(&app, 140, 40).contains("[actions 1]"));
    let on_file = common::tui::store(&app).load(r.session_id()).unwrap();
    assert_eq!(on_file.actions, r.data.actions);

    act(&mut app, Action::Undo);
    assert_eq!(run(&app).data.listed_actions().count(), 0);
    assert!(!screen(&app, 140, 40).contains("[actions"));
    act(&mut app, Action::Redo);
    assert_eq!(run(&app).data.listed_actions().count(), 1);
}

#[test]
fn the_group_can_own_an_action_without_a_date() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::AssignAction);
    type_text(&mut app, "Tell the others");
    act(&mut app, Action::Submit);
    act(&mut app, Action::Confirm);
    act(&mut app, Action::Submit);
    let a = &run(&app).data.actions[0];
    assert_eq!((a.who_participant, a.due), (None, None));
}

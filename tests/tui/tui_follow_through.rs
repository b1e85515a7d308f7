//! The follow-through screen on a real database: the carry-over that comes
//! first when the next session of a workshop opens, then the screen from
//! the run list (`F`): actions marked done, who (someone on the roster or
//! from outside) and by when, decisions taken back; all undone with `u`.
//! Snapshots in French and English.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Lang};
use atelier::store::{NewAction, Store};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::keymap::Context;
use atelier::tui::screens::follow::{FollowState, Row};
use atelier::tui::screens::run::RunState;
use common::tui::{act, editor_text, key, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

struct Workshop {
    first: Id,
    next: Id,
}

/// A closed first session with two open actions (Ana's, dated, and the
/// mayor's office's) and one done; its next session, a week later.
fn workshop(store: &mut Store, lang: Lang) -> Workshop {
    let first = common::new_session(store, &["Ana", "Bo", "Cy"]);
    let mut data = store.load(first).unwrap();
    data.session.language = lang;
    data.session.title = match lang {
        Lang::Fr => "Atelier 5 - Séance 1".into(),
        Lang::En => "Workshop 5 - Session 1".into(),
    };
    store.update_session(&data.session).unwrap();
    let ana = data.participants[0].id;
    let due = chrono::NaiveDate::from_ymd_opt(2026, 4, 30);
    let actions = [
        ("Book the room", Some(ana), "", due),
        ("Ask for a grant", None, "Mayor's office", None),
        ("Send the notes", None, "", None),
    ];
    for (text, who, name, due) in actions {
        let new = NewAction {
            text: text.into(),
            who_participant: who,
            who_name: name.into(),
            due,
        };
        apply(store, first, &Command::AddAction(new)).unwrap();
    }
    let sent = store.load(first).unwrap().actions[2].id;
    apply(
        store,
        first,
        &Command::SetActionStatus {
            id: sent,
            done: true,
        },
    )
    .unwrap();
    apply(store, first, &Command::Close).unwrap();
    let week_later = chrono::NaiveDate::from_ymd_opt(2026, 3, 25).unwrap();
    let next = store.next_session(first, week_later, None).unwrap();
    Workshop { first, next }
}

/// The app on the home screen, the next session selected (newest first).
fn home(lang: Lang) -> (tempfile::TempDir, App, Workshop) {
    let (dir, mut store) = common::temp_store();
    let w = workshop(&mut store, lang);
    let app = common::tui::app(store, lang);
    (dir, app, w)
}

fn follow(app: &App) -> &FollowState {
    app.screen_as::<FollowState>()
        .expect("on the follow-through screen")
}

/// Selects the first row of that kind.
fn select(app: &mut App, wanted: fn(&Row) -> bool) {
    act(app, Action::Top);
    for _ in 0..follow(app).rows.len() {
        if wanted(&follow(app).rows[follow(app).selected]) {
            return;
        }
        act(app, Action::Down);
    }
    panic!("no such row");
}

#[test]
fn the_carry_over_comes_first_when_the_next_session_opens() {
    for lang in [Lang::Fr, Lang::En] {
        let (_d, mut app, w) = home(lang);
        act(&mut app, Action::Open);
        assert_eq!(app.context(), Context("follow"), "{lang:?}");
        let s = follow(&app);
        assert_eq!(s.carry.len(), 2);
        assert_eq!(s.selected, 1, "the first action to review");
        insta::assert_snapshot!(
            format!("carry_over_first_{}", lang.code()),
            screen(&app, 90, 20)
        );

        // Carry the first over, mark the second done where it was agreed.
        act(&mut app, Action::CarryOver);
        let s = follow(&app);
        assert_eq!(s.carry.len(), 1);
        assert_eq!(s.data.actions[0].text, "Book the room");
        act(&mut app, Action::ToggleDone);
        assert!(follow(&app).carry.is_empty());
        let first = common::tui::store(&app).load(w.first).unwrap();
        assert!(first.actions[1].done, "done in the first session");
        insta::assert_snapshot!(
            format!("carry_over_done_{}", lang.code()),
            screen(&app, 90, 20)
        );

        // Undo puts the action back to review, open in the first session.
        act(&mut app, Action::Undo);
        assert_eq!(follow(&app).carry.len(), 1);
        assert!(!common::tui::store(&app).load(w.first).unwrap().actions[1].done);

        // Esc goes on to the run screen; the session now runs, so the
        // carry-over does not come first again.
        act(&mut app, Action::Back);
        assert!(app.screen_as::<RunState>().is_some());
        act(&mut app, Action::Back);
        act(&mut app, Action::Open);
        let run = app.screen_as::<RunState>().expect("on the run screen");
        assert_eq!(run.session_id(), w.next, "{lang:?}");
    }
}

#[test]
fn from_the_run_list_actions_get_done_named_dated_and_decisions_taken_back() {
    for lang in [Lang::Fr, Lang::En] {
        let (_d, mut app, w) = home(lang);
        apply(
            &mut app.core.store,
            w.next,
            &Command::Decide {
                text: "We meet monthly".into(),
            },
        )
        .unwrap();
        act(&mut app, Action::Open);
        act(&mut app, Action::CarryOver);
        act(&mut app, Action::Back);
        // In the list, `F` opens the screen.
        key(&mut app, KeyCode::Char('F'), KeyModifiers::SHIFT);
        assert_eq!(app.context(), Context("follow"));
        select(&mut app, |r| matches!(r, Row::Action(_)));

        act(&mut app, Action::ToggleDone);
        assert!(follow(&app).data.actions[0].done);

        // Someone from outside: the last entry of the picker, then a name.
        act(&mut app, Action::SetWho);
        assert_eq!(app.context(), Context::PICKER);
        act(&mut app, Action::Bottom);
        for _ in 0..5 {
            act(&mut app, Action::Down);
        }
        act(&mut app, Action::Confirm);
        assert_eq!(editor_text(&app).as_deref(), Some(""));
        type_text(&mut app, "The caretaker");
        act(&mut app, Action::Submit);
        let a = &follow(&app).data.actions[0];
        assert_eq!(
            (a.who_participant, a.who_name.as_str()),
            (None, "The caretaker")
        );

        // A due date as the session's language writes it; a wrong one
        // keeps the editor.
        act(&mut app, Action::EditDue);
        let shown = editor_text(&app).unwrap();
        for _ in 0..shown.chars().count() {
            key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
        }
        type_text(&mut app, "soon");
        act(&mut app, Action::Submit);
        assert_eq!(editor_text(&app).as_deref(), Some("soon"));
        for _ in 0..4 {
            key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
        }
        type_text(
            &mut app,
            if lang == Lang::Fr {
                "15/05/2026"
            } else {
                "2026-05-15"
            },
        );
        act(&mut app, Action::Submit);
        assert!(app.core.popup.is_none());
        assert_eq!(
            follow(&app).data.actions[0].due,
            chrono::NaiveDate::from_ymd_opt(2026, 5, 15)
        );
        insta::assert_snapshot!(
            format!("follow_screen_{}", lang.code()),
            screen(&app, 90, 20)
        );

        select(&mut app, |r| matches!(r, Row::Decision(_)));
        act(&mut app, Action::Delete);
        assert_eq!(follow(&app).data.logged_decisions().count(), 0);
        act(&mut app, Action::Undo);
        assert_eq!(follow(&app).data.logged_decisions().count(), 1);

        // Everything is on file, and undo walks back each step.
        let on_file = common::tui::store(&app).load(w.next).unwrap();
        assert_eq!(on_file.actions, follow(&app).data.actions);
        for _ in 0..3 {
            act(&mut app, Action::Undo);
        }
        let a = &follow(&app).data.actions[0];
        assert_eq!((a.done, a.who_name.as_str()), (false, ""));
        assert_eq!(a.due, chrono::NaiveDate::from_ymd_opt(2026, 4, 30));
        act(&mut app, Action::Back);
        assert!(app.screen_as::<RunState>().is_some());
    }
}

#[test]
fn keys_that_do_nothing_on_a_line_say_so_and_are_not_offered() {
    let (_d, mut app, _w) = home(Lang::En);
    act(&mut app, Action::Open);
    select(&mut app, |r| matches!(r, Row::Carry(_)));
    let s = follow(&app);
    use atelier::tui::screen::Screen;
    assert!(s.can(&Action::CarryOver) && s.can(&Action::ToggleDone));
    assert!(!s.can(&Action::SetWho) && !s.can(&Action::Delete) && !s.can(&Action::Undo));
    act(&mut app, Action::Delete);
    assert_eq!(follow(&app).carry.len(), 2, "nothing removed");
    let said = &app.core.status.as_ref().unwrap().text;
    assert_eq!(said, "Nothing to do on this line.");
}

#[test]
fn the_home_screen_starts_the_next_session_with_its_key() {
    let (_d, mut app, w) = home(Lang::En);
    let before = common::tui::store(&app).list_sessions(true).unwrap().len();
    // The next session is selected (newest first): `>` makes the one after.
    key(&mut app, KeyCode::Char('>'), KeyModifiers::SHIFT);
    let store = common::tui::store(&app);
    let list = store.list_sessions(true).unwrap();
    assert_eq!(list.len(), before + 1);
    let third = list
        .iter()
        .find(|s| s.title == "Workshop 5 - Session 3")
        .unwrap();
    assert_eq!(store.session(third.id).unwrap().previous_id, Some(w.next));
}

//! Undo, redo and the session's state across screens, on a real database:
//! set-up and synthesis changes are commands, undone and redone; a closed
//! session refuses them; a paused stage reopens paused; stored times come
//! from the app's clock.

use crate::common;

use atelier::commands::Command;
use atelier::model::Lang;
use atelier::store::Store;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::setup::SetupState;
use common::tui::{act, app, editor_text, live_texts, run, running, say, store, type_text};

/// The sample (a closed session), reopened so that it takes changes.
fn reopened_sample() -> (tempfile::TempDir, Store) {
    let (d, mut store, id) = common::sample_store();
    let reopen = Command::Reopen { restore: None };
    atelier::commands::apply(&mut store, id, &reopen).unwrap();
    (d, store)
}

#[test]
fn a_closed_session_refuses_set_up_edits_in_the_interface_language() {
    let (_d, store, id) = common::sample_store();
    let before = store.load(id).unwrap();
    let mut app = app(store, Lang::Fr);
    act(&mut app, Action::Setup);
    act(&mut app, Action::Edit);
    let refused = atelier::i18n::t(Lang::Fr, "command.closed");
    assert_eq!(app.core.status.as_ref().unwrap().text, refused);
    // Said before any typing: no editor opens.
    assert_eq!(editor_text(&app), None);
    act(&mut app, Action::Bottom);
    act(&mut app, Action::Up); // the last participant
    act(&mut app, Action::Delete);
    assert_eq!(app.core.status.as_ref().unwrap().text, refused);
    act(&mut app, Action::Top);
    for _ in 0..language_row() {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Right); // the language: refused too
    assert_eq!(app.core.status.as_ref().unwrap().text, refused);
    assert_eq!(app.core.store.load(id).unwrap(), before);
}

#[test]
fn setup_changes_are_undone_and_redone() {
    let (_d, store) = reopened_sample();
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Setup);
    let setup = |app: &App| app.screen_as::<SetupState>().unwrap().data.clone();
    let id = setup(&app).session.id;
    let first = setup(&app);
    // The language with the stage titles, as one change.
    for _ in 0..language_row() {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Right);
    assert_eq!(setup(&app).session.language, Lang::En);
    act(&mut app, Action::Undo);
    let undone = setup(&app);
    assert_eq!(undone.session.language, first.session.language);
    assert_eq!(undone.stages, first.stages, "titles back with the language");
    act(&mut app, Action::Redo);
    assert_eq!(
        app.core.store.load(id).unwrap().stages[1].title,
        "Observations & stakes"
    );
    // A pasted roster goes in one change, and out with one undo.
    act(&mut app, Action::PasteRoster);
    atelier::tui::handle_event(
        &mut app,
        ratatui::crossterm::event::Event::Paste("Yann\nXavier".into()),
    );
    act(&mut app, Action::Submit);
    let with = setup(&app).roster().count();
    act(&mut app, Action::Undo);
    assert_eq!(setup(&app).roster().count(), with - 2);
    act(&mut app, Action::Redo);
    assert_eq!(setup(&app).roster().count(), with);
    // What the screen shows is what is stored.
    let mut stored = app.core.store.load(id).unwrap();
    let mut shown = setup(&app);
    stored.contributions.clear();
    shown.contributions.clear();
    assert_eq!(shown.participants, stored.participants);
    assert_eq!(shown.session, stored.session);
    act(&mut app, Action::Redo);
    assert_eq!(app.core.status.as_ref().unwrap().text, "Nothing to redo.");
}

#[test]
fn an_edit_undone_then_redone_keeps_its_text() {
    let (_d, mut app) = running();
    say(&mut app, "first");
    act(&mut app, Action::Back);
    act(&mut app, Action::Edit);
    type_text(&mut app, " (edited)");
    act(&mut app, Action::Submit);
    let id = run(&app).selected_id().unwrap();
    act(&mut app, Action::Undo);
    assert_eq!(live_texts(&app), ["first"]);
    assert!(run(&app).can(&Action::Redo));
    act(&mut app, Action::Redo);
    assert_eq!(live_texts(&app), ["first (edited)"]);
    assert_eq!(store(&app).revisions(id).unwrap()[0].text, "first");
    let shown = run(&app).contribution(id).unwrap().text.clone();
    assert_eq!(shown, "first (edited)", "the list shows the redone text");
    // Undo again, then a new change: what was undone can no longer be redone.
    act(&mut app, Action::Undo);
    act(&mut app, Action::Write);
    say(&mut app, "second");
    assert!(!run(&app).can(&Action::Redo));
    act(&mut app, Action::Redo);
    assert_eq!(app.core.status.as_ref().unwrap().text, "Nothing to redo.");
    assert_eq!(live_texts(&app), ["first", "second"]);
}

#[test]
fn a_session_reopened_on_a_paused_stage_stays_paused_there() {
    let (_d, mut app) = running();
    act(&mut app, Action::NextStage);
    act(&mut app, Action::Back);
    act(&mut app, Action::PauseTimer);
    let id = run(&app).session_id();
    let before = store(&app).load(id).unwrap().stages;
    act(&mut app, Action::Back); // home
    act(&mut app, Action::Open);
    assert_eq!(run(&app).flow.current, 1, "back on the paused stage");
    assert!(!run(&app).timer_running(), "still paused");
    assert_eq!(
        store(&app).load(id).unwrap().stages,
        before,
        "no clock started"
    );
    act(&mut app, Action::Back);
    act(&mut app, Action::PauseTimer);
    assert!(run(&app).timer_running(), "p runs it again");
}

#[test]
fn stored_times_come_from_the_app_clock() {
    let (_d, mut app) = running();
    say(&mut app, "timed");
    let data = store(&app).load(run(&app).session_id()).unwrap();
    let now = common::tui::fixed_clock();
    assert_eq!(data.contributions[0].created_at, now);
    assert_eq!(data.session.updated_at, now);
    assert_eq!(data.stages[0].started_at(), Some(now));
}

#[test]
fn recording_updates_the_list_as_a_full_rebuild_would() {
    use atelier::tui::screens::run::RunState;
    let (_d, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let mut app = common::tui::app(store, atelier::model::Lang::En);
    common::tui::act(&mut app, Action::Open);
    // Kinds in and out of the stage's own, speakers, new groups.
    for (n, (who, tabs)) in [(1, 0), (2, 3), (0, 0), (3, 5), (1, 3), (2, 7), (0, 1)]
        .into_iter()
        .enumerate()
    {
        common::tui::act(&mut app, Action::Participant(who));
        for _ in 0..tabs {
            common::tui::act(&mut app, Action::CycleKind);
        }
        common::tui::type_text(&mut app, &format!("said {n}"));
        common::tui::act(&mut app, Action::Submit);
        let run = app.screen_as_mut::<RunState>().unwrap();
        let (rows, counts, selected) = (run.rows.clone(), run.counts.clone(), run.selected);
        let id = run.selected_id();
        run.rebuild(id);
        assert_eq!(rows, run.rows, "after input {n}");
        assert_eq!(counts, run.counts, "after input {n}");
        assert_eq!(selected, run.selected, "after input {n}");
    }
}

/// How far below the first set-up field the language is.
fn language_row() -> usize {
    use atelier::tui::screens::setup::Field;
    Field::ALL
        .iter()
        .position(|f| *f == Field::Language)
        .unwrap()
}

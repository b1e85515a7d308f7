//! The run and review screens through the command layer: undo applies the
//! exact inverse, a closed session opens read-only on the review screen
//! until reopened, and the stage clock pauses.

use crate::common;

use atelier::model::{Lang, SessionStatus};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::review::ReviewState;
use atelier::tui::screens::run::RunState;
use common::tui::{act, app, screen, type_text};

fn running() -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo"]);
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Open);
    (dir, app)
}

fn run(app: &App) -> &RunState {
    app.screen_as::<RunState>().expect("on the run screen")
}

#[test]
fn undoing_a_kind_change_restores_the_kind_and_keeps_the_contribution() {
    let (_d, mut app) = running();
    type_text(&mut app, "Plant trees");
    act(&mut app, Action::Submit);
    act(&mut app, Action::Back); // to the list
    let id = run(&app).selected_id().unwrap();
    let before = app.core.store.contribution(id).unwrap();
    act(&mut app, Action::CycleKind);
    assert_ne!(app.core.store.contribution(id).unwrap().kind, before.kind);
    act(&mut app, Action::Undo);
    let after = app.core.store.contribution(id).unwrap();
    assert_eq!(
        after, before,
        "undo puts the kind back, and deletes nothing"
    );
    // The screen took the change without a reload, and agrees with the file.
    let shown = run(&app).contribution(id).unwrap();
    assert_eq!(shown, &after);
    // Undoing the submit then takes the contribution away (restorable).
    act(&mut app, Action::Undo);
    assert!(app
        .core
        .store
        .contribution(id)
        .unwrap()
        .deleted_at
        .is_some());
    assert!(run(&app).data.live().next().is_none());
}

#[test]
fn undoing_a_speaker_only_edit_restores_the_speaker() {
    let (_d, mut app) = running();
    type_text(&mut app, "Share the minutes");
    act(&mut app, Action::Submit);
    act(&mut app, Action::Back);
    let id = run(&app).selected_id().unwrap();
    let before = app.core.store.contribution(id).unwrap();
    act(&mut app, Action::Edit);
    act(&mut app, Action::Participant(1));
    act(&mut app, Action::Submit);
    let edited = app.core.store.contribution(id).unwrap();
    assert!(edited.participant_id.is_some(), "the speaker changed");
    assert_eq!(edited.text, "Share the minutes");
    act(&mut app, Action::Undo);
    assert_eq!(app.core.store.contribution(id).unwrap(), before);
}

#[test]
fn a_closed_session_opens_on_review_and_is_reopened_explicitly() {
    let (_d, store, id) = common::sample_store();
    assert_eq!(store.session(id).unwrap().status, SessionStatus::Closed);
    let mut app = app(store, Lang::Fr);
    act(&mut app, Action::Open);
    assert!(app.screen_as::<ReviewState>().is_some(), "read-only review");
    assert!(screen(&app, 120, 40).contains("r rouvrir ·"));
    act(&mut app, Action::ReopenSession);
    assert!(app.screen_as::<RunState>().is_some());
    assert_eq!(
        app.core.store.session(id).unwrap().status,
        SessionStatus::Running
    );
}

#[test]
fn the_clock_pauses_and_resumes_on_the_run_screen() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back); // list focus, where keys are commands
    act(&mut app, Action::PauseTimer);
    let stage = run(&app).stage().unwrap().clone();
    assert!(!stage.timer().is_running());
    assert!(screen(&app, 100, 30).contains("(paused)"));
    let stored = &app.core.store.stages(run(&app).session_id()).unwrap()[0];
    assert_eq!(stored.segments, stage.segments);
    act(&mut app, Action::PauseTimer);
    assert!(run(&app).stage().unwrap().timer().is_running());
    assert_eq!(run(&app).stage().unwrap().segments.len(), 2);
    assert!(!screen(&app, 100, 30).contains("(paused)"));
}

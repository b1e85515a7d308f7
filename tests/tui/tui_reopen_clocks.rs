//! A session reopened after its workshop to correct the report: moving
//! between stages, opening the review screen and leaving it, or pressing
//! the timer key never runs a stage clock again, so the report's actual
//! time per stage stays what the workshop took (try-out: Esc from the
//! review screen restarted the timer and the times grew).

use crate::common;

use atelier::model::{Segment, SessionStatus};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::review::ReviewState;
use common::tui::{act, run};

fn segments(app: &App, session: atelier::model::Id) -> Vec<Vec<Segment>> {
    let stages = app.core.store.stages(session).unwrap();
    stages.into_iter().map(|s| s.segments).collect()
}

#[test]
fn a_reopened_session_keeps_the_workshop_times() {
    let (_dir, mut app) = common::tui::running();
    let session = run(&app).session_id();
    act(&mut app, Action::Back);
    act(&mut app, Action::NextStage);
    act(&mut app, Action::Review);
    act(&mut app, Action::CloseSession);
    let workshop = segments(&app, session);
    assert!(workshop[0].len() == 1 && workshop[1].len() == 1);
    assert!(workshop.iter().flatten().all(|s| s.ended_at.is_some()));

    act(&mut app, Action::ReopenSession);
    let reopened = app.core.store.session(session).unwrap();
    assert_eq!(reopened.status, SessionStatus::Running);
    assert!(reopened.reopened_at.is_some());
    assert!(!run(&app).timer_running());
    act(&mut app, Action::NextStage);
    act(&mut app, Action::PrevStage);
    act(&mut app, Action::PauseTimer);
    // The timer key says why nothing runs, never "timer resumed".
    let said = &app.core.status.as_ref().unwrap().text;
    assert!(said.contains("No clock after the workshop"), "{said}");
    act(&mut app, Action::Review);
    assert!(app.screen_as::<ReviewState>().is_some());
    act(&mut app, Action::Back);
    assert!(!run(&app).timer_running(), "leaving review starts no clock");
    act(&mut app, Action::NextStage);
    assert_eq!(segments(&app, session), workshop);

    // Closed again after the corrections: the times are still the workshop's.
    act(&mut app, Action::Review);
    act(&mut app, Action::CloseSession);
    assert_eq!(segments(&app, session), workshop);
}

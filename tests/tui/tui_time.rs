//! Time on the run screen: extending a stage (and undoing it), the warning
//! two minutes before the planned end and at the end, in both languages,
//! the session's total time, and the bell as the warning rises.

use crate::common;

use atelier::commands::{apply, Command, Timing};
use atelier::model::{Lang, Segment, SessionStatus, TimerAlert};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use chrono::Duration;
use common::tui::{act, app, fixed_clock, key, run, screen};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A new session on the run screen in `lang`, list focused (keys are
/// commands there).
fn running(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo"]);
    let mut app = app(store, lang);
    act(&mut app, Action::Open);
    act(&mut app, Action::Back);
    (dir, app)
}

/// Makes the current stage's clock run since `ago` before the fixed now.
fn started_ago(app: &mut App, ago: Duration) {
    let session = run(app).session_id();
    let stage = run(app).stage().unwrap().id;
    let timing = Timing {
        status: SessionStatus::Running,
        stages: vec![(
            stage,
            vec![Segment {
                started_at: fixed_clock() - ago,
                ended_at: None,
            }],
        )],
    };
    apply(&mut app.core.store, session, &Command::PutTiming(timing)).unwrap();
    app.store_changed();
}

fn planned(app: &App) -> u32 {
    run(app).stage().unwrap().planned_minutes
}

#[test]
fn plus_and_star_extend_the_stage_and_undo_takes_it_back() {
    let (_d, mut app) = running(Lang::En);
    let before = planned(&app);
    key(&mut app, KeyCode::Char('+'), KeyModifiers::NONE);
    assert_eq!(planned(&app), before + 1);
    key(&mut app, KeyCode::Char('*'), KeyModifiers::SHIFT);
    assert_eq!(planned(&app), before + 6);
    let stored = &app.core.store.stages(run(&app).session_id()).unwrap()[0];
    assert_eq!(stored.planned_minutes, before + 6, "written to the file");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains(&format!("/ {}:00", before + 6)), "{shown}");
    act(&mut app, Action::Undo);
    assert_eq!(planned(&app), before + 1);
    act(&mut app, Action::Undo);
    assert_eq!(planned(&app), before);
    let stored = &app.core.store.stages(run(&app).session_id()).unwrap()[0];
    assert_eq!(stored.planned_minutes, before);
    act(&mut app, Action::Redo);
    assert_eq!(planned(&app), before + 1);
}

#[test]
fn extending_takes_the_stage_out_of_its_warning() {
    let (_d, mut app) = running(Lang::En);
    let minutes = i64::from(planned(&app));
    started_ago(&mut app, Duration::minutes(minutes) - Duration::seconds(30));
    assert!(screen(&app, 100, 30).contains("1 min left"));
    act(&mut app, Action::ExtendStage(5));
    let shown = screen(&app, 100, 30);
    assert!(!shown.contains("min left"), "{shown}");
}

#[test]
fn the_header_warns_before_the_end_and_at_the_end_in_both_languages() {
    for lang in Lang::ALL {
        for (name, late) in [("warning", -90), ("over", 200)] {
            let (_d, mut app) = running(lang);
            let minutes = i64::from(planned(&app));
            started_ago(
                &mut app,
                Duration::minutes(minutes) + Duration::seconds(late),
            );
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(&app, w, h));
            }
        }
    }
}

#[test]
fn the_session_total_adds_every_stage() {
    let (_d, mut app) = running(Lang::En);
    started_ago(&mut app, Duration::minutes(3));
    act(&mut app, Action::NextStage);
    started_ago(&mut app, Duration::minutes(70));
    // 3 minutes in the first stage, 70 in this one.
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Session total 1:13:00"), "{shown}");
}

#[test]
fn the_bell_rings_once_as_the_warning_rises_and_only_when_asked() {
    let (_d, mut app) = running(Lang::En);
    let minutes = i64::from(planned(&app));
    assert!(!app.bell, "off by default");
    app.bell = true;
    assert!(!app.ring_bell(), "Normal: nothing");
    started_ago(&mut app, Duration::minutes(minutes - 1));
    assert!(app.ring_bell(), "into Warning");
    assert!(!app.ring_bell(), "once");
    started_ago(&mut app, Duration::minutes(minutes + 1));
    assert!(app.ring_bell(), "into Over");
    assert!(!app.ring_bell(), "once");
    app.bell = false;
    act(&mut app, Action::ExtendStage(5));
    started_ago(&mut app, Duration::minutes(minutes + 10));
    assert!(!app.ring_bell(), "rises again, but the bell is off");
    assert_eq!(
        run(&app).stage().unwrap().timer().alert(fixed_clock()),
        TimerAlert::Over
    );
}

//! Every screen at 80×24 and 120×40, in French and English, on the sample
//! session (TestBackend + insta).

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use common::tui::{act, app, screen};

fn sample_app(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, store, _id) = common::sample_store();
    (dir, app(store, lang))
}

/// Opens the sample: it is closed, so it opens on the review screen and
/// is reopened from there to be run again (the run screen then shows the
/// stage it was closed in, "Idées à creuser", its clock paused, and its
/// list; `Write` puts the focus in the input box, as a plain open does).
fn open_sample(app: &mut App) {
    act(app, Action::Open);
    act(app, Action::ReopenSession);
    act(app, Action::Write);
}

/// Brings the app to `name`'s screen from home.
fn go(app: &mut App, name: &str) {
    match name {
        "home" => {}
        "setup" => act(app, Action::Setup),
        "run" => {
            open_sample(app);
            act(app, Action::PrevStage);
            act(app, Action::Back);
            act(app, Action::Down);
        }
        "run_ideas" => {
            open_sample(app);
            act(app, Action::Back);
            for _ in 0..3 {
                act(app, Action::Down);
            }
        }
        "synthesis" => {
            open_sample(app);
            act(app, Action::Synthesis);
        }
        "review" => act(app, Action::Review),
        "run_empty_stage" => {
            act(app, Action::NewSession);
            act(app, Action::Run);
            act(app, Action::Back);
        }
        "synthesis_pick" => {
            open_sample(app);
            act(app, Action::Synthesis);
            act(app, Action::FocusPrev);
            act(app, Action::Down);
        }
        "notes_editor" => {
            open_sample(app);
            act(app, Action::Back);
            act(app, Action::Notes);
        }
        "quit_with_text" => {
            open_sample(app);
            common::tui::type_text(app, "une phrase pas encore envoyée");
            act(app, Action::Quit);
        }
        "run_parked" => {
            go(app, "run");
            act(app, Action::Park);
        }
        "parking_lot" => {
            go(app, "run_parked");
            act(app, Action::ParkingLot);
        }
        "help" => {
            open_sample(app);
            act(app, Action::Back);
            act(app, Action::Help);
        }
        other => panic!("no screen {other}"),
    }
}

#[test]
fn every_screen_in_both_languages_and_sizes() {
    for name in [
        "home",
        "setup",
        "run",
        "run_ideas",
        "synthesis",
        "review",
        "help",
        "run_empty_stage",
        "quit_with_text",
        "notes_editor",
        "synthesis_pick",
        "run_parked",
        "parking_lot",
    ] {
        for lang in Lang::ALL {
            for (w, h) in [(80, 24), (120, 40)] {
                let (_dir, mut app) = sample_app(lang);
                go(&mut app, name);
                insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(&app, w, h));
            }
        }
    }
}

#[test]
fn tiny_terminal_asks_for_more_room() {
    let (_dir, mut app) = sample_app(Lang::En);
    go(&mut app, "run");
    let text = screen(&app, 40, 10);
    assert!(text.contains("Enlarge the terminal window"), "{text}");
    for (w, h) in [(2, 30), (200, 3), (59, 17), (59, 40), (200, 17)] {
        let text = screen(&app, w, h);
        // Wrapped to the width; read as one run of characters.
        let run: String = text.split_whitespace().collect();
        assert!(
            run.contains("Enlarge") || run.contains(&format!("{w}×{h}")),
            "{w}×{h} asks for room:\n{text}"
        );
    }
    for (w, h) in [(60, 18), (300, 100)] {
        let text = screen(&app, w, h);
        assert!(text.contains("Atelier 5 - Emergence"), "{w}×{h}:\n{text}");
        assert!(!text.contains("Enlarge"), "{w}×{h}:\n{text}");
    }
    // Even one cell draws without a panic, and shows nothing torn.
    assert!(screen(&app, 1, 1)
        .chars()
        .all(|c| c == '\n' || !c.is_control()));
}

#[test]
fn the_context_from_set_up_stays_under_the_question() {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana"]);
    let mut data = store.load(id).unwrap();
    data.session.context = "Asked by the DG after the 2024 survey".into();
    store.update_session(&data.session).unwrap();
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Open);
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&app, w, h);
        assert!(
            text.contains("Context: Asked by the DG after the 2024 survey"),
            "{text}"
        );
    }
}

//! An open room shows on home: phones can still send input to a session
//! after the facilitator went back from its run screen, so its line
//! carries a marker, the status line says where the room is served, and
//! `O` closes it from there.

use crate::common;

use atelier::model::{Id, Lang};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::home::HomeState;
use common::tui::{act, app, screen};

/// Two sessions (the sample and a new "Test"); the room of "Test" opened
/// from its run screen, then back on home.
fn home_with_open_room(lang: Lang) -> (tempfile::TempDir, App, Id) {
    let (dir, mut store, _sample) = common::sample_store();
    let test = common::new_session(&mut store, &["Ana", "Bo"]);
    let mut app = app(store, lang);
    app.screen_as_mut::<HomeState>().unwrap().select(test);
    act(&mut app, Action::Open);
    act(&mut app, Action::Room);
    while app.screen_as::<HomeState>().is_none() {
        act(&mut app, Action::Back);
    }
    (dir, app, test)
}

/// The screen with the room's address, which depends on the machine and
/// the free port, masked.
fn masked(app: &App, session: Id) -> String {
    let url = app
        .core
        .store
        .room_status(session)
        .unwrap()
        .expect("open")
        .url;
    screen(app, 80, 24).replace(&url, "http://ADDRESS:PORT/")
}

fn line_with<'a>(shown: &'a str, text: &str) -> &'a str {
    shown.lines().find(|l| l.contains(text)).unwrap_or("")
}

#[test]
fn home_marks_the_session_whose_room_is_open() {
    for (lang, marker, status, bar) in [
        (
            Lang::En,
            "● room open",
            "Room open for “Test” · O closes it",
            "close room",
        ),
        (
            Lang::Fr,
            "● salle ouverte",
            "Salle ouverte pour « Test » · O la ferme",
            "fermer la salle",
        ),
    ] {
        let (_dir, app, test) = home_with_open_room(lang);
        let shown = masked(&app, test);
        assert!(line_with(&shown, "Test").contains(marker), "{shown}");
        assert_eq!(
            shown.matches(marker).count(),
            1,
            "only its session:\n{shown}"
        );
        let status = line_with(&shown, status);
        assert!(status.ends_with("http://ADDRESS:PORT/"), "{shown}");
        assert!(
            shown.contains(&format!("O {bar}")),
            "the hint bar offers it:\n{shown}"
        );
        let name = match lang {
            Lang::En => "home_room_open_en",
            Lang::Fr => "home_room_open_fr",
        };
        insta::assert_snapshot!(name, shown);
    }
}

#[test]
fn o_on_home_closes_the_room() {
    let (_dir, mut app, test) = home_with_open_room(Lang::En);
    let url = app.core.store.room_status(test).unwrap().expect("open").url;
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(std::net::TcpStream::connect(&host).is_ok());

    act(&mut app, Action::Room);
    assert!(app.screen_as::<HomeState>().is_some(), "home stays");
    assert_eq!(app.core.store.room_status(test).unwrap(), None);
    assert!(
        std::net::TcpStream::connect(&host).is_err(),
        "the server stopped"
    );
    let shown = screen(&app, 80, 24);
    assert!(!shown.contains("room open"), "{shown}");
    assert!(shown.contains("The room is closed."), "{shown}");
    assert!(
        !shown.contains("close room"),
        "nothing left to close:\n{shown}"
    );
    // With no room open, the key does nothing and the line says nothing.
    act(&mut app, Action::Down);
    act(&mut app, Action::Room);
    let shown = screen(&app, 80, 24);
    assert!(!shown.contains("Room open"), "{shown}");
    assert!(!shown.contains("The room is closed."), "{shown}");
}

#[test]
fn a_message_goes_first_then_the_reminder_comes_back() {
    let (_dir, mut app, test) = home_with_open_room(Lang::En);
    app.core.info("Exported.");
    let shown = masked(&app, test);
    assert!(shown.contains("Exported."), "{shown}");
    assert!(!shown.contains("Room open for"), "{shown}");
    act(&mut app, Action::Down);
    assert!(masked(&app, test).contains("Room open for “Test”"));
}

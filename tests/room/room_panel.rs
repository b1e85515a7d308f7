//! The room from the run screen: `O` opens it (a real server, on the
//! address `room::open` picks) and shows how to join in the roster's
//! place; `O` again, or quitting, closes it and clears its status.

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::room_panel::{draw, Join};
use atelier::tui::theme::Theme;
use atelier::tui::widgets::qr::Qr;
use common::tui::{act, run, running, screen, store};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn panel(lang: Lang, width: u16, height: u16) -> String {
    let qr = Qr::new("http://192.168.1.20:7777/").unwrap();
    let join = Join {
        url: "http://192.168.1.20:7777/",
        code: "482193",
        joined: 3,
        qr: Some(&qr),
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = Theme { color: false };
    terminal
        .draw(|f| draw(&join, lang, &theme, f.area(), f.buffer_mut()))
        .unwrap();
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.trim_end().to_string() + "\n"
        })
        .collect()
}

#[test]
fn the_panel_in_english_and_french() {
    insta::assert_snapshot!("room_panel_en", panel(Lang::En, 31, 22));
    insta::assert_snapshot!("room_panel_fr", panel(Lang::Fr, 31, 22));
}

#[test]
fn a_room_served_on_this_computer_only_says_so() {
    let join = Join {
        url: "http://127.0.0.1:7777/",
        code: "482193",
        joined: 0,
        qr: None,
    };
    for (lang, warning) in [
        (Lang::En, "this computer only"),
        (Lang::Fr, "cet ordinateur seulement"),
    ] {
        let mut terminal = Terminal::new(TestBackend::new(31, 12)).unwrap();
        let theme = Theme { color: false };
        terminal
            .draw(|f| draw(&join, lang, &theme, f.area(), f.buffer_mut()))
            .unwrap();
        let buf = terminal.backend().buffer();
        let shown: String = (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .map(|p| buf[p].symbol().to_string())
            .collect();
        assert!(shown.contains(warning), "{shown}");
    }
    assert!(!atelier::tui::room_panel::serves_this_computer_only(
        "http://192.168.1.20:7777/"
    ));
}

#[test]
fn a_short_panel_keeps_the_url_and_code_without_the_qr() {
    let shown = panel(Lang::En, 31, 10);
    assert!(!shown.contains('▀'), "{shown}");
    assert!(shown.contains("http://192.168.1.20:7777/"), "{shown}");
    assert!(shown.contains("Code: 482193"), "{shown}");
    assert!(shown.contains("phones joined: 3"), "{shown}");
}

#[test]
fn o_opens_and_closes_the_room_of_the_session() {
    let (_dir, mut app) = running();
    let session = run(&app).session_id();
    assert!(!screen(&app, 120, 40).contains("Room open"));

    act(&mut app, Action::Room);
    let status = store(&app).room_status(session).unwrap().expect("open");
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Room open"), "{shown}");
    assert!(shown.contains(&status.code), "{shown}");
    assert!(shown.contains(&status.url), "{shown}");
    assert!(shown.contains('▀'), "the QR code is drawn:\n{shown}");
    // The server answers at the URL shown.
    let host = status
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/');
    assert!(std::net::TcpStream::connect(host).is_ok());

    act(&mut app, Action::Room);
    assert_eq!(store(&app).room_status(session).unwrap(), None);
    assert!(!screen(&app, 120, 40).contains("Room open"));
    assert!(std::net::TcpStream::connect(host).is_err(), "port freed");
}

#[test]
fn quitting_closes_the_room() {
    let (dir, mut app) = running();
    let session = run(&app).session_id();
    act(&mut app, Action::Room);
    assert!(store(&app).room_status(session).unwrap().is_some());
    drop(app);
    let reopened = atelier::store::Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    assert_eq!(reopened.room_status(session).unwrap(), None);
}

#[test]
fn closing_the_session_closes_the_room() {
    let (_dir, mut app) = running();
    let session = run(&app).session_id();
    act(&mut app, Action::Room);
    assert!(app.core.room.is_some());
    // Past the last stage the run screen asks to end the session.
    for _ in 0..10 {
        act(&mut app, Action::NextStage);
    }
    act(&mut app, Action::Yes);
    let status = store(&app).session(session).unwrap().status;
    assert_eq!(status, atelier::model::SessionStatus::Closed);
    assert!(app.core.room.is_none(), "{:?}", app.core.status);
    assert_eq!(store(&app).room_status(session).unwrap(), None);
}

//! A room served by another program (`atelier room SESSION` in another
//! terminal, on the same database) shows on home as the app's own does: a
//! marker on its session's line and, in the status line, that another
//! program serves it and where. Home follows it as it follows other
//! writers (the loop's `data_version` look, then a refresh); a room whose
//! heartbeat stopped (a crashed server) is taken for gone. On the run
//! screen, `O` does not start a second server for that session: it says
//! where the room already is.

use crate::common;

use atelier::model::{Id, Lang, ManualClock};
use atelier::store::Store;
use atelier::templates::Catalog;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::home::HomeState;
use common::tui::{act, screen};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

/// `atelier room` in another terminal, on 127.0.0.1; stopped as Ctrl+C
/// would when dropped.
struct OtherProgram {
    child: Child,
    url: String,
}

impl OtherProgram {
    fn serve(db: &std::path::Path, session: Id) -> OtherProgram {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("atelier"))
            .env("ATELIER_DB", db)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .args(["room", &session.to_string(), "--bind", "127.0.0.1"])
            .args(["--port", "0", "--code", "2468"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {first:?}"))
            .to_string();
        OtherProgram { child, url }
    }

    fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Drop for OtherProgram {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The app on the real clock: heartbeats are compared with real time.
fn app_now(store: Store, lang: Lang) -> App {
    let mut app = App::new(
        store,
        lang,
        Catalog::built_in(),
        chrono::Utc::now,
        std::path::PathBuf::from("/home/facilitator/Documents/Atelier"),
    );
    app.core.theme.color = false;
    app
}

/// What the event loop does after each event: look at `data_version`, and
/// refresh the screen when another connection wrote.
fn loop_looks(app: &mut App, watched: &mut i64) {
    let now = app.core.store.data_version().unwrap();
    if now != *watched {
        *watched = now;
        app.store_changed();
    }
}

fn line_with<'a>(shown: &'a str, text: &str) -> &'a str {
    shown.lines().find(|l| l.contains(text)).unwrap_or("")
}

#[test]
fn home_shows_a_room_another_program_serves_and_o_opens_no_second_one() {
    for (lang, marker, status, refused) in [
        (
            Lang::En,
            "● room open elsewhere",
            "● Room for “Test” served by another program · http://ADDRESS:PORT/",
            "Room already open in another program: http://ADDRESS:PORT/",
        ),
        (
            Lang::Fr,
            "● salle ouverte ailleurs",
            "● Salle de « Test » servie par un autre programme · http://ADDRESS:PORT/",
            "Salle déjà ouverte par un autre programme : http://ADDRESS:PORT/",
        ),
    ] {
        let (_dir, mut store, _sample) = common::sample_store();
        let test = common::new_session(&mut store, &["Ana", "Bo"]);
        let db = store.path().to_path_buf();
        let mut app = app_now(store, lang);
        let mut watched = app.core.store.data_version().unwrap();
        assert!(!screen(&app, 80, 24).contains(marker));

        let mut other = OtherProgram::serve(&db, test);
        let masked = |app: &App| screen(app, 80, 24).replace(&other.url, "http://ADDRESS:PORT/");
        loop_looks(&mut app, &mut watched);
        let shown = masked(&app);
        assert!(line_with(&shown, "Test ").contains(marker), "{shown}");
        assert_eq!(shown.matches(marker).count(), 1, "{shown}");
        assert_eq!(line_with(&shown, status), status, "{shown}");
        let name = match lang {
            Lang::En => "home_room_elsewhere_en",
            Lang::Fr => "home_room_elsewhere_fr",
        };
        insta::assert_snapshot!(name, shown);

        // The run screen's O says where the room is, and starts nothing.
        app.screen_as_mut::<HomeState>().unwrap().select(test);
        act(&mut app, Action::Open);
        act(&mut app, Action::Room);
        assert!(app.core.room.is_none(), "no second server");
        let shown = masked(&app);
        assert!(shown.contains(refused), "{shown}");
        let status_row = app.core.store.room_status(test).unwrap().unwrap();
        assert_eq!(status_row.url, other.url, "the other program's room stays");
        // Nor does a second `atelier room`.
        let second = assert_cmd::Command::cargo_bin("atelier")
            .unwrap()
            .env("ATELIER_DB", &db)
            .env("LANG", "C")
            .args([
                "room",
                &test.to_string(),
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
            ])
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone();
        let second = String::from_utf8(second).unwrap();
        assert!(
            second.contains(&format!(
                "already open in another program, at {}",
                other.url
            )),
            "{second}"
        );
        while app.screen_as::<HomeState>().is_none() {
            act(&mut app, Action::Back);
        }

        // The other program stops: home follows.
        other.stop();
        loop_looks(&mut app, &mut watched);
        app.core.status = None;
        let shown = screen(&app, 80, 24);
        assert!(!shown.contains(marker), "{shown}");
        assert!(!shown.contains(&other.url), "{shown}");
    }
}

#[test]
fn a_room_whose_heartbeat_stopped_is_gone_and_the_run_screen_opens_its_own() {
    let (_dir, mut store, _sample) = common::sample_store();
    let test = common::new_session(&mut store, &["Ana"]);
    // What a crashed `atelier room` leaves: its status, with a heartbeat a
    // minute old (the server writes one every 5 s).
    let minute_ago = chrono::Utc::now() - chrono::Duration::seconds(60);
    store.set_clock(Arc::new(ManualClock::new(minute_ago)));
    store
        .open_room_status(test, "http://192.0.2.7:7777/", "1357")
        .unwrap();
    let mut app = app_now(store, Lang::En);
    let shown = screen(&app, 80, 24);
    assert!(!shown.contains("room open"), "{shown}");
    assert!(!shown.contains("192.0.2.7"), "{shown}");

    // A live one, written just now, shows.
    let mut live = Store::open(app.core.store.path()).unwrap();
    live.open_room_status(test, "http://192.0.2.8:7777/", "2468")
        .unwrap();
    app.store_changed();
    let shown = screen(&app, 80, 24);
    assert!(
        line_with(&shown, "Test ").contains("● room open elsewhere"),
        "{shown}"
    );
    assert!(shown.contains("http://192.0.2.8:7777/"), "{shown}");
    // It goes stale in turn: the crashed leftover no longer stops the app
    // from opening its own room.
    live.set_clock(Arc::new(ManualClock::new(minute_ago)));
    live.room_heartbeat(test).unwrap();
    app.store_changed();
    assert!(!screen(&app, 80, 24).contains("room open elsewhere"));
    app.screen_as_mut::<HomeState>().unwrap().select(test);
    act(&mut app, Action::Open);
    act(&mut app, Action::Room);
    let url = app
        .core
        .room
        .as_ref()
        .expect("the app's own room")
        .url()
        .to_string();
    assert_eq!(app.core.store.room_status(test).unwrap().unwrap().url, url);
}

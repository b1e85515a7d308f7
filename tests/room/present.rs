//! The projector view (`atelier present`): snapshots of what it draws in
//! French and English, and the real binary in a pseudo-terminal following
//! a write made by another connection.

use crate::common;

use atelier::model::{Id, Kind, Lang, Origin};
use atelier::room::public::public_state;
use atelier::store::{NewContribution, Store};
use atelier::tui::present::view;
use atelier::tui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::Duration;

fn add(store: &mut Store, stage: Id, who: Option<Id>, parent: Option<Id>, text: &str) -> Id {
    store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: who,
            kind: Kind::Observation,
            text: text.into(),
            parent_id: parent,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        })
        .unwrap()
        .id
}

/// A session in `lang`, 7 min 5 s into its second stage, with a named
/// item, a sub-point, an anonymous one and hostile text, and an open room.
fn session(store: &mut Store, lang: Lang) -> Id {
    let clock = common::clocked(store);
    let id = common::new_session(store, &["Ana Lopez", "Bo Chen"]);
    let mut s = store.session(id).unwrap();
    s.language = lang;
    s.title = "Mobility 2026".into();
    s.question = "How do we get to work without a car?".into();
    store.update_session(&s).unwrap();
    let stage = store.stages(id).unwrap()[1].id;
    if lang == Lang::Fr {
        store.set_stage_title(stage, "Constats & enjeux").unwrap();
    }
    store.enter_stage(id, stage, None).unwrap();
    let ana = store.participants(id).unwrap()[0].id;
    let late = add(store, stage, Some(ana), None, "Trains are late");
    add(store, stage, None, Some(late), "Especially on Mondays");
    add(
        store,
        stage,
        None,
        None,
        "Bus \u{1b}[31mred\u{1b}[0m stops at 7pm",
    );
    store
        .open_room_status(id, "http://192.168.1.20:7777/", "482193")
        .unwrap();
    clock.advance(chrono::Duration::seconds(7 * 60 + 5));
    store.room_heartbeat(id).unwrap();
    id
}

fn draw(store: &Store, session: Id, since: i64) -> String {
    let state = public_state(store, session).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let theme = Theme { color: false };
    terminal
        .draw(|f| view::render(&state, since, &theme, f.area(), f.buffer_mut()))
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
fn the_projector_view_in_english_and_french() {
    for lang in [Lang::En, Lang::Fr] {
        let (_dir, mut store) = common::temp_store();
        let id = session(&mut store, lang);
        let screen = draw(&store, id, 3);
        // The clock runs on between two reads: 7:05 read, 3 s later.
        assert!(screen.contains("07:08 / 30:00"), "{screen}");
        assert!(!screen.contains('\u{1b}'));
        insta::assert_snapshot!(format!("present_{}", lang.code()), screen);
    }
}

#[test]
fn the_join_code_goes_when_the_room_closes() {
    let (_dir, mut store) = common::temp_store();
    let id = session(&mut store, Lang::En);
    assert!(draw(&store, id, 0).contains("482193"));
    store.close_room_status(id).unwrap();
    let screen = draw(&store, id, 0);
    assert!(
        !screen.contains("482193") && !screen.contains('▀'),
        "{screen}"
    );
    assert!(screen.contains("Trains are late — Ana Lopez"), "{screen}");
}

/// The real binary, in a pseudo-terminal: a contribution added by another
/// connection reaches the screen without a key press; q quits and puts
/// the terminal back.
#[cfg(unix)]
#[test]
fn the_real_view_follows_another_connection() {
    use expectrl::{Eof, Expect};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let id = common::new_session(&mut store, &["Ana"]);
    let stage = store.stages(id).unwrap()[1].id;
    store.enter_stage(id, stage, None).unwrap();
    add(&mut store, stage, None, None, "First remark");

    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_atelier"));
    cmd.args(["present", &id.to_string()])
        .env("ATELIER_DB", &db)
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let mut s = expectrl::Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(15)));
    s.expect("First").unwrap();

    add(&mut store, stage, None, None, "Arrived-from-elsewhere");
    s.expect("Arrived-from-elsewhere").unwrap();

    s.send("q").unwrap();
    // The terminal is put back: the alternate screen is left.
    s.expect("\x1b[?1049l").unwrap();
    s.expect(Eof).unwrap();
}

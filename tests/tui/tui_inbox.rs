//! The room's inbox in the terminal UI, on a real database: phones' input
//! written by another connection shows as a count on the run screen; `I`
//! opens the inbox where Enter accepts, `e` edits then accepts (an edit
//! cancelled with Esc is kept), `m` merges, `d` declines, `A` and `S` set
//! the room settings, `u` and Ctrl+R undo and redo. Snapshots in French
//! and English.

use crate::common;

use atelier::model::{InboxState, Kind, Lang, Origin};
use atelier::store::{RoomInput, Store};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::inbox::InboxState as Inbox;
use atelier::tui::screens::run::RunState;
use common::tui::{act, key, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn inbox(app: &App) -> &Inbox {
    app.screen_as::<Inbox>().expect("on the inbox screen")
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::NONE);
}

/// A session on the run screen, and a second connection to its file (the
/// room server's, as it were).
fn running(lang: Lang) -> (tempfile::TempDir, App, Store) {
    let (dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo"]);
    let path = store.path().to_path_buf();
    let mut app = common::tui::app(store, lang);
    act(&mut app, Action::Open);
    assert!(app.screen_as::<RunState>().is_some());
    let phones = Store::open(&path).unwrap();
    (dir, app, phones)
}

fn send(phones: &mut Store, text: &str, from: Option<&str>, anonymous: bool) {
    let session = phones.list_sessions(false).unwrap()[0].id;
    let stage = phones.stages(session).unwrap()[1].id;
    let who = from.map(|name| {
        let people = phones.participants(session).unwrap();
        people.into_iter().find(|p| p.name == name).unwrap().id
    });
    let input = RoomInput {
        stage_id: stage,
        kind: Kind::Observation,
        text: text.into(),
        participant_id: who,
        anonymous,
    };
    phones.receive_from_room(session, &input).unwrap();
}

fn live(app: &App) -> Vec<(String, Origin)> {
    let data = &inbox(app).data;
    data.live().map(|c| (c.text.clone(), c.origin)).collect()
}

#[test]
fn the_run_screen_counts_what_waits_and_the_inbox_moderates_it() {
    for lang in [Lang::Fr, Lang::En] {
        let (_dir, mut app, mut phones) = running(lang);
        send(
            &mut phones,
            "Les agents ne sont pas consultés",
            Some("Ana"),
            false,
        );
        send(&mut phones, "On n'ose pas le dire en réunion", None, true);
        send(
            &mut phones,
            "les agents pas consultés !!",
            Some("Bo"),
            false,
        );
        // The loop notices the other connection's writes.
        app.store_changed();
        let run = screen(&app, 100, 20);
        let badge = if lang == Lang::Fr {
            "[Boîte : 3]"
        } else {
            "[Inbox: 3]"
        };
        assert!(run.contains(badge), "{run}");

        act(&mut app, Action::Inbox);
        assert_eq!(inbox(&app).items.len(), 3);
        insta::assert_snapshot!(format!("inbox_{}", lang.code()), screen(&app, 100, 22));

        // Enter accepts the first as sent; undo sends it back; redo.
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            live(&app),
            [("Les agents ne sont pas consultés".to_string(), Origin::Room)]
        );
        assert_eq!(inbox(&app).items.len(), 2);
        press(&mut app, 'u');
        assert_eq!(inbox(&app).items.len(), 3);
        assert!(live(&app).is_empty());
        key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(inbox(&app).items.len(), 2);

        // `e`: an edit cancelled is kept for the next `e`, then accepted.
        press(&mut app, 'e');
        type_text(&mut app, " : personne n'ose en parler");
        key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        assert!(app.core.popup.is_none());
        let first = inbox(&app).items[0].id;
        assert!(inbox(&app).drafts.contains_key(&first));
        press(&mut app, 'e');
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        let texts: Vec<String> = live(&app).into_iter().map(|(t, _)| t).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(
            texts[1].ends_with("réunion : personne n'ose en parler"),
            "{texts:?}"
        );
        assert!(inbox(&app).drafts.is_empty());

        // `m` merges the duplicate into the first item (the picker opens
        // on the items of its stage).
        press(&mut app, 'm');
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert!(inbox(&app).items.is_empty());
        let all = app
            .core
            .store
            .inbox(inbox(&app).session_id(), false)
            .unwrap();
        assert_eq!(all[2].state, InboxState::Merged);
        assert_eq!(live(&app).len(), 2, "a merge adds no item");

        // `A` and `S` set the room settings; `u` takes one back.
        key(&mut app, KeyCode::Char('A'), KeyModifiers::SHIFT);
        key(&mut app, KeyCode::Char('S'), KeyModifiers::SHIFT);
        let s = inbox(&app).settings;
        assert!(s.accept_all && !s.show_items);
        press(&mut app, 'u');
        assert!(inbox(&app).settings.show_items);

        // Esc goes back to the run screen, which counts nothing waiting.
        key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        let run = app.screen_as::<RunState>().expect("back on the run screen");
        assert_eq!(run.pending_inputs, 0);
    }
}

#[test]
fn decline_keeps_the_input_out_of_the_list_and_undo_brings_it_back() {
    let (_dir, mut app, mut phones) = running(Lang::En);
    send(&mut phones, "hors sujet", None, false);
    act(&mut app, Action::Inbox);
    press(&mut app, 'd');
    assert!(inbox(&app).items.is_empty());
    assert!(live(&app).is_empty());
    let shown = screen(&app, 90, 20);
    assert!(shown.contains("Nothing waits"), "{shown}");
    press(&mut app, 'u');
    assert_eq!(inbox(&app).items.len(), 1);
    let said = app.core.status.as_ref().map(|s| s.text.clone());
    assert_eq!(said.as_deref(), Some("Undone: input declined"));
}

#[test]
fn input_arriving_while_the_inbox_is_open_shows_on_refresh() {
    let (_dir, mut app, mut phones) = running(Lang::En);
    act(&mut app, Action::Inbox);
    assert!(inbox(&app).items.is_empty());
    send(&mut phones, "arrivée pendant", None, false);
    app.store_changed();
    assert_eq!(inbox(&app).items.len(), 1);
}

/// After an undo (or a redo) that sends an input back to the inbox, that
/// input is the one selected: the next key decides it, not its neighbour.
#[test]
fn undo_selects_the_input_that_came_back() {
    let (_dir, mut app, mut phones) = running(Lang::En);
    for text in ["premier", "deuxième", "troisième"] {
        send(&mut phones, text, None, false);
    }
    act(&mut app, Action::Inbox);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    let selected = |app: &App| inbox(app).current().map(|i| i.text.clone());
    assert_eq!(selected(&app).as_deref(), Some("deuxième"));

    press(&mut app, 'd');
    assert_eq!(selected(&app).as_deref(), Some("troisième"));
    press(&mut app, 'u');
    assert_eq!(selected(&app).as_deref(), Some("deuxième"));

    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(selected(&app).as_deref(), Some("troisième"));
    press(&mut app, 'u');
    assert_eq!(selected(&app).as_deref(), Some("deuxième"));

    // Redo decides it again; undoing that redo selects it once more.
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(selected(&app).as_deref(), Some("premier"));
    press(&mut app, 'u');
    assert_eq!(selected(&app).as_deref(), Some("deuxième"));
}

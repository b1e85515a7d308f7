//! The run screen's links on a real database: `l` opens the picker of what
//! the selected item answers (the kind before it, Tab for every kind),
//! space marks, Enter links and unlinks as one change (`u` undoes it); `L`
//! shows the links both ways; linked items carry a mark in the list.

use crate::common;

use atelier::model::{Id, Kind, Lang};
use atelier::store::Store;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::keymap::Context;
use common::tui::{act, key, run, screen};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

struct Items {
    o1: Id,
    o2: Id,
    question: Id,
    stake: Id,
}

/// A session in `lang` whose second stage holds two observations, a
/// question and a stake, opened on that stage with the stake selected.
fn session(lang: Lang) -> (tempfile::TempDir, App, Items) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana", "Bo"], lang);
    let stage = store.stages(id).unwrap()[1].id;
    let add = |store: &mut Store, kind, text: &str| common::add_item(store, stage, kind, text);
    let items = Items {
        o1: add(&mut store, Kind::Observation, "Teams work alone"),
        o2: add(&mut store, Kind::Observation, "Nobody knows the budget"),
        question: add(&mut store, Kind::Question, "Who decides?"),
        stake: add(&mut store, Kind::Stake, "Sharing what we learn"),
    };
    let mut app = common::tui::app(store, lang);
    // A session with contributions opens on the list.
    act(&mut app, Action::Open);
    act(&mut app, Action::NextStage);
    select(&mut app, items.stake);
    (dir, app, items)
}

fn select(app: &mut App, id: Id) {
    act(app, Action::Top);
    for _ in 0..20 {
        if run(app).selected_id() == Some(id) {
            return;
        }
        act(app, Action::Down);
    }
    panic!("{id} is not in the list");
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::NONE);
}

fn answers(app: &App, from: Id) -> Vec<Id> {
    let r = run(app);
    atelier::model::Links::of(&r.data)
        .answers(from)
        .iter()
        .map(|c| c.id)
        .collect()
}

#[test]
fn a_stake_is_linked_to_its_observations_and_undone_in_one_key() {
    let (_d, mut app, it) = session(Lang::En);
    press(&mut app, 'l');
    assert_eq!(app.context(), Context("links"));
    let picker = run(&app).links.picker.as_ref().unwrap();
    // The kind before a stake: observations only.
    assert_eq!(picker.candidates, vec![it.o1, it.o2]);
    press(&mut app, ' ');
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    press(&mut app, ' ');
    assert!(run(&app).data.links.is_empty(), "nothing written yet");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.context(), Context("run"));
    assert_eq!(answers(&app, it.stake), vec![it.o1, it.o2]);
    let on_file = common::tui::store(&app)
        .load(run(&app).session_id())
        .unwrap();
    assert_eq!(on_file.links, run(&app).data.links);
    assert!(screen(&app, 120, 40).contains("Sharing what we learn ↖2"));
    assert!(screen(&app, 120, 40).contains("Teams work alone ↘1"));

    // Reopened, what is linked is marked: unmarking unlinks, and Tab
    // offers every kind.
    press(&mut app, 'l');
    let picker = run(&app).links.picker.as_ref().unwrap();
    assert_eq!(picker.marked.len(), 2);
    press(&mut app, ' ');
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    let picker = run(&app).links.picker.as_ref().unwrap();
    assert_eq!(picker.candidates, vec![it.o1, it.o2, it.question]);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(answers(&app, it.stake), vec![it.o2]);

    act(&mut app, Action::Undo);
    assert_eq!(answers(&app, it.stake), vec![it.o1, it.o2]);
    act(&mut app, Action::Undo);
    assert!(answers(&app, it.stake).is_empty());
    act(&mut app, Action::Redo);
    assert_eq!(answers(&app, it.stake), vec![it.o1, it.o2]);
}

#[test]
fn escape_leaves_the_links_as_they_were() {
    let (_d, mut app, it) = session(Lang::En);
    act(&mut app, Action::Link);
    act(&mut app, Action::LinkMark);
    act(&mut app, Action::Back);
    assert_eq!(app.context(), Context("run"), "the picker is closed");
    assert!(run(&app).data.links.is_empty());
    assert!(answers(&app, it.stake).is_empty());
    // Enter with nothing changed writes nothing either.
    act(&mut app, Action::Link);
    act(&mut app, Action::Confirm);
    assert!(run(&app).data.links.is_empty());
    assert!(!run(&app).history.can_undo());
}

#[test]
fn an_observation_is_offered_every_kind() {
    let (_d, mut app, it) = session(Lang::En);
    select(&mut app, it.o1);
    act(&mut app, Action::Link);
    let picker = run(&app).links.picker.as_ref().unwrap();
    assert_eq!(picker.candidates, vec![it.o2, it.question, it.stake]);
}

#[test]
fn the_picker_and_the_panel_read_in_both_languages() {
    for lang in Lang::ALL {
        let (_d, mut app, it) = session(lang);
        act(&mut app, Action::Link);
        act(&mut app, Action::LinkMark);
        insta::assert_snapshot!(
            format!("links_picker_{}", lang.code()),
            screen(&app, 100, 30)
        );
        act(&mut app, Action::Confirm);
        select(&mut app, it.o1);
        act(&mut app, Action::ShowLinks);
        insta::assert_snapshot!(
            format!("links_panel_{}", lang.code()),
            screen(&app, 100, 30)
        );
        // The panel follows the selection; an item without links says how
        // to make one.
        select(&mut app, it.question);
        let text = screen(&app, 100, 30);
        let hint = atelier::i18n::t(lang, "links.none");
        assert!(text.contains(&hint[..20]), "{text}");
        act(&mut app, Action::ShowLinks);
        assert!(!screen(&app, 100, 30).contains(&hint[..20]));
    }
}

#[test]
fn a_paste_under_the_picker_waits_in_the_input_box_and_keys_stay_the_pickers() {
    let (_d, mut app, it) = session(Lang::En);
    act(&mut app, Action::Link);
    atelier::tui::handle_event(
        &mut app,
        ratatui::crossterm::event::Event::Paste("kept".into()),
    );
    // `x` is no picker key: it is not typed behind the picker either.
    press(&mut app, 'x');
    press(&mut app, ' ');
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(answers(&app, it.stake), vec![it.o1]);
    let typed = atelier::tui::widgets::editor::text_of(&run(&app).input);
    assert_eq!(typed, "kept");
}

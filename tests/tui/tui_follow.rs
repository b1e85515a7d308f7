//! The run screen's follow-through keys on a real database: park a
//! contribution, bring it back from the parking lot, log a decision, and
//! undo each.

use crate::common;

use atelier::tui::action::Action;
use atelier::tui::keymap::Context;
use common::tui::{act, editor_text, live_texts, run, running, say, screen, store, type_text};

fn parked_texts(app: &atelier::tui::app::App) -> Vec<String> {
    let data = store(app).load(run(app).session_id()).unwrap();
    data.parked().iter().map(|c| c.text.clone()).collect()
}

#[test]
fn park_takes_the_selected_item_out_of_the_list_and_undo_brings_it_back() {
    let (_d, mut app) = running();
    say(&mut app, "on topic");
    say(&mut app, "the canteen");
    act(&mut app, Action::Back);
    act(&mut app, Action::Bottom);
    act(&mut app, Action::Park);
    assert_eq!(live_texts(&app), ["on topic"]);
    assert_eq!(parked_texts(&app), ["the canteen"]);
    assert_eq!(run(&app).parked, 1);
    assert!(screen(&app, 120, 40).contains("[parking lot 1]"));
    act(&mut app, Action::Undo);
    assert_eq!(live_texts(&app), ["on topic", "the canteen"]);
    assert!(parked_texts(&app).is_empty());
    let shown = screen(&app, 120, 40);
    assert!(!shown.contains("[parking lot"), "no badge left");
    assert!(shown.contains("Undone: sent to the parking lot"), "{shown}");
    act(&mut app, Action::Redo);
    assert_eq!(parked_texts(&app), ["the canteen"]);
}

#[test]
fn unpark_brings_an_item_into_the_current_stage_with_its_author() {
    let (_d, mut app) = running();
    act(&mut app, Action::Participant(2));
    say(&mut app, "the canteen");
    act(&mut app, Action::Back);
    act(&mut app, Action::Park);
    act(&mut app, Action::NextStage);
    act(&mut app, Action::ParkingLot);
    assert_eq!(app.context(), Context::PICKER);
    act(&mut app, Action::Confirm);
    let r = run(&app);
    let c = r.data.live().next().expect("back in a stage");
    assert_eq!(c.text, "the canteen");
    assert_eq!(c.stage_id, r.stage().unwrap().id, "into the stage shown");
    let bo = r.data.participants[1].id;
    assert_eq!(c.participant_id, Some(bo), "it keeps its author");
    assert_eq!(r.parked, 0);
    act(&mut app, Action::Undo);
    assert_eq!(parked_texts(&app), ["the canteen"]);
}

#[test]
fn an_empty_parking_lot_says_so() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::ParkingLot);
    assert!(app.core.popup.is_none());
    let said = &app.core.status.as_ref().unwrap().text;
    assert_eq!(said, "The parking lot is empty.");
    act(&mut app, Action::Park);
    assert_eq!(
        app.core.status.as_ref().unwrap().text,
        atelier::i18n::t(atelier::model::Lang::En, "run.nothing_selected")
    );
}

#[test]
fn a_decision_is_typed_in_an_editor_logged_and_undone() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Decide);
    assert_eq!(editor_text(&app).as_deref(), Some(""));
    type_text(&mut app, "We meet in May");
    act(&mut app, Action::Submit);
    assert!(editor_text(&app).is_none(), "saved and closed");
    let id = run(&app).session_id();
    let log = store(&app).load(id).unwrap().decisions;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].text, "We meet in May");
    assert_eq!(run(&app).data.decisions, log, "the screen holds it too");
    act(&mut app, Action::Undo);
    let undone = store(&app).load(id).unwrap();
    assert_eq!(undone.logged_decisions().count(), 0);
    assert_eq!(run(&app).data.logged_decisions().count(), 0);
    act(&mut app, Action::Redo);
    assert_eq!(store(&app).load(id).unwrap().decisions, log);
}

#[test]
fn an_empty_decision_is_refused_and_the_editor_stays_open() {
    let (_d, mut app) = running();
    act(&mut app, Action::Back);
    act(&mut app, Action::Decide);
    type_text(&mut app, "   ");
    act(&mut app, Action::Submit);
    assert!(editor_text(&app).is_some());
    let id = run(&app).session_id();
    assert!(store(&app).load(id).unwrap().decisions.is_empty());
}

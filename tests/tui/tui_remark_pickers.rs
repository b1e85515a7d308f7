//! The versions screen's pickers offer the session's lead (not on the
//! roster) after the roster, for a sign-off and for a remark; a remark on
//! a section offers only the sections the report holds, in its order.

use crate::common;

use atelier::model::{Kind, Lang};
use atelier::tui::action::Action;
use atelier::tui::screens::versions::VersionsState;
use common::tui::{act, key, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[test]
fn the_lead_signs_and_makes_remarks() {
    let (_dir, store) = common::temp_store();
    let mut store = store;
    common::new_session(&mut store, &["Ana", "Bo"]);
    let mut app = common::tui::app(store, Lang::En);
    act(&mut app, Action::Review);
    key(&mut app, KeyCode::Char('p'), KeyModifiers::NONE);
    // Ana, Bo, then the lead "Lea", then someone else.
    key(&mut app, KeyCode::Char('s'), KeyModifiers::NONE);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    let s = app.screen_as::<VersionsState>().unwrap();
    let sign_off = &s.data.review.sign_offs[0];
    assert_eq!(
        (sign_off.name.as_str(), sign_off.participant_id),
        ("Lea", None)
    );

    key(&mut app, KeyCode::Char('a'), KeyModifiers::NONE);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    // Only the sections the report holds, in its order: no decisions yet.
    let shown = common::tui::screen(&app, 100, 30);
    assert!(!shown.contains("Section: Decisions"), "{shown}");
    let (question, synthesis) = (
        shown.find("Section: Question"),
        shown.find("Section: Synthesis"),
    );
    assert!(question.is_some(), "{shown}");
    assert!(synthesis.is_none_or(|at| Some(at) > question), "{shown}");
    // About the whole report, then the remark, with a newline at its end.
    act(&mut app, Action::Confirm);
    type_text(&mut app, "Add the dates");
    key(&mut app, KeyCode::Enter, KeyModifiers::SHIFT);
    act(&mut app, Action::Submit);
    let s = app.screen_as::<VersionsState>().unwrap();
    let remark = &s.data.review.feedback[0];
    assert_eq!(
        (remark.name.as_str(), remark.text.as_str()),
        ("Lea", "Add the dates")
    );
}

/// A long remark, cut on its line in the list, reads in full below it
/// when selected.
#[test]
fn a_long_remark_reads_in_full_when_selected() {
    let (_dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana"]);
    let mut app = common::tui::app(store, Lang::En);
    act(&mut app, Action::Review);
    key(&mut app, KeyCode::Char('p'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('a'), KeyModifiers::NONE);
    act(&mut app, Action::Confirm);
    act(&mut app, Action::Confirm);
    let long = format!("{} the very end", "word ".repeat(40));
    type_text(&mut app, &long);
    act(&mut app, Action::Submit);
    act(&mut app, Action::Top);
    let before = common::tui::screen(&app, 80, 24);
    assert!(!before.contains("the very end"), "{before}");
    act(&mut app, Action::Down);
    let shown = common::tui::screen(&app, 80, 24);
    assert!(shown.contains("the very end"), "{shown}");
}

/// The contribution a remark is about is picked alone: no checkboxes, the
/// space bar marks nothing, Enter takes the selected one; sub-points sit
/// indented under their parent.
#[test]
fn a_remark_s_contribution_is_one_picked_with_sub_points_indented() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let stage = store.stages(session).unwrap()[1].id;
    let parent = common::add_item(&mut store, stage, Kind::Observation, "Trains are late");
    let child = store
        .add_contribution(&atelier::store::NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Observation,
            text: "On Mondays".into(),
            parent_id: Some(parent),
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        })
        .unwrap();
    let mut app = common::tui::app(store, Lang::En);
    act(&mut app, Action::Review);
    key(&mut app, KeyCode::Char('p'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('a'), KeyModifiers::NONE);
    act(&mut app, Action::Confirm);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    key(&mut app, KeyCode::Char(' '), KeyModifiers::NONE);
    let shown = common::tui::screen(&app, 100, 30);
    assert!(!shown.contains("[x]") && !shown.contains("[ ]"), "{shown}");
    // Its own keys: the bar says Enter takes it, nothing about marks.
    assert_eq!(app.context(), atelier::tui::keymap::Context("pick_one"));
    assert!(shown.contains("take this one"), "{shown}");
    assert!(!shown.contains("mark / unmark"), "{shown}");
    let column = |text: &str| {
        let line = shown.lines().find(|l| l.contains(text)).expect(text);
        line[..line.find("[Observation]").unwrap()].chars().count()
    };
    assert_eq!(
        column("On Mondays"),
        column("Trains are late") + 2,
        "{shown}"
    );
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    type_text(&mut app, "Which day?");
    act(&mut app, Action::Submit);
    let s = app.screen_as::<VersionsState>().unwrap();
    assert_eq!(s.data.review.feedback[0].contribution_id, Some(child.id));
}

//! The vote screen on a real database: `v` from the run list opens it; a
//! voter is chosen by number or picker, dots go on and come off with one
//! key each, within the session's dots; a tally is typed; the counts stay
//! off the screen until revealed; undo and redo go through the commands.

use crate::common;

use atelier::model::{Anonymity, Lang};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::keymap::Context;
use atelier::tui::screens::vote::VoteState;
use common::tui::{act, key, say, screen, store, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn voting_in(lang: Lang, anonymous: bool) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    if anonymous {
        let mut details = atelier::commands::Details::of(&store.session(id).unwrap());
        details.anonymity = Anonymity::Anonymous;
        atelier::commands::apply(
            &mut store,
            id,
            &atelier::commands::Command::SetDetails(details),
        )
        .unwrap();
    }
    let mut app = common::tui::app(store, lang);
    act(&mut app, Action::Open);
    // To the ideas.
    act(&mut app, Action::NextStage);
    act(&mut app, Action::NextStage);
    say(&mut app, "Bike sheds by the gate");
    say(&mut app, "Quiet room on Fridays");
    say(&mut app, "Shared lunch table");
    act(&mut app, Action::Back);
    act(&mut app, Action::Vote);
    assert_eq!(app.context(), Context("vote"));
    (dir, app)
}

fn vote(app: &App) -> &VoteState {
    app.screen_as::<VoteState>().expect("on the vote screen")
}

fn status(app: &App) -> String {
    app.core
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Ana: two dots on the first item; Bo: one on the second; a tally of 2
/// on the second; so the first two items tie at 2 and the third has 0.
fn tie(app: &mut App) {
    act(app, Action::Participant(1));
    act(app, Action::AddDot);
    act(app, Action::AddDot);
    act(app, Action::Participant(2));
    act(app, Action::Down);
    act(app, Action::AddDot);
    act(app, Action::Tally);
    type_text(app, "1");
    act(app, Action::Submit);
}

#[test]
fn dots_go_on_within_the_budget_and_undo_takes_them_back() {
    let (_d, mut app) = voting_in(Lang::En, false);
    act(&mut app, Action::AddDot);
    assert_eq!(status(&app), "First choose who votes (1…9 or p)");
    act(&mut app, Action::Participant(1));
    for _ in 0..3 {
        act(&mut app, Action::AddDot);
    }
    act(&mut app, Action::AddDot);
    assert_eq!(
        status(&app),
        "Ana has 3 dots and already placed 3: 1 more would be too many (0 left)"
    );
    let s = vote(&app);
    let ana = s.voter.unwrap();
    assert_eq!(s.data.voting.used(ana), 3);
    let on_file = store(&app).load(s.data.session.id).unwrap();
    assert_eq!(on_file.voting, s.data.voting, "every dot is on file");

    act(&mut app, Action::RemoveDot);
    assert_eq!(vote(&app).data.voting.used(ana), 2);
    act(&mut app, Action::Undo);
    assert_eq!(vote(&app).data.voting.used(ana), 3);
    act(&mut app, Action::Undo);
    act(&mut app, Action::Undo);
    assert_eq!(vote(&app).data.voting.used(ana), 1);
    act(&mut app, Action::Redo);
    assert_eq!(vote(&app).data.voting.used(ana), 2);
    // Someone with no dot here has nothing to take back.
    act(&mut app, Action::Participant(3));
    act(&mut app, Action::RemoveDot);
    assert_eq!(status(&app), "This person has no dot on this item");
    // 0 is nobody.
    act(&mut app, Action::Participant(0));
    assert_eq!(vote(&app).voter, None);
}

#[test]
fn a_voter_can_be_picked_from_a_list() {
    let (_d, mut app) = voting_in(Lang::En, false);
    act(&mut app, Action::PickParticipant);
    assert_eq!(app.context(), Context::PICKER);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    assert_eq!(vote(&app).voter_name(), Some("Bo"));
}

#[test]
fn a_tally_and_the_dots_per_person_are_typed() {
    let (_d, mut app) = voting_in(Lang::En, false);
    act(&mut app, Action::Down);
    act(&mut app, Action::Tally);
    type_text(&mut app, "many");
    act(&mut app, Action::Submit);
    assert_eq!(status(&app), "\"many\" is not a whole number");
    assert!(app.core.popup.is_some(), "the editor stays open");
    for _ in 0.."many".len() {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    type_text(&mut app, "7");
    act(&mut app, Action::Submit);
    let s = vote(&app);
    let second = s.items[1].0;
    assert_eq!(s.data.voting.tally(second), 7);
    // A new tally replaces the old one.
    act(&mut app, Action::Tally);
    type_text(&mut app, "4");
    act(&mut app, Action::Submit);
    assert_eq!(vote(&app).data.voting.tally(second), 4);
    act(&mut app, Action::Undo);
    assert_eq!(vote(&app).data.voting.tally(second), 7);

    act(&mut app, Action::SetDots);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    type_text(&mut app, "5");
    act(&mut app, Action::Submit);
    assert_eq!(vote(&app).data.voting.dots_per_participant, 5);
}

/// The item rows of the screen (inside the list's box).
fn item_rows(app: &App) -> Vec<String> {
    screen(app, 80, 20)
        .lines()
        .skip(4)
        .filter(|l| l.starts_with('│'))
        .map(str::to_string)
        .collect()
}

#[test]
fn hidden_counts_never_reach_the_screen() {
    let (_d, mut app) = voting_in(Lang::En, false);
    tie(&mut app);
    assert!(!vote(&app).data.voting.revealed, "hidden by default");
    let rows = item_rows(&app);
    assert!(rows[0].contains("Bike sheds"), "{rows:?}");
    for row in &rows {
        assert!(
            !row.chars().any(|c| c.is_ascii_digit() || c == '●'),
            "{row}"
        );
    }
    act(&mut app, Action::VoteRanking);
    assert!(screen(&app, 80, 20).contains("The ranking is hidden"));
    act(&mut app, Action::ToggleVotesShown);
    let s = vote(&app);
    assert!(s.data.voting.revealed);
    let on_file = store(&app).load(s.data.session.id).unwrap();
    assert!(on_file.voting.revealed, "the reveal is stored per session");
    let text = screen(&app, 80, 20);
    assert!(text.contains("1 (tied)"), "{text}");
    act(&mut app, Action::Undo);
    assert!(!vote(&app).data.voting.revealed);
}

#[test]
fn an_anonymous_session_never_shows_whose_dots_an_item_holds() {
    let (_d, mut app) = voting_in(Lang::En, true);
    tie(&mut app);
    act(&mut app, Action::ToggleVotesShown);
    act(&mut app, Action::Participant(1));
    let text = screen(&app, 80, 20);
    assert!(!text.contains('●'), "{text}");
    assert!(text.contains("  2 "), "totals still show: {text}");
}

#[test]
fn esc_goes_back_to_the_run_list() {
    let (_d, mut app) = voting_in(Lang::En, false);
    act(&mut app, Action::Back);
    assert_eq!(app.context(), Context("run"));
}

#[test]
fn the_vote_screen_in_both_languages() {
    for lang in Lang::ALL {
        let (_d, mut app) = voting_in(lang, false);
        tie(&mut app);
        insta::assert_snapshot!(format!("vote_hidden_{}", lang.code()), screen(&app, 80, 20));
        act(&mut app, Action::ToggleVotesShown);
        insta::assert_snapshot!(
            format!("vote_revealed_{}", lang.code()),
            screen(&app, 80, 20)
        );
        act(&mut app, Action::VoteRanking);
        insta::assert_snapshot!(
            format!("vote_ranking_{}", lang.code()),
            screen(&app, 80, 20)
        );
    }
}

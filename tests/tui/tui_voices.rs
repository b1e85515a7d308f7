//! Every voice heard on the run screen: the roster marks who has not
//! spoken in this stage (○) and who is under an even share of the
//! session's contributions (↓), in both languages.

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::run::RunState;
use common::tui::{act, run, say, screen, store};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn running_in(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let mut app = common::tui::app(store, lang);
    act(&mut app, Action::Open);
    assert!(app.screen_as::<RunState>().is_some());
    (dir, app)
}

/// The roster's box, right of the list, as text.
fn roster(app: &App) -> String {
    screen(app, 80, 24)
        .lines()
        .map(|l| l.chars().skip(54).collect::<String>())
        .skip(6)
        .take(10)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Ana says three things, Bo one, Cy nothing: Bo is under an even share
/// (4 ÷ 3), Cy has not spoken.
fn uneven(app: &mut App) {
    act(app, Action::Participant(1));
    say(app, "one");
    act(app, Action::Participant(1));
    say(app, "two");
    act(app, Action::Participant(1));
    say(app, "three");
    act(app, Action::Participant(2));
    say(app, "four");
    act(app, Action::Back);
}

#[test]
fn the_roster_marks_who_is_under_an_even_share() {
    for lang in Lang::ALL {
        let (_d, mut app) = running_in(lang);
        uneven(&mut app);
        let text = roster(&app);
        let line = |name: &str| {
            text.lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{name} in {text}"))
                .to_string()
        };
        assert!(line("Ana").contains("1  Ana"), "{text}");
        assert!(line("Bo").contains("2↓ Bo"), "{text}");
        assert!(line("Cy").contains("3○ Cy"), "{text}");
        // Cy is under too, but counted among the unheard.
        let legend = text.lines().find(|l| l.contains("│↓")).expect("a legend");
        assert!(legend.contains(": 1"), "{text}");
        insta::assert_snapshot!(format!("roster_balance_{}", lang.code()), text);
    }
}

fn ids(app: &App) -> Vec<atelier::model::Id> {
    run(app).data.roster().map(|p| p.id).collect()
}

#[test]
fn round_robin_gives_the_floor_in_roster_order_to_who_has_not_spoken() {
    let (_d, mut app) = running_in(Lang::En);
    let [ana, _bo, cy] = ids(&app)[..] else {
        panic!("three people")
    };
    // Bo spoke already in this stage: the round skips them.
    act(&mut app, Action::Participant(2));
    say(&mut app, "before");
    assert_eq!(run(&app).participant, None, "off: back to the group");
    act(&mut app, Action::RoundRobin);
    assert!(run(&app).round_robin);
    assert_eq!(run(&app).participant, Some(ana));
    say(&mut app, "ana says");
    assert_eq!(run(&app).participant, Some(cy), "Bo has spoken");
    say(&mut app, "cy says");
    assert_eq!(run(&app).participant, None, "everyone had a turn");
    act(&mut app, Action::RoundRobin);
    assert!(!run(&app).round_robin);
}

#[test]
fn a_pass_is_recorded_as_a_turn_and_undo_takes_it_back() {
    let (_d, mut app) = running_in(Lang::En);
    let [ana, bo, _cy] = ids(&app)[..] else {
        panic!("three people")
    };
    act(&mut app, Action::RoundRobin);
    assert_eq!(run(&app).participant, Some(ana));
    // Typing in the input box: Ctrl+N passes without leaving it.
    common::tui::key(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(editor_text_of(&app), "", "no n typed");
    assert_eq!(run(&app).participant, Some(bo), "the floor moves on");
    let stored = |app: &App| {
        let data = store(app).load(run(app).session_id()).unwrap();
        data.live_passes()
            .map(|p| (p.participant_id, p.stage_id))
            .collect::<Vec<_>>()
    };
    let stage = run(&app).stage().unwrap().id;
    assert_eq!(stored(&app), [(ana, stage)]);
    assert!(run(&app).turn_taken(ana));
    assert!(run(&app).data.live().next().is_none(), "a pass has no text");
    act(&mut app, Action::Undo);
    assert!(stored(&app).is_empty(), "undo takes the pass back");
    assert!(!run(&app).turn_taken(ana));
    act(&mut app, Action::Redo);
    assert_eq!(stored(&app), [(ana, stage)]);
}

#[test]
fn passing_needs_someone_chosen() {
    let (_d, mut app) = running_in(Lang::En);
    act(&mut app, Action::Pass);
    let data = store(&app).load(run(&app).session_id()).unwrap();
    assert!(data.passes.is_empty());
}

#[test]
fn the_roster_shows_the_order_in_a_round_robin() {
    for lang in Lang::ALL {
        let (_d, mut app) = running_in(lang);
        act(&mut app, Action::RoundRobin);
        say(&mut app, "ana says");
        let text = roster(&app);
        assert!(text.contains("1✓ Ana"), "{text}");
        assert!(text.contains("2▶ Bo"), "{text}");
        // Cy has the floor after Bo: a mark of its own, not ▶.
        assert!(text.contains("3→ Cy"), "{text}");
        insta::assert_snapshot!(format!("roster_round_robin_{}", lang.code()), text);
    }
}

fn editor_text_of(app: &App) -> String {
    run(app).input.lines().join("\n")
}

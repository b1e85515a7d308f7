//! What a facilitator's try-out of the French interface found, each driven
//! through real keys: one undo history per session across every screen,
//! and saying what was undone.

use crate::common;

use atelier::model::Lang;
use atelier::tui::app::App;
use atelier::tui::screens::run::Focus;
use common::tui::{app, key, live_texts, run, say};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::NONE);
}

fn esc(app: &mut App) {
    key(app, KeyCode::Esc, KeyModifiers::NONE);
}

fn status(app: &App) -> String {
    app.core
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// A fresh session in `lang`, open on the run screen.
fn running_in(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let mut app = app(store, lang);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    run(&app);
    (dir, app)
}

/// Types an idea and records it, then puts the focus on the list.
fn say_then_list(app: &mut App, text: &str) {
    if run(app).focus != Focus::Input {
        key(app, KeyCode::Enter, KeyModifiers::NONE);
    }
    say(app, text);
    esc(app);
}

#[test]
fn undo_after_visiting_another_screen_takes_back_the_last_change() {
    let (_d, mut app) = running_in(Lang::Fr);
    say_then_list(&mut app, "Un café coopération");
    for screen in ['T', 'F', 'v', 'c'] {
        press(&mut app, 'z');
        assert!(live_texts(&app).is_empty(), "parked");
        press(&mut app, screen);
        esc(&mut app);
        run(&app);
        press(&mut app, 'u');
        assert_eq!(status(&app), "Annulé : mise au parking", "after {screen}");
        assert_eq!(live_texts(&app), ["Un café coopération"], "after {screen}");
    }
    // Redo walks the same history, from another screen too.
    press(&mut app, 'z');
    press(&mut app, 'u');
    press(&mut app, 'T');
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(status(&app), "Rétabli : mise au parking");
    esc(&mut app);
    assert!(live_texts(&app).is_empty(), "parked again");
}

#[test]
fn a_dot_placed_on_the_vote_screen_is_undone_from_the_run_screen_in_english() {
    let (_d, mut app) = running_in(Lang::En);
    say_then_list(&mut app, "A coffee morning");
    press(&mut app, 'v');
    press(&mut app, '1'); // Ana votes
    press(&mut app, '+');
    esc(&mut app);
    press(&mut app, 'u');
    assert_eq!(status(&app), "Undone: dot placed");
    let id = run(&app).session_id();
    let voting = app.core.store.load(id).unwrap().voting;
    assert!(voting.votes.iter().all(|v| v.removed_at.is_some()));
}

#[test]
fn an_anonymous_contribution_is_nobody_s_in_the_roster_and_moves_the_round_robin_on() {
    let (_d, mut app) = running_in(Lang::Fr);
    esc(&mut app);
    press(&mut app, 'r'); // the round-robin gives the floor to Ana
    let ana = run(&app).data.roster().next().unwrap().id;
    assert_eq!(run(&app).participant, Some(ana));
    key(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    say(&mut app, "On n'ose pas contredire la direction");
    let bo = run(&app).data.roster().nth(1).unwrap().id;
    assert_eq!(run(&app).participant, Some(bo), "Ana had her turn");
    let shown = common::tui::screen(&app, 120, 40);
    let line = |name: &str| {
        // The roster is the last column of the screen.
        shown
            .lines()
            .filter_map(|l| l.split('│').rfind(|c| !c.is_empty()))
            .find(|cell| cell.contains(&format!(" {name} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("Groupe").trim_end().ends_with("0/0"), "{shown}");
    assert!(line("anonyme").trim_end().ends_with("1/1"), "{shown}");
    assert!(line("Ana").contains("✓"), "{shown}");
}

/// The link picker's (selected, marked, candidates).
fn link_picker(app: &App) -> (usize, usize, usize) {
    let p = run(app)
        .links
        .picker
        .as_ref()
        .expect("the link picker is open");
    (p.selected, p.marked.len(), p.candidates.len())
}

#[test]
fn the_link_picker_marks_and_moves_down_and_goes_to_either_end() {
    let (_d, mut app) = running_in(Lang::En);
    for text in ["One", "Two", "Three", "Four"] {
        say_then_list(&mut app, text);
    }
    press(&mut app, 'l');
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE); // every kind
    assert_eq!(link_picker(&app), (0, 0, 3));
    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    assert_eq!(link_picker(&app).0, 2);
    key(&mut app, KeyCode::Home, KeyModifiers::NONE);
    assert_eq!(link_picker(&app).0, 0);
    key(&mut app, KeyCode::Char(' '), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(link_picker(&app), (2, 2, 3), "two marked, on the third");
    key(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(link_picker(&app).0, 0);
    key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(link_picker(&app).0, 2);
}

#[test]
fn the_themes_screen_shows_sub_points_indented() {
    let (_d, mut app) = running_in(Lang::En);
    say_then_list(&mut app, "Mobility");
    say_then_list(&mut app, "A shuttle bus");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE); // a sub-point of the first
    press(&mut app, 'T');
    let shown = common::tui::screen(&app, 120, 30);
    // What follows an item's check box: its kind, or the indent first.
    let row = |text: &str| {
        let line = shown.lines().find(|l| l.contains(text)).unwrap_or_default();
        line[line.find("[ ] ").unwrap() + 4..].to_string()
    };
    assert!(!row("Mobility").starts_with(' '), "{shown}");
    assert!(row("A shuttle bus").starts_with("  "), "{shown}");
}

#[test]
fn the_ranking_lists_only_items_with_dots_and_undo_says_what_it_took_back() {
    let (_d, mut app) = running_in(Lang::Fr);
    for text in ["Un café", "Un parrainage", "Une charte"] {
        say_then_list(&mut app, text);
    }
    press(&mut app, 'v');
    if !run_voting_revealed(&app) {
        press(&mut app, 'h');
    }
    press(&mut app, '1');
    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    press(&mut app, '+');
    press(&mut app, 'r');
    let shown = common::tui::screen(&app, 100, 24);
    assert!(shown.contains("Une charte"), "{shown}");
    assert!(!shown.contains("Un café"), "no dots, not ranked: {shown}");
    assert!(!shown.contains("ex aequo"), "{shown}");
    press(&mut app, 'u');
    assert_eq!(status(&app), "Annulé : point placé");
    let shown = common::tui::screen(&app, 100, 24);
    assert!(shown.contains("Aucun point pour l'instant"), "{shown}");
}

fn run_voting_revealed(app: &App) -> bool {
    app.screen_as::<atelier::tui::screens::vote::VoteState>()
        .expect("on the vote screen")
        .data
        .voting
        .revealed
}

#[test]
fn a_session_with_items_opens_on_the_list_and_one_with_a_draft_in_the_box() {
    let (_d, mut app) = running_in(Lang::Fr);
    assert_eq!(
        run(&app).focus,
        Focus::Input,
        "a first run: nothing to act on"
    );
    say_then_list(&mut app, "Un café");
    let stage = run(&app).flow.current;
    esc(&mut app); // home
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(run(&app).focus, Focus::List);
    assert!(common::tui::screen(&app, 120, 40).contains("Entrée ou i pour écrire"));
    press(&mut app, ']');
    assert_eq!(run(&app).flow.current, stage + 1, "] changes stage");
    // A draft reopens in the box, as it was left.
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    common::tui::type_text(&mut app, "à finir");
    esc(&mut app);
    esc(&mut app);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(run(&app).focus, Focus::Input);
    assert!(run(&app).has_text());
}

/// A French session shown in an English interface, on the run screen.
fn french_session_in_english() -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let mut s = store.session(id).unwrap();
    s.language = Lang::Fr;
    store.update_session(&s).unwrap();
    let mut app = app(store, Lang::En);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    (dir, app)
}

#[test]
fn interface_words_follow_the_interface_language_and_say_what_they_mean() {
    let (_d, mut app) = french_session_in_english();
    say(&mut app, "Une idée");
    let shown = common::tui::screen(&app, 120, 40);
    // The kind is the interface's word; the typed text stays as typed.
    assert!(shown.contains("Recorded ✓ Group · Context"), "{shown}");
    assert!(shown.contains("Context (1)"), "{shown}");
    assert!(shown.contains("Session total 0:00"), "{shown}");
    esc(&mut app);
    // `n` outside a round says how to choose someone from here.
    press(&mut app, 'n');
    assert!(
        status(&app).contains("start the round-robin (r)"),
        "{}",
        status(&app)
    );
    // The who-list of an action reads as the follow-through's.
    press(&mut app, 'A');
    common::tui::type_text(&mut app, "Book the room");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let shown = common::tui::screen(&app, 120, 40);
    assert!(shown.contains("— nobody in particular —"), "{shown}");
    assert!(!shown.contains("0 Group "), "{shown}");
}

#[test]
fn set_up_offers_left_right_on_a_choice_and_shows_the_cursor_at_the_end() {
    let (_d, mut app) = running_in(Lang::Fr);
    esc(&mut app);
    press(&mut app, 'c');
    while !common::tui::screen(&app, 120, 30).contains("›Langue") {
        key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    app.core.status = None;
    let shown = common::tui::screen(&app, 120, 30);
    assert!(shown.contains("← → choisir"), "{shown}");
    key(&mut app, KeyCode::Up, KeyModifiers::NONE); // a text field
    assert!(!common::tui::screen(&app, 120, 30).contains("← →"));
    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    let shown = common::tui::screen(&app, 120, 30);
    assert!(
        shown.contains("›  + "),
        "the cursor on the last row: {shown}"
    );
}

#[test]
fn in_a_round_robin_the_one_speaking_and_the_next_have_distinct_marks() {
    let (_d, mut app) = running_in(Lang::Fr);
    esc(&mut app);
    press(&mut app, 'r');
    let shown = common::tui::screen(&app, 120, 40);
    assert!(shown.contains("1▶ Ana"), "{shown}");
    assert!(shown.contains("2→ Bo"), "{shown}");
    assert!(shown.contains("▶ parle · → ensuite · ✓ fait"), "{shown}");
}

#[test]
fn an_ended_1_2_4_all_keeps_its_teams_ideas_in_the_report() {
    use atelier::commands::{apply, Command};
    use atelier::model::Structure;
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let first = store.stages(session).unwrap()[0].id;
    let set = Command::SetStructure {
        stage: first,
        structure: Structure::OneTwoFourAll,
    };
    apply(&mut store, session, &set).unwrap();
    let mut app = app(store, Lang::En);
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    esc(&mut app);
    for _ in 0..4 {
        press(&mut app, 'f');
    }
    say_then_list(&mut app, "A coffee morning");
    press(&mut app, 'f'); // the end
    say_then_list(&mut app, "Said after");
    let data = app.core.store.load(session).unwrap();
    assert!(data.stages[0].one_two_four_all_ended());
    let md = atelier::report::render(atelier::report::Format::Markdown, &data);
    let at = md.find("### Team 1").expect(&md);
    assert!(md[at..].contains("A coffee morning"), "{md}");
    let after = data.live().find(|c| c.text == "Said after").unwrap();
    assert_eq!(after.group, None, "no team once the 1-2-4-All has ended");
}

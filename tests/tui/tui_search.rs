//! Search from the home screen, and home grouped by event: snapshots in
//! French and English, and Enter opening the session at the hit.

use crate::common;

use atelier::model::{Kind, Lang, Origin};
use atelier::store::{NewContribution, Store};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::run::RunState;
use atelier::tui::screens::search::SearchState;
use chrono::NaiveDate;
use common::tui::{act, app, run, screen, type_text};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 6, d).unwrap()
}

/// The sample (event "Emergence", closed), the next session of its
/// workshop with a proposal, another atelier of the event, and a session
/// without an event.
fn history() -> (tempfile::TempDir, Store) {
    let (dir, mut store, sample) = common::sample_store();
    let next = store.next_session(sample, day(24), None).unwrap();
    let mut synthesis = store.synthesis(next).unwrap();
    synthesis.proposal = "Une charte signée par chaque service".into();
    store.save_synthesis(next, &synthesis).unwrap();
    let other = common::new_session(&mut store, &[]);
    let mut s = store.session(other).unwrap();
    (s.title, s.event, s.date) = ("Atelier 3".into(), "Emergence".into(), day(12));
    store.update_session(&s).unwrap();
    let loose = common::new_session(&mut store, &[]);
    let mut s = store.session(loose).unwrap();
    (s.title, s.date) = ("Rétro d'équipe".into(), day(30));
    store.update_session(&s).unwrap();
    (dir, store)
}

#[test]
fn home_groups_sessions_by_event_and_workshop() {
    for lang in [Lang::Fr, Lang::En] {
        let (_dir, store) = history();
        let app = app(store, lang);
        let name = format!("home_by_event_{}", lang.code());
        insta::assert_snapshot!(name, screen(&app, 120, 20));
    }
}

#[test]
fn the_filter_still_narrows_the_grouped_list() {
    let (_dir, store) = history();
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Filter);
    type_text(&mut app, "atelier 3");
    let shown = screen(&app, 120, 20);
    assert!(shown.contains("Atelier 3"), "{shown}");
    assert!(
        !shown.contains("Session 2") && !shown.contains("Rétro"),
        "{shown}"
    );
}

#[test]
fn search_shows_hits_grouped_by_session() {
    for lang in [Lang::Fr, Lang::En] {
        let (_dir, store) = history();
        let mut app = app(store, lang);
        act(&mut app, Action::Search);
        let empty = screen(&app, 100, 20);
        insta::assert_snapshot!(format!("search_empty_{}", lang.code()), empty);
        type_text(&mut app, "cooperation charte");
        let found = masked_ids(&screen(&app, 100, 24));
        insta::assert_snapshot!(format!("search_found_{}", lang.code()), found);
        type_text(&mut app, "zzz");
        assert!(screen(&app, 100, 20).contains(match lang {
            Lang::Fr => "Rien trouvé",
            Lang::En => "Nothing found",
        }));
    }
}

fn screen_is_search(app: &App) -> &SearchState {
    app.screen_as::<SearchState>().expect("the search screen")
}

#[test]
fn enter_opens_the_run_screen_at_the_hit_in_its_stage() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let stages = store.stages(session).unwrap();
    let mut say = |text: &str| {
        store
            .add_contribution(&NewContribution {
                stage_id: stages[2].id,
                participant_id: None,
                kind: Kind::Idea,
                text: text.into(),
                parent_id: None,
                group: None,
                anonymous: false,
                origin: Origin::Facilitator,
            })
            .unwrap()
            .id
    };
    say("Un four à pain");
    let wanted = say("Un potager partagé");
    say("Une grainothèque");
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Search);
    type_text(&mut app, "potag");
    let hit = screen_is_search(&app).current().unwrap().clone();
    assert_eq!(hit.contribution, Some(wanted));
    act(&mut app, Action::Open);
    let run = run(&app);
    assert_eq!(run.selected_id(), Some(wanted));
    assert_eq!(run.stage().unwrap().id, stages[2].id);
}

#[test]
fn typing_q_or_slash_in_search_is_text() {
    let (_dir, store) = history();
    let mut app = app(store, Lang::En);
    act(&mut app, Action::Search);
    type_text(&mut app, "q/s?");
    assert_eq!(screen_is_search(&app).query, "q/s?");
    act(&mut app, Action::Back);
    assert!(app.screen_as::<SearchState>().is_none());
    assert!(app.screen_as::<RunState>().is_none());
}

/// The screen with each session's id start, "(0179f526)", shown as "(id)"
/// padded to the same width: the sessions made by the test get new ids on
/// every run.
fn masked_ids(screen: &str) -> String {
    let mut out = String::new();
    let mut rest = screen;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(')') {
            Some(close)
                if close >= 8
                    && after[..close]
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == '-') =>
            {
                out.push_str("(id)");
                out.push_str(&" ".repeat(close + 2 - 4));
                rest = &after[close + 1..];
            }
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

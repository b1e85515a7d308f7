//! The run screen's 1-2-4-All and per-contribution anonymity on a real
//! database: `f` steps through 1, 2, 4 and All (undoable, stored so a
//! restart resumes there), Ctrl+G moves to the next group in the All step,
//! Ctrl+O records the one being typed without its author; FR/EN snapshots
//! of each step and of an anonymous contribution being typed.

use crate::common;

use atelier::commands::{apply, Command, Timing};
use atelier::model::{Lang, Segment, SessionStatus, Step, Structure};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use chrono::Duration;
use common::tui::{act, app, fixed_clock, key, run, say, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// A session whose "Ideas to explore" runs a 1-2-4-All, on the run screen
/// in that stage, the list focused.
fn in_ideas(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let ideas = store.stages(session).unwrap()[2].id;
    let set = Command::SetStructure {
        stage: ideas,
        structure: Structure::OneTwoFourAll,
    };
    apply(&mut store, session, &set).unwrap();
    let mut app = app(store, lang);
    act(&mut app, Action::Open);
    act(&mut app, Action::Back);
    act(&mut app, Action::NextStage);
    act(&mut app, Action::NextStage);
    assert_eq!(run(&app).stage().unwrap().id, ideas);
    (dir, app)
}

/// The stage has run since `ran` before the fixed now, and its steps
/// started `ago` (each before the fixed now).
fn steps_at(app: &mut App, ran: Duration, ago: &[Duration]) {
    let session = run(app).session_id();
    let stage = run(app).stage().unwrap().id;
    let timing = Timing {
        status: SessionStatus::Running,
        stages: vec![(
            stage,
            vec![Segment {
                started_at: fixed_clock() - ran,
                ended_at: None,
            }],
        )],
    };
    let starts = ago.iter().map(|a| fixed_clock() - *a).collect();
    let commands = [
        Command::PutTiming(timing),
        Command::PutSteps { stage, starts },
    ];
    for command in &commands {
        apply(&mut app.core.store, session, command).unwrap();
    }
    app.store_changed();
}

fn step(app: &App) -> Option<Step> {
    run(app).stage().unwrap().steps().step()
}

fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn f_steps_through_the_1_2_4_all_and_undo_takes_a_step_back() {
    let (_d, mut app) = in_ideas(Lang::En);
    assert_eq!(step(&app), None);
    assert!(screen(&app, 120, 40).contains("1-2-4-All: f starts step 1"));
    let expected = [Step::Alone, Step::Pairs, Step::Foursomes, Step::All];
    for want in expected {
        key(&mut app, KeyCode::Char('f'), KeyModifiers::NONE);
        assert_eq!(step(&app), Some(want));
    }
    let session = run(&app).session_id();
    let on_file = &app.core.store.stages(session).unwrap()[2];
    assert_eq!(on_file.steps().step(), Some(Step::All), "stored");
    act(&mut app, Action::Undo);
    assert_eq!(step(&app), Some(Step::Foursomes));
    act(&mut app, Action::Redo);
    assert_eq!(step(&app), Some(Step::All));
    // f in the All step ends the 1-2-4-All, stored, and undoable.
    assert!(screen(&app, 120, 40).contains("All — one idea per team · f: end"));
    key(&mut app, KeyCode::Char('f'), KeyModifiers::NONE);
    let ended = |app: &App| app.core.store.stages(session).unwrap()[2].clone();
    assert!(ended(&app).one_two_four_all_ended(), "stored");
    assert_eq!(run(&app).structure_step(), None);
    assert!(app
        .core
        .status
        .as_ref()
        .unwrap()
        .text
        .starts_with("1-2-4-All ended"));
    key(&mut app, KeyCode::Char('f'), KeyModifiers::NONE);
    assert_eq!(
        app.core.status.as_ref().unwrap().text,
        "This stage's 1-2-4-All has ended"
    );
    key(&mut app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(
        app.core.status.as_ref().unwrap().text,
        "Undone: how the stage runs"
    );
    assert_eq!(ended(&app).structure, Structure::OneTwoFourAll);
    assert_eq!(step(&app), Some(Step::All), "back in All");
}

#[test]
fn the_bell_rings_as_a_step_nears_its_end_and_as_it_ends() {
    let (_d, mut app) = in_ideas(Lang::En);
    app.bell = true;
    let (min, sec) = (Duration::minutes, Duration::seconds);
    steps_at(&mut app, min(10), &[sec(30)]);
    assert!(!app.ring_bell(), "half a minute alone: nothing");
    steps_at(&mut app, min(10), &[sec(50)]);
    assert!(app.ring_bell(), "into the step's warning");
    assert!(!app.ring_bell(), "once");
    steps_at(&mut app, min(10), &[sec(70)]);
    assert!(app.ring_bell(), "the minute is over");
    steps_at(&mut app, min(10), &[sec(70), sec(5)]);
    assert!(!app.ring_bell(), "a new step starts quiet");
}

#[test]
fn f_in_an_open_stage_says_how_to_make_it_a_1_2_4_all() {
    let (_d, mut app) = common::tui::running();
    act(&mut app, Action::Back);
    key(&mut app, KeyCode::Char('f'), KeyModifiers::NONE);
    assert!(run(&app).stage().unwrap().step_starts.is_empty());
    assert!(!run(&app).history.can_undo(), "nothing to undo");
}

#[test]
fn in_the_all_step_each_idea_is_recorded_with_its_group() {
    let (_d, mut app) = in_ideas(Lang::En);
    // Before the All step there are no groups.
    act(&mut app, Action::Write);
    ctrl(&mut app, 'g');
    say(&mut app, "Before All");
    act(&mut app, Action::Back);
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('f'), KeyModifiers::NONE);
    }
    act(&mut app, Action::Write);
    say(&mut app, "First group's idea");
    ctrl(&mut app, 'g');
    say(&mut app, "Second group's idea");
    // After the last group with something recorded, one empty group, then
    // back to group 1.
    ctrl(&mut app, 'g');
    ctrl(&mut app, 'g');
    assert_eq!(run(&app).input_group(), Some(1));
    let groups: Vec<(String, Option<u32>)> = run(&app)
        .data
        .live()
        .map(|c| (c.text.clone(), c.group))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("Before All".to_string(), None),
            ("First group's idea".to_string(), Some(1)),
            ("Second group's idea".to_string(), Some(2)),
        ]
    );
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Second group's idea — team 2"), "{shown}");
    app.core.status = None;
    let bar = screen(&app, 120, 40);
    assert!(bar.contains("Ctrl+G next team"), "{bar}");
    // Once the 1-2-4-All has ended, ideas carry no team.
    act(&mut app, Action::Back);
    key(&mut app, KeyCode::Char('f'), KeyModifiers::NONE);
    act(&mut app, Action::Write);
    assert_eq!(run(&app).input_group(), None);
    app.core.status = None;
    assert!(
        !screen(&app, 120, 40).contains("Ctrl+G"),
        "no team to move to"
    );
    say(&mut app, "After the 1-2-4-All");
    let last = run(&app).data.live().last().unwrap().clone();
    assert_eq!(
        (last.text.as_str(), last.group),
        ("After the 1-2-4-All", None)
    );
}

#[test]
fn ctrl_o_records_a_contribution_without_its_author_and_undo_redo_keep_it_so() {
    let (_d, mut app) = common::tui::running();
    key(&mut app, KeyCode::Char('1'), KeyModifiers::ALT);
    ctrl(&mut app, 'o');
    type_text(&mut app, "Nobody must know");
    assert!(run(&app).anonymous);
    act(&mut app, Action::Submit);
    let c = run(&app).data.live().next().unwrap().clone();
    assert_eq!((c.participant_id, c.anonymous), (None, true));
    assert!(!run(&app).anonymous, "the next one is named again");
    let on_file = app.core.store.contribution(c.id).unwrap();
    assert_eq!((on_file.participant_id, on_file.anonymous), (None, true));
    act(&mut app, Action::Undo);
    assert_eq!(run(&app).data.live().count(), 0);
    act(&mut app, Action::Redo);
    let back = app.core.store.contribution(c.id).unwrap();
    assert_eq!((back.participant_id, back.anonymous), (None, true));
    // Nobody is credited: Ana has said nothing.
    let ana = run(&app).data.roster().next().unwrap().id;
    assert!(!run(&app).counts.contains_key(&Some(ana)));
    // Giving it a speaker afterwards is refused, not done silently.
    act(&mut app, Action::Back);
    act(&mut app, Action::SetWho);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    let still = app.core.store.contribution(c.id).unwrap();
    assert_eq!((still.participant_id, still.anonymous), (None, true));
    // An edit keeps it anonymous.
    act(&mut app, Action::Edit);
    type_text(&mut app, "!");
    act(&mut app, Action::Submit);
    let edited = app.core.store.contribution(c.id).unwrap();
    assert_eq!(edited.text, "Nobody must know!");
    assert_eq!((edited.participant_id, edited.anonymous), (None, true));
}

#[test]
fn each_step_of_a_1_2_4_all_in_both_languages() {
    let min = Duration::minutes;
    let sec = Duration::seconds;
    let states: [(&str, Vec<Duration>); 5] = [
        ("not_started", vec![]),
        // 50 s into the minute alone: the warning.
        ("step_1", vec![sec(50)]),
        ("step_2", vec![min(2), sec(30)]),
        // 4 min 20 s in foursomes: over time.
        ("step_4", vec![min(9), min(8), sec(260)]),
        ("step_all", vec![min(9), min(8), min(6), min(1)]),
    ];
    for lang in Lang::ALL {
        for (name, ago) in &states {
            let (_d, mut app) = in_ideas(lang);
            steps_at(&mut app, min(10), ago);
            if *name == "step_all" {
                act(&mut app, Action::Write);
                say(&mut app, "Une charte co-écrite");
                ctrl(&mut app, 'g');
                type_text(&mut app, "Des binômes");
            }
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("{name}_{lang}_{w}x{h}"), screen(&app, w, h));
            }
        }
    }
}

#[test]
fn an_anonymous_contribution_being_typed_in_both_languages() {
    for lang in Lang::ALL {
        let (dir, mut store) = common::temp_store();
        common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
        let mut app = app(store, lang);
        act(&mut app, Action::Open);
        key(&mut app, KeyCode::Char('2'), KeyModifiers::ALT);
        ctrl(&mut app, 'o');
        type_text(&mut app, "Le chef ne nous écoute pas");
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("anonymous_{lang}_{w}x{h}"), screen(&app, w, h));
        }
        drop(dir);
    }
}

#[test]
fn set_up_moves_the_1_2_4_all_from_stage_to_stage_and_undo_takes_it_back() {
    use atelier::tui::screens::setup::{Field, SetupRow, SetupState};
    let (_d, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana"]);
    let mut app = app(store, Lang::Fr);
    act(&mut app, Action::Setup);
    fn setup(app: &App) -> &SetupState {
        app.screen_as::<SetupState>().unwrap()
    }
    let on = |app: &App| -> Vec<bool> {
        setup(app)
            .data
            .stages
            .iter()
            .map(|s| s.structure == Structure::OneTwoFourAll)
            .collect()
    };
    while setup(&app).current() != SetupRow::Field(Field::Structure) {
        act(&mut app, Action::Down);
    }
    assert!(screen(&app, 120, 40).contains("1-2-4-Tous   ‹ aucune ›"));
    for _ in 0..3 {
        act(&mut app, Action::Right);
    }
    assert_eq!(on(&app), [false, false, true, false]);
    assert!(screen(&app, 120, 40).contains("‹ Ideas to explore ›"));
    act(&mut app, Action::Left);
    assert_eq!(on(&app), [false, true, false, false]);
    act(&mut app, Action::Undo);
    assert_eq!(on(&app), [false, false, true, false]);
    let session = setup(&app).data.session.id;
    let stored = app.core.store.stages(session).unwrap();
    assert_eq!(stored[2].structure, Structure::OneTwoFourAll, "on file");
    // Past the last stage: none again.
    act(&mut app, Action::Right);
    act(&mut app, Action::Right);
    assert_eq!(on(&app), [false; 4]);
}

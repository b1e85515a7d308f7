//! The synthesis screen remembers where its parts come from: `t`, `b` and
//! `p` record the picked item as a source, `l` opens the run screen's link
//! picker to say what the proposal (or the selected block) builds on; each
//! is one change for `u`. Also: `a` in Review & export writes the
//! anonymised report, and the vote ranking shows the themes' ranking.

use crate::common;

use atelier::model::{Id, Kind, Lang, Synthesis, SynthesisPart};
use atelier::store::Store;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::keymap::Context;
use atelier::tui::screens::synthesis::{Pane, SynthesisState};
use common::tui::{act, key, screen, store};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

struct Items {
    idea_a: Id,
    idea_b: Id,
    proposal: Id,
}

/// A session in `lang` whose second stage holds an observation, two ideas
/// and a proposal item, opened on the synthesis screen.
fn synthesis_in(lang: Lang) -> (tempfile::TempDir, App, Items) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana", "Bo"], lang);
    let stage = store.stages(id).unwrap()[1].id;
    let add = |store: &mut Store, kind, text: &str| common::add_item(store, stage, kind, text);
    add(&mut store, Kind::Observation, "Teams work alone");
    let items = Items {
        idea_a: add(&mut store, Kind::Idea, "A monthly open lab"),
        idea_b: add(&mut store, Kind::Idea, "A shared wiki"),
        proposal: add(&mut store, Kind::Proposal, "Start the lab in May"),
    };
    let mut app = common::tui::app(store, lang);
    // The session has contributions: it opens on the list.
    act(&mut app, Action::Open);
    act(&mut app, Action::Synthesis);
    assert!(app.screen_as::<SynthesisState>().is_some());
    (dir, app, items)
}

fn state(app: &App) -> &SynthesisState {
    app.screen_as::<SynthesisState>().unwrap()
}

fn stored(app: &App) -> Synthesis {
    store(app).synthesis(state(app).data.session.id).unwrap()
}

fn focus(app: &mut App, pane: Pane) {
    for _ in 0..4 {
        if state(app).pane == pane {
            return;
        }
        act(app, Action::FocusNext);
    }
    panic!("no pane {pane:?}");
}

/// Selects contribution `id` in the contributions pane.
fn pick(app: &mut App, id: Id) {
    focus(app, Pane::Contributions);
    act(app, Action::Top);
    for _ in 0..10 {
        let s = state(app);
        let (at, _) = s.items[s.item];
        if s.data.contributions[at].id == id {
            return;
        }
        act(app, Action::Down);
    }
    panic!("{id} is not in the list");
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::NONE);
}

#[test]
fn a_picked_text_keeps_where_it_came_from_and_is_undone_with_it() {
    let (_d, mut app, it) = synthesis_in(Lang::En);
    pick(&mut app, it.idea_a);
    act(&mut app, Action::PickToProposal);
    pick(&mut app, it.idea_b);
    act(&mut app, Action::PickToBlock);
    act(&mut app, Action::PickToText);
    let syn = stored(&app);
    assert_eq!(syn.proposal, "A monthly open lab");
    assert_eq!(syn.proposal_sources, vec![it.idea_a]);
    assert_eq!(syn.blocks[0].sources, vec![it.idea_b]);
    assert_eq!(syn.text_sources, vec![it.idea_b]);
    assert_eq!(state(&app).data.synthesis, syn, "the screen shows the file");
    let text = screen(&app, 120, 40);
    assert!(text.contains("Proposal · builds on 1"), "{text}");
    assert!(text.contains("• A shared wiki ↖1"), "{text}");

    act(&mut app, Action::Undo);
    act(&mut app, Action::Undo);
    assert!(stored(&app).blocks.is_empty());
    act(&mut app, Action::Undo);
    assert_eq!(
        stored(&app),
        Synthesis::default(),
        "text and source went together"
    );
    act(&mut app, Action::Redo);
    assert_eq!(stored(&app).proposal_sources, vec![it.idea_a]);
}

#[test]
fn l_says_what_the_proposal_builds_on_in_the_link_picker() {
    let (_d, mut app, it) = synthesis_in(Lang::En);
    focus(&mut app, Pane::Proposal);
    press(&mut app, 'l');
    assert_eq!(app.context(), Context("links"));
    let picker = &state(&app).picker.as_ref().unwrap().list;
    // Ideas first.
    assert_eq!(picker.candidates, vec![it.idea_a, it.idea_b]);
    press(&mut app, ' ');
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    let picker = &state(&app).picker.as_ref().unwrap().list;
    assert_eq!(picker.candidates.len(), 4, "every kind");
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    press(&mut app, ' ');
    assert!(
        stored(&app).proposal_sources.is_empty(),
        "nothing written yet"
    );
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.context(), Context("synthesis"));
    assert_eq!(stored(&app).proposal_sources, vec![it.idea_a, it.proposal]);

    // Reopened, the sources are marked: unmarking takes one back.
    press(&mut app, 'l');
    assert_eq!(state(&app).picker.as_ref().unwrap().list.marked.len(), 2);
    press(&mut app, ' ');
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(stored(&app).proposal_sources, vec![it.proposal]);
    act(&mut app, Action::Undo);
    assert_eq!(stored(&app).proposal_sources, vec![it.idea_a, it.proposal]);
    act(&mut app, Action::Undo);
    assert!(stored(&app).proposal_sources.is_empty());

    // Esc changes nothing; Enter with nothing changed writes nothing.
    press(&mut app, 'l');
    press(&mut app, ' ');
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.context(), Context("synthesis"));
    press(&mut app, 'l');
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(stored(&app).proposal_sources.is_empty());
}

#[test]
fn in_the_blocks_pane_l_is_about_the_selected_block() {
    let (_d, mut app, it) = synthesis_in(Lang::En);
    pick(&mut app, it.proposal);
    act(&mut app, Action::PickToBlock);
    act(&mut app, Action::PickToBlock);
    focus(&mut app, Pane::Blocks);
    act(&mut app, Action::Top);
    press(&mut app, 'l');
    assert_eq!(
        state(&app).picker.as_ref().unwrap().part,
        SynthesisPart::Block(0)
    );
    press(&mut app, ' ');
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let syn = stored(&app);
    assert_eq!(syn.blocks[0].sources, vec![it.proposal, it.idea_a]);
    assert_eq!(syn.blocks[1].sources, vec![it.proposal]);
    assert!(syn.proposal_sources.is_empty());
}

#[test]
fn the_sources_picker_reads_in_both_languages() {
    for lang in Lang::ALL {
        let (_d, mut app, _) = synthesis_in(lang);
        focus(&mut app, Pane::Proposal);
        act(&mut app, Action::Link);
        act(&mut app, Action::LinkMark);
        insta::assert_snapshot!(
            format!("sources_picker_{}", lang.code()),
            screen(&app, 100, 30)
        );
    }
}

#[test]
fn review_writes_the_anonymised_report_beside_the_others() {
    let (dir, store, _id) = common::sample_store();
    let mut app = common::tui::app(store, Lang::En);
    let exports = dir.path().join("exports");
    app.core.export_dir = exports.clone();
    act(&mut app, Action::Review);
    press(&mut app, 'a');
    let name = "2021-06-10-atelier-5-emergence-session-1-1410ab41-anonymise";
    let mut files: Vec<String> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["csv", "html", "json", "md", "odt", "pdf"].map(|ext| format!("{name}.{ext}"))
    );
    let data = common::sample_data();
    let md = std::fs::read_to_string(exports.join(format!("{name}.md"))).unwrap();
    for p in &data.participants {
        assert!(!md.contains(&p.name), "{} named", p.name);
    }
    let status = &app.core.status.as_ref().unwrap().text;
    assert!(status.contains("Anonymised report: 6 files"), "{status}");
}

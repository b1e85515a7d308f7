//! The rule: the interface speaks `--lang`, the report speaks the
//! session's language. A session in one language opened with the other
//! shows every pane title and kind label of the synthesis screen in the
//! interface's language.

use crate::common;

use atelier::model::{Kind, Lang};
use atelier::tui::action::Action;
use atelier::tui::screens::synthesis::SynthesisState;
use common::tui::{act, screen};

fn synthesis_screen(session: Lang, ui: Lang) -> String {
    let (_d, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana", "Bo"], session);
    let stage = store.stages(id).unwrap()[1].id;
    common::add_item(&mut store, stage, Kind::Proposal, "Start the lab in May");
    common::add_item(&mut store, stage, Kind::Idea, "A shared wiki");
    let mut app = common::tui::app(store, ui);
    act(&mut app, Action::Open);
    act(&mut app, Action::Synthesis);
    assert!(app.screen_as::<SynthesisState>().is_some());
    screen(&app, 120, 40)
}

#[test]
fn an_english_session_in_the_french_interface_has_french_pane_titles() {
    let shown = synthesis_screen(Lang::En, Lang::Fr);
    for word in [" Synthèse ", " Proposition ", "Grandes briques", "Idée "] {
        assert!(shown.contains(word), "{word}:\n{shown}");
    }
    for word in [" Synthesis ", " Proposal ", "Building blocks", "Idea "] {
        assert!(!shown.contains(word), "{word}:\n{shown}");
    }
}

#[test]
fn a_french_session_in_the_english_interface_has_english_pane_titles() {
    let shown = synthesis_screen(Lang::Fr, Lang::En);
    for word in [" Synthesis ", " Proposal ", "Building blocks", "Idea "] {
        assert!(shown.contains(word), "{word}:\n{shown}");
    }
    for word in [" Synthèse ", "Grandes briques", "Idée "] {
        assert!(!shown.contains(word), "{word}:\n{shown}");
    }
}

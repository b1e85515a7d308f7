//! The run screen's indent stops at the deepest nesting the store allows
//! and says so in the facilitator's language.

use crate::common;

use atelier::model::{Id, Kind, Lang, MAX_DEPTH};
use atelier::store::NewContribution;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::run::RunState;
use common::tui::{act, app};

/// A running session whose first stage holds a chain down to
/// `MAX_DEPTH` and, after its deepest item, a sibling selected on screen.
fn at_the_limit(lang: Lang) -> (tempfile::TempDir, App, Id) {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let stage = store.stages(session).unwrap()[0].id;
    let mut add = |text: &str, parent: Option<Id>| {
        store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: None,
                kind: Kind::Observation,
                text: text.into(),
                parent_id: parent,
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            })
            .unwrap()
            .id
    };
    let mut chain: Vec<Id> = Vec::new();
    for level in 0..=MAX_DEPTH {
        chain.push(add(&format!("level {level}"), chain.last().copied()));
    }
    let last = add("deepest sibling", Some(chain[MAX_DEPTH - 1]));
    let mut app = app(store, lang);
    act(&mut app, Action::Open);
    let mut core_screen = std::mem::replace(
        &mut app.screen,
        Box::new(atelier::tui::screens::home::HomeState::default()),
    );
    let run = core_screen
        .as_any_mut()
        .downcast_mut::<RunState>()
        .expect("on the run screen");
    run.refresh(&mut app.core, Some(last));
    assert_eq!(run.selected_id(), Some(last));
    app.screen = core_screen;
    (dir, app, last)
}

#[test]
fn indent_beyond_the_limit_is_refused_with_a_message_in_each_language() {
    for (lang, words) in [
        (Lang::En, "at most 12 levels deep"),
        (Lang::Fr, "au plus à 12 niveaux"),
    ] {
        // A session with contributions opens on the list.
        let (_dir, mut app, last) = at_the_limit(lang);
        act(&mut app, Action::Indent);
        let status = app.core.status.as_ref().map(|s| s.text.clone());
        assert!(
            status.as_deref().is_some_and(|s| s.contains(words)),
            "{lang:?}: {status:?}"
        );
        let c = app.core.store.contribution(last).unwrap();
        assert_ne!(c.parent_id, None);
        let depth_unchanged = app.core.store.contribution(c.parent_id.unwrap()).unwrap();
        assert_eq!(depth_unchanged.text, format!("level {}", MAX_DEPTH - 1));
    }
}

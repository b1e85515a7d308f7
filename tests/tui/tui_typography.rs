//! The review screen's preview reads like the French reports: the space
//! before "?" is a no-break space, so a wrapped line never starts with it.

use crate::common;
use atelier::model::{Kind, Lang};
use atelier::tui::screens::review::ReviewState;

#[test]
fn the_french_preview_keeps_punctuation_with_its_word() {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana"], Lang::Fr);
    let stage = store.stages(id).unwrap()[1].id;
    common::add_item(
        &mut store,
        stage,
        Kind::Observation,
        "Pour tous les agents ?",
    );
    let mut app = common::tui::app(store, Lang::Fr);
    let review = ReviewState::open(&mut app.core, id, None).unwrap();
    let texts: Vec<&str> = review
        .paragraphs
        .iter()
        .map(|(_, _, t)| t.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("agents\u{202F}?")),
        "{texts:#?}"
    );
}

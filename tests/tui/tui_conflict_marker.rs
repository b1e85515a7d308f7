//! A merge conflict seen from the run screen: the other laptop's text,
//! kept as a copy right after ours, carries a marker in the list, and
//! deleting it there settles the conflict (the marker goes with it).

use crate::common;

use atelier::bundle;
use atelier::model::{Id, Kind, Lang, Origin, Revision};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use atelier::tui::action::Action;
use common::tui::{act, app, run, screen};
use tempfile::TempDir;

/// A session of two items whose first was edited here ("as B put it")
/// and in a bundle from another laptop ("as C put it"), then merged.
fn conflicted() -> (TempDir, Store, Id) {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let stage = store.stages(session).unwrap()[0].id;
    let mut ids = Vec::new();
    for text in ["Meetings run late", "Nobody reads the minutes"] {
        let new = NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Context,
            text: text.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        };
        ids.push(store.add_contribution(&new).unwrap().id);
    }
    let mut theirs = store.load(session).unwrap();
    let first = &mut theirs.contributions[0];
    let at = first.updated_at + chrono::Duration::minutes(5);
    first.revisions.push(Revision {
        text: first.text.clone(),
        replaced_at: at,
    });
    first.text = "Meetings run late as C put it".into();
    first.updated_at = at;
    let file = dir.path().join("laptop-c.json");
    std::fs::write(&file, bundle::to_json(&theirs)).unwrap();
    store
        .edit_contribution(ids[0], "Meetings run late as B put it")
        .unwrap();
    bundle::import_files(&mut store, &Catalog::built_in(), &[file]).unwrap();
    assert_eq!(store.merge_conflicts(Some(session), true).unwrap().len(), 1);
    (dir, store, session)
}

fn line_with<'a>(shown: &'a str, text: &str) -> &'a str {
    shown.lines().find(|l| l.contains(text)).unwrap_or("")
}

#[test]
fn the_conflict_copy_is_marked_in_the_list_and_deleting_it_settles() {
    for (lang, marker) in [(Lang::En, "⚠ conflict"), (Lang::Fr, "⚠ conflit")] {
        let (_dir, store, session) = conflicted();
        let mut app = app(store, lang);
        act(&mut app, Action::Open);
        let shown = screen(&app, 100, 30);
        // Once, under the copy (on its line or the next), not under ours
        // nor the untouched item.
        assert_eq!(shown.matches(marker).count(), 1, "{shown}");
        let at = |text: &str| shown.find(text).unwrap();
        let mark = at(marker);
        assert!(
            at("as C put it") < mark && mark < at("Nobody reads"),
            "{shown}"
        );
        assert!(!line_with(&shown, "as B put it").contains(marker));
        if lang == Lang::En {
            insta::assert_snapshot!(shown);
        }

        // The copy is the second item: select it and delete it.
        act(&mut app, Action::Down);
        let copy = run(&app).selected_id().unwrap();
        let text = run(&app).contribution(copy).unwrap().text.clone();
        assert_eq!(text, "Meetings run late as C put it");
        act(&mut app, Action::Delete);
        let shown = screen(&app, 100, 30);
        assert!(!shown.contains(marker), "{shown}");
        let open = app.core.store.merge_conflicts(Some(session), true).unwrap();
        assert!(open.is_empty());
    }
}

/// The roster's counts beside each person say how often they spoke: an
/// open conflict's copy is the same input twice and counts once, by the
/// report's rule (`merge::open_copies`).
#[test]
fn an_open_conflict_s_copy_is_not_counted_twice_beside_its_author() {
    let c = common::conflict::open_conflict();
    let people = c.store.participants(c.session).unwrap();
    let mut app = app(c.store, Lang::En);
    act(&mut app, Action::Open);
    let counts = &run(&app).counts;
    assert_eq!(counts.get(&Some(people[0].id)), Some(&(1, 1)), "{counts:?}");
    assert_eq!(counts.get(&Some(people[1].id)), Some(&(1, 1)), "{counts:?}");
}

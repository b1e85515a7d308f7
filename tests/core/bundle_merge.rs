//! Merging bundles into a session already here, on real SQLite files:
//! importing a bundle twice changes nothing, and bundles whose changes do
//! not touch the same items give the same session in either order.

use crate::common;

use atelier::bundle;
use atelier::model::{new_id, Contribution, Id, Kind, Origin, Revision, SessionData};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use chrono::Duration;
use common::{new_session, temp_store};
use proptest::prelude::*;
use std::path::PathBuf;
use tempfile::TempDir;

/// What a laptop does to one item of the shared session.
#[derive(Debug, Clone, Copy)]
enum Touch {
    Edit,
    Delete,
}

/// One laptop's changes: some base items (by index), some new ones.
#[derive(Debug, Clone)]
struct Laptop {
    touches: Vec<(usize, Touch)>,
    added: usize,
}

/// The base session: `n` items, as laptop A hands it out.
fn base(n: usize) -> (TempDir, SessionData) {
    let (dir, mut store) = temp_store();
    let session = new_session(&mut store, &["Ana", "Bo"]);
    let stage = store.stages(session).unwrap()[0].id;
    for i in 0..n {
        let new = NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Idea,
            text: format!("item {i}"),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        };
        store.add_contribution(&new).unwrap();
    }
    let data = store.load(session).unwrap();
    (dir, data)
}

/// The bundle a laptop exports after its changes (`name` tells laptops
/// apart in the texts).
fn laptop_bundle(base: &SessionData, laptop: &Laptop, name: &str) -> SessionData {
    let mut data = base.clone();
    let at = base.session.updated_at + Duration::minutes(5);
    for &(i, touch) in &laptop.touches {
        let c = &mut data.contributions[i];
        match touch {
            Touch::Edit => {
                c.revisions.push(Revision {
                    text: c.text.clone(),
                    replaced_at: at,
                });
                c.text = format!("{} as {name} put it", c.text);
                c.updated_at = at;
            }
            Touch::Delete => c.deleted_at = Some(at),
        }
    }
    let template = data.contributions[0].clone();
    for k in 0..laptop.added {
        data.contributions.push(Contribution {
            id: new_id(),
            text: format!("new {k} from {name}"),
            position: template.position + 100 + k as i64,
            created_at: at,
            updated_at: at,
            revisions: Vec::new(),
            deleted_at: None,
            ..template.clone()
        });
    }
    data
}

fn write(dir: &TempDir, name: &str, data: &SessionData) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bundle::to_json(data)).unwrap();
    path
}

fn import(store: &mut Store, files: &[&PathBuf]) {
    let files: Vec<PathBuf> = files.iter().map(|f| f.to_path_buf()).collect();
    bundle::import_files(store, &Catalog::built_in(), &files).unwrap();
}

/// What must agree whatever the order: each item's text, history and
/// whether it is deleted (sibling order follows the import order).
fn items(store: &Store, session: Id) -> Vec<(Id, String, bool, Vec<String>)> {
    let mut list: Vec<_> = store
        .load(session)
        .unwrap()
        .contributions
        .into_iter()
        .map(|c| {
            let history = c.revisions.into_iter().map(|r| r.text).collect();
            (c.id, c.text, c.deleted_at.is_some(), history)
        })
        .collect();
    list.sort();
    list
}

/// Two laptops touching different items (each base item by at most one).
fn two_laptops(n: usize) -> impl Strategy<Value = (Laptop, Laptop)> {
    let touch = prop_oneof![
        Just(None),
        Just(Some((0, Touch::Edit))),
        Just(Some((0, Touch::Delete))),
        Just(Some((1, Touch::Edit))),
        Just(Some((1, Touch::Delete)))
    ];
    (prop::collection::vec(touch, n), 0..3usize, 0..3usize).prop_map(|(touches, b, c)| {
        let mut laptops = [
            Laptop {
                touches: Vec::new(),
                added: b,
            },
            Laptop {
                touches: Vec::new(),
                added: c,
            },
        ];
        for (i, t) in touches.into_iter().enumerate() {
            if let Some((who, touch)) = t {
                laptops[who].touches.push((i, touch));
            }
        }
        let [b, c] = laptops;
        (b, c)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn merging_is_idempotent_and_order_independent((b, c) in two_laptops(4)) {
        let (dir, base) = base(4);
        let session = base.session.id;
        let base_file = write(&dir, "base.json", &base);
        let b_file = write(&dir, "b.json", &laptop_bundle(&base, &b, "B"));
        let c_file = write(&dir, "c.json", &laptop_bundle(&base, &c, "C"));

        let (_d1, mut one) = temp_store();
        import(&mut one, &[&base_file]);
        import(&mut one, &[&b_file]);
        import(&mut one, &[&c_file]);
        let (_d2, mut two) = temp_store();
        import(&mut two, &[&base_file, &c_file, &b_file]);
        prop_assert_eq!(items(&one, session), items(&two, session));
        prop_assert!(one.merge_conflicts(Some(session), false).unwrap().is_empty());

        // Every change arrived.
        let merged = one.load(session).unwrap();
        for (laptop, name) in [(&b, "B"), (&c, "C")] {
            for &(i, touch) in &laptop.touches {
                let item = merged.contributions.iter().find(|x| x.id == base.contributions[i].id).unwrap();
                match touch {
                    Touch::Edit => {
                        let wanted = format!("as {name} put it");
                        prop_assert!(item.text.ends_with(&wanted))
                    }
                    Touch::Delete => prop_assert!(item.deleted_at.is_some()),
                }
            }
        }

        // Importing them again changes nothing at all.
        let before = one.load(session).unwrap();
        let planned = bundle::plan_files(&one, &Catalog::built_in(), &[b_file.clone(), c_file.clone(), base_file.clone()]).unwrap();
        for p in &planned {
            match &p.step {
                bundle::Step::Merge(plan) => prop_assert!(plan.is_empty(), "{:?}", plan),
                bundle::Step::New(_) => prop_assert!(false, "a new session"),
            }
        }
        import(&mut one, &[&b_file, &c_file, &base_file]);
        prop_assert_eq!(one.load(session).unwrap(), before);
    }
}

#[test]
fn an_item_edited_on_two_laptops_keeps_both_texts_once() {
    let (dir, base) = base(2);
    let session = base.session.id;
    let edit_first = Laptop {
        touches: vec![(0, Touch::Edit)],
        added: 0,
    };
    let base_file = write(&dir, "base.json", &base);
    let b_file = write(&dir, "b.json", &laptop_bundle(&base, &edit_first, "B"));
    let c_file = write(&dir, "c.json", &laptop_bundle(&base, &edit_first, "C"));
    let (_d, mut store) = temp_store();
    import(&mut store, &[&base_file, &b_file, &c_file]);
    let conflicts = store.merge_conflicts(Some(session), true).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].mine.as_deref(), Some("item 0 as B put it"));
    assert_eq!(conflicts[0].theirs.as_deref(), Some("item 0 as C put it"));
    let live: Vec<String> = store
        .load(session)
        .unwrap()
        .live()
        .map(|c| c.text.clone())
        .collect();
    assert_eq!(live, ["item 0 as B put it", "item 0 as C put it", "item 1"]);
    import(&mut store, &[&c_file]);
    assert_eq!(
        store.merge_conflicts(Some(session), false).unwrap().len(),
        1
    );
}

#[test]
fn a_deletion_against_an_edit_keeps_the_edit_and_lists_it() {
    let (dir, base) = base(1);
    let session = base.session.id;
    let edit = Laptop {
        touches: vec![(0, Touch::Edit)],
        added: 0,
    };
    let delete = Laptop {
        touches: vec![(0, Touch::Delete)],
        added: 0,
    };
    let base_file = write(&dir, "base.json", &base);
    let b_file = write(&dir, "b.json", &laptop_bundle(&base, &edit, "B"));
    let c_file = write(&dir, "c.json", &laptop_bundle(&base, &delete, "C"));
    for order in [[&b_file, &c_file], [&c_file, &b_file]] {
        let (_d, mut store) = temp_store();
        import(&mut store, &[&base_file]);
        import(&mut store, &order);
        let item = &store.load(session).unwrap().contributions[0];
        assert_eq!(
            (item.text.as_str(), item.deleted_at),
            ("item 0 as B put it", None)
        );
        let conflicts = store.merge_conflicts(Some(session), true).unwrap();
        assert_eq!(conflicts.len(), 1);
        assert!(conflicts[0].mine.is_none() || conflicts[0].theirs.is_none());
    }
}

#[test]
fn a_bundle_with_an_id_of_another_session_is_refused_and_nothing_written() {
    let (dir, base) = base(1);
    let (_d, mut store) = temp_store();
    import(&mut store, &[&write(&dir, "base.json", &base)]);
    let other = new_session(&mut store, &["Cy"]);
    let mut theirs = laptop_bundle(
        &base,
        &Laptop {
            touches: vec![],
            added: 1,
        },
        "B",
    );
    let last = theirs.contributions.len() - 1;
    theirs.contributions[last].id = other; // an id another session holds
    let version = store.data_version().unwrap();
    let err = bundle::import_files(
        &mut store,
        &Catalog::built_in(),
        &[write(&dir, "b.json", &theirs)],
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("b.json") && err.contains("stages[0].contributions[1].id"),
        "{err}"
    );
    assert_eq!(store.data_version().unwrap(), version);
}

#[test]
fn a_session_closed_here_refuses_a_merge_that_would_change_it() {
    let (dir, base) = base(1);
    let (_d, mut store) = temp_store();
    let first = write(&dir, "base.json", &base);
    import(&mut store, &[&first]);
    let session = base.session.id;
    atelier::commands::apply(&mut store, session, &atelier::commands::Command::Close).unwrap();
    let laptop = Laptop {
        touches: vec![(0, Touch::Edit)],
        added: 1,
    };
    let theirs = write(&dir, "b.json", &laptop_bundle(&base, &laptop, "B"));
    let version = store.data_version().unwrap();
    let err = bundle::import_files(
        &mut store,
        &Catalog::built_in(),
        std::slice::from_ref(&theirs),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("b.json") && err.contains("closed"), "{err}");
    // The place is the bundle's status, and the value after it is that
    // status (not the session's title); the session is named after it.
    let place = format!(
        "b.json: session.status: \"{}\", but \"Test\" is closed",
        base.session.status.key()
    );
    assert!(err.contains(&place), "{err}");
    assert!(err.contains(&format!("atelier reopen {session}")), "{err}");
    assert_eq!(store.data_version().unwrap(), version, "nothing written");
    // The same bundle as the session already holds still says "nothing new".
    import(&mut store, &[&first]);
    assert_eq!(store.data_version().unwrap(), version);
    // Closed in the bundle too (the lead's final word), it merges.
    let mut closed = laptop_bundle(&base, &laptop, "B");
    closed.session.status = atelier::model::SessionStatus::Closed;
    import(&mut store, &[&write(&dir, "b-closed.json", &closed)]);
    assert!(items(&store, session)
        .iter()
        .any(|(_, text, _, _)| text == "new 0 from B"));
}

#[test]
fn a_bundle_made_anonymous_makes_the_merged_session_anonymous() {
    use atelier::model::Anonymity;
    let (dir, base) = base(1);
    let session = base.session.id;
    let (_d, mut store) = temp_store();
    import(&mut store, &[&write(&dir, "base.json", &base)]);
    let mut theirs = base.clone();
    theirs.session.anonymity = Anonymity::Anonymous;
    import(&mut store, &[&write(&dir, "anonymous.json", &theirs)]);
    assert_eq!(
        store.load(session).unwrap().session.anonymity,
        Anonymity::Anonymous
    );
    // A named bundle afterwards does not put the names back.
    import(&mut store, &[&write(&dir, "named.json", &base)]);
    assert_eq!(
        store.load(session).unwrap().session.anonymity,
        Anonymity::Anonymous
    );
}

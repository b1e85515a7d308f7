//! A merge keeps every item in a tree as it is here: a sub-point added on
//! another laptop follows its parent (moved to another stage or deleted
//! here), a deletion from a bundle takes the sub-points added here with
//! it, and additions that would nest deeper than `MAX_DEPTH` under their
//! parent as it is here are refused. Without this an item is stored but
//! shown nowhere: not in the report, not on screen.

use crate::common;

use atelier::bundle;
use atelier::model::{new_id, Contribution, Id, SessionData, Tree, MAX_DEPTH};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use common::{new_session, temp_store};
use std::path::PathBuf;
use tempfile::TempDir;

fn add(store: &mut Store, stage: Id, parent: Option<Id>, text: &str) -> Id {
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: atelier::model::Kind::Idea,
        text: text.into(),
        parent_id: parent,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    store.add_contribution(&new).unwrap().id
}

/// A session with one item "parent" in its first stage, and its bundle.
fn shared() -> (TempDir, Store, SessionData, Id) {
    let (dir, mut store) = temp_store();
    let session = new_session(&mut store, &["Ana"]);
    let stage = store.stages(session).unwrap()[0].id;
    let parent = add(&mut store, stage, None, "parent");
    let data = store.load(session).unwrap();
    (dir, store, data, parent)
}

/// `data` with a new item under `parent`, as the bundle places it.
fn with_child(data: &SessionData, parent: Id, text: &str) -> (SessionData, Id) {
    let mut data = data.clone();
    let at = data.session.updated_at + chrono::Duration::minutes(5);
    let p = data.contributions.iter().find(|c| c.id == parent).unwrap();
    let child = Contribution {
        id: new_id(),
        text: text.into(),
        parent_id: Some(parent),
        stage_id: p.stage_id,
        position: 1,
        created_at: at,
        updated_at: at,
        ..p.clone()
    };
    let id = child.id;
    data.contributions.push(child);
    (data, id)
}

fn import(dir: &TempDir, store: &mut Store, data: &SessionData) -> Result<(), String> {
    let path: PathBuf = dir.path().join("laptop.json");
    std::fs::write(&path, bundle::to_json(data)).unwrap();
    bundle::import_files(store, &Catalog::built_in(), &[path])
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Every item not deleted nor parked is reached from a stage's top level.
fn assert_all_in_a_tree(data: &SessionData) {
    let tree = Tree::new(data);
    let shown: Vec<Id> = data
        .stages
        .iter()
        .flat_map(|s| tree.walk_stage(s.id))
        .map(|(c, _)| c.id)
        .collect();
    for c in data.live() {
        assert!(shown.contains(&c.id), "{:?} is in no tree", c.text);
    }
}

#[test]
fn a_sub_point_follows_its_parent_moved_to_another_stage_here() {
    let (dir, mut store, data, parent) = shared();
    let (bundle, child) = with_child(&data, parent, "added on the other laptop");
    let other = store.stages(data.session.id).unwrap()[1].id;
    store.move_contribution_to_stage(parent, other).unwrap();
    import(&dir, &mut store, &bundle).unwrap();
    let merged = store.load(data.session.id).unwrap();
    let c = merged.contributions.iter().find(|c| c.id == child).unwrap();
    assert_eq!((c.stage_id, c.deleted_at), (other, None));
    assert_all_in_a_tree(&merged);
}

#[test]
fn a_sub_point_added_under_an_item_deleted_here_is_deleted_with_it() {
    let (dir, mut store, data, parent) = shared();
    let (bundle, child) = with_child(&data, parent, "added on the other laptop");
    store.delete_contribution(parent).unwrap();
    import(&dir, &mut store, &bundle).unwrap();
    let merged = store.load(data.session.id).unwrap();
    let c = merged.contributions.iter().find(|c| c.id == child).unwrap();
    assert!(c.deleted_at.is_some(), "a restorable deleted sub-point");
    assert_all_in_a_tree(&merged);
}

#[test]
fn a_deletion_from_a_bundle_takes_the_sub_points_added_here() {
    let (dir, mut store, data, parent) = shared();
    let stage = data.stages[0].id;
    let here = add(&mut store, stage, Some(parent), "added here");
    let mut bundle = data.clone();
    let at = data.session.updated_at + chrono::Duration::minutes(5);
    bundle.contributions[0].deleted_at = Some(at);
    import(&dir, &mut store, &bundle).unwrap();
    let merged = store.load(data.session.id).unwrap();
    let c = merged.contributions.iter().find(|c| c.id == here).unwrap();
    assert!(
        c.deleted_at.is_some(),
        "deleted with its parent, restorable"
    );
    assert_all_in_a_tree(&merged);
    // The same bundle again changes nothing.
    import(&dir, &mut store, &bundle).unwrap();
    assert_eq!(store.load(data.session.id).unwrap(), merged);
}

#[test]
fn additions_nesting_too_deep_under_the_parent_here_are_refused_untouched() {
    let (dir, mut store, data, parent) = shared();
    let stage = data.stages[0].id;
    // Here the item sits at the deepest level already.
    let mut above = add(&mut store, stage, None, "level 0");
    for level in 1..MAX_DEPTH {
        above = add(&mut store, stage, Some(above), &format!("level {level}"));
    }
    store.indent_under(parent, above).unwrap();
    let before = store.load(data.session.id).unwrap();
    // On the other laptop it is still at the top: a sub-point is fine there.
    let (bundle, _) = with_child(&data, parent, "one level too deep here");
    let error = import(&dir, &mut store, &bundle).unwrap_err();
    assert!(error.contains("laptop.json"), "{error}");
    assert!(error.contains("contributions[1].parent"), "{error}");
    assert!(
        error.contains(&format!("{} levels deep", MAX_DEPTH + 1)),
        "{error}"
    );
    assert_eq!(store.load(data.session.id).unwrap(), before);
}

#[test]
fn an_item_brought_back_by_a_merge_brings_back_its_deleted_parent() {
    let (dir, mut store, data, parent) = shared();
    let stage = data.stages[0].id;
    let child = add(&mut store, stage, Some(parent), "child");
    let data = store.load(data.session.id).unwrap();
    // Deleted here (the parent with its sub-point), edited over there.
    store.delete_contribution(parent).unwrap();
    let mut bundle = data.clone();
    let edited = bundle
        .contributions
        .iter_mut()
        .find(|c| c.id == child)
        .unwrap();
    edited.text = "child, reworded over there".into();
    edited.updated_at = data.session.updated_at + chrono::Duration::minutes(5);
    import(&dir, &mut store, &bundle).unwrap();
    let merged = store.load(data.session.id).unwrap();
    let live: Vec<Id> = merged.live().map(|c| c.id).collect();
    assert!(live.contains(&child) && live.contains(&parent), "{live:?}");
    assert_all_in_a_tree(&merged);
}

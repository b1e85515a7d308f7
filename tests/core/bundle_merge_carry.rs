//! Open merge conflicts travel in the complete bundle (version 5): the
//! organiser who imports a laptop's bundle, as a new session or merged
//! into one already there, still sees the copy as a conflict copy; a
//! conflict settled on the laptop is settled here by the next bundle; a
//! bundle naming a contribution it does not hold is refused with its place.

use crate::common;

use atelier::bundle;
use atelier::model::merge::Keep;
use atelier::store::Store;
use atelier::templates::Catalog;
use common::conflict::{export, open_conflict, Conflicted, HERE, THERE};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn organiser(c: &Conflicted) -> Store {
    Store::open(&c.dir.path().join("organiser.sqlite3")).unwrap()
}

fn import(store: &mut Store, file: &Path) {
    bundle::import_file(store, &Catalog::built_in(), file).unwrap();
}

/// The open conflicts' (item, copy's text, here's text) in `store`.
fn open_in(store: &Store, c: &Conflicted) -> Vec<(String, String, String)> {
    let data = store.load(c.session).unwrap();
    let copies = store.conflict_copies(c.session).unwrap();
    store
        .merge_conflicts(Some(c.session), true)
        .unwrap()
        .into_iter()
        .map(|m| {
            let copy = m.copy.expect("edited on both sides: a copy");
            assert!(copies.contains(&copy));
            let text = |id| {
                let x = data.contributions.iter().find(|x| x.id == id).unwrap();
                assert!(x.deleted_at.is_none());
                x.text.clone()
            };
            (m.contribution.to_string(), text(copy), text(m.contribution))
        })
        .collect()
}

#[test]
fn an_open_conflict_travels_to_a_new_database_and_back_unchanged() {
    let c = open_conflict();
    let file = export(&c.store, c.session, &c.dir, "here.json");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"version\": 5"), "{text}");
    assert!(text.contains("\"merge_conflicts\""), "{text}");
    let mut there = organiser(&c);
    import(&mut there, &file);
    let wanted = vec![(c.item.to_string(), THERE.to_string(), HERE.to_string())];
    assert_eq!(open_in(&c.store, &c), wanted);
    assert_eq!(open_in(&there, &c), wanted);
    assert_eq!(
        there.merge_conflicts(Some(c.session), true).unwrap()[0].id,
        c.store.merge_conflicts(Some(c.session), true).unwrap()[0].id
    );
    // export → import → export gives the same bytes.
    let again = export(&there, c.session, &c.dir, "again.json");
    assert_eq!(std::fs::read_to_string(again).unwrap(), text);
}

#[test]
fn an_open_conflict_travels_into_a_session_already_there_once() {
    let c = open_conflict();
    let mut there = organiser(&c);
    import(&mut there, &c.base);
    let file = export(&c.store, c.session, &c.dir, "here.json");
    import(&mut there, &file);
    let wanted = vec![(c.item.to_string(), THERE.to_string(), HERE.to_string())];
    assert_eq!(open_in(&there, &c), wanted);
    // The same bundle again brings nothing new.
    let planned =
        bundle::plan_files(&there, &Catalog::built_in(), std::slice::from_ref(&file)).unwrap();
    match &planned[0].step {
        bundle::Step::Merge(plan) => assert!(plan.is_empty(), "{plan:?}"),
        bundle::Step::New(_) => panic!("a new session"),
    }
    let before = there.load(c.session).unwrap();
    import(&mut there, &file);
    assert_eq!(there.load(c.session).unwrap(), before);
}

#[test]
fn a_conflict_settled_on_the_laptop_is_settled_by_its_next_bundle() {
    for keep in [Keep::Mine, Keep::Theirs] {
        let mut c = open_conflict();
        let mut there = organiser(&c);
        import(
            &mut there,
            &export(&c.store, c.session, &c.dir, "open.json"),
        );
        let id = c.store.merge_conflicts(Some(c.session), true).unwrap()[0].id;
        c.store.settle_conflict(id, keep).unwrap();
        import(
            &mut there,
            &export(&c.store, c.session, &c.dir, "settled.json"),
        );
        assert!(there
            .merge_conflicts(Some(c.session), true)
            .unwrap()
            .is_empty());
        let data = there.load(c.session).unwrap();
        assert_eq!(data.merge_conflicts[0].kept, Some(keep));
        assert!(data.merge_conflicts[0].settled_at.is_some());
        let kept = if keep == Keep::Mine { HERE } else { THERE };
        let live: Vec<&str> = data.live().map(|x| x.text.as_str()).collect();
        assert_eq!(live, [kept, common::conflict::OTHER], "{keep:?}");
        let here = c.store.load(c.session).unwrap();
        assert_eq!(data.merge_conflicts, here.merge_conflicts);
        assert_eq!(data.contributions, here.contributions);
    }
}

/// The laptop's bundle as JSON, changed by `edit`, written to a file.
fn edited(c: &Conflicted, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let file = export(&c.store, c.session, &c.dir, "here.json");
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    edit(&mut json);
    let path = c.dir.path().join("edited.json");
    std::fs::write(&path, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    path
}

/// The refusal of `file` by a fresh database, which stays empty.
fn refusal(c: &Conflicted, file: &Path) -> String {
    let mut there = organiser(c);
    let error = bundle::import_file(&mut there, &Catalog::built_in(), file).unwrap_err();
    assert!(there.list_sessions(true).unwrap().is_empty());
    error.to_string()
}

#[test]
fn every_reference_of_a_conflict_is_checked_with_its_place() {
    let c = open_conflict();
    let stranger = atelier::model::new_id().to_string();
    for field in ["contribution", "copy"] {
        let file = edited(&c, |j| {
            j["merge_conflicts"][0][field] = stranger.clone().into()
        });
        let error = refusal(&c, &file);
        let wanted = format!("merge_conflicts[0].{field}: \"{stranger}\" is not in this bundle");
        assert!(error.contains(&wanted), "{error}");
    }
    let item = c.item.to_string();
    let file = edited(&c, |j| {
        j["merge_conflicts"][0]["copy"] = item.clone().into()
    });
    assert!(refusal(&c, &file).contains("merge_conflicts[0].copy: is the conflict's own item"));
    let file = edited(&c, |j| j["merge_conflicts"][0]["id"] = item.clone().into());
    let error = refusal(&c, &file);
    assert!(error.contains("merge_conflicts[0].id"), "{error}");
    let file = edited(&c, |j| {
        j["merge_conflicts"][0]["settled_at"] = "2026-03-18T10:00:00Z".into()
    });
    assert!(refusal(&c, &file).contains("merge_conflicts[0].kept: a settled conflict"));
    let file = edited(&c, |j| {
        j["merge_conflicts"][0]["found_at"] = "yesterday".into()
    });
    assert!(refusal(&c, &file).contains("merge_conflicts[0].found_at"));
}

#[test]
fn a_version_4_bundle_imports_but_may_not_carry_conflicts() {
    let c = open_conflict();
    let file = edited(&c, |j| j["version"] = 4.into());
    let error = refusal(&c, &file);
    assert!(
        error.contains("merge_conflicts: not part of bundle version 4"),
        "{error}"
    );
    let file = edited(&c, |j| {
        j["version"] = 4.into();
        j.as_object_mut().unwrap().remove("merge_conflicts");
    });
    let mut there = organiser(&c);
    import(&mut there, &file);
    assert!(there
        .merge_conflicts(Some(c.session), false)
        .unwrap()
        .is_empty());
}

#[test]
fn import_lists_the_conflicts_a_bundle_carries() {
    let c = open_conflict();
    let file = export(&c.store, c.session, &c.dir, "here.json");
    let import = |db: &str, files: &[&Path]| {
        let mut cmd = common::atelier(&c.dir);
        cmd.arg("--db").arg(c.dir.path().join(db));
        cmd.arg("import").args(files);
        let done = cmd.assert().success().get_output().clone();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (text(done.stdout), text(done.stderr))
    };
    // Into a session already there: listed with the merge's own.
    import("merged.sqlite3", &[&c.base]);
    let (out, _) = import("merged.sqlite3", &[&file]);
    assert!(out.contains("conflicts listed: 1"), "{out}");
    assert!(out.contains(&format!("here: {HERE}")), "{out}");
    assert!(out.contains(&format!("theirs.json: {THERE}")), "{out}");
    // As a new session: its id on stdout, the open conflicts on stderr.
    let (out, err) = import("new.sqlite3", &[&file]);
    assert_eq!(out.trim(), c.session.to_string());
    assert!(err.contains("open merge conflicts in \"Test\": 1"), "{err}");
}

/// Records `text` as a sub-point of `parent` (the facilitator's own).
fn sub_point(store: &mut Store, parent: atelier::model::Id, text: &str) -> atelier::model::Id {
    let parent = store.contribution(parent).unwrap();
    let new = atelier::store::NewContribution {
        stage_id: parent.stage_id,
        participant_id: None,
        kind: atelier::model::Kind::Observation,
        text: text.into(),
        parent_id: Some(parent.id),
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    store.add_contribution(&new).unwrap().id
}

/// The contribution of `c`'s session that says `text`.
fn said(store: &Store, c: &Conflicted, text: &str) -> atelier::model::Id {
    let data = store.load(c.session).unwrap();
    data.contributions
        .iter()
        .find(|x| x.text == text)
        .unwrap()
        .id
}

#[test]
fn a_conflict_copy_must_be_one_the_merge_made() {
    // attack2 N1: a copy that is someone's contribution would be left out
    // of every report while open, then deleted by settling.
    let mut c = open_conflict();
    let other = said(&c.store, &c, common::conflict::OTHER);
    sub_point(&mut c.store, other, "CHILD OF IDEA");
    let copy = c.store.merge_conflicts(Some(c.session), true).unwrap()[0]
        .copy
        .unwrap();
    let (item, copy, other) = (c.item.to_string(), copy.to_string(), other.to_string());
    let file = edited(&c, |j| {
        j["merge_conflicts"][0]["copy"] = other.clone().into()
    });
    let error = refusal(&c, &file);
    assert!(
        error.contains("merge_conflicts[0].copy: has sub-points of its own"),
        "{error}"
    );
    // Two conflicts naming each other's item as their copy.
    let file = edited(&c, |j| {
        let mut second = j["merge_conflicts"][0].clone();
        second["id"] = atelier::model::new_id().to_string().into();
        second["contribution"] = copy.clone().into();
        second["copy"] = item.clone().into();
        j["merge_conflicts"].as_array_mut().unwrap().push(second);
    });
    let error = refusal(&c, &file);
    assert!(
        error.contains("merge_conflicts[0].copy: is the item of merge_conflicts[1]"),
        "{error}"
    );
    // One copy for two conflicts.
    let file = edited(&c, |j| {
        let mut second = j["merge_conflicts"][0].clone();
        second["id"] = atelier::model::new_id().to_string().into();
        second["contribution"] = other.clone().into();
        j["merge_conflicts"].as_array_mut().unwrap().push(second);
    });
    let error = refusal(&c, &file);
    assert!(
        error.contains("merge_conflicts[0].copy: is also the copy of merge_conflicts[1]"),
        "{error}"
    );
    // A copy in another stage than its item.
    let stage = c.store.stages(c.session).unwrap()[1].id;
    let copy_id = c.store.merge_conflicts(Some(c.session), true).unwrap()[0]
        .copy
        .unwrap();
    c.store.move_contribution_to_stage(copy_id, stage).unwrap();
    let error = refusal(&c, &export(&c.store, c.session, &c.dir, "moved.json"));
    assert!(
        error.contains("merge_conflicts[0].copy: is in another stage"),
        "{error}"
    );
}

#[test]
fn a_carried_copy_is_checked_against_the_session_it_merges_into() {
    // The bundle alone keeps the rules; the session here gave its would-be
    // copy a sub-point.
    let c = open_conflict();
    let mut there = organiser(&c);
    import(&mut there, &c.base);
    let other = said(&there, &c, common::conflict::OTHER);
    sub_point(&mut there, other, "said here, under the other item");
    let text = other.to_string();
    let file = edited(&c, |j| {
        j["merge_conflicts"][0]["copy"] = text.clone().into()
    });
    let before = there.load(c.session).unwrap();
    let error = bundle::import_file(&mut there, &Catalog::built_in(), &file)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("edited.json: merge_conflicts[0].copy: has sub-points of its own"),
        "{error}"
    );
    assert_eq!(there.load(c.session).unwrap(), before);
}

#[test]
fn settling_moves_sub_points_added_under_the_copy_to_the_item() {
    for keep in [Keep::Mine, Keep::Theirs] {
        let mut c = open_conflict();
        let conflict = c.store.merge_conflicts(Some(c.session), true).unwrap()[0].clone();
        let child = sub_point(&mut c.store, conflict.copy.unwrap(), "added under the copy");
        assert_eq!(c.store.settle_conflict(conflict.id, keep).unwrap(), 1);
        let child = c.store.contribution(child).unwrap();
        assert_eq!(child.parent_id, Some(c.item), "{keep:?}");
        assert!(child.deleted_at.is_none(), "{keep:?}");
        let copy = c.store.contribution(conflict.copy.unwrap()).unwrap();
        assert!(copy.deleted_at.is_some(), "{keep:?}");
    }
}

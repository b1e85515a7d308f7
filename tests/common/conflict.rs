//! A session with an open merge conflict, made as laptops make one: the
//! session handed out as a bundle, the same item edited on this laptop and
//! on another, the other's bundle merged back here.
#![allow(dead_code)]

use atelier::bundle;
use atelier::model::{Id, Kind, Origin};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use std::path::PathBuf;
use tempfile::TempDir;

/// The item's text before both edits, here, and on the other laptop.
pub const BEFORE: &str = "Trains run late";
pub const HERE: &str = "Trains run late on Mondays";
pub const THERE: &str = "Trains run late every single day";
/// Another item, said by the other person, not in conflict.
pub const OTHER: &str = "The canteen closes early";

pub struct Conflicted {
    pub dir: TempDir,
    /// This laptop, with the conflict open.
    pub store: Store,
    pub session: Id,
    /// The item edited on both laptops.
    pub item: Id,
    /// The session as handed out, before either edit.
    pub base: PathBuf,
    /// The other laptop's bundle, merged here.
    pub theirs: PathBuf,
}

fn said(store: &mut Store, stage: Id, who: Id, text: &str) -> Id {
    store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: Some(who),
            kind: Kind::Observation,
            text: text.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: Origin::Facilitator,
        })
        .unwrap()
        .id
}

/// Writes `store`'s bundle of `session` into `dir` as `name`.
pub fn export(store: &Store, session: Id, dir: &TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bundle::to_json(&store.load(session).unwrap())).unwrap();
    path
}

pub fn open_conflict() -> Conflicted {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("here.sqlite3")).unwrap();
    let session = super::new_session(&mut store, &["Ana Lima", "Bo Chen"]);
    let people = store.participants(session).unwrap();
    let stage = store.stages(session).unwrap()[0].id;
    let item = said(&mut store, stage, people[0].id, BEFORE);
    said(&mut store, stage, people[1].id, OTHER);
    let base = export(&store, session, &dir, "base.json");

    let mut other = Store::open(&dir.path().join("other.sqlite3")).unwrap();
    bundle::import_file(&mut other, &Catalog::built_in(), &base).unwrap();
    other.edit_contribution(item, THERE).unwrap();
    let theirs = export(&other, session, &dir, "theirs.json");

    store.edit_contribution(item, HERE).unwrap();
    bundle::import_file(&mut store, &Catalog::built_in(), &theirs).unwrap();
    assert_eq!(store.merge_conflicts(Some(session), true).unwrap().len(), 1);
    Conflicted {
        dir,
        store,
        session,
        item,
        base,
        theirs,
    }
}

mod common;

use atelier::model::Kind;
use atelier::store::{migrations, NewContribution, Store, StoreError, LATEST_VERSION};
use common::{sample_store, temp_store};

fn new_session(store: &mut Store) -> atelier::model::Id {
    common::new_session(store, &["Ana", "Bo"])
}

fn add(store: &mut Store, session: atelier::model::Id, text: &str) -> atelier::model::Contribution {
    let stage = store.stages(session).unwrap()[1].id;
    store
        .add_contribution(&NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Observation,
            text: text.into(),
            parent_id: None,
        })
        .unwrap()
}

#[test]
fn migrates_an_empty_file_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/a.sqlite3");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let id = new_session(&mut store);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.session(id).unwrap().title, "Test");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn migrates_from_every_earlier_version() {
    for version in 0..LATEST_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            migrations()
                .to_version(&mut conn, version as usize)
                .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "from {version}"
        );
    }
}

#[test]
fn edits_keep_revisions_and_can_be_reverted() {
    let (_d, mut store) = temp_store();
    let s = new_session(&mut store);
    let c = add(&mut store, s, "first");
    store.edit_contribution(c.id, "second").unwrap();
    store.edit_contribution(c.id, "third").unwrap();
    let got = store.contribution(c.id).unwrap();
    assert_eq!(got.text, "third");
    let texts: Vec<_> = got.revisions.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["first", "second"]);
    assert!(store.revert_last_edit(c.id).unwrap());
    let got = store.contribution(c.id).unwrap();
    assert_eq!(got.text, "second");
    assert_eq!(got.revisions.len(), 3, "the undone text is kept too");
}

#[test]
fn delete_is_soft_and_restores_with_sub_points() {
    let (_d, mut store) = temp_store();
    let s = new_session(&mut store);
    let parent = add(&mut store, s, "parent");
    let child = add(&mut store, s, "child");
    assert!(store.indent_contribution(child.id).unwrap());
    store.delete_contribution(parent.id).unwrap();
    let data = store.load(s).unwrap();
    assert_eq!(data.live().count(), 0);
    assert_eq!(data.contributions.len(), 2, "still in the file");
    assert_eq!(store.deleted_contributions(s).unwrap().len(), 2);
    store.restore_contribution(parent.id).unwrap();
    let data = store.load(s).unwrap();
    assert_eq!(data.live().count(), 2);
    assert_eq!(
        store.contribution(child.id).unwrap().parent_id,
        Some(parent.id)
    );
}

#[test]
fn moves_indents_and_outdents() {
    let (_d, mut store) = temp_store();
    let s = new_session(&mut store);
    let a = add(&mut store, s, "a");
    let b = add(&mut store, s, "b");
    let c = add(&mut store, s, "c");
    assert!(store.move_contribution(c.id, true).unwrap());
    let order = |store: &Store| -> Vec<String> {
        store
            .load(s)
            .unwrap()
            .live()
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(order(&store), ["a", "c", "b"]);
    assert!(store.indent_contribution(c.id).unwrap());
    assert_eq!(store.contribution(c.id).unwrap().parent_id, Some(a.id));
    assert!(
        !store.indent_contribution(a.id).unwrap(),
        "nothing above to indent under"
    );
    assert!(store.outdent_contribution(c.id).unwrap());
    assert_eq!(order(&store), ["a", "c", "b"]);
    assert_eq!(store.contribution(c.id).unwrap().parent_id, None);
    let stages = store.stages(s).unwrap();
    store
        .move_contribution_to_stage(b.id, stages[2].id)
        .unwrap();
    assert_eq!(store.contribution(b.id).unwrap().stage_id, stages[2].id);
}

#[test]
fn a_second_connection_sees_committed_writes_and_can_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite3");
    let mut one = Store::open(&path).unwrap();
    let mut two = Store::open(&path).unwrap();
    let s = new_session(&mut one);
    add(&mut one, s, "from one");
    assert_eq!(two.load(s).unwrap().live().count(), 1);
    add(&mut two, s, "from two");
    assert_eq!(one.load(s).unwrap().live().count(), 2);
}

#[test]
fn a_file_that_is_not_ours_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello, this is not a database at all").unwrap();
    let err = Store::open(&text).err().unwrap();
    assert!(matches!(err, StoreError::NotAtelier { .. }), "{err}");
    assert!(err.to_string().contains("notes.txt"));
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "hello, this is not a database at all"
    );

    let other = dir.path().join("other.sqlite3");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let err = Store::open(&other).err().unwrap();
    assert!(err.to_string().contains("another program"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn a_newer_schema_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 5)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer Atelier"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_unwritable_location_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    // A folder cannot be created inside a regular file, even as root.
    let err = Store::open(&file.join("db.sqlite3")).err().unwrap();
    assert!(matches!(err, StoreError::Unwritable { .. }), "{err}");
    assert!(err.to_string().contains("cannot write"));
}

#[test]
fn a_locked_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.sqlite3");
    drop(Store::open(&path).unwrap());
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    let err = match Store::open(&path) {
        Err(e) => e,
        Ok(mut store) => store.set_meta("k", "v").err().unwrap(),
    };
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("locked"));
}

#[test]
fn sessions_resolve_by_prefix_and_latest_and_duplicate() {
    let (_d, mut store, sample) = sample_store();
    let mine = new_session(&mut store);
    assert_eq!(store.resolve_session("latest").unwrap(), mine);
    assert_eq!(
        store.resolve_session(&sample.to_string()[..20]).unwrap(),
        sample
    );
    assert!(store.resolve_session("zzz").is_err());
    let next = store.duplicate_as_next(sample).unwrap();
    let data = store.load(next).unwrap();
    assert_eq!(data.session.title, "Atelier 5 - Emergence - Session 2");
    assert_eq!(data.roster().count(), 4);
    assert_eq!(data.contributions.len(), 0);
    store.archive(next).unwrap();
    assert_eq!(store.list_sessions(false).unwrap().len(), 2);
    assert_eq!(store.list_sessions(true).unwrap().len(), 3);
    store.delete_session(next).unwrap();
    assert_eq!(store.list_sessions(true).unwrap().len(), 2);
}

use crate::common;

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
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
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
fn stage_times_of_version_2_become_one_segment_each() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 2).unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, title, date, language, template, status, created_at, updated_at)
             VALUES ('0190aaaa-0000-7000-8000-000000000001', 'Old', '2021-06-10', 'fr', 'emergence',
                     'running', '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z');
             INSERT INTO stages (id, session_id, key, title, position, started_at, ended_at) VALUES
               ('0190aaaa-0000-7000-8000-000000000002', '0190aaaa-0000-7000-8000-000000000001',
                'a', 'A', 1, '2021-06-10T09:00:00.000Z', '2021-06-10T09:10:00.000Z'),
               ('0190aaaa-0000-7000-8000-000000000003', '0190aaaa-0000-7000-8000-000000000001',
                'b', 'B', 2, '2021-06-10T09:10:00.000Z', NULL),
               ('0190aaaa-0000-7000-8000-000000000004', '0190aaaa-0000-7000-8000-000000000001',
                'c', 'C', 3, NULL, NULL);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let id = store.resolve_session("0190aaaa").unwrap();
    let stages = store.stages(id).unwrap();
    let t = |s: &str| atelier::model::parse_time(s).unwrap();
    let one = |start, end: Option<&str>| {
        vec![atelier::model::Segment {
            started_at: t(start),
            ended_at: end.map(t),
        }]
    };
    assert_eq!(
        stages[0].segments,
        one("2021-06-10T09:00:00Z", Some("2021-06-10T09:10:00Z"))
    );
    assert_eq!(stages[1].segments, one("2021-06-10T09:10:00Z", None));
    assert!(stages[1].timer().is_running());
    assert!(stages[2].segments.is_empty());
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
fn restoring_a_sub_point_brings_back_its_deleted_parents_only() {
    let (_d, mut store) = temp_store();
    let s = new_session(&mut store);
    let ids = chain(&mut store, s, 2); // top > middle > leaf
    let (top, middle, leaf) = (ids[0], ids[1], ids[2]);
    store.delete_contribution(leaf).unwrap();
    store.delete_contribution(top).unwrap();
    // The leaf was deleted first, alone; restoring it must make it show.
    store.restore_contribution(leaf).unwrap();
    let data = store.load(s).unwrap();
    let tree = atelier::model::Tree::new(&data);
    let shown: Vec<_> = data
        .stages
        .iter()
        .flat_map(|st| tree.walk_stage(st.id))
        .map(|(c, _)| c.id)
        .collect();
    assert_eq!(shown, [top, middle, leaf], "visible where it was");
    assert_eq!(data.live().count(), 3, "counted as it is shown");
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
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    let next = store.next_session(sample, today, None).unwrap();
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

/// A chain of sub-points `depth` levels below a new top-level item.
fn chain(store: &mut Store, session: atelier::model::Id, depth: usize) -> Vec<atelier::model::Id> {
    let stage = store.stages(session).unwrap()[1].id;
    let mut ids: Vec<atelier::model::Id> = Vec::new();
    for level in 0..=depth {
        let c = store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: None,
                kind: Kind::Observation,
                text: format!("level {level}"),
                parent_id: ids.last().copied(),
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            })
            .unwrap();
        ids.push(c.id);
    }
    ids
}

#[test]
fn nesting_stops_at_max_depth_everywhere_in_the_store() {
    use atelier::model::MAX_DEPTH;
    let (_d, mut store) = temp_store();
    let s = new_session(&mut store);
    let deep = chain(&mut store, s, MAX_DEPTH);
    let stage = store.stages(s).unwrap()[1].id;
    let too_deep = store.add_contribution(&NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Observation,
        text: "one more".into(),
        parent_id: deep.last().copied(),
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    });
    assert!(
        matches!(too_deep, Err(StoreError::TooDeep { max }) if max == MAX_DEPTH),
        "{too_deep:?}"
    );
    // A two-level item cannot go under the deepest-but-one level either.
    let pair = chain(&mut store, s, 1);
    let err = store
        .indent_under(pair[0], deep[MAX_DEPTH - 1])
        .unwrap_err();
    assert!(matches!(err, StoreError::TooDeep { .. }), "{err}");
    assert!(err.to_string().contains("at most 12 levels"), "{err}");
    store.indent_under(pair[0], deep[MAX_DEPTH - 2]).unwrap();
    // An item cannot go under itself.
    assert!(store.indent_under(deep[0], deep[3]).is_err());
    // Moving to another stage lifts it to the top level: always allowed.
    let other = store.stages(s).unwrap()[2].id;
    store.move_contribution_to_stage(deep[5], other).unwrap();
    let moved = store.load(s).unwrap();
    assert_eq!(
        moved
            .contributions
            .iter()
            .filter(|c| c.stage_id == other)
            .count(),
        MAX_DEPTH + 1 - 5 + pair.len(),
        "the moved item, its sub-points and the pair indented under them"
    );
}

/// A database that an older Atelier filled with a chain far deeper than
/// today's limit, plus a parent cycle, written straight into SQLite.
fn deep_database(depth: usize) -> (tempfile::TempDir, std::path::PathBuf, atelier::model::Id) {
    let (dir, mut store) = temp_store();
    let s = new_session(&mut store);
    let stage = store.stages(s).unwrap()[1].id;
    let path = store.path().to_path_buf();
    drop(store);
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    // The cycle's rows point at each other: no order satisfies the keys.
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    let tx = conn.transaction().unwrap();
    let mut parent: Option<String> = None;
    for i in 0..depth {
        let id = format!("0190cccc-0000-7000-8000-{i:012}");
        tx.execute(
            "INSERT INTO contributions (id, session_id, stage_id, kind, text, parent_id, position,
             created_at, updated_at) VALUES (?1, ?2, ?3, 'idea', 'deep', ?4, 1,
             '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z')",
            rusqlite::params![id, s.to_string(), stage.to_string(), parent],
        )
        .unwrap();
        parent = Some(id);
    }
    for (a, b) in [("a", "b"), ("b", "a")] {
        tx.execute(
            "INSERT INTO contributions (id, session_id, stage_id, kind, text, parent_id, position,
             created_at, updated_at) VALUES (?1, ?2, ?3, 'idea', 'loop', ?4, 1,
             '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z')",
            rusqlite::params![
                format!("0190dddd-0000-7000-8000-00000000000{a}"),
                s.to_string(),
                stage.to_string(),
                format!("0190dddd-0000-7000-8000-00000000000{b}")
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
    (dir, path, s)
}

#[test]
fn walks_over_deep_chains_and_cycles_already_in_a_database_finish() {
    let depth = 5000;
    let (_dir, path, s) = deep_database(depth);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load(s).unwrap().contributions.len(), depth);
    let root = atelier::model::Id::parse_str("0190cccc-0000-7000-8000-000000000000").unwrap();
    store.delete_contribution(root).unwrap();
    assert_eq!(store.load(s).unwrap().live().count(), 0);
    assert_eq!(store.deleted_contributions(s).unwrap().len(), depth);
    store.restore_contribution(root).unwrap();
    assert_eq!(store.load(s).unwrap().live().count(), depth);
    let loop_a = atelier::model::Id::parse_str("0190dddd-0000-7000-8000-00000000000a").unwrap();
    store.delete_contribution(loop_a).unwrap();
    let other = store.stages(s).unwrap()[2].id;
    store.move_contribution_to_stage(root, other).unwrap();
    // Nothing may go under the existing deep end.
    let end = atelier::model::Id::parse_str(&format!("0190cccc-0000-7000-8000-{:012}", depth - 1))
        .unwrap();
    assert!(matches!(
        store.indent_under(root, end),
        Err(StoreError::Invalid(_)) | Err(StoreError::TooDeep { .. })
    ));
    store.delete_session(s).unwrap();
    assert!(store.list_sessions(true).unwrap().is_empty());
}

#[test]
fn the_database_refuses_an_unknown_kind() {
    let (_d, mut store) = temp_store();
    let s = new_session(&mut store);
    let stage = store.stages(s).unwrap()[1].id;
    let path = store.path().to_path_buf();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let err = conn
        .execute(
            "INSERT INTO contributions (id, session_id, stage_id, kind, text, position,
             created_at, updated_at) VALUES ('x', ?1, ?2, 'potato', 't', 1, 'now', 'now')",
            [s.to_string(), stage.to_string()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}

/// A version-1 database holding a session with a sub-point and a
/// revision, as the first Atelier wrote it.
fn version_one_database(path: &std::path::Path) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    migrations().to_version(&mut conn, 1).unwrap();
    conn.execute_batch(
        "INSERT INTO sessions (id, title, date, language, template, created_at, updated_at)
           VALUES ('0190eeee-0000-7000-8000-000000000001', 'Old', '2021-06-10', 'fr',
                   'emergence', '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z');
         INSERT INTO stages (id, session_id, key, title, position)
           VALUES ('0190eeee-0000-7000-8000-000000000002', '0190eeee-0000-7000-8000-000000000001',
                   'constats', 'Constats', 1);
         INSERT INTO contributions (id, session_id, stage_id, kind, text, parent_id, position,
                                    created_at, updated_at)
           VALUES ('0190eeee-0000-7000-8000-000000000003', '0190eeee-0000-7000-8000-000000000001',
                   '0190eeee-0000-7000-8000-000000000002', 'observation', 'parent', NULL, 1,
                   '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z'),
                  ('0190eeee-0000-7000-8000-000000000004', '0190eeee-0000-7000-8000-000000000001',
                   '0190eeee-0000-7000-8000-000000000002', 'stake', 'child',
                   '0190eeee-0000-7000-8000-000000000003', 1,
                   '2021-06-10T09:00:00.000Z', '2021-06-10T09:05:00.000Z');
         INSERT INTO revisions (contribution_id, text, replaced_at)
           VALUES ('0190eeee-0000-7000-8000-000000000004', 'first words', '2021-06-10T09:05:00.000Z');",
    )
    .unwrap();
}

#[test]
fn migrating_a_version_one_database_keeps_its_data_and_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    version_one_database(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let s = store.resolve_session("0190eeee").unwrap();
    let data = store.load(s).unwrap();
    let texts: Vec<_> = data.contributions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["parent", "child"]);
    assert_eq!(
        data.contributions[1].parent_id,
        Some(data.contributions[0].id)
    );
    assert_eq!(data.contributions[1].revisions[0].text, "first words");
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let indexes: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contributions' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        indexes.contains(&"contributions_by_parent".to_string()),
        "{indexes:?}"
    );
    assert!(
        indexes.contains(&"contributions_by_session".to_string()),
        "{indexes:?}"
    );
}

#[test]
fn read_only_opens_write_nothing_and_refuse_writes() {
    let dir = tempfile::tempdir().unwrap();
    // A missing file reads as empty and is not created.
    let missing = dir.path().join("missing.sqlite3");
    let store = Store::open_read_only(&missing).unwrap();
    assert!(store.list_sessions(true).unwrap().is_empty());
    assert!(!missing.exists());
    // An older schema is read through an upgraded copy.
    let old = dir.path().join("v1.sqlite3");
    version_one_database(&old);
    let before = std::fs::read(&old).unwrap();
    let mut store = Store::open_read_only(&old).unwrap();
    let s = store.resolve_session("latest").unwrap();
    assert_eq!(store.load(s).unwrap().contributions.len(), 2);
    let err = store.set_meta("k", "v").unwrap_err();
    assert!(err.to_string().contains("reading only"), "{err}");
    drop(store);
    assert_eq!(std::fs::read(&old).unwrap(), before);
    // Opening an up-to-date database for writing writes nothing either.
    drop(Store::open(&old).unwrap());
    let current = std::fs::read(&old).unwrap();
    drop(Store::open(&old).unwrap());
    assert_eq!(std::fs::read(&old).unwrap(), current);
}

#[test]
fn a_database_left_without_its_id_by_a_crash_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crashed.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let s = new_session(&mut store);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(store.session(s).unwrap().title, "Test");
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(id, atelier::store::APPLICATION_ID);
}

#[test]
fn a_fresh_database_gets_its_id_with_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.sqlite3");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrations().to_version(&mut conn, 1).unwrap();
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(
        id,
        atelier::store::APPLICATION_ID,
        "stamped by the migration step itself"
    );
}

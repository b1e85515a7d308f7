//! A session of any size, written straight into a temp database.

use atelier::model::{new_id, Contribution, Kind, SessionData};
use atelier::store::Store;
use atelier::templates::Catalog;

pub const SAMPLE: &str = atelier::tui::SAMPLE;

/// The sample session with `n` more contributions spread over its stages,
/// one in five a sub-point.
pub fn big_session(n: usize) -> SessionData {
    let mut data = atelier::bundle::parse("sample", SAMPLE, &Catalog::built_in()).unwrap();
    // A workshop in progress: the sample itself is closed, and a closed
    // session takes no input.
    data.session.status = atelier::model::SessionStatus::Running;
    let t = data.session.created_at;
    let people: Vec<_> = data.participants.iter().map(|p| p.id).collect();
    let mut last_top = vec![None; data.stages.len()];
    for i in 0..n {
        let s = i % data.stages.len();
        let parent = if i % 5 == 4 { last_top[s] } else { None };
        let c = Contribution {
            id: new_id(),
            stage_id: data.stages[s].id,
            participant_id: people.get(i % (people.len() + 1)).copied(),
            kind: Kind::ALL[i % Kind::ALL.len()],
            text: format!(
                "contribution {i}: une idée assez longue pour passer à la ligne dans la liste"
            ),
            parent_id: parent,
            position: i as i64 + 100,
            created_at: t,
            updated_at: t,
            deleted_at: None,
            parked_at: None,
            revisions: Vec::new(),
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        };
        if parent.is_none() {
            last_top[s] = Some(c.id);
        }
        data.contributions.push(c);
    }
    data
}

pub fn store_with(data: &SessionData) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).unwrap();
    store.insert_session_data(data).unwrap();
    (dir, store)
}

pub fn db_path(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("bench.sqlite3")
}

/// A second, plain connection to a bench database, with the store's own
/// pragmas (WAL, synchronous=FULL): the raw baseline, and the hand that
/// removes what a measured operation added, outside the measurement.
pub fn raw_connection(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    conn
}

/// Removes one contribution for good, so the database keeps its size.
pub fn forget(conn: &rusqlite::Connection, id: &str) {
    let n = conn
        .execute("DELETE FROM contributions WHERE id = ?1", [id])
        .unwrap();
    assert_eq!(n, 1, "the measured operation recorded {id}");
}

//! The streamed bundle is the loaded one, byte for byte, and it is written
//! while the store is still reading: nothing holds the session whole.

use crate::bundle::{to_json, write_json_from};
use crate::model::Id;
use crate::store::Store;
use std::cell::Cell;

/// The sample session, imported into a real file, then given what a
/// worn session holds: sub-points, a deleted item, a parked one, earlier
/// texts, a negative position and an item whose parent is in another
/// stage (which no walk reaches).
fn worn_session(dir: &std::path::Path) -> (Store, Id) {
    let file = dir.join("sample.json");
    std::fs::write(&file, crate::tui::SAMPLE).unwrap();
    let mut store = Store::open(&dir.join("stream.sqlite3")).unwrap();
    let catalog = crate::templates::Catalog::load(None);
    let id = crate::bundle::import_file(&mut store, &catalog, &file).unwrap();
    store
        .conn
        .execute_batch(
            "UPDATE contributions SET parent_id = (SELECT c2.id FROM contributions c2
                 WHERE c2.stage_id = contributions.stage_id AND c2.rowid < contributions.rowid
                 ORDER BY c2.rowid LIMIT 1)
             WHERE rowid % 3 = 0;
             UPDATE contributions SET deleted_at = '2021-06-10T11:00:00.000Z' WHERE rowid % 7 = 1;
             UPDATE contributions SET parked_at = '2021-06-10T11:30:00.000Z' WHERE rowid % 11 = 2;
             UPDATE contributions SET position = -3 WHERE rowid % 5 = 4;
             INSERT INTO revisions (contribution_id, text, replaced_at)
                 SELECT id, 'avant : ' || text, '2021-06-10T10:30:00.000Z'
                 FROM contributions WHERE rowid % 4 = 2;
             UPDATE contributions SET parent_id = (SELECT c2.id FROM contributions c2
                 WHERE c2.stage_id <> contributions.stage_id LIMIT 1)
             WHERE rowid = (SELECT max(rowid) FROM contributions);",
        )
        .unwrap();
    (store, id)
}

/// What `each_contribution` gives, as the bundle writer asks for it.
fn streamed(store: &Store, session: Id, yielded: &Cell<usize>, out: &mut dyn std::io::Write) {
    let data = store.load_without_contributions(session).unwrap();
    assert!(data.contributions.is_empty());
    let each = |stage: Id, each: &mut dyn FnMut(&crate::model::Contribution) -> bool| {
        let mut counted = |c: &crate::model::Contribution| {
            yielded.set(yielded.get() + 1);
            each(c)
        };
        store
            .each_contribution(session, stage, &mut counted)
            .map_err(std::io::Error::other)
    };
    write_json_from(&data, &each, out).unwrap();
}

#[test]
fn the_streamed_bundle_is_the_loaded_one() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = worn_session(dir.path());
    let loaded = store.load(id).unwrap();
    let nested = loaded
        .contributions
        .iter()
        .filter(|c| c.parent_id.is_some());
    assert!(nested.count() > 3, "the sample has sub-points");
    assert!(loaded.contributions.iter().any(|c| !c.revisions.is_empty()));
    let mut out = Vec::new();
    streamed(&store, id, &Cell::new(0), &mut out);
    assert_eq!(String::from_utf8(out).unwrap(), to_json(&loaded));
}

/// Records, at each write, how many contributions the store had handed
/// out by then.
struct Watch<'a> {
    yielded: &'a Cell<usize>,
    /// Bytes written while fewer than all contributions were read.
    early: usize,
    total_items: usize,
    written: usize,
}

impl std::io::Write for Watch<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.yielded.get() < self.total_items {
            self.early += buf.len();
        }
        self.written += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_bundle_is_written_while_its_contributions_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = worn_session(dir.path());
    let reachable = store.load(id).unwrap().contributions.len();
    let yielded = Cell::new(0);
    let mut watch = Watch {
        yielded: &yielded,
        early: 0,
        total_items: reachable,
        written: 0,
    };
    streamed(&store, id, &yielded, &mut watch);
    assert_eq!(yielded.get(), reachable);
    // Collected first and written after, none of it would be early.
    assert!(
        watch.early * 2 > watch.written,
        "{} of {} bytes written before the last contribution was read",
        watch.early,
        watch.written
    );
}

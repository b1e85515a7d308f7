//! Any bytes as a bundle file through `atelier import`'s own path: read,
//! validate, store in a real SQLite file, load back, render every report.
//! A refused bundle is fine; a panic or a report that is not inert is not.

#![no_main]

use atelier::store::Store;
use atelier::templates::Catalog;
use libfuzzer_sys::fuzz_target;
use std::sync::{Mutex, OnceLock};

struct Place {
    _dir: tempfile::TempDir,
    file: std::path::PathBuf,
    store: Store,
    catalog: Catalog,
}

fn place() -> &'static Mutex<Place> {
    static PLACE: OnceLock<Mutex<Place>> = OnceLock::new();
    PLACE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::open(&dir.path().join("fuzz.sqlite3")).expect("a store");
        Mutex::new(Place {
            file: dir.path().join("bundle.json"),
            _dir: dir,
            store,
            catalog: Catalog::built_in(),
        })
    })
}

fuzz_target!(|bytes: &[u8]| {
    let mut guard = place().lock().unwrap_or_else(|e| e.into_inner());
    let place = &mut *guard;
    std::fs::write(&place.file, bytes).expect("the bundle file is written");
    let Ok(id) = atelier::bundle::import_file(&mut place.store, &place.catalog, &place.file) else {
        return;
    };
    let data = place.store.load(id).expect("an imported session loads");
    atelier_fuzz::check_reports(&data);
});

//! Importing bundle files: all are read and checked (each on its own,
//! against each other and against the database) before one transaction
//! writes them all.

use super::{parse_checked, BundleError, Checked, ImportError, Problem};
use crate::model::Id;
use crate::store::Store;
use crate::templates::Catalog;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Reads, validates and stores one bundle file; returns the new session id.
pub fn import_file(store: &mut Store, catalog: &Catalog, path: &Path) -> Result<Id, ImportError> {
    let ids = import_files(store, catalog, &[path.to_path_buf()])?;
    Ok(ids[0])
}

/// Reads and validates every file, then stores them all in one
/// transaction: either every session is imported or none is. Returns the
/// new session ids in the order of `paths`.
pub fn import_files(
    store: &mut Store,
    catalog: &Catalog,
    paths: &[PathBuf],
) -> Result<Vec<Id>, ImportError> {
    let mut checked: Vec<(String, Checked)> = Vec::new();
    // Every id of the files read so far, with its file and place.
    let mut seen: HashMap<Id, (String, String)> = HashMap::new();
    for path in paths {
        let file = path.display().to_string();
        let bundle = parse_checked(&file, &read(&file, path)?, catalog)?;
        for (id, place) in &bundle.places {
            if let Some((other, other_place)) = seen.get(id) {
                return Err(BundleError {
                    file,
                    place: place.clone(),
                    problem: Problem::said(
                        "bundle.id_in_other_file",
                        &[("id", id), ("file", other), ("place", other_place)],
                    ),
                }
                .into());
            }
        }
        for (id, place) in &bundle.places {
            seen.insert(*id, (file.clone(), place.clone()));
        }
        checked.push((file, bundle));
    }
    let all: Vec<Id> = seen.keys().copied().collect();
    let taken = store.taken_ids(&all).map_err(ImportError::Store)?;
    for (file, bundle) in &checked {
        if let Some((id, place)) = bundle.places.iter().find(|(id, _)| taken.contains(id)) {
            let problem = if place == "session.id" {
                let title = &bundle.data.session.title;
                Problem::said(
                    "store.refused.already_imported",
                    &[("id", id), ("title", title)],
                )
            } else {
                Problem::said("bundle.id_taken", &[("id", id)])
            };
            return Err(BundleError {
                file: file.clone(),
                place: place.clone(),
                problem,
            }
            .into());
        }
    }
    let sessions: Vec<_> = checked.into_iter().map(|(_, b)| b.data).collect();
    store
        .insert_sessions(&sessions)
        .map_err(ImportError::Store)?;
    Ok(sessions.iter().map(|s| s.session.id).collect())
}

fn read(file: &str, path: &Path) -> Result<String, BundleError> {
    let bytes = crate::paths::read_limited(path, crate::paths::MAX_BUNDLE_BYTES).map_err(|e| {
        BundleError {
            file: file.into(),
            place: String::new(),
            problem: Problem::said("bundle.unreadable", &[("error", &e)]),
        }
    })?;
    String::from_utf8(bytes).map_err(|e| BundleError {
        file: file.into(),
        place: String::new(),
        problem: Problem::said(
            "bundle.not_utf8",
            &[("offset", &e.utf8_error().valid_up_to())],
        ),
    })
}

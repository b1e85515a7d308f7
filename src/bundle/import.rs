//! Importing bundle files: all are read and checked (each on its own,
//! against each other and against the database) before one transaction
//! writes them all. A bundle whose session is already here (or earlier in
//! the same import) is merged into it (see `merge`).

use super::merge::{self, Known};
use super::{parse_checked, BundleError, Checked, ImportError, Problem};
use crate::model::merge::MergePlan;
use crate::model::{Id, SessionData};
use crate::store::Store;
use crate::templates::Catalog;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What one file of an import does.
// One step per file of one import: a handful at most, so the variants'
// sizes do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A session this database does not hold yet, written whole.
    New(SessionData),
    /// Changes to a session already here (or brought by an earlier file).
    Merge(MergePlan),
}

/// One file of an import and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub file: String,
    pub step: Step,
}

impl Planned {
    pub fn session(&self) -> Id {
        match &self.step {
            Step::New(data) => data.session.id,
            Step::Merge(plan) => plan.session,
        }
    }
}

/// Reads, validates and stores one bundle file; returns its session id.
pub fn import_file(store: &mut Store, catalog: &Catalog, path: &Path) -> Result<Id, ImportError> {
    let ids = import_files(store, catalog, &[path.to_path_buf()])?;
    Ok(ids[0])
}

/// Reads and validates every file, then stores them all in one
/// transaction: either every file is imported (or merged) or none is.
/// Returns the session ids in the order of `paths`.
pub fn import_files(
    store: &mut Store,
    catalog: &Catalog,
    paths: &[PathBuf],
) -> Result<Vec<Id>, ImportError> {
    let planned = plan_files(store, catalog, paths)?;
    write(store, &planned)?;
    Ok(planned.iter().map(Planned::session).collect())
}

/// Writes what `plan_files` planned, in one transaction.
pub fn write(store: &mut Store, planned: &[Planned]) -> Result<(), ImportError> {
    // New sessions first: a later file may merge into one of them.
    let new: Vec<SessionData> = planned
        .iter()
        .filter_map(|p| match &p.step {
            Step::New(data) => Some(data.clone()),
            Step::Merge(_) => None,
        })
        .collect();
    let merges: Vec<(MergePlan, String)> = planned
        .iter()
        .filter_map(|p| match &p.step {
            Step::Merge(plan) => Some((plan.clone(), p.file.clone())),
            Step::New(_) => None,
        })
        .collect();
    store.import(&new, &merges).map_err(ImportError::Store)
}

/// Reads and checks every file and works out what each would do, reading
/// the database only: `atelier import --dry-run` prints this.
pub fn plan_files(
    store: &Store,
    catalog: &Catalog,
    paths: &[PathBuf],
) -> Result<Vec<Planned>, ImportError> {
    let mut checked: Vec<(String, Checked)> = Vec::new();
    // Every id of the files read so far: its file, place and session.
    let mut seen: HashMap<Id, (String, String, Id)> = HashMap::new();
    for path in paths {
        let file = path.display().to_string();
        let bundle = parse_checked(&file, &read(&file, path)?, catalog)?;
        let session = bundle.data.session.id;
        for (id, place) in &bundle.places {
            match seen.get(id) {
                // Two bundles of one session share their ids: a merge.
                Some((_, _, other_session)) if *other_session == session => {}
                Some((other, other_place, _)) => {
                    return Err(BundleError {
                        file,
                        place: place.clone(),
                        problem: Problem::said(
                            "bundle.id_in_other_file",
                            &[("id", id), ("file", other), ("place", other_place)],
                        ),
                    }
                    .into())
                }
                None => {}
            }
        }
        for (id, place) in &bundle.places {
            seen.entry(*id)
                .or_insert_with(|| (file.clone(), place.clone(), session));
        }
        checked.push((file, bundle));
    }
    let all: Vec<Id> = seen.keys().copied().collect();
    let taken = store.taken_ids(&all).map_err(ImportError::Store)?;
    // Each session as the files read so far leave it, and its conflicts.
    let mut current: HashMap<Id, (SessionData, Known)> = HashMap::new();
    let mut planned = Vec::new();
    for (file, bundle) in checked {
        let session = bundle.data.session.id;
        if !current.contains_key(&session) && taken.contains(&session) {
            let data = store.load(session).map_err(ImportError::Store)?;
            let known = store.known_conflicts(session).map_err(ImportError::Store)?;
            current.insert(session, (data, known));
        }
        let step = match current.get_mut(&session) {
            None => {
                refuse_taken(&file, &bundle, &taken, &Default::default())?;
                let data = bundle.data;
                current.insert(session, (data.clone(), merge::known_in(&data)));
                Step::New(data)
            }
            Some((data, known)) => {
                refuse_taken(&file, &bundle, &taken, &merge::ids_of(data))?;
                let plan = merge::plan(data, &bundle.data, known);
                refuse_closed(&file, data, &bundle.data, &plan)?;
                merge::apply_to(data, &plan);
                refuse_too_deep(&file, &bundle, data, &plan)?;
                refuse_false_copies(&file, &bundle, data, &plan)?;
                known.extend(
                    plan.conflicts
                        .iter()
                        .map(|c| (c.contribution, c.theirs.clone()))
                        .chain(plan.carried.iter().map(merge::known_as)),
                );
                Step::Merge(plan)
            }
        };
        planned.push(Planned { file, step });
    }
    Ok(planned)
}

/// Refuses to change a session closed here from a bundle in which it is
/// still open: its report here was final, as a closed session refuses
/// every command (`lifecycle::accepts_writes`). A bundle in which it is
/// closed too is its lead's final word and merges; one that brings
/// nothing new passes ("nothing new").
fn refuse_closed(
    file: &str,
    here: &SessionData,
    theirs: &SessionData,
    plan: &MergePlan,
) -> Result<(), BundleError> {
    let writable = crate::model::lifecycle::accepts_writes;
    if plan.is_empty() || writable(here.session.status) || !writable(theirs.session.status) {
        return Ok(());
    }
    // The place is the bundle's field at fault (its status, still open);
    // the message names the session and the status it has there.
    Err(BundleError {
        file: file.into(),
        place: "session.status".into(),
        problem: Problem::said(
            "merge.closed_here",
            &[
                ("title", &here.session.title),
                ("id", &here.session.id),
                ("status", &theirs.session.status.key()),
            ],
        ),
    })
}

/// Refuses a bundle whose additions, under their parents as they are
/// here, would nest deeper than `MAX_DEPTH` (the bundle alone was within).
fn refuse_too_deep(
    file: &str,
    bundle: &Checked,
    merged: &SessionData,
    plan: &MergePlan,
) -> Result<(), BundleError> {
    let Some((id, level)) = merge::too_deep(merged, plan) else {
        return Ok(());
    };
    let place = bundle
        .places
        .iter()
        .find(|(other, _)| *other == id)
        .map(|(_, place)| place.replace(".id", ".parent"))
        .unwrap_or_default();
    Err(BundleError {
        file: file.into(),
        place,
        problem: Problem::said(
            "bundle.merge_too_deep",
            &[("level", &level), ("max", &crate::model::MAX_DEPTH)],
        ),
    })
}

/// Refuses a bundle whose carried conflicts, beside the session's own
/// and its contributions as they are here, name a copy that cannot be one
/// (`model::conflict_copies`; the bundle alone kept the rules).
fn refuse_false_copies(
    file: &str,
    bundle: &Checked,
    merged: &SessionData,
    plan: &MergePlan,
) -> Result<(), BundleError> {
    let conflicts = &merged.merge_conflicts;
    let carried = |i: &usize| plan.carried.iter().any(|c| c.id == conflicts[*i].id);
    let faults = crate::model::conflict_copies::copy_faults(conflicts, &merged.contributions);
    let Some((i, fault)) = faults.into_iter().find(|(i, _)| carried(i)) else {
        return Ok(());
    };
    let place_of = |id: Id| {
        bundle
            .places
            .iter()
            .find(|(other, _)| *other == id)
            .map(|(_, place)| place.trim_end_matches(".id").to_string())
    };
    // A conflict of the database has no place in the bundle: its id, as
    // `atelier conflicts --all` lists it.
    let other = |j: usize| place_of(conflicts[j].id).unwrap_or_else(|| conflicts[j].id.to_string());
    Err(BundleError {
        file: file.into(),
        place: place_of(conflicts[i].id)
            .map(|p| format!("{p}.copy"))
            .unwrap_or_default(),
        problem: super::check_conflicts::copy_problem(fault, other),
    })
}

/// Refuses a bundle using an id another session of this database holds
/// (`own`: the ids of the session it merges into, which it may share).
fn refuse_taken(
    file: &str,
    bundle: &Checked,
    taken: &std::collections::HashSet<Id>,
    own: &std::collections::HashSet<Id>,
) -> Result<(), BundleError> {
    let clash = bundle
        .places
        .iter()
        .find(|(id, _)| taken.contains(id) && !own.contains(id));
    match clash {
        Some((id, place)) => Err(BundleError {
            file: file.into(),
            place: place.clone(),
            problem: Problem::said("bundle.id_taken", &[("id", id)]),
        }),
        None => Ok(()),
    }
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

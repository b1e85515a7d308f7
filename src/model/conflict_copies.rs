//! What makes a merge conflict's copy a copy: the other laptop's text set
//! beside the item by the merge that found the conflict (see
//! `bundle::merge`). While the conflict is open a report reads the item
//! once and leaves the copy out, and settling deletes the copy; so a
//! bundle (or a merge) naming any other contribution as a copy could hide,
//! then delete, someone's contribution. These rules are checked on every
//! conflict a bundle brings, alone and against the session it merges into.

use super::merge::LoggedConflict;
use super::{Contribution, Id};
use std::collections::HashMap;

/// Why a conflict's copy cannot be one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyFault {
    /// The copy or the item is not a contribution of the session.
    Missing,
    /// The copy sits in another stage than its item.
    OtherStage,
    /// The conflict is open and its copy has sub-points of its own (a
    /// merge sets a copy down alone; settling would take them with it).
    HasSubPoints,
    /// The copy is also the copy of the conflict at this index.
    CopyTwice(usize),
    /// The copy is the item of the conflict at this index, found no later
    /// (a copy is made when its conflict is found, so only a later
    /// conflict may be about it; two conflicts naming each other are this).
    ItemOfEarlier(usize),
}

/// Every conflict (by index in `conflicts`) whose copy breaks a rule, with
/// the first rule it breaks. `contributions`: all of the session's,
/// deleted ones too.
pub fn copy_faults(
    conflicts: &[LoggedConflict],
    contributions: &[Contribution],
) -> Vec<(usize, CopyFault)> {
    let by_id: HashMap<Id, &Contribution> = contributions.iter().map(|c| (c.id, c)).collect();
    let has_live_sub_points = |id: Id| {
        contributions
            .iter()
            .any(|c| c.parent_id == Some(id) && c.deleted_at.is_none())
    };
    let mut faults = Vec::new();
    for (i, conflict) in conflicts.iter().enumerate() {
        let Some(copy_id) = conflict.copy else {
            continue;
        };
        let (Some(copy), Some(item)) = (by_id.get(&copy_id), by_id.get(&conflict.contribution))
        else {
            faults.push((i, CopyFault::Missing));
            continue;
        };
        // Open as the store counts it: a copy deleted by hand settled it
        // (our text kept), and a deleted copy is in no report anyway.
        let open = conflict.settled_at.is_none() && copy.deleted_at.is_none();
        let other = |rule: &dyn Fn(&LoggedConflict) -> bool| {
            conflicts
                .iter()
                .enumerate()
                .find(|(j, o)| *j != i && rule(o))
                .map(|(j, _)| j)
        };
        let fault = if copy.stage_id != item.stage_id {
            Some(CopyFault::OtherStage)
        } else if open && has_live_sub_points(copy_id) {
            Some(CopyFault::HasSubPoints)
        } else if let Some(j) = other(&|o| o.copy == Some(copy_id)) {
            Some(CopyFault::CopyTwice(j))
        } else {
            other(&|o| o.contribution == copy_id && o.found_at <= conflict.found_at)
                .map(CopyFault::ItemOfEarlier)
        };
        faults.extend(fault.map(|f| (i, f)));
    }
    faults
}

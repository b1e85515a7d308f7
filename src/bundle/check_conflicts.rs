//! Merge conflicts in a bundle (`merge_conflicts`, version 5 on): their
//! JSON shape, their writer and their checks. Each names a contribution of
//! this bundle and, when the item was edited on both sides, its copy (the
//! other laptop's text), another contribution of this bundle; a settled
//! one says when and which text was kept.

use super::check::Checker;
use super::{BundleError, Problem};
use crate::model::conflict_copies::{copy_faults, CopyFault};
use crate::model::merge::{Keep, LoggedConflict};
use crate::model::{format_time, Contribution, Id};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The first bundle version that carries merge conflicts.
const SINCE: u32 = 5;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BConflict {
    pub(super) id: String,
    /// The contribution changed on two laptops.
    pub(super) contribution: String,
    /// The other laptop's text as a contribution of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) copy: Option<String>,
    /// The two texts when it was found; absent: deleted on that side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) mine: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) theirs: Option<String>,
    /// The bundle file the merge read.
    pub(super) file: String,
    pub(super) found_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) settled_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) kept: Option<Keep>,
}

/// The conflicts as a bundle writes them.
pub(super) fn export(list: &[LoggedConflict]) -> Vec<BConflict> {
    list.iter()
        .map(|c| BConflict {
            id: c.id.to_string(),
            contribution: c.contribution.to_string(),
            copy: c.copy.map(|x| x.to_string()),
            mine: c.mine.clone(),
            theirs: c.theirs.clone(),
            file: c.file.clone(),
            found_at: format_time(&c.found_at),
            settled_at: c.settled_at.as_ref().map(format_time),
            kept: c.kept,
        })
        .collect()
}

impl Checker<'_> {
    /// The merge conflicts of a bundle; none before version 5.
    pub(super) fn conflicts(
        &mut self,
        version: u32,
        list: &[BConflict],
        contributions: &[Contribution],
    ) -> Result<Vec<LoggedConflict>, BundleError> {
        if version < SINCE && !list.is_empty() {
            return Err(self.said(
                "merge_conflicts",
                "bundle.not_in_version",
                &[("version", &version)],
            ));
        }
        let known: HashSet<Id> = contributions.iter().map(|c| c.id).collect();
        let mut conflicts = Vec::new();
        for (i, b) in list.iter().enumerate() {
            let at = format!("merge_conflicts[{i}]");
            let id = self.id(format!("{at}.id"), &b.id)?;
            let item = |field: &str, value: &str| {
                let place = format!("{at}.{field}");
                self.known_id(
                    place,
                    value,
                    &known,
                    "report_finish.bundle_unknown_reference",
                )
            };
            let contribution = item("contribution", &b.contribution)?;
            let copy = b.copy.as_deref().map(|c| item("copy", c)).transpose()?;
            if copy == Some(contribution) {
                return Err(self.said(format!("{at}.copy"), "merge.copy_is_item", &[]));
            }
            let settled_at = self.opt_time(format!("{at}.settled_at"), &b.settled_at)?;
            if settled_at.is_some() != b.kept.is_some() {
                let field = if settled_at.is_some() {
                    "kept"
                } else {
                    "settled_at"
                };
                return Err(self.said(format!("{at}.{field}"), "merge.settled_without_kept", &[]));
            }
            conflicts.push(LoggedConflict {
                id,
                contribution,
                copy,
                mine: b.mine.clone(),
                theirs: b.theirs.clone(),
                file: b.file.clone(),
                found_at: self.time(format!("{at}.found_at"), &b.found_at)?,
                settled_at,
                kept: b.kept,
            });
        }
        if let Some((i, fault)) = copy_faults(&conflicts, contributions).into_iter().next() {
            return Err(BundleError {
                file: self.file.into(),
                place: format!("merge_conflicts[{i}].copy"),
                problem: copy_problem(fault, |j| format!("merge_conflicts[{j}]")),
            });
        }
        Ok(conflicts)
    }
}

/// Why a copy is refused, worded; `other` names the conflict at `j` (a
/// place in the bundle, or a conflict of the database).
pub(super) fn copy_problem(fault: CopyFault, other: impl Fn(usize) -> String) -> Problem {
    match fault {
        CopyFault::Missing => Problem::said("merge.copy_missing", &[]),
        CopyFault::OtherStage => Problem::said("merge.copy_other_stage", &[]),
        CopyFault::HasSubPoints => Problem::said("merge.copy_has_sub_points", &[]),
        CopyFault::CopyTwice(j) => Problem::said("merge.copy_twice", &[("other", &other(j))]),
        CopyFault::ItemOfEarlier(j) => {
            Problem::said("merge.copy_is_an_earlier_item", &[("other", &other(j))])
        }
    }
}

//! Merging a bundle into a session this database already holds (same
//! session id), as an organiser does with the bundles of several laptops:
//! new records are added, newer texts applied with their history kept,
//! deletions respected, and a contribution changed on both sides becomes
//! a conflict that keeps both texts until the organiser settles it.
//!
//! `plan` only reads; `apply_to` replays a plan on the session in memory,
//! so that the next file of the same import is planned against the
//! session as the earlier files leave it.

mod contributions;
mod memory;
mod places;
mod records;

pub use memory::apply_to;
pub use places::too_deep;

use crate::model::merge::{Additions, LoggedConflict, MergePlan, NotMerged};
use crate::model::{Anonymity, Id, SessionData};
use std::collections::HashSet;

/// The conflicts already listed for a session, by contribution and the
/// bundle's text (`None`: deleted in the bundle): a bundle imported again
/// must not list them twice, nor undo how they were settled.
pub type Known = HashSet<(Id, Option<String>)>;

/// How `Known` holds a conflict listed before.
pub fn known_as(c: &LoggedConflict) -> (Id, Option<String>) {
    (c.contribution, c.theirs.clone())
}

/// The conflicts a session holds (a bundle's carried ones), as `Known`.
pub fn known_in(data: &SessionData) -> Known {
    data.merge_conflicts.iter().map(known_as).collect()
}

/// What merging `theirs` into `mine` (the same session) would change.
pub fn plan(mine: &SessionData, theirs: &SessionData, known: &Known) -> MergePlan {
    let mut plan = MergePlan {
        session: mine.session.id,
        title: mine.session.title.clone(),
        added: Additions::default(),
        edits: Vec::new(),
        deletions: Vec::new(),
        removals: Vec::new(),
        done: Vec::new(),
        synthesis: None,
        anonymise: (mine.session.anonymity, theirs.session.anonymity)
            == (Anonymity::Named, Anonymity::Anonymous),
        conflicts: Vec::new(),
        carried: Vec::new(),
        settled: Vec::new(),
        not_merged: Vec::new(),
    };
    records::plan(&mut plan, mine, theirs);
    contributions::plan(&mut plan, &mine.contributions, &theirs.contributions, known);
    places::fit(&mut plan, &mine.contributions);
    carry(&mut plan, &mine.merge_conflicts, &theirs.merge_conflicts);
    if mine.synthesis != theirs.synthesis {
        if mine.synthesis.is_empty() && !theirs.synthesis.is_empty() {
            plan.synthesis = Some(theirs.synthesis.clone());
        } else if !theirs.synthesis.is_empty() {
            plan.not_merged.push(NotMerged::Synthesis);
        }
    }
    if details(mine) != details(theirs) {
        plan.not_merged.push(NotMerged::SessionDetails);
    }
    if mine.review != theirs.review && !theirs.review.versions.is_empty() {
        plan.not_merged.push(NotMerged::Review);
    }
    plan.not_merged.sort();
    plan.not_merged.dedup();
    plan
}

/// The conflicts the bundle carries (listed on another laptop): those not
/// here yet are added, so that their copies stay conflict copies; one open
/// here and settled in the bundle is settled here too (its texts arrive
/// as the edits and deletions settling made there).
fn carry(plan: &mut MergePlan, mine: &[LoggedConflict], theirs: &[LoggedConflict]) {
    for t in theirs {
        match mine.iter().find(|m| m.id == t.id) {
            None => plan.carried.push(t.clone()),
            Some(m) if m.settled_at.is_none() => {
                if let (Some(at), Some(kept)) = (t.settled_at, t.kept) {
                    plan.settled.push((t.id, at, kept));
                }
            }
            Some(_) => {}
        }
    }
}

/// The session's own fields a merge leaves as they are here (times apart:
/// every change moves them on; anonymity apart: the stricter one wins).
fn details(d: &SessionData) -> impl PartialEq + '_ {
    let s = &d.session;
    (
        (&s.title, &s.event, s.date, s.language, &s.template),
        (&s.question, &s.context, &s.lead, &s.place),
        (s.status, s.previous_id, s.report),
    )
}

/// Every id a session holds, of any kind (ids are unique across the
/// database): those of a bundle that are not among them must be free.
pub fn ids_of(d: &SessionData) -> HashSet<Id> {
    let mut ids = HashSet::from([d.session.id]);
    ids.extend(d.participants.iter().map(|x| x.id));
    ids.extend(d.stages.iter().map(|x| x.id));
    ids.extend(d.contributions.iter().map(|x| x.id));
    ids.extend(d.decisions.iter().map(|x| x.id));
    ids.extend(d.actions.iter().map(|x| x.id));
    ids.extend(d.passes.iter().map(|x| x.id));
    ids.extend(d.themes.iter().map(|x| x.id));
    ids.extend(d.voting.votes.iter().map(|x| x.id));
    ids.extend(d.links.iter().map(|x| x.id));
    ids.extend(d.review.versions.iter().map(|x| x.id));
    ids.extend(d.review.feedback.iter().map(|x| x.id));
    ids.extend(d.review.sign_offs.iter().map(|x| x.id));
    ids.extend(d.merge_conflicts.iter().map(|x| x.id));
    ids
}

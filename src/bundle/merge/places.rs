//! Where merged contributions sit in the tree as it is here. The bundle
//! was checked on its own, but a parent may have moved to another stage,
//! been parked or deleted on this laptop: a child added under it as the
//! bundle places it would sit in no tree, stored but shown nowhere (not in
//! the report, not on screen). So an item follows its parent here (its
//! stage, its parking, its deletion), as the store's park and delete take
//! sub-points with their parent, and a deletion the bundle brings takes
//! the sub-points it has here with it, and an item it brings back brings
//! back its deleted parents. How deep an item ends up is only
//! known against the merged tree: `too_deep` says which one goes too far.

use crate::model::merge::{Edit, MergePlan};
use crate::model::{Contribution, Id, SessionData, Timestamp, MAX_DEPTH};
use std::collections::{HashMap, HashSet};

/// What a child takes from its parent.
#[derive(Clone, Copy)]
struct Place {
    stage: Id,
    parked_at: Option<Timestamp>,
    deleted_at: Option<Timestamp>,
}

impl Place {
    fn of(c: &Contribution) -> Place {
        Place {
            stage: c.stage_id,
            parked_at: c.parked_at,
            deleted_at: c.deleted_at,
        }
    }
}

/// Makes the plan's additions and deletions keep every item of `mine`
/// and of the bundle in a tree (see the module's comment).
pub(super) fn fit(plan: &mut MergePlan, mine: &[Contribution]) {
    cascade_deletions(plan, mine);
    restore_ancestors(plan, mine);
    let mut places: HashMap<Id, Place> = mine.iter().map(|c| (c.id, Place::of(c))).collect();
    for (id, at) in &plan.deletions {
        if let Some(p) = places.get_mut(id) {
            p.deleted_at.get_or_insert(*at);
        }
    }
    for e in plan.edits.iter().filter(|e| e.restore) {
        if let Some(p) = places.get_mut(&e.id) {
            p.deleted_at = None;
        }
    }
    // A parent comes before its children in the bundle (checked), so in
    // this list too.
    for c in &mut plan.added.contributions {
        if let Some(parent) = c.parent_id.and_then(|p| places.get(&p)) {
            c.stage_id = parent.stage;
            if parent.parked_at.is_some() {
                c.parked_at = parent.parked_at;
            }
            if parent.deleted_at.is_some() && c.deleted_at.is_none() {
                c.deleted_at = parent.deleted_at;
            }
        }
        places.insert(c.id, Place::of(c));
    }
}

/// A deletion from the bundle takes with it the sub-points the item has
/// here (some may have been added on this laptop only).
fn cascade_deletions(plan: &mut MergePlan, mine: &[Contribution]) {
    let mut children: HashMap<Id, Vec<&Contribution>> = HashMap::new();
    for c in mine {
        if let Some(p) = c.parent_id {
            children.entry(p).or_default().push(c);
        }
    }
    let mut deleted: HashSet<Id> = plan.deletions.iter().map(|(id, _)| *id).collect();
    let mut stack = plan.deletions.clone();
    while let Some((id, at)) = stack.pop() {
        for child in children.get(&id).into_iter().flatten() {
            if child.deleted_at.is_none() && deleted.insert(child.id) {
                plan.deletions.push((child.id, at));
                stack.push((child.id, at));
            }
        }
    }
}

/// An item a merge brings back brings back its deleted parents, as the
/// store's restore does (else it would stay invisible).
fn restore_ancestors(plan: &mut MergePlan, mine: &[Contribution]) {
    let by_id: HashMap<Id, &Contribution> = mine.iter().map(|c| (c.id, c)).collect();
    let deleted: HashSet<Id> = plan.deletions.iter().map(|(id, _)| *id).collect();
    let mut restored: HashSet<Id> = plan
        .edits
        .iter()
        .filter(|e| e.restore)
        .map(|e| e.id)
        .collect();
    let mut stack: Vec<Id> = restored.iter().copied().collect();
    while let Some(id) = stack.pop() {
        let parent = by_id.get(&id).and_then(|c| c.parent_id);
        let Some(p) = parent.and_then(|p| by_id.get(&p)) else {
            continue;
        };
        if p.deleted_at.is_some() && !deleted.contains(&p.id) && restored.insert(p.id) {
            plan.edits.push(Edit {
                id: p.id,
                text: p.text.clone(),
                updated_at: p.updated_at,
                revisions: p.revisions.clone(),
                restore: true,
            });
            stack.push(p.id);
        }
    }
}

/// The first contribution `plan` adds that sits deeper than `MAX_DEPTH`
/// in `merged` (the session with the plan applied), with its depth.
pub fn too_deep(merged: &SessionData, plan: &MergePlan) -> Option<(Id, usize)> {
    let parents: HashMap<Id, Option<Id>> = merged
        .contributions
        .iter()
        .map(|c| (c.id, c.parent_id))
        .collect();
    plan.added.contributions.iter().find_map(|c| {
        let mut depth = 0;
        let mut at = c.parent_id;
        // Bounded: a damaged database with a cycle must not hang here.
        while let Some(p) = at.filter(|_| depth <= parents.len()) {
            depth += 1;
            at = parents.get(&p).copied().flatten();
        }
        (depth > MAX_DEPTH).then_some((c.id, depth))
    })
}

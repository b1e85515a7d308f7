//! The rule for contributions present on both sides: which text is newer
//! is read from the histories (a side whose current text is among the
//! other's earlier texts is the older one); two texts neither of which
//! knows the other are a true conflict. Tombstones win over an unchanged
//! item; a deletion against an edit is a conflict, and the edit stays
//! (nothing typed is lost: the organiser may still delete it).

use super::Known;
use crate::model::merge::{Conflict, Edit, MergePlan, NotMerged};
use crate::model::{new_id, Contribution, Revision};
use std::collections::HashMap;

/// How the two texts of one contribution relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Same,
    TheirsNewer,
    MineNewer,
    Diverged,
}

fn relation(mine: &Contribution, theirs: &Contribution) -> Relation {
    let knows = |c: &Contribution, text: &str| c.revisions.iter().any(|r| r.text == text);
    if mine.text == theirs.text {
        Relation::Same
    } else if knows(theirs, &mine.text) {
        Relation::TheirsNewer
    } else if knows(mine, &theirs.text) {
        Relation::MineNewer
    } else {
        Relation::Diverged
    }
}

/// Both histories, each earlier text once, oldest first.
fn union_of(mine: &[Revision], theirs: &[Revision]) -> Vec<Revision> {
    let mut all: Vec<Revision> = theirs.to_vec();
    for r in mine {
        if !all.contains(r) {
            all.push(r.clone());
        }
    }
    all.sort_by_key(|r| r.replaced_at);
    all
}

fn edit(mine: &Contribution, theirs: &Contribution, restore: bool) -> Edit {
    let mut revisions = union_of(&mine.revisions, &theirs.revisions);
    // The text replaced here becomes history too (the bundle may have
    // replaced an older text than ours).
    if !revisions.iter().any(|r| r.text == mine.text) {
        revisions.push(Revision {
            text: mine.text.clone(),
            replaced_at: theirs.updated_at,
        });
    }
    Edit {
        id: mine.id,
        text: theirs.text.clone(),
        updated_at: theirs.updated_at.max(mine.updated_at),
        revisions,
        restore,
    }
}

/// The bundle's text as a contribution of its own beside ours, so that
/// both texts are in the session until settled (its report reads ours
/// meanwhile: `report::unsettled`).
fn copy_of(mine: &Contribution, theirs: &Contribution) -> Contribution {
    Contribution {
        id: new_id(),
        stage_id: mine.stage_id,
        participant_id: theirs.participant_id,
        kind: theirs.kind,
        text: theirs.text.clone(),
        parent_id: mine.parent_id,
        position: mine.position + 1,
        created_at: theirs.updated_at,
        updated_at: theirs.updated_at,
        deleted_at: None,
        parked_at: mine.parked_at,
        revisions: Vec::new(),
        group: theirs.group,
        anonymous: theirs.anonymous,
        origin: theirs.origin,
    }
}

fn conflict(plan: &mut MergePlan, mine: &Contribution, theirs: &Contribution, known: &Known) {
    let (mine_text, theirs_text) = (
        mine.deleted_at.is_none().then(|| mine.text.clone()),
        theirs.deleted_at.is_none().then(|| theirs.text.clone()),
    );
    if known.contains(&(mine.id, theirs_text.clone())) {
        return;
    }
    let both_alive = mine_text.is_some() && theirs_text.is_some();
    plan.conflicts.push(Conflict {
        id: new_id(),
        contribution: mine.id,
        mine: mine_text,
        theirs: theirs_text,
        copy: both_alive.then(|| copy_of(mine, theirs)),
    });
}

/// Adds to `plan` what the bundle's contributions change here.
pub(super) fn plan(
    plan: &mut MergePlan,
    mine: &[Contribution],
    theirs: &[Contribution],
    known: &Known,
) {
    let here: HashMap<_, _> = mine.iter().map(|c| (c.id, c)).collect();
    for t in theirs {
        let Some(m) = here.get(&t.id) else {
            plan.added.contributions.push(t.clone());
            continue;
        };
        if (m.stage_id, m.parent_id, m.kind, m.parked_at.is_some())
            != (t.stage_id, t.parent_id, t.kind, t.parked_at.is_some())
        {
            plan.not_merged.push(NotMerged::ItemPlaces);
        }
        let rel = relation(m, t);
        match (m.deleted_at.is_some(), t.deleted_at) {
            (false, None) => match rel {
                Relation::TheirsNewer => plan.edits.push(edit(m, t, false)),
                Relation::Diverged => conflict(plan, m, t, known),
                Relation::Same | Relation::MineNewer => {}
            },
            // Deleted on both sides: only a newer text is worth keeping
            // (as history: the item stays deleted).
            (true, Some(_)) => {
                if rel == Relation::TheirsNewer {
                    plan.edits.push(edit(m, t, false));
                }
            }
            (false, Some(at)) => match rel {
                Relation::Same => plan.deletions.push((m.id, at)),
                Relation::TheirsNewer => {
                    plan.edits.push(edit(m, t, false));
                    plan.deletions.push((m.id, at));
                }
                Relation::MineNewer | Relation::Diverged => conflict(plan, m, t, known),
            },
            (true, None) => match rel {
                Relation::Same | Relation::MineNewer => {}
                // Settled before (the organiser kept the deletion): the
                // same bundle must not bring the text back again.
                _ if known.contains(&(m.id, Some(t.text.clone()))) => {}
                Relation::TheirsNewer | Relation::Diverged => {
                    plan.edits.push(edit(m, t, true));
                    conflict(plan, m, t, known);
                }
            },
        }
    }
}

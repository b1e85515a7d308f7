//! A merge plan replayed on a session in memory, as the store writes it:
//! the next file of one import is planned against this result.

use crate::model::merge::{MergePlan, Record};
use crate::model::{Contribution, Id, SessionData};

/// The next free place among a contribution's siblings.
pub(crate) fn next_position(all: &[Contribution], c: &Contribution) -> i64 {
    all.iter()
        .filter(|o| o.stage_id == c.stage_id && o.parent_id == c.parent_id)
        .map(|o| o.position + 1)
        .max()
        .unwrap_or(1)
}

fn removed<T>(
    list: &mut [T],
    id: Id,
    key: fn(&mut T) -> (Id, &mut Option<crate::model::Timestamp>),
    at: crate::model::Timestamp,
) {
    for item in list.iter_mut() {
        let (item_id, removed_at) = key(item);
        if item_id == id && removed_at.is_none() {
            *removed_at = Some(at);
        }
    }
}

/// Changes `data` as writing `plan` changes the database.
pub fn apply_to(data: &mut SessionData, plan: &MergePlan) {
    let a = &plan.added;
    data.participants.extend(a.participants.iter().cloned());
    data.stages.extend(a.stages.iter().cloned());
    for c in &a.contributions {
        let mut c = c.clone();
        c.position = next_position(&data.contributions, &c);
        data.contributions.push(c);
    }
    data.decisions.extend(a.decisions.iter().cloned());
    data.actions.extend(a.actions.iter().cloned());
    data.themes.extend(a.themes.iter().cloned());
    data.links.extend(a.links.iter().cloned());
    data.passes.extend(a.passes.iter().cloned());
    data.voting.votes.extend(a.votes.iter().cloned());
    for e in &plan.edits {
        if let Some(c) = data.contributions.iter_mut().find(|c| c.id == e.id) {
            c.text = e.text.clone();
            c.updated_at = e.updated_at;
            c.revisions = e.revisions.clone();
            if e.restore {
                c.deleted_at = None;
            }
        }
    }
    for (id, at) in &plan.deletions {
        if let Some(c) = data.contributions.iter_mut().find(|c| c.id == *id) {
            c.deleted_at.get_or_insert(*at);
        }
    }
    for r in &plan.removals {
        match r.record {
            Record::Participant => removed(
                &mut data.participants,
                r.id,
                |x| (x.id, &mut x.removed_at),
                r.at,
            ),
            Record::Decision => removed(
                &mut data.decisions,
                r.id,
                |x| (x.id, &mut x.removed_at),
                r.at,
            ),
            Record::Action => removed(&mut data.actions, r.id, |x| (x.id, &mut x.removed_at), r.at),
            Record::Theme => removed(&mut data.themes, r.id, |x| (x.id, &mut x.removed_at), r.at),
            Record::Link => removed(&mut data.links, r.id, |x| (x.id, &mut x.removed_at), r.at),
            Record::Pass => removed(&mut data.passes, r.id, |x| (x.id, &mut x.removed_at), r.at),
            Record::Vote => removed(
                &mut data.voting.votes,
                r.id,
                |x| (x.id, &mut x.removed_at),
                r.at,
            ),
        }
    }
    for action in data
        .actions
        .iter_mut()
        .filter(|a| plan.done.contains(&a.id))
    {
        action.done = true;
    }
    if plan.anonymise {
        data.session.anonymity = crate::model::Anonymity::Anonymous;
    }
    if let Some(synthesis) = &plan.synthesis {
        data.synthesis = synthesis.clone();
    }
    for copy in plan.conflicts.iter().filter_map(|c| c.copy.as_ref()) {
        for sibling in data.contributions.iter_mut() {
            if (sibling.stage_id, sibling.parent_id) == (copy.stage_id, copy.parent_id)
                && sibling.position >= copy.position
            {
                sibling.position += 1;
            }
        }
        data.contributions.push(copy.clone());
    }
    data.merge_conflicts.extend(plan.carried.iter().cloned());
    for (id, at, kept) in &plan.settled {
        for c in data.merge_conflicts.iter_mut().filter(|c| c.id == *id) {
            c.settled_at.get_or_insert(*at);
            c.kept.get_or_insert(*kept);
        }
    }
}

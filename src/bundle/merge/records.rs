//! The session's other records, merged by id: a record the session does
//! not have is added; a record taken back in the bundle is taken back
//! here (tombstones win); an action done in the bundle is done here.
//! Other differences in records both sides have are named, not merged.

use crate::model::merge::{MergePlan, NotMerged, Record, Removal};
use crate::model::{Id, SessionData, Timestamp};
use std::collections::HashMap;

/// Whether two versions of a record differ in what a merge does not take,
/// and under which name that part is reported.
type Differs<T> = Option<(fn(&T, &T) -> bool, NotMerged)>;

/// Adds the records of `theirs` unknown to `mine` (returned), and a removal
/// for each record taken back in `theirs` only; `differs` says whether the
/// two versions of a record differ in something a merge does not take.
fn by_id<T: Clone>(
    plan: &mut MergePlan,
    (mine, theirs): (&[T], &[T]),
    record: Record,
    key: fn(&T) -> (Id, Option<Timestamp>),
    differs: Differs<T>,
) -> Vec<T> {
    let here: HashMap<Id, &T> = mine.iter().map(|m| (key(m).0, m)).collect();
    let mut added = Vec::new();
    for t in theirs {
        let (id, removed) = key(t);
        let Some(m) = here.get(&id) else {
            added.push(t.clone());
            continue;
        };
        if let (None, Some(at)) = (key(m).1, removed) {
            plan.removals.push(Removal { record, id, at });
        }
        if let Some((differs, part)) = differs {
            if differs(m, t) {
                plan.not_merged.push(part);
            }
        }
    }
    added
}

/// Adds to `plan` what the bundle's records other than contributions
/// change here.
pub(super) fn plan(plan: &mut MergePlan, mine: &SessionData, theirs: &SessionData) {
    plan.added.participants = by_id(
        plan,
        (&mine.participants, &theirs.participants),
        Record::Participant,
        |p| (p.id, p.removed_at),
        Some((
            |a, b| (&a.name, &a.role) != (&b.name, &b.role),
            NotMerged::ParticipantDetails,
        )),
    );
    let known_stages: HashMap<Id, _> = mine.stages.iter().map(|s| (s.id, s)).collect();
    for stage in &theirs.stages {
        match known_stages.get(&stage.id) {
            None => plan.added.stages.push(stage.clone()),
            Some(here) => {
                let details = |s: &crate::model::Stage| {
                    (
                        s.title.clone(),
                        s.notes.clone(),
                        s.segments.clone(),
                        s.structure,
                        s.planned_minutes,
                    )
                };
                if details(here) != details(stage) {
                    plan.not_merged.push(NotMerged::StageDetails);
                }
            }
        }
    }
    plan.added.decisions = by_id(
        plan,
        (&mine.decisions, &theirs.decisions),
        Record::Decision,
        |d| (d.id, d.removed_at),
        Some((|a, b| a.text != b.text, NotMerged::DecisionTexts)),
    );
    plan.added.actions = by_id(
        plan,
        (&mine.actions, &theirs.actions),
        Record::Action,
        |a| (a.id, a.removed_at),
        Some((
            |a, b| {
                (&a.text, &a.who_participant, &a.who_name, a.due)
                    != (&b.text, &b.who_participant, &b.who_name, b.due)
            },
            NotMerged::ActionDetails,
        )),
    );
    let open: HashMap<Id, bool> = mine.actions.iter().map(|a| (a.id, a.done)).collect();
    plan.done = theirs
        .actions
        .iter()
        .filter(|a| a.done && open.get(&a.id) == Some(&false))
        .map(|a| a.id)
        .collect();
    plan.added.themes = by_id(
        plan,
        (&mine.themes, &theirs.themes),
        Record::Theme,
        |t| (t.id, t.removed_at),
        Some((
            |a, b| {
                (a.removed_at, b.removed_at) == (None, None)
                    && (&a.name, &a.items) != (&b.name, &b.items)
            },
            NotMerged::ThemeContents,
        )),
    );
    // An item sits in at most one theme: a new theme keeps only the items
    // no theme here holds.
    let placed: std::collections::HashSet<Id> = mine
        .themes
        .iter()
        .flat_map(|t| t.items.iter().copied())
        .collect();
    for theme in &mut plan.added.themes {
        let before = theme.items.len();
        theme.items.retain(|i| !placed.contains(i));
        if theme.items.len() != before {
            plan.not_merged.push(NotMerged::ThemeContents);
        }
    }
    plan.added.links = by_id(
        plan,
        (&mine.links, &theirs.links),
        Record::Link,
        |l| (l.id, l.removed_at),
        None,
    );
    plan.added.passes = by_id(
        plan,
        (&mine.passes, &theirs.passes),
        Record::Pass,
        |p| (p.id, p.removed_at),
        None,
    );
    plan.added.votes = by_id(
        plan,
        (&mine.voting.votes, &theirs.voting.votes),
        Record::Vote,
        |v| (v.id, v.removed_at),
        None,
    );
    let settings = |d: &SessionData| (d.voting.dots_per_participant, d.voting.revealed);
    if settings(mine) != settings(theirs) {
        plan.not_merged.push(NotMerged::VoteSettings);
    }
}

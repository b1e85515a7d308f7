//! Links between contributions and the trace they make: a contribution
//! answers (builds on) others — a stake the observations behind it, an
//! idea the stakes it addresses, a proposal its ideas — so a proposal can
//! be followed back to the observations that led to it. Pure: no I/O.

use super::{Contribution, Id, Kind, SessionData, Timestamp};
use std::collections::{HashMap, HashSet};

/// `from` answers (builds on) `to`; both are contributions of one session.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    pub created_at: Timestamp,
    /// Taken back (an unlink or an undo): kept, marked, as an action is.
    pub removed_at: Option<Timestamp>,
}

impl Link {
    pub fn is_live(&self) -> bool {
        self.removed_at.is_none()
    }
}

/// How far back a trace goes: a chain of observation → stake → idea →
/// proposal is three steps; the bound keeps every walk and renderer short
/// whatever a bundle or a facilitator's links hold.
pub const MAX_TRACE_DEPTH: usize = 8;

/// The kind a contribution of `kind` usually answers: what the link
/// picker offers first (the others are one toggle away).
pub fn answered_kind(kind: Kind) -> Option<Kind> {
    match kind {
        Kind::Stake => Some(Kind::Observation),
        Kind::Idea => Some(Kind::Stake),
        Kind::Proposal => Some(Kind::Idea),
        Kind::Action => Some(Kind::Proposal),
        _ => None,
    }
}

/// Where a kind stands in the chain a trace follows (observation → stake →
/// idea → proposal → action); `None` for the kinds outside it (context,
/// question, resource), which may answer or be answered by anything.
pub fn reasoning_step(kind: Kind) -> Option<u8> {
    match kind {
        Kind::Observation => Some(0),
        Kind::Stake => Some(1),
        Kind::Idea => Some(2),
        Kind::Proposal => Some(3),
        Kind::Action => Some(4),
        _ => None,
    }
}

/// Whether a contribution of kind `from` may answer one of kind `to`: not
/// backwards along the chain (an observation does not answer a proposal;
/// the proposal answers it). Items of the same step may build on each other.
pub fn may_answer(from: Kind, to: Kind) -> bool {
    match (reasoning_step(from), reasoning_step(to)) {
        (Some(f), Some(t)) => t <= f,
        _ => true,
    }
}

/// The standing links of a session, indexed both ways. A link counts when
/// it is not taken back and neither end is deleted; each list is in the
/// session's order (stage by stage, tree order), so every walk is stable.
pub struct Links<'a> {
    answers: HashMap<Id, Vec<&'a Contribution>>,
    built_on: HashMap<Id, Vec<&'a Contribution>>,
    /// Where each contribution sits in the session's order.
    order: HashMap<Id, usize>,
}

impl<'a> Links<'a> {
    pub fn of(data: &'a SessionData) -> Links<'a> {
        let order = data.index();
        let alive = |id: &Id| {
            order
                .get(id)
                .map(|&i| &data.contributions[i])
                .filter(|c| c.deleted_at.is_none())
        };
        let mut answers: HashMap<Id, Vec<&Contribution>> = HashMap::new();
        let mut built_on: HashMap<Id, Vec<&Contribution>> = HashMap::new();
        let mut seen = HashSet::new();
        for l in data.links.iter().filter(|l| l.is_live()) {
            let (Some(from), Some(to)) = (alive(&l.from), alive(&l.to)) else {
                continue;
            };
            if from.id == to.id || !seen.insert((from.id, to.id)) {
                continue;
            }
            answers.entry(from.id).or_default().push(to);
            built_on.entry(to.id).or_default().push(from);
        }
        for list in answers.values_mut().chain(built_on.values_mut()) {
            list.sort_by_key(|c| order[&c.id]);
        }
        Links {
            answers,
            built_on,
            order,
        }
    }

    /// What `id` answers, in the session's order.
    pub fn answers(&self, id: Id) -> &[&'a Contribution] {
        self.answers.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// What builds on `id`, in the session's order.
    pub fn built_on(&self, id: Id) -> &[&'a Contribution] {
        self.built_on.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// `root` and what it answers, back to the first observations: depth
    /// first (each item followed by what it answers, one level deeper),
    /// each contribution once (where the walk first meets it), at most
    /// `MAX_TRACE_DEPTH` steps back. Cycles stop where they close.
    pub fn trace(&self, root: &'a Contribution) -> Vec<(&'a Contribution, usize)> {
        self.trace_from(&[root], 0)
    }

    /// The traces of `starts` as one walk, each start at `depth`: what
    /// several of them answer shows once, under the first.
    pub fn trace_from(
        &self,
        starts: &[&'a Contribution],
        depth: usize,
    ) -> Vec<(&'a Contribution, usize)> {
        let mut out = Vec::new();
        let mut seen: HashSet<Id> = starts.iter().map(|c| c.id).collect();
        let mut stack: Vec<_> = starts.iter().rev().map(|c| (*c, depth)).collect();
        while let Some((c, depth)) = stack.pop() {
            out.push((c, depth));
            if depth == MAX_TRACE_DEPTH {
                continue;
            }
            let next: Vec<_> = self
                .answers(c.id)
                .iter()
                .filter(|t| seen.insert(t.id))
                .collect();
            stack.extend(next.into_iter().rev().map(|t| (*t, depth + 1)));
        }
        out
    }

    /// Where traces start, in the session's order: every proposal that
    /// answers something, then every other contribution that answers
    /// something and that nothing builds on. Then, while some link is not
    /// shown yet (a chain longer than a trace goes, a loop of links), the
    /// first item not shown that nothing unshown builds on (in a loop, the
    /// latest item): no link is left out of a report, and no chain is
    /// shown again and again.
    pub fn roots(&self) -> Vec<&'a Contribution> {
        self.roots_besides(&HashSet::new())
    }

    /// [`Links::roots`] when the contributions in `shown` are already
    /// shown elsewhere (under the synthesis): none of them starts a trace.
    pub fn roots_besides(&self, already: &HashSet<Id>) -> Vec<&'a Contribution> {
        let mut sources: Vec<&'a Contribution> =
            self.built_on.values().flatten().copied().collect();
        sources.sort_by_key(|c| self.order[&c.id]);
        sources.dedup_by_key(|c| c.id);
        let mut shown = already.clone();
        let mut roots = Vec::new();
        let mut take = |c: &'a Contribution, shown: &mut HashSet<Id>| {
            shown.extend(self.trace(c).into_iter().map(|(t, _)| t.id));
            roots.push(c);
        };
        let proposals = sources
            .iter()
            .filter(|c| c.kind == Kind::Proposal && !already.contains(&c.id));
        for &c in proposals {
            take(c, &mut shown);
        }
        for &c in &sources {
            if c.kind != Kind::Proposal && self.built_on(c.id).is_empty() && !shown.contains(&c.id)
            {
                take(c, &mut shown);
            }
        }
        loop {
            let unshown: Vec<&'a Contribution> = sources
                .iter()
                .copied()
                .filter(|c| !shown.contains(&c.id))
                .collect();
            let Some(&latest) = unshown.last() else {
                break;
            };
            let next = unshown
                .iter()
                .copied()
                .find(|c| self.built_on(c.id).iter().all(|b| shown.contains(&b.id)))
                .unwrap_or(latest);
            take(next, &mut shown);
        }
        roots
    }
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;

//! Dot voting: each participant places up to N dots on the items of a
//! session; a show of hands is entered as a tally (a count without a
//! person). Pure rules shared by the store, the commands, the screen, the
//! CLI and the reports: the dot budget, item totals and the ranking with
//! ties.

use super::{Id, Timestamp};
use std::collections::HashMap;

/// Dots per participant in a session nobody has set yet.
pub const DEFAULT_DOTS: u32 = 3;
/// The most dots a session may give each person (the screen shows them
/// as marks, so the number stays small).
pub const MAX_DOTS: u32 = 99;

/// Dots placed on one item: one dot of a participant, or a tally (a
/// count for the whole room, `participant_id` none).
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    pub id: Id,
    pub contribution_id: Id,
    /// Who placed the dot; `None` for a tally.
    pub participant_id: Option<Id>,
    /// 1 for a participant's dot; the count for a tally.
    pub dots: u32,
    pub at: Timestamp,
    /// Taken back (an undo, a removed dot, a replaced tally): kept, marked.
    pub removed_at: Option<Timestamp>,
}

impl Vote {
    pub fn stands(&self) -> bool {
        self.removed_at.is_none()
    }
}

/// A session's vote: its settings and every dot, those taken back
/// included (marked).
#[derive(Debug, Clone, PartialEq)]
pub struct Voting {
    /// How many dots each participant may place.
    pub dots_per_participant: u32,
    /// Whether the screen shows the counts (hidden for a projected screen
    /// until the facilitator reveals them). Reports always show them.
    pub revealed: bool,
    pub votes: Vec<Vote>,
}

impl Default for Voting {
    fn default() -> Voting {
        Voting {
            dots_per_participant: DEFAULT_DOTS,
            revealed: false,
            votes: Vec::new(),
        }
    }
}

/// Placing these dots would take a participant past their budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// Dots already placed.
    pub used: u32,
    /// Dots asked for now.
    pub adding: u32,
    pub budget: u32,
}

impl Voting {
    /// The dots that stand (not taken back).
    pub fn standing(&self) -> impl Iterator<Item = &Vote> {
        self.votes.iter().filter(|v| v.stands())
    }

    /// Dots `participant` has placed.
    pub fn used(&self, participant: Id) -> u32 {
        used(self.standing(), participant)
    }

    /// Dots `participant` may still place.
    pub fn remaining(&self, participant: Id) -> u32 {
        self.dots_per_participant
            .saturating_sub(self.used(participant))
    }

    /// Dots `participant` placed on `item`.
    pub fn dots_of(&self, participant: Id, item: Id) -> u32 {
        self.standing()
            .filter(|v| v.participant_id == Some(participant) && v.contribution_id == item)
            .map(|v| v.dots)
            .sum()
    }

    /// The standing tally of `item` (a show of hands), 0 when none.
    pub fn tally(&self, item: Id) -> u32 {
        self.standing()
            .filter(|v| v.participant_id.is_none() && v.contribution_id == item)
            .map(|v| v.dots)
            .sum()
    }

    /// Every item's total: its participants' dots and its tally.
    pub fn totals(&self) -> HashMap<Id, u32> {
        let mut totals = HashMap::new();
        for v in self.standing() {
            *totals.entry(v.contribution_id).or_insert(0) += v.dots;
        }
        totals
    }

    /// The largest number of dots any one participant has placed (a
    /// budget below it would be exceeded already).
    pub fn most_used(&self) -> u32 {
        let mut per: HashMap<Id, u32> = HashMap::new();
        for v in self.standing() {
            if let Some(p) = v.participant_id {
                *per.entry(p).or_insert(0) += v.dots;
            }
        }
        per.into_values().max().unwrap_or(0)
    }
}

/// Dots `participant` placed among `votes` (standing ones only).
pub fn used<'a>(votes: impl Iterator<Item = &'a Vote>, participant: Id) -> u32 {
    votes
        .filter(|v| v.stands() && v.participant_id == Some(participant))
        .map(|v| v.dots)
        .sum()
}

/// Whether `adding` more dots fit in `budget` after `used`.
pub fn check_budget(used: u32, adding: u32, budget: u32) -> Result<(), OverBudget> {
    if used.saturating_add(adding) > budget {
        Err(OverBudget {
            used,
            adding,
            budget,
        })
    } else {
        Ok(())
    }
}

/// One place in a ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked<T> {
    pub item: T,
    pub dots: u32,
    /// 1 for the most dots; items with as many dots share a rank and the
    /// next rank skips as many places ("1, 1, 3").
    pub rank: usize,
    /// Another item has as many dots (shown "ex aequo" / "tied").
    pub tied: bool,
}

/// Ranks items by their dots, most first. Generic over what is ranked
/// (contributions, or themes summing their members' dots): `counts` is
/// each item with its dots, in the order ties keep (the session's order).
pub fn rank<T>(counts: Vec<(T, u32)>) -> Vec<Ranked<T>> {
    let mut counts = counts;
    // A stable sort: equal counts keep the order they came in.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut how_many: HashMap<u32, usize> = HashMap::new();
    for (_, dots) in &counts {
        *how_many.entry(*dots).or_insert(0) += 1;
    }
    let mut out: Vec<Ranked<T>> = Vec::with_capacity(counts.len());
    for (i, (item, dots)) in counts.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.dots == dots => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked {
            item,
            dots,
            rank,
            tied: how_many[&dots] > 1,
        });
    }
    out
}

/// The ranking of a set of items (ids in the session's order) by the
/// dots of `voting`; items without a dot come last, unranked ties at 0.
pub fn rank_items(voting: &Voting, items: impl IntoIterator<Item = Id>) -> Vec<Ranked<Id>> {
    let totals = voting.totals();
    rank(
        items
            .into_iter()
            .map(|id| (id, totals.get(&id).copied().unwrap_or(0)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{new_id, now};

    fn vote(item: Id, who: Option<Id>, dots: u32) -> Vote {
        Vote {
            id: new_id(),
            contribution_id: item,
            participant_id: who,
            dots,
            at: now(),
            removed_at: None,
        }
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let r = rank(vec![("a", 2), ("b", 5), ("c", 2), ("d", 1), ("e", 5)]);
        let got: Vec<(&str, u32, usize, bool)> =
            r.iter().map(|x| (x.item, x.dots, x.rank, x.tied)).collect();
        assert_eq!(
            got,
            vec![
                ("b", 5, 1, true),
                ("e", 5, 1, true),
                ("a", 2, 3, true),
                ("c", 2, 3, true),
                ("d", 1, 5, false),
            ]
        );
        assert!(rank::<u8>(Vec::new()).is_empty());
        let alone = rank(vec![(1, 0)]);
        assert_eq!((alone[0].rank, alone[0].tied), (1, false));
    }

    #[test]
    fn totals_add_dots_and_tallies_and_skip_what_was_taken_back() {
        let (ana, bo) = (new_id(), new_id());
        let (x, y) = (new_id(), new_id());
        let mut taken_back = vote(y, Some(ana), 1);
        taken_back.removed_at = Some(now());
        let voting = Voting {
            votes: vec![
                vote(x, Some(ana), 1),
                vote(x, Some(ana), 1),
                vote(x, Some(bo), 1),
                vote(y, None, 4),
                taken_back,
            ],
            ..Voting::default()
        };
        assert_eq!(voting.totals()[&x], 3);
        assert_eq!(voting.totals()[&y], 4);
        assert_eq!(voting.used(ana), 2);
        assert_eq!(voting.remaining(ana), 1);
        assert_eq!(voting.dots_of(ana, x), 2);
        assert_eq!(voting.dots_of(ana, y), 0);
        assert_eq!(voting.tally(y), 4);
        assert_eq!(voting.most_used(), 2);
        let ranked = rank_items(&voting, [x, y, new_id()]);
        assert_eq!(ranked[0].item, y);
        assert_eq!(ranked[1].item, x);
        assert_eq!((ranked[2].dots, ranked[2].rank), (0, 3));
    }

    #[test]
    fn the_budget_refuses_one_dot_too_many() {
        assert!(check_budget(0, 3, 3).is_ok());
        assert!(check_budget(2, 1, 3).is_ok());
        assert_eq!(
            check_budget(2, 2, 3),
            Err(OverBudget {
                used: 2,
                adding: 2,
                budget: 3
            })
        );
        assert!(check_budget(u32::MAX, 1, 3).is_err());
    }
}

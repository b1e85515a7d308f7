//! The dot vote in a bundle: its JSON shape, its writer and its checks
//! (every dot names a contribution and, unless a tally, a participant of
//! the same session; no one is over the dots per participant).

use super::check::Checker;
use super::BundleError;
use crate::model::{format_time, Contribution, Id, Vote, Voting, MAX_DOTS};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BVoting {
    pub(super) dots_per_participant: u32,
    #[serde(default)]
    pub(super) revealed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) votes: Vec<BVote>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BVote {
    pub(super) id: String,
    pub(super) contribution: String,
    /// Who placed the dot; absent for a tally (a count without a person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) participant: Option<String>,
    pub(super) dots: u32,
    pub(super) at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) removed_at: Option<String>,
}

/// The vote as a bundle writes it; `None` when nothing was voted or set.
pub(super) fn export(voting: &Voting) -> Option<BVoting> {
    if *voting == Voting::default() {
        return None;
    }
    Some(BVoting {
        dots_per_participant: voting.dots_per_participant,
        revealed: voting.revealed,
        votes: voting
            .votes
            .iter()
            .map(|v| BVote {
                id: v.id.to_string(),
                contribution: v.contribution_id.to_string(),
                participant: v.participant_id.map(|p| p.to_string()),
                dots: v.dots,
                at: format_time(&v.at),
                removed_at: v.removed_at.as_ref().map(format_time),
            })
            .collect(),
    })
}

impl Checker<'_> {
    /// The vote of a bundle, checked against the session's people and
    /// contributions; the defaults when the bundle has none.
    pub(super) fn voting(
        &mut self,
        voting: Option<&BVoting>,
        people: &HashSet<Id>,
        contributions: &[Contribution],
    ) -> Result<Voting, BundleError> {
        let Some(b) = voting else {
            return Ok(Voting::default());
        };
        let dots = b.dots_per_participant;
        if !(1..=MAX_DOTS).contains(&dots) {
            return Err(self.said(
                "voting.dots_per_participant",
                "votes.bundle_dots",
                &[("value", &dots), ("max", &MAX_DOTS)],
            ));
        }
        let items: HashSet<Id> = contributions.iter().map(|c| c.id).collect();
        let mut used: HashMap<Id, u32> = HashMap::new();
        let mut votes = Vec::new();
        for (i, v) in b.votes.iter().enumerate() {
            let at = format!("voting.votes[{i}]");
            let contribution_id = Id::parse_str(&v.contribution)
                .ok()
                .filter(|c| items.contains(c))
                .ok_or_else(|| {
                    self.said(
                        format!("{at}.contribution"),
                        "votes.bundle_unknown_item",
                        &[("value", &v.contribution)],
                    )
                })?;
            let participant_id = match &v.participant {
                None => None,
                Some(p) => Some(
                    Id::parse_str(p)
                        .ok()
                        .filter(|p| people.contains(p))
                        .ok_or_else(|| {
                            self.said(
                                format!("{at}.participant"),
                                "bundle.unknown_participant",
                                &[("value", p)],
                            )
                        })?,
                ),
            };
            if v.dots == 0 || (participant_id.is_some() && v.dots != 1) {
                return Err(self.said(
                    format!("{at}.dots"),
                    "votes.bundle_vote_dots",
                    &[("value", &v.dots)],
                ));
            }
            let vote = Vote {
                id: self.id(format!("{at}.id"), &v.id)?,
                contribution_id,
                participant_id,
                dots: v.dots,
                at: self.time(format!("{at}.at"), &v.at)?,
                removed_at: self.opt_time(format!("{at}.removed_at"), &v.removed_at)?,
            };
            if let (Some(p), true) = (participant_id, vote.stands()) {
                let n = used.entry(p).or_insert(0);
                *n += 1;
                if *n > dots {
                    return Err(self.said(
                        format!("{at}.participant"),
                        "votes.bundle_over_budget",
                        &[("value", &p), ("dots", &dots)],
                    ));
                }
            }
            votes.push(vote);
        }
        Ok(Voting {
            dots_per_participant: dots,
            revealed: b.revealed,
            votes,
        })
    }
}

//! What merging a bundle into a session that already exists changes: the
//! plan is worked out from both sides before anything is written (see
//! `bundle::merge`), printed by `atelier import --dry-run`, and written by
//! the store in the import's one transaction.

use super::{
    Action, Contribution, Decision, Id, Link, Participant, Pass, Revision, SessionData, Stage,
    Synthesis, Theme, Timestamp, Vote,
};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The records a bundle brings that the session does not have yet (by id).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Additions {
    pub participants: Vec<Participant>,
    pub stages: Vec<Stage>,
    /// In the bundle's tree order: a parent always before its sub-points.
    pub contributions: Vec<Contribution>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<Action>,
    pub themes: Vec<Theme>,
    pub links: Vec<Link>,
    pub passes: Vec<Pass>,
    pub votes: Vec<Vote>,
}

impl Additions {
    /// Every record added that is not a contribution.
    pub fn others(&self) -> usize {
        self.participants.len()
            + self.stages.len()
            + self.decisions.len()
            + self.actions.len()
            + self.themes.len()
            + self.links.len()
            + self.passes.len()
            + self.votes.len()
    }
}

/// A contribution's newer text from the bundle; its history becomes the
/// union of both sides' earlier texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub id: Id,
    pub text: String,
    pub updated_at: Timestamp,
    pub revisions: Vec<Revision>,
    /// Deleted here but edited in the bundle: the edit brings it back (and
    /// the pair is listed as a conflict).
    pub restore: bool,
}

/// The kinds of record a bundle may take back (tombstones win).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Participant,
    Decision,
    Action,
    Theme,
    Link,
    Pass,
    Vote,
}

/// A record taken back in the bundle and still standing here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Removal {
    pub record: Record,
    pub id: Id,
    pub at: Timestamp,
}

/// One contribution changed on two laptops. `None` on a side: deleted
/// there. Both texts stay in the session until the organiser settles it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: Id,
    pub contribution: Id,
    /// The text here (`mine`) and in the bundle (`theirs`).
    pub mine: Option<String>,
    pub theirs: Option<String>,
    /// Edited on both sides: the bundle's text as a contribution of its
    /// own, right after the one here.
    pub copy: Option<Contribution>,
}

/// Which text a settled conflict kept: the one here or the bundle's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Keep {
    Mine,
    Theirs,
}

impl Keep {
    pub fn key(self) -> &'static str {
        match self {
            Keep::Mine => "mine",
            Keep::Theirs => "theirs",
        }
    }
}

/// A conflict as the session keeps it once listed, open or settled: what
/// `atelier conflicts` reads and the complete bundle carries, so that a
/// copy stays a conflict copy on the next laptop.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedConflict {
    pub id: Id,
    pub contribution: Id,
    /// The bundle's text as a contribution of its own (edited on both
    /// sides).
    pub copy: Option<Id>,
    pub mine: Option<String>,
    pub theirs: Option<String>,
    /// The bundle file it came from.
    pub file: String,
    pub found_at: Timestamp,
    pub settled_at: Option<Timestamp>,
    pub kept: Option<Keep>,
}

/// The copies of `data`'s open conflicts: not settled, and the copy not
/// deleted (deleting it keeps our text, which settles it too). Until the
/// organiser settles, a report reads the item once, with the text here.
pub fn open_copies(data: &SessionData) -> HashSet<Id> {
    let live: HashSet<Id> = data.live().map(|c| c.id).collect();
    data.merge_conflicts
        .iter()
        .filter(|c| c.settled_at.is_none())
        .filter_map(|c| c.copy)
        .filter(|copy| live.contains(copy))
        .collect()
}

/// Parts of a bundle a merge does not take (the session's own stay), each
/// named so that nothing is dropped without saying so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotMerged {
    SessionDetails,
    Synthesis,
    StageDetails,
    ItemPlaces,
    ParticipantDetails,
    ActionDetails,
    DecisionTexts,
    ThemeContents,
    VoteSettings,
    Review,
}

impl NotMerged {
    pub fn key(self) -> &'static str {
        match self {
            NotMerged::SessionDetails => "merge.part.session_details",
            NotMerged::Synthesis => "merge.part.synthesis",
            NotMerged::StageDetails => "merge.part.stage_details",
            NotMerged::ItemPlaces => "merge.part.item_places",
            NotMerged::ParticipantDetails => "merge.part.participant_details",
            NotMerged::ActionDetails => "merge.part.action_details",
            NotMerged::DecisionTexts => "merge.part.decision_texts",
            NotMerged::ThemeContents => "merge.part.theme_contents",
            NotMerged::VoteSettings => "merge.part.vote_settings",
            NotMerged::Review => "merge.part.review",
        }
    }
}

/// Everything one bundle changes in the session it shares an id with.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan {
    pub session: Id,
    pub title: String,
    pub added: Additions,
    pub edits: Vec<Edit>,
    /// Contributions deleted in the bundle, with the bundle's time.
    pub deletions: Vec<(Id, Timestamp)>,
    pub removals: Vec<Removal>,
    /// Actions done in the bundle and still open here.
    pub done: Vec<Id>,
    /// The bundle's synthesis, when the session has none yet.
    pub synthesis: Option<Synthesis>,
    /// The bundle's session is anonymous and this one is not: the stricter
    /// rule wins, names come off the reports.
    pub anonymise: bool,
    pub conflicts: Vec<Conflict>,
    /// Conflicts the bundle carries (listed on the laptop it comes from)
    /// that this session does not hold yet, by id.
    pub carried: Vec<LoggedConflict>,
    /// Conflicts open here that the bundle says were settled, with when
    /// and which text was kept (the texts themselves arrive as edits and
    /// deletions).
    pub settled: Vec<(Id, Timestamp, Keep)>,
    /// Sorted, each once.
    pub not_merged: Vec<NotMerged>,
}

impl MergePlan {
    /// Nothing to write: the bundle brings nothing new.
    pub fn is_empty(&self) -> bool {
        self.added.contributions.is_empty()
            && self.added.others() == 0
            && self.edits.is_empty()
            && self.deletions.is_empty()
            && self.removals.is_empty()
            && self.done.is_empty()
            && self.synthesis.is_none()
            && !self.anonymise
            && self.conflicts.is_empty()
            && self.carried.is_empty()
            && self.settled.is_empty()
    }
}

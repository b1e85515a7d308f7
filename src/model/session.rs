use super::{Action, Contribution, Decision, Id, Lang, Segment, Timer, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    #[default]
    Draft,
    Running,
    Closed,
}

impl SessionStatus {
    pub fn key(self) -> &'static str {
        match self {
            SessionStatus::Draft => "draft",
            SessionStatus::Running => "running",
            SessionStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<SessionStatus> {
        [
            SessionStatus::Draft,
            SessionStatus::Running,
            SessionStatus::Closed,
        ]
        .into_iter()
        .find(|v| v.key() == s)
    }
}

/// Whether reports name who said what. `Anonymous` keeps the roster in the
/// database (for participation balance) but never prints names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Anonymity {
    #[default]
    Named,
    Anonymous,
}

impl Anonymity {
    pub fn key(self) -> &'static str {
        match self {
            Anonymity::Named => "named",
            Anonymity::Anonymous => "anonymous",
        }
    }

    pub fn parse(s: &str) -> Option<Anonymity> {
        [Anonymity::Named, Anonymity::Anonymous]
            .into_iter()
            .find(|v| v.key() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: Id,
    pub title: String,
    pub event: String,
    pub date: NaiveDate,
    pub language: Lang,
    pub template: String,
    pub question: String,
    pub context: String,
    pub lead: String,
    pub anonymity: Anonymity,
    pub status: SessionStatus,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Archived sessions are hidden from the home list but kept whole.
    pub archived_at: Option<Timestamp>,
    /// The session of the same workshop this one follows, if any: its open
    /// actions are offered here for carry-over.
    pub previous_id: Option<Id>,
    /// How its report reads (discussion order, per-person statistics).
    pub report: super::ReportChoices,
    /// Where it took place, for the report's cover; empty when not said.
    pub place: String,
    /// Keys the order of an anonymous report's pseudonyms ("Participant
    /// 3"); random, kept with the session and its complete archive.
    pub pseudonym_seed: String,
    /// When the closed session was last reopened to correct its report:
    /// from then on no stage clock runs (`lifecycle::clocks_run`).
    pub reopened_at: Option<Timestamp>,
}

impl Session {
    /// Whether its stage clocks run (see `lifecycle::clocks_run`).
    pub fn clocks_run(&self) -> bool {
        super::lifecycle::clocks_run(self.status, self.reopened_at.is_some())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    pub role: String,
    pub position: i64,
    /// Removed from the roster (perhaps withdrawn): what they said is kept;
    /// reports show it without their name (`report::Names`).
    pub removed_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: Id,
    pub key: String,
    pub title: String,
    pub position: i64,
    pub planned_minutes: u32,
    /// Every stretch of time the stage ran, in order (see `Timer`).
    pub segments: Vec<Segment>,
    pub notes: String,
    /// How the stage runs (an open discussion, a 1-2-4-All…).
    pub structure: super::Structure,
    /// When each step of its structure began, in order.
    pub step_starts: Vec<Timestamp>,
}

impl Stage {
    pub fn timer(&self) -> Timer<'_> {
        Timer::new(&self.segments, self.planned_minutes)
    }

    /// The stage's 1-2-4-All steps, read against its own clock.
    pub fn steps(&self) -> super::StepClock<'_> {
        super::StepClock::new(&self.step_starts, &self.segments)
    }

    /// When the stage first started.
    pub fn started_at(&self) -> Option<Timestamp> {
        self.segments.first().map(|s| s.started_at)
    }

    /// When the stage last stopped; `None` while it runs or before it starts.
    pub fn ended_at(&self) -> Option<Timestamp> {
        if self.timer().is_running() {
            return None;
        }
        self.segments.last().and_then(|s| s.ended_at)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BuildingBlock {
    pub title: String,
    pub text: String,
    /// The contributions it builds on, in the order they were picked.
    pub sources: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Synthesis {
    pub text: String,
    pub blocks: Vec<BuildingBlock>,
    pub proposal: String,
    /// The contributions the text builds on, in the order they were picked.
    pub text_sources: Vec<Id>,
    /// The contributions the proposal builds on: where the report's trace
    /// starts, back to the observations.
    pub proposal_sources: Vec<Id>,
}

impl Synthesis {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.blocks.is_empty() && self.proposal.trim().is_empty()
    }
}

/// A whole session as one value: what a bundle holds and a report reads.
/// Contributions are ordered as a tree walk: each parent before its
/// children, siblings by position.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionData {
    pub session: Session,
    pub participants: Vec<Participant>,
    pub stages: Vec<Stage>,
    pub contributions: Vec<Contribution>,
    pub synthesis: Synthesis,
    /// The decision log, oldest first, with those taken back (marked).
    pub decisions: Vec<Decision>,
    /// The actions agreed, oldest first, with those taken back (marked).
    pub actions: Vec<Action>,
    /// Turns passed in round-robins, with those taken back (marked).
    pub passes: Vec<super::Pass>,
    /// The themes, in order, with those taken back (marked, empty).
    pub themes: Vec<super::Theme>,
    /// The dot vote: dots per participant, whether the screen shows the
    /// counts, and every dot (those taken back marked).
    pub voting: super::Voting,
    /// Links between contributions (`from` answers `to`), oldest first,
    /// with those taken back (marked).
    pub links: Vec<super::Link>,
    /// The report's review cycle: versions, remarks, sign-offs.
    pub review: super::ReviewLog,
    /// How many phone inputs the facilitator merged into each
    /// contribution, by its id (the report counts them; declined and
    /// pending inputs never leave the store).
    pub room_merges: std::collections::HashMap<Id, usize>,
    /// The conflicts merges left in this session, open and settled,
    /// oldest first (see `merge::LoggedConflict`).
    pub merge_conflicts: Vec<super::merge::LoggedConflict>,
}

impl SessionData {
    pub fn participant(&self, id: Id) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// Where each contribution sits in `contributions`.
    pub fn index(&self) -> std::collections::HashMap<Id, usize> {
        self.contributions
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect()
    }

    /// The current roster, without removed participants.
    pub fn roster(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| p.removed_at.is_none())
    }

    pub fn stage(&self, id: Id) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Contributions in their stage's list: not deleted, not parked.
    pub fn live(&self) -> impl Iterator<Item = &Contribution> {
        self.contributions.iter().filter(|c| c.is_live())
    }

    /// The passes that stand: without those taken back.
    pub fn live_passes(&self) -> impl Iterator<Item = &super::Pass> {
        self.passes.iter().filter(|p| p.removed_at.is_none())
    }

    /// The decision log as it stands: without the decisions taken back.
    pub fn logged_decisions(&self) -> impl Iterator<Item = &Decision> {
        self.decisions.iter().filter(|d| d.removed_at.is_none())
    }

    /// The actions as they stand: without those taken back.
    pub fn listed_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.removed_at.is_none())
    }

    /// The parking lot: each parked contribution whose parent was not
    /// parked with it (its parked sub-points go with it), oldest first.
    pub fn parked(&self) -> Vec<&Contribution> {
        let index = self.index();
        let mut v: Vec<&Contribution> = self
            .contributions
            .iter()
            .filter(|c| c.is_parked())
            .filter(|c| {
                c.parent_id
                    .and_then(|p| index.get(&p))
                    .is_none_or(|&i| self.contributions[i].parked_at != c.parked_at)
            })
            .collect();
        v.sort_by_key(|c| c.parked_at);
        v
    }

    /// Children of `parent` (or top-level items of `stage` when `parent` is
    /// `None`), live only, in order.
    pub fn children(&self, stage: Id, parent: Option<Id>) -> Vec<&Contribution> {
        let mut v: Vec<&Contribution> = self
            .live()
            .filter(|c| c.stage_id == stage && c.parent_id == parent)
            .collect();
        v.sort_by_key(|c| c.position);
        v
    }
}

/// The lead's role when the lead field names it, as facilitators write it
/// in their notes: "Porteuse : Florence Mensah" gives ("Porteuse",
/// "Florence Mensah"). One word before a colon; anything else is a name.
pub fn lead_title(lead: &str) -> Option<(&str, &str)> {
    let (title, name) = lead.split_once(':')?;
    let (title, name) = (title.trim(), name.trim());
    let one_word = !title.is_empty()
        && title.chars().count() <= 24
        && title
            .chars()
            .all(|c| c.is_alphabetic() || c == '·' || c == '-' || c == '.');
    (one_word && !name.is_empty()).then_some((title, name))
}

#[cfg(test)]
mod lead_tests {
    use super::lead_title;

    #[test]
    fn the_lead_field_may_name_the_role() {
        assert_eq!(
            lead_title("Porteuse : Florence Mensah"),
            Some(("Porteuse", "Florence Mensah"))
        );
        assert_eq!(lead_title("Porteur: Jacky"), Some(("Porteur", "Jacky")));
        assert_eq!(lead_title("Florence Mensah"), None);
        assert_eq!(lead_title("Florence Mensah : DRH"), None);
        assert_eq!(lead_title("Porteuse :"), None);
    }
}

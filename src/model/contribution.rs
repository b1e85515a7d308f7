use super::{Id, Kind, Origin, Timestamp};

/// One thing said in the room, as typed by the facilitator.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub id: Id,
    pub stage_id: Id,
    /// `None` when the contribution belongs to the whole group.
    pub participant_id: Option<Id>,
    pub kind: Kind,
    pub text: String,
    /// Sub-points hang under a parent in the same stage, to any depth.
    pub parent_id: Option<Id>,
    /// Order among siblings.
    pub position: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Soft deletion: a deleted contribution can be restored.
    pub deleted_at: Option<Timestamp>,
    /// In the parking lot since then: out of its stage's list, kept whole.
    pub parked_at: Option<Timestamp>,
    /// Every earlier text, oldest first.
    pub revisions: Vec<Revision>,
    /// The group that shared it in a 1-2-4-All's "All" step (1, 2, …).
    pub group: Option<u32>,
    /// A person's contribution stored without its author (so
    /// `participant_id` is `None`), as opposed to the whole group's.
    pub anonymous: bool,
    /// Typed by the facilitator, sent from the room, or imported from notes.
    pub origin: Origin,
}

impl Contribution {
    /// In its stage's list: neither deleted nor parked.
    pub fn is_live(&self) -> bool {
        self.deleted_at.is_none() && self.parked_at.is_none()
    }

    /// In the parking lot (and not deleted).
    pub fn is_parked(&self) -> bool {
        self.deleted_at.is_none() && self.parked_at.is_some()
    }
}

/// A decision taken in the room, as the facilitator logged it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: Id,
    pub text: String,
    pub decided_at: Timestamp,
    /// Taken back (an undo): kept, out of the log and the reports.
    pub removed_at: Option<Timestamp>,
}

/// A turn passed in a round-robin: a turn without text, in one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    pub id: Id,
    pub stage_id: Id,
    pub participant_id: Id,
    pub at: Timestamp,
    /// Taken back (an undo): kept, marked, as a decision is.
    pub removed_at: Option<Timestamp>,
}

/// A text that a contribution had before an edit, and when it was replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub text: String,
    pub replaced_at: Timestamp,
}

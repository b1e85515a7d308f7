use super::{Id, Timestamp};
use chrono::NaiveDate;

/// One thing someone agreed to do after the session ("qui fait quoi").
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: Id,
    pub text: String,
    /// Who does it when that person is on the roster; the report then
    /// goes through the session's anonymity rule.
    pub who_participant: Option<Id>,
    /// Who does it when it is someone from outside (or the whole group):
    /// empty when nobody was named.
    pub who_name: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    pub created_at: Timestamp,
    /// Taken back (an undo or a removal): kept, out of the lists and reports.
    pub removed_at: Option<Timestamp>,
    /// The action of the previous session this one was carried over from.
    pub carried_from: Option<Id>,
    /// Its live copy in a later session, when it was carried over there:
    /// read from that copy (never stored here), it closes this one.
    pub carried_to: Option<Id>,
}

impl Action {
    /// Still to do here: not taken back, not done, not carried over to a
    /// later session (the copy there is the one to follow up).
    pub fn is_open(&self) -> bool {
        self.removed_at.is_none() && !self.done && self.carried_to.is_none()
    }
}

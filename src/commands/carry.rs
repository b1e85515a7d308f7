//! Follow-through commands: set who does an action and by when, and the
//! carry-over of the previous session's open actions (carry one into this
//! session, or mark it done where it was agreed). Each has its inverse.

use super::actions::changed;
use super::{Command, CommandError, Done};
use crate::model::Id;
use crate::store::Tx;
use chrono::NaiveDate;

pub(super) fn edit(
    tx: &Tx,
    session: Id,
    id: Id,
    who_participant: Option<Id>,
    who_name: &str,
    due: Option<NaiveDate>,
) -> Result<Done, CommandError> {
    let before = tx.edit_action(session, id, who_participant, who_name, due)?;
    changed(tx, session, Command::PutAction(before))
}

/// The copy is undone as any added action is: taken back, kept marked.
pub(super) fn carry(tx: &Tx, session: Id, from: Id) -> Result<Done, CommandError> {
    let copy = tx.carry_action(session, from)?;
    changed(tx, session, Command::RemoveAction { id: copy.id })
}

pub(super) fn settle(tx: &Tx, session: Id, id: Id, done: bool) -> Result<Done, CommandError> {
    let before = tx.set_previous_action_done(session, id, done)?;
    let inverse = Command::SetPreviousActionDone {
        id,
        done: before.done,
    };
    changed(tx, session, inverse)
}

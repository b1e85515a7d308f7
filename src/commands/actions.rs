//! Action commands ("qui fait quoi"): add, mark done or open, take back.

use super::{Command, CommandError, Done};
use crate::model::{Action, Id};
use crate::store::{NewAction, Tx};

pub(super) fn add(tx: &Tx, session: Id, new: &NewAction) -> Result<Done, CommandError> {
    let a = tx.add_action(session, new)?;
    changed(tx, session, Command::RemoveAction { id: a.id })
}

pub(super) fn set_done(tx: &Tx, session: Id, id: Id, done: bool) -> Result<Done, CommandError> {
    let before = tx.set_action_done(session, id, done)?;
    changed(tx, session, Command::PutAction(before))
}

pub(super) fn put(tx: &Tx, session: Id, a: &Action) -> Result<Done, CommandError> {
    let before = tx.put_action(session, a)?;
    changed(tx, session, Command::PutAction(before))
}

pub(super) fn remove(tx: &Tx, session: Id, id: Id) -> Result<Done, CommandError> {
    let a = tx.remove_action(session, id)?;
    changed(tx, session, Command::PutAction(a))
}

/// The list changed: the screen gets the whole new list (it is short),
/// and the previous session's actions still to carry over (a copy added
/// or taken back changes them).
pub(super) fn changed(tx: &Tx, session: Id, inverse: Command) -> Result<Done, CommandError> {
    let mut done = Done::new(inverse);
    done.delta.actions = Some(tx.actions(session)?);
    done.delta.carry_over = Some(tx.carry_over(session)?);
    Ok(done)
}

//! Follow-through commands: the parking lot and the decision log.

use super::contributions::change;
use super::{Command, CommandError, Done};
use crate::model::{Decision, Id};
use crate::store::Tx;

pub(super) fn park(tx: &Tx, session: Id, id: Id) -> Result<Done, CommandError> {
    change(tx, session, id, |tx| tx.park(id))
}

pub(super) fn unpark(tx: &Tx, session: Id, id: Id, stage: Id) -> Result<Done, CommandError> {
    if tx.stage_session(stage)? != session {
        return Err(CommandError::OtherSession);
    }
    change(tx, session, id, |tx| tx.unpark(id, stage))
}

pub(super) fn decide(tx: &Tx, session: Id, text: &str) -> Result<Done, CommandError> {
    let d = tx.decide(session, text)?;
    decided(tx, session, Command::RemoveDecision { id: d.id })
}

pub(super) fn put(tx: &Tx, session: Id, d: &Decision) -> Result<Done, CommandError> {
    let before = tx.put_decision(session, d)?;
    decided(tx, session, Command::PutDecision(before))
}

pub(super) fn remove(tx: &Tx, session: Id, id: Id) -> Result<Done, CommandError> {
    let d = tx.remove_decision(session, id)?;
    decided(tx, session, Command::PutDecision(d))
}

/// The log changed: the screen gets the whole new list (it is short).
fn decided(tx: &Tx, session: Id, inverse: Command) -> Result<Done, CommandError> {
    let mut done = Done::new(inverse);
    done.delta.decisions = Some(tx.decisions(session)?);
    Ok(done)
}

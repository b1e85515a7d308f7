//! Round-robin commands: a pass is a turn without text; taking one back
//! keeps it in the file, marked, as a decision is.

use super::{CommandError, Done};
use crate::commands::Command;
use crate::model::{Id, Pass};
use crate::store::Tx;

pub(super) fn pass(tx: &Tx, session: Id, stage: Id, participant: Id) -> Result<Done, CommandError> {
    if tx.stage_session(stage)? != session {
        return Err(CommandError::OtherSession);
    }
    let p = tx.pass(session, stage, participant)?;
    passed(tx, session, Command::RemovePass { id: p.id })
}

pub(super) fn put(tx: &Tx, session: Id, p: &Pass) -> Result<Done, CommandError> {
    let before = tx.put_pass(session, p)?;
    passed(tx, session, Command::PutPass(before))
}

pub(super) fn remove(tx: &Tx, session: Id, id: Id) -> Result<Done, CommandError> {
    let p = tx.remove_pass(session, id)?;
    passed(tx, session, Command::PutPass(p))
}

/// The passes changed: the screen gets the session's whole list.
fn passed(tx: &Tx, session: Id, inverse: Command) -> Result<Done, CommandError> {
    let mut done = Done::new(inverse);
    done.delta.passes = Some(tx.passes(session)?);
    Ok(done)
}

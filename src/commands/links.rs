//! Link commands: a contribution answers others (`Link`), or no longer
//! does (`Unlink`); each is one transaction with its exact inverse.

use super::{Command, CommandError, Done};
use crate::model::{Id, Link};
use crate::store::Tx;

/// Links `from` to each of `to`; undone by unlinking the links it made
/// (kept, marked, so a redo puts the same rows back).
pub(super) fn link(tx: &Tx, session: Id, from: Id, to: &[Id]) -> Result<Done, CommandError> {
    let made = tx.link(session, from, to)?;
    let to = made.iter().map(|l| l.to).collect();
    changed(tx, session, !made.is_empty(), Command::Unlink { from, to })
}

/// Takes back the links from `from` to each of `to`; undone by putting
/// them back as they were.
pub(super) fn unlink(tx: &Tx, session: Id, from: Id, to: &[Id]) -> Result<Done, CommandError> {
    let taken = tx.unlink(session, from, to)?;
    changed(tx, session, !taken.is_empty(), Command::PutLinks(taken))
}

pub(super) fn put(tx: &Tx, session: Id, list: &[Link]) -> Result<Done, CommandError> {
    let before = tx.put_links(session, list)?;
    changed(tx, session, !list.is_empty(), Command::PutLinks(before))
}

/// The screen gets the whole new list (a session holds few links); a
/// command that linked nothing new changes nothing.
fn changed(tx: &Tx, session: Id, any: bool, inverse: Command) -> Result<Done, CommandError> {
    let mut done = Done::new(inverse);
    if any {
        done.delta.links = Some(tx.links(session)?);
    }
    Ok(done)
}

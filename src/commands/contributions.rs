//! Contribution commands: each primitive returns the rows as they were
//! before it, so the inverse is "put those rows back".

use super::{Command, CommandError, Done};
use crate::model::{Contribution, Id, Kind};
use crate::store::{NewContribution, StoreError, Tx};

/// Refuses a contribution of another session.
fn check_owner(tx: &Tx, session: Id, id: Id) -> Result<(), CommandError> {
    if tx.contribution_session(id)? != session {
        return Err(CommandError::OtherSession);
    }
    Ok(())
}

/// The rows given, as they are now.
fn current(tx: &Tx, before: &[Contribution]) -> Result<Vec<Contribution>, StoreError> {
    tx.contributions(&before.iter().map(|c| c.id).collect::<Vec<_>>())
}

pub(super) fn record(tx: &Tx, session: Id, new: &NewContribution) -> Result<Done, CommandError> {
    if tx.stage_session(new.stage_id)? != session {
        return Err(CommandError::OtherSession);
    }
    if let Some(speaker) = new.participant_id {
        if tx.participant_session(speaker)? != session {
            return Err(CommandError::OtherSession);
        }
    }
    let c = tx.record(new)?;
    let mut done = Done::new(Command::Delete { id: c.id });
    done.delta.contributions.push(c);
    Ok(done)
}

pub(super) fn edit(
    tx: &Tx,
    session: Id,
    id: Id,
    text: &str,
    kind: Kind,
    speaker: Option<Id>,
) -> Result<Done, CommandError> {
    check_owner(tx, session, id)?;
    if let Some(speaker) = speaker {
        if tx.participant_session(speaker)? != session {
            return Err(CommandError::OtherSession);
        }
    }
    let before: Vec<Contribution> = tx.edit(id, text, kind, speaker)?.into_iter().collect();
    finish(tx, before)
}

/// A structural change of `id` (delete, restore, move, indent...).
pub(super) fn change(
    tx: &Tx,
    session: Id,
    id: Id,
    f: impl FnOnce(&Tx) -> Result<Vec<Contribution>, StoreError>,
) -> Result<Done, CommandError> {
    check_owner(tx, session, id)?;
    let before = f(tx)?;
    finish(tx, before)
}

pub(super) fn put(tx: &Tx, session: Id, rows: &[Contribution]) -> Result<Done, CommandError> {
    for c in rows {
        check_owner(tx, session, c.id)?;
        if tx.stage_session(c.stage_id)? != session {
            return Err(CommandError::OtherSession);
        }
    }
    let before = current(tx, rows)?;
    for c in rows {
        tx.put(c)?;
    }
    let changed: Vec<Contribution> = before
        .into_iter()
        .zip(rows)
        .filter(|(was, now)| was != *now)
        .map(|(was, _)| was)
        .collect();
    finish(tx, changed)
}

/// The inverse puts `before` back; the changes are those rows now.
fn finish(tx: &Tx, before: Vec<Contribution>) -> Result<Done, CommandError> {
    let mut done = Done::new(Command::PutContributions(Vec::new()));
    done.delta.contributions = current(tx, &before)?;
    done.inverse = Command::PutContributions(before);
    Ok(done)
}

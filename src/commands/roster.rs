//! Roster and synthesis commands.

use super::{Command, CommandError, Done};
use crate::model::{Id, Participant, Synthesis};
use crate::store::{Refused, StoreError, Tx};

fn check_owner(tx: &Tx, session: Id, id: Id) -> Result<(), CommandError> {
    if tx.participant_session(id)? != session {
        return Err(CommandError::OtherSession);
    }
    Ok(())
}

pub(super) fn add(tx: &Tx, session: Id, name: &str, role: &str) -> Result<Done, CommandError> {
    tx.session(session)?;
    let p = tx.add_participant(session, name, role)?;
    let mut done = Done::new(Command::RemoveParticipant { id: p.id });
    done.delta.participants.push(p);
    Ok(done)
}

pub(super) fn remove(tx: &Tx, session: Id, id: Id) -> Result<Done, CommandError> {
    check_owner(tx, session, id)?;
    let before = tx.participant(id)?;
    let mut done = Done::new(Command::PutParticipant(before.clone()));
    if before.removed_at.is_none() {
        let mut after = before;
        after.removed_at = Some(tx.now());
        tx.put_participant(&after)?;
        done.delta.participants.push(after);
    }
    Ok(done)
}

pub(super) fn put(tx: &Tx, session: Id, p: &Participant) -> Result<Done, CommandError> {
    check_owner(tx, session, p.id)?;
    let before = tx.participant(p.id)?;
    let mut done = Done::new(Command::PutParticipant(before.clone()));
    if before != *p {
        tx.put_participant(p)?;
        done.delta.participants.push(p.clone());
    }
    Ok(done)
}

pub(super) fn save_synthesis(tx: &Tx, session: Id, s: &Synthesis) -> Result<Done, CommandError> {
    let before = tx.synthesis(session)?;
    let mut done = Done::new(Command::SaveSynthesis(before.clone()));
    if before != *s {
        tx.save_synthesis(session, s)?;
        done.delta.synthesis = Some(s.clone());
    }
    Ok(done)
}

/// Renames someone and sets their role (empty to clear it).
pub(super) fn edit(
    tx: &Tx,
    session: Id,
    id: Id,
    name: &str,
    role: &str,
) -> Result<Done, CommandError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid(Refused::EmptyName).into());
    }
    check_owner(tx, session, id)?;
    let mut after = tx.participant(id)?;
    after.name = name.to_string();
    after.role = role.trim().to_string();
    put(tx, session, &after)
}

/// Swaps someone with the previous (`up`) or next person still on the roster.
pub(super) fn swap(tx: &Tx, session: Id, id: Id, up: bool) -> Result<Done, CommandError> {
    check_owner(tx, session, id)?;
    let roster: Vec<Participant> = tx
        .participants(session)?
        .into_iter()
        .filter(|p| p.removed_at.is_none() || p.id == id)
        .collect();
    let Some(i) = roster.iter().position(|p| p.id == id) else {
        return Ok(Done::new(Command::Batch(Vec::new())));
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    let Some(other) = j.and_then(|j| roster.get(j)) else {
        return Ok(Done::new(Command::Batch(Vec::new())));
    };
    let (mut a, mut b) = (roster[i].clone(), other.clone());
    std::mem::swap(&mut a.position, &mut b.position);
    let mut done = Done::new(Command::Batch(vec![
        Command::PutParticipant(roster[i].clone()),
        Command::PutParticipant(other.clone()),
    ]));
    tx.put_participant(&a)?;
    tx.put_participant(&b)?;
    done.delta.participants = vec![a, b];
    Ok(done)
}

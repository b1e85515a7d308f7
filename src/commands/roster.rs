//! Roster and synthesis commands.

use super::{Command, CommandError, Done};
use crate::model::{Id, Participant, Synthesis};
use crate::store::Tx;

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
    done.participants.push(p);
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
        done.participants.push(after);
    }
    Ok(done)
}

pub(super) fn put(tx: &Tx, session: Id, p: &Participant) -> Result<Done, CommandError> {
    check_owner(tx, session, p.id)?;
    let before = tx.participant(p.id)?;
    let mut done = Done::new(Command::PutParticipant(before.clone()));
    if before != *p {
        tx.put_participant(p)?;
        done.participants.push(p.clone());
    }
    Ok(done)
}

pub(super) fn save_synthesis(tx: &Tx, session: Id, s: &Synthesis) -> Result<Done, CommandError> {
    let before = tx.synthesis(session)?;
    let mut done = Done::new(Command::SaveSynthesis(before.clone()));
    if before != *s {
        tx.save_synthesis(session, s)?;
        done.synthesis = Some(s.clone());
    }
    Ok(done)
}

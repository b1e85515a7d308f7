//! Structure commands: how a stage runs (1-2-4-All) and its steps. Each
//! inverse puts back the former structure or the former step starts.

use super::{Command, CommandError, Done};
use crate::model::{Id, Structure, Timestamp};
use crate::store::Tx;

fn check_owner(tx: &Tx, session: Id, stage: Id) -> Result<(), CommandError> {
    if tx.stage_session(stage)? != session {
        return Err(CommandError::OtherSession);
    }
    Ok(())
}

pub(super) fn set_structure(
    tx: &Tx,
    session: Id,
    stage: Id,
    structure: Structure,
) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let before = tx.stage(stage)?.structure;
    let mut done = Done::new(Command::SetStructure {
        stage,
        structure: before,
    });
    if before != structure {
        tx.set_structure(stage, structure)?;
        done.delta.stages.push(tx.stage(stage)?);
    }
    Ok(done)
}

/// Starts the next step of the stage's 1-2-4-All, now; nothing once in
/// "All" or when the stage runs no 1-2-4-All.
pub(super) fn next_step(tx: &Tx, session: Id, stage: Id) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let st = tx.stage(stage)?;
    let advanced = match st.structure {
        Structure::OneTwoFourAll => st.steps().advance(tx.now()),
        Structure::Plain => None,
    };
    match advanced {
        Some(starts) => put_steps(tx, session, stage, &starts),
        None => Ok(Done::new(Command::PutSteps {
            stage,
            starts: st.step_starts,
        })),
    }
}

/// Puts a stage's step starts back as given (the inverse of a step).
pub(super) fn put_steps(
    tx: &Tx,
    session: Id,
    stage: Id,
    starts: &[Timestamp],
) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let before = tx.stage(stage)?.step_starts;
    let mut done = Done::new(Command::PutSteps {
        stage,
        starts: before.clone(),
    });
    if before != starts {
        tx.put_step_starts(stage, starts)?;
        done.delta.stages.push(tx.stage(stage)?);
    }
    Ok(done)
}

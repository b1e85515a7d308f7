//! Session lifecycle commands, through the pure state machine in
//! `model::lifecycle`.

use super::stages::{timing, write_timing};
use super::{Command, CommandError, Done, Timing};
use crate::model::lifecycle::{self, LifecycleEffect, LifecycleError, LifecycleEvent};
use crate::model::{Id, Lang};
use crate::store::Tx;

fn refused(e: LifecycleError) -> CommandError {
    match e {
        LifecycleError::Closed => CommandError::Closed,
        LifecycleError::NotClosed => CommandError::NotClosed,
    }
}

pub(super) fn close(tx: &Tx, session: Id) -> Result<Done, CommandError> {
    let stages: Vec<Id> = tx.stages(session)?.iter().map(|s| s.id).collect();
    let before = timing(tx, session, &stages)?;
    let (status, effects) =
        lifecycle::transition(before.status, LifecycleEvent::Close).map_err(refused)?;
    for effect in effects {
        match effect {
            LifecycleEffect::StopTimers => {
                for stage in tx.stages(session)? {
                    let stop = stage.timer().stop(tx.now());
                    tx.write_timer(stage.id, stop)?;
                }
            }
            LifecycleEffect::MarkReopened => tx.set_reopened(session, Some(tx.now()))?,
        }
    }
    tx.set_status(session, status)?;
    let after = tx.stages(session)?;
    let mut done = Done::new(Command::Reopen {
        restore: Some(before.clone()),
    });
    done.delta.stages = after
        .into_iter()
        .filter(|s| {
            before
                .stages
                .iter()
                .any(|(id, segments)| *id == s.id && *segments != s.segments)
        })
        .collect();
    done.delta.session_changed = true;
    Ok(done)
}

pub(super) fn reopen(tx: &Tx, session: Id, restore: Option<&Timing>) -> Result<Done, CommandError> {
    let before = tx.session(session)?;
    let (running, effects) =
        lifecycle::transition(before.status, LifecycleEvent::Reopen).map_err(refused)?;
    let mut done = Done::new(Command::CloseAgain {
        reopened_at: before.reopened_at,
    });
    done.delta.session_changed = true;
    match restore {
        // An undone close: the workshop goes on as it was.
        Some(timing) => {
            write_timing(tx, session, timing)?;
            let ids: Vec<Id> = timing.stages.iter().map(|(id, _)| *id).collect();
            done.delta.stages = tx
                .stages(session)?
                .into_iter()
                .filter(|s| ids.contains(&s.id))
                .collect();
        }
        None => {
            tx.set_status(session, running)?;
            for effect in effects {
                if effect == LifecycleEffect::MarkReopened {
                    tx.set_reopened(session, Some(tx.now()))?;
                }
            }
        }
    }
    Ok(done)
}

/// Closes again after a reopening, and puts back when the session was
/// last reopened before it (`None`: never), so that undoing a reopening
/// leaves the workshop's clocks as they were.
pub(super) fn close_again(
    tx: &Tx,
    session: Id,
    reopened_at: Option<crate::model::Timestamp>,
) -> Result<Done, CommandError> {
    let mut done = close(tx, session)?;
    tx.set_reopened(session, reopened_at)?;
    // Redone: reopened again, marked anew.
    done.inverse = Command::Reopen { restore: None };
    Ok(done)
}

pub(super) fn set_language(tx: &Tx, session: Id, lang: Lang) -> Result<Done, CommandError> {
    let before = tx.session(session)?.language;
    let mut done = Done::new(Command::SetLanguage(before));
    if before != lang {
        tx.set_language(session, lang)?;
        done.delta.session_changed = true;
    }
    Ok(done)
}

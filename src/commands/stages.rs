//! Stage clock and notes commands. The timer model decides what to write;
//! the inverse puts the stages' segments (and the status) back.

use super::{Command, CommandError, Done, Timing};
use crate::model::lifecycle::{self, LifecycleEvent};
use crate::model::{Id, TimerEffect};
use crate::store::Tx;

fn check_owner(tx: &Tx, session: Id, stage: Id) -> Result<(), CommandError> {
    if tx.stage_session(stage)? != session {
        return Err(CommandError::OtherSession);
    }
    Ok(())
}

/// The clocks of `stages` and the session status, as they are now.
pub(super) fn timing(tx: &Tx, session: Id, stages: &[Id]) -> Result<Timing, CommandError> {
    let all = tx.stages(session)?;
    Ok(Timing {
        status: tx.session(session)?.status,
        stages: all
            .into_iter()
            .filter(|s| stages.contains(&s.id))
            .map(|s| (s.id, s.segments))
            .collect(),
    })
}

/// `Done` for a timing change: the stages as they are now, and an inverse
/// putting back `before`.
fn finish(
    tx: &Tx,
    session: Id,
    before: Timing,
    status_changed: bool,
) -> Result<Done, CommandError> {
    let ids: Vec<Id> = before.stages.iter().map(|(id, _)| *id).collect();
    let mut done = Done::new(Command::PutTiming(before));
    done.delta.stages = tx
        .stages(session)?
        .into_iter()
        .filter(|s| ids.contains(&s.id))
        .collect();
    done.delta.session_changed = status_changed;
    Ok(done)
}

pub(super) fn enter(
    tx: &Tx,
    session: Id,
    stage: Id,
    leaving: Option<Id>,
) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    if let Some(left) = leaving {
        check_owner(tx, session, left)?;
    }
    let touched: Vec<Id> = leaving.into_iter().chain([stage]).collect();
    let before = timing(tx, session, &touched)?;
    // Corrections after the workshop do not count as workshop time.
    let changed = if tx.session(session)?.clocks_run() {
        tx.enter_stage(stage, leaving)?
    } else {
        Vec::new()
    };
    let status = before.status;
    let (next, _) =
        lifecycle::transition(status, LifecycleEvent::Start).map_err(|_| CommandError::Closed)?;
    if next != status {
        tx.set_status(session, next)?;
    }
    let mut done = finish(tx, session, before, next != status)?;
    done.delta.stages.retain(|s| changed.contains(&s.id));
    Ok(done)
}

/// Pauses (`stop`) or resumes a stage's clock.
pub(super) fn pause(tx: &Tx, session: Id, stage: Id, stop: bool) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let before = timing(tx, session, &[stage])?;
    let timer = tx.stage(stage)?;
    let effect = if stop {
        timer.timer().stop(tx.now())
    } else if !tx.session(session)?.clocks_run() {
        TimerEffect::Nothing
    } else {
        timer.timer().start(tx.now())
    };
    tx.write_timer(stage, effect)?;
    let mut done = finish(tx, session, before, false)?;
    if effect == TimerEffect::Nothing {
        done.delta.stages.clear();
    }
    Ok(done)
}

pub(super) fn put_timing(tx: &Tx, session: Id, timing: &Timing) -> Result<Done, CommandError> {
    let ids: Vec<Id> = timing.stages.iter().map(|(id, _)| *id).collect();
    for &stage in &ids {
        check_owner(tx, session, stage)?;
    }
    let before = self::timing(tx, session, &ids)?;
    write_timing(tx, session, timing)?;
    let status_changed = before.status != timing.status;
    let unchanged = before == *timing;
    let mut done = finish(tx, session, before, status_changed)?;
    if unchanged {
        done.delta.stages.clear();
    }
    Ok(done)
}

/// Writes clocks and status as given (status only Draft or Running here:
/// closing goes through the lifecycle).
pub(super) fn write_timing(tx: &Tx, session: Id, timing: &Timing) -> Result<(), CommandError> {
    if timing.status == crate::model::SessionStatus::Closed {
        return Err(CommandError::Closed);
    }
    for (stage, segments) in &timing.stages {
        tx.put_segments(*stage, segments)?;
    }
    tx.set_status(session, timing.status)?;
    Ok(())
}

pub(super) fn set_notes(
    tx: &Tx,
    session: Id,
    stage: Id,
    notes: &str,
) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let before = tx.stage(stage)?;
    let mut done = Done::new(Command::SetStageNotes {
        stage,
        notes: before.notes.clone(),
    });
    if before.notes != notes {
        tx.set_stage_notes(stage, notes)?;
        done.delta.stages.push(tx.stage(stage)?);
    }
    Ok(done)
}

/// The most a stage can be planned for: a day, so that repeated extensions
/// stay a sensible number.
pub const MAX_PLANNED_MINUTES: u32 = 24 * 60;

pub(super) fn extend(tx: &Tx, session: Id, stage: Id, minutes: u32) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let planned = tx.stage(stage)?.planned_minutes;
    set_planned(tx, session, stage, planned.saturating_add(minutes))
}

/// Sets the planned minutes (capped at `MAX_PLANNED_MINUTES`); the inverse
/// puts back the former value.
pub(super) fn set_planned(
    tx: &Tx,
    session: Id,
    stage: Id,
    minutes: u32,
) -> Result<Done, CommandError> {
    check_owner(tx, session, stage)?;
    let before = tx.stage(stage)?.planned_minutes;
    let minutes = minutes.min(MAX_PLANNED_MINUTES);
    let mut done = Done::new(Command::SetPlannedMinutes {
        stage,
        minutes: before,
    });
    if before != minutes {
        tx.set_planned_minutes(stage, minutes)?;
        done.delta.stages.push(tx.stage(stage)?);
    }
    Ok(done)
}

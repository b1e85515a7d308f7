//! A session's lifecycle as a pure state machine, like the stage flow:
//! draft → running → closed → (reopened) running. A transition returns the
//! new status and what must be written with it; the command layer writes.

use super::SessionStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleEvent {
    /// Something was recorded or a stage was entered.
    Start,
    /// The facilitator ended the session: its report is final.
    Close,
    /// The facilitator explicitly reopened a closed session.
    Reopen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleEffect {
    /// End every running stage timer.
    StopTimers,
    /// Note that the session was reopened after its workshop: from now on
    /// it is corrected, and its stage clocks stay as the workshop left them.
    MarkReopened,
}

/// Why a transition is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleError {
    /// The session is closed: reopen it first.
    Closed,
    /// Only a closed session can be reopened.
    NotClosed,
}

/// The status after `event`, and the effects to write with it.
pub fn transition(
    status: SessionStatus,
    event: LifecycleEvent,
) -> Result<(SessionStatus, Vec<LifecycleEffect>), LifecycleError> {
    use LifecycleEvent::*;
    use SessionStatus::*;
    match (status, event) {
        (Closed, Start) | (Closed, Close) => Err(LifecycleError::Closed),
        (Draft | Running, Start) => Ok((Running, vec![])),
        (Draft | Running, Close) => Ok((Closed, vec![LifecycleEffect::StopTimers])),
        (Closed, Reopen) => Ok((Running, vec![LifecycleEffect::MarkReopened])),
        (Draft | Running, Reopen) => Err(LifecycleError::NotClosed),
    }
}

/// Whether stage clocks run: only during the workshop. A closed session's
/// times are final, and a session reopened after closing (`reopened`) is
/// being corrected: entering a stage, leaving the review screen or
/// resuming records nothing, so the report's actual time per stage stays
/// what the workshop took. This is the one rule; the commands and the
/// terminal's stage flow both ask it.
pub fn clocks_run(status: SessionStatus, reopened: bool) -> bool {
    status != SessionStatus::Closed && !reopened
}

/// Whether the session's content may change: a closed session is read-only
/// so that its exported report stays true.
pub fn accepts_writes(status: SessionStatus) -> bool {
    status != SessionStatus::Closed
}

#[cfg(test)]
mod tests {
    use super::*;
    use LifecycleEvent::*;
    use SessionStatus::*;

    #[test]
    fn a_session_runs_closes_and_reopens() {
        let (s, fx) = transition(Draft, Start).unwrap();
        assert_eq!((s, fx.as_slice()), (Running, &[][..]));
        let (s, fx) = transition(s, Close).unwrap();
        assert_eq!((s, fx), (Closed, vec![LifecycleEffect::StopTimers]));
        assert!(!accepts_writes(s));
        let (s, fx) = transition(s, Reopen).unwrap();
        assert_eq!((s, fx), (Running, vec![LifecycleEffect::MarkReopened]));
        assert!(accepts_writes(s));
    }

    #[test]
    fn clocks_run_only_during_the_workshop() {
        assert!(clocks_run(Draft, false));
        assert!(clocks_run(Running, false));
        assert!(!clocks_run(Closed, false));
        // Reopened to correct the report: edited, never timed again.
        assert!(!clocks_run(Running, true));
        assert!(!clocks_run(Closed, true));
    }

    #[test]
    fn a_closed_session_refuses_to_start_and_only_closed_ones_reopen() {
        assert_eq!(transition(Closed, Start), Err(LifecycleError::Closed));
        assert_eq!(transition(Closed, Close), Err(LifecycleError::Closed));
        assert_eq!(transition(Running, Reopen), Err(LifecycleError::NotClosed));
        assert_eq!(transition(Draft, Reopen), Err(LifecycleError::NotClosed));
        assert_eq!(transition(Running, Start).unwrap().0, Running);
        assert_eq!(transition(Draft, Close).unwrap().0, Closed);
    }
}

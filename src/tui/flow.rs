//! The stage flow as a pure state machine: given where the facilitator is
//! and what they asked, it says where they go and what must be recorded.
//! No I/O here; `update` carries out the effects.

use crate::model::Stage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageFlow {
    pub current: usize,
    pub count: usize,
    /// No stage clock runs (a closed session, or one reopened to correct
    /// its report, `Session::clocks_run`): stages are browsed without
    /// touching their timings.
    pub untimed: bool,
}

/// Where a session reopens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resume {
    pub stage: usize,
    /// The stage's clock stays stopped until the facilitator resumes it.
    pub paused: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Record the start of `stage` and the end of `leaving`.
    Record {
        stage: usize,
        leaving: Option<usize>,
    },
    /// Just show the stage (no clock runs).
    Show { stage: usize },
    /// Past the last stage: ask whether to end the session.
    AskToEnd,
    /// Before the first stage: nothing happens.
    Nothing,
}

impl StageFlow {
    pub fn new(current: usize, count: usize, untimed: bool) -> StageFlow {
        StageFlow {
            current: current.min(count.saturating_sub(1)),
            count,
            untimed,
        }
    }

    /// Where the facilitator lands when opening a session: the stage whose
    /// clock runs; else the stage last active (its clock stopped last:
    /// paused, or where the session was closed), still paused; else the
    /// first. Leaving a stage stops its clock at the instant the next one
    /// starts, so the stage paused after it stopped later (equal times,
    /// as under a fixed clock, go to the later stage).
    pub fn resume_point(stages: &[Stage]) -> Resume {
        if let Some(i) = stages.iter().rposition(|s| s.timer().is_running()) {
            return Resume {
                stage: i,
                paused: false,
            };
        }
        let last = |s: &Stage| s.segments.last().map(|g| (g.ended_at, g.started_at));
        let active = (0..stages.len())
            .filter(|&i| last(&stages[i]).is_some())
            .max_by_key(|&i| (last(&stages[i]), i));
        match active {
            Some(stage) => Resume {
                stage,
                paused: true,
            },
            None => Resume {
                stage: 0,
                paused: false,
            },
        }
    }

    /// Opening a session: where it lands and what to record there (its
    /// clock starts unless the stage is paused or the session untimed).
    pub fn resume(stages: &[Stage], untimed: bool) -> (StageFlow, Effect) {
        let at = StageFlow::resume_point(stages);
        let flow = StageFlow::new(at.stage, stages.len(), untimed);
        let effect = if at.paused {
            Effect::Show {
                stage: flow.current,
            }
        } else {
            flow.open()
        };
        (flow, effect)
    }

    /// Opening the session: record the current stage's start unless untimed.
    pub fn open(&self) -> Effect {
        if self.untimed || self.count == 0 {
            Effect::Show {
                stage: self.current,
            }
        } else {
            Effect::Record {
                stage: self.current,
                leaving: None,
            }
        }
    }

    pub fn next(self) -> (StageFlow, Effect) {
        if self.current + 1 >= self.count {
            let effect = if self.untimed {
                Effect::Nothing
            } else {
                Effect::AskToEnd
            };
            return (self, effect);
        }
        self.go(self.current + 1)
    }

    pub fn prev(self) -> (StageFlow, Effect) {
        if self.current == 0 {
            return (self, Effect::Nothing);
        }
        self.go(self.current - 1)
    }

    /// Straight to stage `to` (e.g. where a restored item lives): the
    /// same records as stepping there; nothing when already there.
    pub fn goto(self, to: usize) -> (StageFlow, Effect) {
        if to == self.current || to >= self.count {
            return (self, Effect::Nothing);
        }
        self.go(to)
    }

    fn go(self, to: usize) -> (StageFlow, Effect) {
        let next = StageFlow {
            current: to,
            ..self
        };
        let effect = if self.untimed {
            Effect::Show { stage: to }
        } else {
            Effect::Record {
                stage: to,
                leaving: Some(self.current),
            }
        };
        (next, effect)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Segment, Timestamp};

    #[test]
    fn next_and_prev_record_times_and_stop_at_the_ends() {
        let f = StageFlow::new(0, 3, false);
        assert_eq!(
            f.open(),
            Effect::Record {
                stage: 0,
                leaving: None
            }
        );
        let (f, e) = f.next();
        assert_eq!(
            (f.current, e),
            (
                1,
                Effect::Record {
                    stage: 1,
                    leaving: Some(0)
                }
            )
        );
        let (f, _) = f.next();
        let (f, e) = f.next();
        assert_eq!((f.current, e), (2, Effect::AskToEnd));
        let (f, e) = f.prev();
        assert_eq!(
            (f.current, e),
            (
                1,
                Effect::Record {
                    stage: 1,
                    leaving: Some(2)
                }
            )
        );
        let (f, _) = f.prev();
        let (f, e) = f.prev();
        assert_eq!((f.current, e), (0, Effect::Nothing));
    }

    #[test]
    fn going_straight_to_a_stage_records_like_stepping() {
        let f = StageFlow::new(0, 4, false);
        let (f, e) = f.goto(2);
        assert_eq!(
            (f.current, e),
            (
                2,
                Effect::Record {
                    stage: 2,
                    leaving: Some(0)
                }
            )
        );
        assert_eq!(f.goto(2).1, Effect::Nothing);
        assert_eq!(f.goto(9).1, Effect::Nothing);
        assert_eq!(
            StageFlow::new(0, 4, true).goto(3).1,
            Effect::Show { stage: 3 }
        );
    }

    #[test]
    fn a_closed_session_is_browsed_without_recording() {
        let f = StageFlow::new(0, 2, true);
        assert_eq!(f.open(), Effect::Show { stage: 0 });
        let (f, e) = f.next();
        assert_eq!(e, Effect::Show { stage: 1 });
        assert_eq!(f.next().1, Effect::Nothing);
    }

    fn at(minute: i64) -> Timestamp {
        crate::model::parse_time("2026-03-18T09:00:00Z").unwrap()
            + chrono::Duration::minutes(minute)
    }

    /// A stage that ran over `spans` (minutes; `None` end while it runs).
    fn stage(spans: &[(i64, Option<i64>)]) -> Stage {
        Stage {
            id: crate::model::new_id(),
            key: "s".into(),
            title: "S".into(),
            position: 1,
            planned_minutes: 10,
            segments: spans
                .iter()
                .map(|&(a, b)| Segment {
                    started_at: at(a),
                    ended_at: b.map(at),
                })
                .collect(),
            notes: String::new(),
            structure: Default::default(),
            step_starts: Vec::new(),
        }
    }

    fn resume(stages: &[Stage]) -> (usize, bool) {
        let r = StageFlow::resume_point(stages);
        (r.stage, r.paused)
    }

    #[test]
    fn resumes_where_the_workshop_was() {
        // The running stage, wherever it is.
        let running = [stage(&[(0, Some(5))]), stage(&[(5, None)]), stage(&[])];
        assert_eq!(resume(&running), (1, false));
        // Nothing started: the first, to be started.
        assert_eq!(resume(&[stage(&[]), stage(&[])]), (0, false));
        assert_eq!(resume(&[]), (0, false));
        // Went back to the first stage and paused it there.
        let back = [
            stage(&[(0, Some(5)), (9, Some(12))]),
            stage(&[(5, Some(9))]),
        ];
        assert_eq!(resume(&back), (0, true));
    }

    #[test]
    fn a_paused_current_stage_is_not_taken_for_ended() {
        // Stage 0 left at 5 for stage 1, paused at 8: stage 1, still paused.
        let stages = [stage(&[(0, Some(5))]), stage(&[(5, Some(8))]), stage(&[])];
        assert_eq!(resume(&stages), (1, true));
        let (flow, effect) = StageFlow::resume(&stages, false);
        assert_eq!(flow.current, 1);
        assert_eq!(
            effect,
            Effect::Show { stage: 1 },
            "nothing restarts the clock"
        );
        // Paused the very instant it was entered (a fixed clock): still there.
        let same = [stage(&[(0, Some(0))]), stage(&[(0, Some(0))]), stage(&[])];
        assert_eq!(resume(&same), (1, true));
        // A running stage opens as before, recording its entry.
        let running = [stage(&[(0, Some(5))]), stage(&[(5, None)])];
        assert_eq!(
            StageFlow::resume(&running, false).1,
            Effect::Record {
                stage: 1,
                leaving: None
            }
        );
    }
}

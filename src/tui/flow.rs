//! The stage flow as a pure state machine: given where the facilitator is
//! and what they asked, it says where they go and what must be recorded.
//! No I/O here; `update` carries out the effects.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageFlow {
    pub current: usize,
    pub count: usize,
    /// A closed session can be browsed without touching its timings.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Record the start of `stage` and the end of `leaving`.
    Record {
        stage: usize,
        leaving: Option<usize>,
    },
    /// Just show the stage (closed session).
    Show { stage: usize },
    /// Past the last stage: ask whether to end the session.
    AskToEnd,
    /// Before the first stage: nothing happens.
    Nothing,
}

impl StageFlow {
    pub fn new(current: usize, count: usize, closed: bool) -> StageFlow {
        StageFlow {
            current: current.min(count.saturating_sub(1)),
            count,
            closed,
        }
    }

    /// Where the facilitator lands when opening a session: the stage in
    /// progress if there is one, else the first not yet started, else the
    /// first. `started[i]`/`ended[i]` describe stage `i`.
    pub fn resume_point(started: &[bool], ended: &[bool]) -> usize {
        let running = (0..started.len()).rev().find(|&i| started[i] && !ended[i]);
        running
            .or_else(|| (0..started.len()).find(|&i| !started[i]))
            .unwrap_or(0)
    }

    /// Opening the session: record the current stage's start unless closed.
    pub fn open(&self) -> Effect {
        if self.closed || self.count == 0 {
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
            let effect = if self.closed {
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
        let effect = if self.closed {
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

    #[test]
    fn resumes_where_the_workshop_was() {
        assert_eq!(
            StageFlow::resume_point(&[true, true, false], &[true, false, false]),
            1
        );
        assert_eq!(StageFlow::resume_point(&[true, false], &[true, false]), 1);
        assert_eq!(StageFlow::resume_point(&[true, true], &[true, true]), 0);
        assert_eq!(StageFlow::resume_point(&[], &[]), 0);
    }
}

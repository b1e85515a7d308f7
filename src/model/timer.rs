//! A stage's timer as a pure model: the time spent in a stage is the sum of
//! its segments (one per stretch the stage was on screen and running), so
//! a pause or a visit to another stage never counts.

use super::Timestamp;
use chrono::Duration;
use serde::{Deserialize, Serialize};

/// One stretch of time in a stage; `ended_at` is `None` while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerState {
    /// No segment yet.
    NotStarted,
    Running,
    /// Started before, no segment open now (paused, or left for another stage).
    Stopped,
}

/// How close a stage is to its planned end, for the warning on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimerAlert {
    /// Unplanned, not started, or more than `WARN_BEFORE` left.
    Normal,
    /// `WARN_BEFORE` or less left.
    Warning,
    /// The planned time is used up.
    Over,
}

/// How long before the planned end the warning shows.
pub const WARN_BEFORE: Duration = Duration::minutes(2);

/// What to write so that the timer does what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerEffect {
    /// Open a new segment at this instant.
    Open(Timestamp),
    /// End the open segment at this instant.
    Close(Timestamp),
    /// Already in the asked state.
    Nothing,
}

/// A read-only view of a stage's timing.
#[derive(Debug, Clone, Copy)]
pub struct Timer<'a> {
    pub segments: &'a [Segment],
    pub planned_minutes: u32,
}

impl<'a> Timer<'a> {
    pub fn new(segments: &'a [Segment], planned_minutes: u32) -> Timer<'a> {
        Timer {
            segments,
            planned_minutes,
        }
    }

    pub fn state(&self) -> TimerState {
        match self.segments.last() {
            None => TimerState::NotStarted,
            Some(_) if self.segments.iter().any(|s| s.ended_at.is_none()) => TimerState::Running,
            Some(_) => TimerState::Stopped,
        }
    }

    pub fn is_running(&self) -> bool {
        self.state() == TimerState::Running
    }

    /// Time spent so far: closed segments, plus the open one up to `now`.
    /// A segment whose end precedes its start (a clock set back) counts zero.
    pub fn elapsed(&self, now: Timestamp) -> Duration {
        self.segments
            .iter()
            .map(|s| (s.ended_at.unwrap_or(now) - s.started_at).max(Duration::zero()))
            .fold(Duration::zero(), |a, b| a + b)
    }

    pub fn planned(&self) -> Duration {
        Duration::minutes(i64::from(self.planned_minutes))
    }

    /// Planned time left (negative once over time); `None` when unplanned.
    pub fn remaining(&self, now: Timestamp) -> Option<Duration> {
        (self.planned_minutes > 0).then(|| self.planned() - self.elapsed(now))
    }

    /// Whether the stage has run longer than planned.
    pub fn over_time(&self, now: Timestamp) -> bool {
        self.remaining(now).is_some_and(|r| r < Duration::zero())
    }

    /// Normal, Warning (two minutes or less left) or Over (none left). A
    /// stage never started stays Normal: its countdown has not begun.
    pub fn alert(&self, now: Timestamp) -> TimerAlert {
        match self.remaining(now) {
            _ if self.segments.is_empty() => TimerAlert::Normal,
            Some(left) if left <= Duration::zero() => TimerAlert::Over,
            Some(left) if left <= WARN_BEFORE => TimerAlert::Warning,
            _ => TimerAlert::Normal,
        }
    }

    /// Start or resume: open a segment unless one is open.
    pub fn start(&self, now: Timestamp) -> TimerEffect {
        if self.is_running() {
            TimerEffect::Nothing
        } else {
            TimerEffect::Open(now)
        }
    }

    /// Pause or leave: end the open segment, if any.
    pub fn stop(&self, now: Timestamp) -> TimerEffect {
        if self.is_running() {
            TimerEffect::Close(now)
        } else {
            TimerEffect::Nothing
        }
    }
}

/// Applies an effect to a list of segments (what the store does in SQL).
pub fn apply_effect(segments: &mut Vec<Segment>, effect: TimerEffect) {
    match effect {
        TimerEffect::Open(at) => segments.push(Segment {
            started_at: at,
            ended_at: None,
        }),
        TimerEffect::Close(at) => {
            for s in segments.iter_mut().filter(|s| s.ended_at.is_none()) {
                s.ended_at = Some(at);
            }
        }
        TimerEffect::Nothing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> Timestamp {
        crate::model::parse_time("2021-06-10T09:00:00Z").unwrap() + Duration::minutes(minute)
    }

    fn run(planned: u32, steps: &[(i64, bool)]) -> Vec<Segment> {
        let mut segments = Vec::new();
        for &(minute, start) in steps {
            let timer = Timer::new(&segments, planned);
            let effect = if start {
                timer.start(at(minute))
            } else {
                timer.stop(at(minute))
            };
            apply_effect(&mut segments, effect);
        }
        segments
    }

    #[test]
    fn elapsed_is_the_sum_of_segments_and_skips_pauses() {
        // Runs 0–10, paused 10–30, runs again 30–35 (still running).
        let segments = run(15, &[(0, true), (10, false), (30, true)]);
        let timer = Timer::new(&segments, 15);
        assert_eq!(timer.state(), TimerState::Running);
        assert_eq!(timer.elapsed(at(35)), Duration::minutes(15));
        assert!(!timer.over_time(at(35)));
        assert!(timer.over_time(at(36)));
        assert_eq!(timer.remaining(at(32)), Some(Duration::minutes(3)));
    }

    #[test]
    fn start_and_stop_are_idempotent() {
        let segments = run(0, &[(0, true), (1, true), (5, false), (6, false)]);
        assert_eq!(segments.len(), 1);
        let timer = Timer::new(&segments, 0);
        assert_eq!(timer.state(), TimerState::Stopped);
        assert_eq!(timer.elapsed(at(100)), Duration::minutes(5));
        assert_eq!(timer.remaining(at(100)), None);
        assert!(!timer.over_time(at(100)));
        assert_eq!(timer.stop(at(7)), TimerEffect::Nothing);
    }

    #[test]
    fn a_stage_never_started_has_no_time() {
        let timer = Timer::new(&[], 10);
        assert_eq!(timer.state(), TimerState::NotStarted);
        assert_eq!(timer.elapsed(at(50)), Duration::zero());
        assert_eq!(timer.start(at(1)), TimerEffect::Open(at(1)));
    }

    #[test]
    fn the_warning_shows_two_minutes_before_the_end_and_then_over() {
        let segments = run(10, &[(0, true)]);
        let timer = Timer::new(&segments, 10);
        let second = |s: i64| at(0) + Duration::seconds(s);
        assert_eq!(timer.alert(second(7 * 60 + 59)), TimerAlert::Normal);
        assert_eq!(timer.alert(at(8)), TimerAlert::Warning);
        assert_eq!(timer.alert(second(9 * 60 + 59)), TimerAlert::Warning);
        assert_eq!(timer.alert(at(10)), TimerAlert::Over);
        assert_eq!(timer.alert(at(90)), TimerAlert::Over);
        // Extending the plan takes the stage back out of the warning.
        assert_eq!(Timer::new(&segments, 15).alert(at(10)), TimerAlert::Normal);
    }

    #[test]
    fn no_warning_when_unplanned_or_not_started() {
        let segments = run(0, &[(0, true)]);
        assert_eq!(Timer::new(&segments, 0).alert(at(500)), TimerAlert::Normal);
        assert_eq!(Timer::new(&[], 1).alert(at(500)), TimerAlert::Normal);
        // A plan shorter than the warning starts in it.
        assert_eq!(Timer::new(&segments, 1).alert(at(0)), TimerAlert::Warning);
    }

    #[test]
    fn a_segment_ending_before_it_starts_counts_zero() {
        let segments = [Segment {
            started_at: at(10),
            ended_at: Some(at(5)),
        }];
        assert_eq!(Timer::new(&segments, 0).elapsed(at(20)), Duration::zero());
    }
}

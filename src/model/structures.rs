//! Liberating Structures a stage can run. 1-2-4-All: one minute alone, two
//! in pairs, four in foursomes, then "All", where each group shares one
//! idea not yet said. The steps' starts are stored; the step clock here is
//! pure, read with any clock, so a restart resumes at the right step.

use super::{Segment, TimerAlert, Timestamp};
use chrono::Duration;
use serde::{Deserialize, Serialize};

/// How a stage runs: an open discussion, or a structure with steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Structure {
    #[default]
    #[serde(rename = "plain")]
    Plain,
    #[serde(rename = "1-2-4-all")]
    OneTwoFourAll,
}

impl Structure {
    pub const ALL: [Structure; 2] = [Structure::Plain, Structure::OneTwoFourAll];

    /// What the store, bundles and templates write.
    pub fn key(self) -> &'static str {
        match self {
            Structure::Plain => "plain",
            Structure::OneTwoFourAll => "1-2-4-all",
        }
    }

    pub fn parse(s: &str) -> Option<Structure> {
        Structure::ALL.into_iter().find(|v| v.key() == s)
    }

    pub fn is_plain(&self) -> bool {
        *self == Structure::Plain
    }
}

/// The steps of a 1-2-4-All, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Alone,
    Pairs,
    Foursomes,
    All,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Alone, Step::Pairs, Step::Foursomes, Step::All];

    /// How long the step lasts; `None` for "All", which runs to the end of
    /// the stage.
    pub fn minutes(self) -> Option<i64> {
        match self {
            Step::Alone => Some(1),
            Step::Pairs => Some(2),
            Step::Foursomes => Some(4),
            Step::All => None,
        }
    }

    /// "1", "2", "4", "all": the i18n key's tail.
    pub fn key(self) -> &'static str {
        match self {
            Step::Alone => "1",
            Step::Pairs => "2",
            Step::Foursomes => "4",
            Step::All => "all",
        }
    }
}

/// The most groups an "All" step numbers (a room, not a stadium).
pub const MAX_GROUP: u32 = 999;

/// How long before a step's end its warning shows (steps are short, so
/// the stage's two minutes would cover them whole).
pub const STEP_WARN_BEFORE: Duration = Duration::seconds(15);

/// A read-only view of a 1-2-4-All's steps. `starts[i]` is when step `i`
/// began; the time in a step counts only while the stage's clock runs
/// (`segments`), so a pause stops the step clock too.
#[derive(Debug, Clone, Copy)]
pub struct StepClock<'a> {
    pub starts: &'a [Timestamp],
    pub segments: &'a [Segment],
}

impl<'a> StepClock<'a> {
    pub fn new(starts: &'a [Timestamp], segments: &'a [Segment]) -> StepClock<'a> {
        StepClock { starts, segments }
    }

    /// The current step; `None` before the first was started.
    pub fn step(&self) -> Option<Step> {
        let n = self.starts.len().min(Step::ALL.len());
        n.checked_sub(1).map(|i| Step::ALL[i])
    }

    /// The step a key press moves to; `None` once in "All".
    pub fn next(&self) -> Option<Step> {
        Step::ALL.get(self.starts.len()).copied()
    }

    /// Stage time spent in the current step up to `now`.
    pub fn elapsed(&self, now: Timestamp) -> Duration {
        let Some(start) = self.starts.last().copied() else {
            return Duration::zero();
        };
        running_between(self.segments, start, now)
    }

    /// Time left in the current step (negative once over); `None` before
    /// the first step and in "All".
    pub fn remaining(&self, now: Timestamp) -> Option<Duration> {
        let minutes = self.step()?.minutes()?;
        Some(Duration::minutes(minutes) - self.elapsed(now))
    }

    /// Normal, Warning (`STEP_WARN_BEFORE` or less left) or Over.
    pub fn alert(&self, now: Timestamp) -> TimerAlert {
        match self.remaining(now) {
            Some(left) if left <= Duration::zero() => TimerAlert::Over,
            Some(left) if left <= STEP_WARN_BEFORE => TimerAlert::Warning,
            _ => TimerAlert::Normal,
        }
    }

    /// The starts after a key press at `now`: the next step begins. `None`
    /// once in "All" (nothing to advance to).
    pub fn advance(&self, now: Timestamp) -> Option<Vec<Timestamp>> {
        self.next()?;
        let mut starts = self.starts.to_vec();
        starts.push(now);
        Some(starts)
    }
}

impl super::Stage {
    /// Whether the stage ran a 1-2-4-All through to its end: every step
    /// started, and the stage back to an open discussion. That is how the
    /// end is stored (`f` in the All step), since the steps' table knows
    /// only the four steps; setting the stage to 1-2-4-All again resumes
    /// its All step.
    pub fn one_two_four_all_ended(&self) -> bool {
        self.structure.is_plain() && self.step_starts.len() == Step::ALL.len()
    }
}

/// How long the stage's clock ran between `from` and `to`: each segment
/// clipped to the span (an open one runs up to `to`).
fn running_between(segments: &[Segment], from: Timestamp, to: Timestamp) -> Duration {
    segments
        .iter()
        .map(|s| {
            let start = s.started_at.max(from);
            let end = s.ended_at.unwrap_or(to).min(to);
            (end - start).max(Duration::zero())
        })
        .fold(Duration::zero(), |a, b| a + b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{apply_effect, Clock, ManualClock, Timer};

    fn at(second: i64) -> Timestamp {
        crate::model::parse_time("2021-06-10T09:00:00Z").unwrap() + Duration::seconds(second)
    }

    #[test]
    fn keys_read_back() {
        for s in Structure::ALL {
            assert_eq!(Structure::parse(s.key()), Some(s));
        }
        assert_eq!(Structure::parse("4-2-1"), None);
        assert_eq!(
            serde_json::to_string(&Structure::OneTwoFourAll).unwrap(),
            "\"1-2-4-all\""
        );
    }

    #[test]
    fn the_steps_run_one_two_four_then_all_on_a_manual_clock() {
        let clock = ManualClock::new(at(0));
        let mut segments = Vec::new();
        let effect = Timer::new(&segments, 10).start(clock.now());
        apply_effect(&mut segments, effect);
        let mut starts: Vec<Timestamp> = Vec::new();
        assert_eq!(StepClock::new(&starts, &segments).step(), None);
        assert_eq!(
            StepClock::new(&starts, &segments).alert(clock.now()),
            TimerAlert::Normal
        );
        clock.advance(Duration::seconds(30));
        starts = StepClock::new(&starts, &segments)
            .advance(clock.now())
            .unwrap();
        let steps = StepClock::new(&starts, &segments);
        assert_eq!(steps.step(), Some(Step::Alone));
        clock.advance(Duration::seconds(44));
        assert_eq!(steps.remaining(clock.now()), Some(Duration::seconds(16)));
        assert_eq!(steps.alert(clock.now()), TimerAlert::Normal);
        clock.advance(Duration::seconds(1));
        assert_eq!(steps.alert(clock.now()), TimerAlert::Warning);
        clock.advance(Duration::seconds(15));
        assert_eq!(steps.alert(clock.now()), TimerAlert::Over);
        for expected in [Step::Pairs, Step::Foursomes, Step::All] {
            starts = StepClock::new(&starts, &segments)
                .advance(clock.now())
                .unwrap();
            assert_eq!(StepClock::new(&starts, &segments).step(), Some(expected));
            clock.advance(Duration::minutes(1));
        }
        let all = StepClock::new(&starts, &segments);
        assert_eq!(all.next(), None);
        assert_eq!(all.advance(clock.now()), None, "nothing after All");
        assert_eq!(all.remaining(clock.now()), None);
        assert_eq!(
            all.alert(clock.now() + Duration::hours(1)),
            TimerAlert::Normal
        );
        assert_eq!(all.elapsed(clock.now()), Duration::minutes(1));
    }

    #[test]
    fn a_pause_of_the_stage_stops_the_step_clock() {
        // The stage runs 0–40 s, is paused 40–100 s, runs again from 100 s.
        let segments = vec![
            Segment {
                started_at: at(0),
                ended_at: Some(at(40)),
            },
            Segment {
                started_at: at(100),
                ended_at: None,
            },
        ];
        let starts = [at(10), at(20)];
        let steps = StepClock::new(&starts, &segments);
        assert_eq!(steps.step(), Some(Step::Pairs));
        // 20–40 s, then 100–130 s: 50 seconds of the two minutes.
        assert_eq!(steps.elapsed(at(130)), Duration::seconds(50));
        assert_eq!(steps.remaining(at(130)), Some(Duration::seconds(70)));
        // While paused, the step clock stands still.
        assert_eq!(steps.elapsed(at(90)), Duration::seconds(20));
    }

    #[test]
    fn a_template_stage_can_run_as_a_1_2_4_all() {
        let text = include_str!("../../assets/templates/emergence.json");
        let marked = text.replacen(
            "\"key\": \"idees\",",
            "\"key\": \"idees\", \"structure\": \"1-2-4-all\",",
            1,
        );
        let template = crate::templates::parse_template(&marked).unwrap();
        let stages = template.new_stages(crate::model::Lang::Fr);
        let structures: Vec<Structure> = stages.iter().map(|s| s.structure).collect();
        use Structure::*;
        assert_eq!(structures, [Plain, Plain, OneTwoFourAll, Plain]);
        let wrong = marked.replacen("1-2-4-all", "4-2-1", 1);
        let err = crate::templates::parse_template(&wrong).unwrap_err();
        assert!(err.contains("4-2-1"), "{err}");
    }
}

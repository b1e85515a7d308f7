//! The run screen's clock: the stage's countdown with its warning (two
//! minutes before the planned end, then at the end) and the session's
//! total time. The warning level comes from the pure timer model; the
//! bell, when asked for, rings only when the level rises in one stage.

use super::RunState;
use crate::i18n::tf;
use crate::model::{Id, TimerAlert, Timestamp};
use crate::tui::core::Core;
use chrono::Duration;

/// What the header shows about time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockView {
    /// "Time 12:34 / 30:00", "+3:20 / 30:00" once over, "(paused)".
    pub timer: String,
    pub alert: TimerAlert,
    /// "2 min left" or "time is up"; empty while Normal.
    pub word: String,
    /// The whole session so far: every stage's segments.
    pub total: String,
}

/// "4:05", or "1:02:03" from an hour on.
pub(super) fn clock(d: Duration) -> String {
    let t = d.num_seconds().max(0);
    let (h, m, s) = (t / 3600, t / 60 % 60, t % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The session's time so far: the sum of all its stages' segments.
pub fn total(s: &RunState, now: Timestamp) -> Duration {
    s.data
        .stages
        .iter()
        .map(|st| st.timer().elapsed(now))
        .fold(Duration::zero(), |a, b| a + b)
}

pub fn clock_view(s: &RunState, core: &Core) -> Option<ClockView> {
    let stage = s.stage()?;
    let now = (core.clock)();
    let total = tf(
        core.lang,
        "run.total_time",
        &[("time", &clock(total(s, now)))],
    );
    let planned = format!("{}:00", stage.planned_minutes);
    let label = core.t("run.timer");
    if stage.segments.is_empty() {
        return Some(ClockView {
            timer: format!("{label} --:-- / {planned}"),
            alert: TimerAlert::Normal,
            word: String::new(),
            total,
        });
    }
    let timer = stage.timer();
    let label = if timer.is_running() {
        label.to_string()
    } else {
        format!("{label} ({})", core.t("run.paused"))
    };
    let elapsed = timer.elapsed(now);
    let over = elapsed - timer.planned();
    let alert = timer.alert(now);
    let shown = if stage.planned_minutes > 0 && over > Duration::zero() {
        format!("+{}", clock(over))
    } else {
        clock(elapsed)
    };
    let word = match (alert, timer.remaining(now)) {
        (TimerAlert::Warning, Some(left)) => {
            // Whole minutes, rounded up: "2 min left" down to "1 min left".
            let minutes = (left.num_seconds() + 59) / 60;
            tf(
                core.lang,
                "run.time_warning",
                &[("minutes", &minutes.to_string())],
            )
        }
        (TimerAlert::Over, _) => core.t("run.time_up").to_string(),
        _ => String::new(),
    };
    Some(ClockView {
        timer: format!("{label} {shown} / {planned}"),
        alert,
        word,
        total,
    })
}

/// The current stage's warning level while its clock runs (a paused or
/// closed stage rings nothing).
pub fn running_alert(s: &RunState, now: Timestamp) -> Option<(Id, TimerAlert)> {
    let stage = s.stage().filter(|_| s.timer_running())?;
    Some((stage.id, stage.timer().alert(now)))
}

/// Whether to ring: the same stage went from a lower level to a higher one
/// (into Warning, into Over). Entering a stage already late, or extending
/// its time, rings nothing.
pub fn rings(before: Option<(Id, TimerAlert)>, now: Option<(Id, TimerAlert)>) -> bool {
    match (before, now) {
        (Some((a, was)), Some((b, is))) => a == b && is > was,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bell_rings_on_each_rise_in_one_stage_only() {
        let (a, b) = (crate::model::new_id(), crate::model::new_id());
        use TimerAlert::*;
        assert!(rings(Some((a, Normal)), Some((a, Warning))));
        assert!(rings(Some((a, Warning)), Some((a, Over))));
        assert!(rings(Some((a, Normal)), Some((a, Over))));
        assert!(!rings(Some((a, Warning)), Some((a, Warning))));
        assert!(!rings(Some((a, Over)), Some((a, Normal))));
        assert!(!rings(Some((a, Normal)), Some((b, Over))));
        assert!(!rings(None, Some((a, Over))));
        assert!(!rings(Some((a, Normal)), None));
    }

    #[test]
    fn clocks_read_as_minutes_then_hours() {
        assert_eq!(clock(Duration::seconds(245)), "4:05");
        assert_eq!(clock(Duration::seconds(3723)), "1:02:03");
        assert_eq!(clock(Duration::seconds(-5)), "0:00");
    }
}

//! Planned against actual time per stage, for the statistics of every
//! report. A report is built from the stored data alone (no clock), so a
//! stage still running counts up to the session's last change.

use crate::model::SessionData;
use chrono::Duration;
use serde::Serialize;

/// One stage's time, in whole minutes (rounded to the nearest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageTime {
    pub label: String,
    pub planned: u32,
    pub actual: u32,
}

/// Every stage's time, and the session's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timing {
    pub stages: Vec<StageTime>,
    pub planned: u32,
    pub actual: u32,
}

fn minutes(d: Duration) -> u32 {
    u32::try_from((d.num_seconds().max(0) + 30) / 60).unwrap_or(u32::MAX)
}

pub fn timing(data: &SessionData) -> Timing {
    let until = data.session.updated_at;
    let mut total = Duration::zero();
    let stages: Vec<StageTime> = data
        .stages
        .iter()
        .map(|s| {
            let spent = s.timer().elapsed(until);
            total += spent;
            StageTime {
                label: s.title.clone(),
                planned: s.planned_minutes,
                actual: minutes(spent),
            }
        })
        .collect();
    Timing {
        planned: stages.iter().map(|s| s.planned).sum(),
        // The total of the exact times, so rounding does not add up.
        actual: minutes(total),
        stages,
    }
}

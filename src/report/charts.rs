//! The time chart of the statistics: planned against actual minutes per
//! stage, as bars in the style of the participation and vote charts (the
//! geometry computed here, the SVG written by the HTML template; numbers
//! only, so nothing typed becomes an attribute).

use super::participation::BAR_MAX;
use super::Timing;
use crate::i18n::tf;
use crate::model::Lang;
use serde::Serialize;

/// Height of one stage's row: two bars and a gap.
const ROW: usize = 36;
/// Room above the rows for the legend.
const LEGEND: usize = 24;
/// Characters of a stage's title the label column holds.
const LABEL_CHARS: usize = 24;

#[derive(Debug, Clone, Serialize)]
pub struct TimeChart {
    pub rows: Vec<TimeRow>,
    /// The chart's height in SVG user units.
    pub height: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimeRow {
    /// The stage's title, cut to the label column; `title` is whole.
    pub label: String,
    pub planned: u32,
    pub actual: u32,
    pub planned_width: usize,
    pub actual_width: usize,
    /// Top of the row in SVG user units.
    pub y: usize,
    /// Accessible description of the row.
    pub title: String,
}

/// The chart of `time`; no rows when no stage has any time.
pub fn time_chart(time: &Timing, lang: Lang) -> TimeChart {
    let most = time
        .stages
        .iter()
        .map(|s| s.planned.max(s.actual))
        .max()
        .unwrap_or(0);
    if most == 0 {
        return TimeChart {
            rows: Vec::new(),
            height: 0,
        };
    }
    let scale = |m: u32| m as usize * BAR_MAX / most as usize;
    let rows: Vec<TimeRow> = time
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| TimeRow {
            label: cut(&s.label),
            planned: s.planned,
            actual: s.actual,
            planned_width: scale(s.planned),
            actual_width: scale(s.actual),
            y: LEGEND + i * ROW,
            title: tf(
                lang,
                "sections.time_bar",
                &[
                    ("stage", &s.label),
                    ("planned", &s.planned.to_string()),
                    ("actual", &s.actual.to_string()),
                ],
            ),
        })
        .collect();
    TimeChart {
        height: LEGEND + rows.len() * ROW,
        rows,
    }
}

/// The first line of a title, cut to the chart's label column.
fn cut(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() <= LABEL_CHARS && !text.trim().contains('\n') {
        return line.to_string();
    }
    let cut: String = line.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::StageTime;

    fn timing(stages: &[(u32, u32)]) -> Timing {
        Timing {
            stages: stages
                .iter()
                .enumerate()
                .map(|(i, &(planned, actual))| StageTime {
                    label: format!("Stage {i}"),
                    planned,
                    actual,
                })
                .collect(),
            planned: stages.iter().map(|s| s.0).sum(),
            actual: stages.iter().map(|s| s.1).sum(),
        }
    }

    #[test]
    fn the_longest_time_gets_the_longest_bar() {
        let chart = time_chart(&timing(&[(10, 20), (40, 5)]), Lang::En);
        assert_eq!(chart.rows[0].actual_width, BAR_MAX / 2);
        assert_eq!(chart.rows[1].planned_width, BAR_MAX);
        assert_eq!(chart.rows[1].actual_width, BAR_MAX * 5 / 40);
        assert_eq!(chart.height, LEGEND + 2 * ROW);
        assert_eq!(chart.rows[1].title, "Stage 1: 40 min planned, 5 min actual");
    }

    #[test]
    fn no_time_no_chart() {
        assert!(time_chart(&timing(&[(0, 0)]), Lang::Fr).rows.is_empty());
        assert!(time_chart(&timing(&[]), Lang::Fr).rows.is_empty());
    }

    #[test]
    fn long_titles_are_cut() {
        assert_eq!(cut("Short"), "Short");
        assert_eq!(cut(&"x".repeat(40)).chars().count(), LABEL_CHARS);
        assert_eq!(cut("A\nB"), "A…");
    }
}

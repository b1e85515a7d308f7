//! The participation section of a report: how many contributions each
//! person on the roster made, as bars, people under an even share marked;
//! only the totals in an anonymous session (the rule in `view::Names`).

use super::view::Names;
use crate::i18n::tf;
use crate::model::{Contribution, Lang, SessionData};
use serde::Serialize;

/// The participation chart: one bar per present participant, none when
/// the session is anonymous (the anonymity rule in `Names`), where only the
/// totals remain.
#[derive(Debug, Clone, Serialize)]
pub struct Participation {
    /// Contributions credited to a present participant.
    pub total: usize,
    /// People on the present roster.
    pub people: usize,
    pub bars: Vec<Bar>,
    /// The chart's height in SVG user units (one row per bar).
    pub height: usize,
    /// "12 contributions from 5 people": the totals, always shown.
    pub summary: String,
    /// Turns passed in round-robins by present participants (standing).
    pub passes: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    pub count: usize,
    /// Share of `Participation::total`, in whole percent.
    pub percent: usize,
    /// Below an even share (total ÷ people).
    pub under: bool,
    /// Length in SVG user units, scaled to the largest count.
    pub width: usize,
    /// Top of the row in SVG user units.
    pub y: usize,
    /// Accessible description of the bar.
    pub title: String,
    /// Turns this person passed in round-robins.
    pub passes: usize,
}

/// Height of one bar's row in the SVG chart, in user units.
pub const BAR_ROW: usize = 24;
/// Length of the longest bar in the SVG chart, in user units.
pub const BAR_MAX: usize = 300;

/// The participation as the session's report counts it, one bar per
/// present participant whatever the report's choices hide (the
/// facilitator's view, for `show`): the same rule and the same shown
/// contributions as the report, without building the rest of it.
pub fn of_session(data: &SessionData) -> Participation {
    let read = super::unsettled::as_read(data);
    let data: &SessionData = &read;
    let lang = data.session.language;
    let anonymous = super::view::reads_anonymous(data, super::Options::default());
    let names = Names::for_report(data, anonymous);
    let tree = crate::model::Tree::new(data);
    let shown: Vec<&Contribution> = super::view::stage_walks(data, &tree)
        .flat_map(|(_, walk)| walk.into_iter().map(|(c, _)| c))
        .collect();
    build(data, &shown, &names, lang)
}

/// Per person counts over what the report shows, as bars; in an anonymous
/// session only the totals.
pub(super) fn build(
    data: &SessionData,
    shown: &[&Contribution],
    names: &Names,
    lang: Lang,
) -> Participation {
    let passed = |id| {
        data.live_passes()
            .filter(|x| x.participant_id == id)
            .count()
    };
    let counts: Vec<(String, usize)> = data
        .roster()
        .map(|p| {
            let said = shown
                .iter()
                .filter(|c| c.participant_id == Some(p.id))
                .count();
            (names.person(p.id).unwrap_or_default(), said)
        })
        .collect();
    let passes: Vec<usize> = data.roster().map(|p| passed(p.id)).collect();
    let present: Vec<_> = data.roster().map(|p| p.id).collect();
    let former = shown
        .iter()
        .filter(|c| c.participant_id.is_some_and(|id| !present.contains(&id)))
        .count();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let people = counts.len();
    let shares: Vec<usize> = counts.iter().map(|(_, n)| *n).collect();
    let under = crate::model::under_even_share(&shares);
    let max = shares.iter().copied().max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = if names.per_person {
        counts
            .into_iter()
            .zip(under)
            .zip(passes.iter().copied())
            .enumerate()
            .map(|(i, (((label, count), under), passes))| {
                let percent = (count * 100).checked_div(total).unwrap_or(0);
                let title = crate::i18n::tn(
                    lang,
                    "report.participation_bar",
                    count,
                    &[
                        ("name", &label),
                        ("total", &total.to_string()),
                        ("percent", &percent.to_string()),
                    ],
                );
                Bar {
                    label,
                    count,
                    percent,
                    under,
                    width: count * BAR_MAX / max,
                    y: i * BAR_ROW,
                    title,
                    passes,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Participation {
        total,
        people,
        height: bars.len() * BAR_ROW,
        bars,
        // Said how many were credited to someone, out of how many: "2
        // contributions from 4 people" alone reads as "only 2 were said"
        // when most were noted as the group's or anonymously.
        summary: if former > 0 {
            // Said by people since taken off the roster: theirs, not the
            // group's nor anonymous (the rest, if any, is).
            let key = match total + former == shown.len() {
                true => "report.participation_total_former",
                false => "report.participation_total_of_former",
            };
            let args = [
                ("n", total.to_string()),
                ("all", shown.len().to_string()),
                ("people", people.to_string()),
                ("former", former.to_string()),
            ];
            let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
            tf(lang, key, &args)
        } else if total == shown.len() {
            tf(
                lang,
                "report.participation_total",
                &[("n", &total.to_string()), ("people", &people.to_string())],
            )
        } else {
            tf(
                lang,
                "report.participation_total_of",
                &[
                    ("n", &total.to_string()),
                    ("all", &shown.len().to_string()),
                    ("people", &people.to_string()),
                ],
            )
        },
        passes: passes.iter().sum(),
    }
}

/// The participation as rows of who and what, for the CSV (and `show`):
/// one per present participant when people may be shown one by one, then
/// the totals; none when no one on the roster spoke or passed.
pub fn rows(p: &Participation, lang: Lang) -> Vec<(String, String)> {
    if p.people == 0 || p.total + p.passes == 0 {
        return Vec::new();
    }
    let mut rows: Vec<(String, String)> = p
        .bars
        .iter()
        .map(|b| {
            let text = tf(
                lang,
                "report.follow_participation_row",
                &[
                    ("n", &b.count.to_string()),
                    ("percent", &b.percent.to_string()),
                    ("passes", &b.passes.to_string()),
                ],
            );
            (b.label.clone(), text)
        })
        .collect();
    let total = tf(
        lang,
        "report.follow_participation_totals",
        &[
            ("n", &p.total.to_string()),
            ("people", &p.people.to_string()),
            ("passes", &p.passes.to_string()),
        ],
    );
    rows.push((String::new(), total));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anonymity, PersonStats, ReportChoices};

    fn sample() -> SessionData {
        let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
        crate::bundle::parse("sample", text, &crate::templates::Catalog::built_in()).unwrap()
    }

    /// `show` counts without building the report: it must count as the
    /// report does, named or anonymous.
    #[test]
    fn of_session_counts_as_the_report_does() {
        for anonymity in [Anonymity::Named, Anonymity::Anonymous] {
            let mut data = sample();
            data.session.anonymity = anonymity;
            // The sample credits its items to the group: credit some to
            // people, so that there is something to count per person.
            let people: Vec<_> = data.roster().map(|p| p.id).collect();
            for (c, who) in data
                .contributions
                .iter_mut()
                .zip(people.iter().cycle().take(5))
            {
                c.participant_id = Some(*who);
                c.anonymous = false;
            }
            let choices = ReportChoices {
                person_stats: PersonStats::Show,
                ..data.session.report
            };
            let report =
                super::super::Report::build_with(&data, super::super::Options::choosing(choices));
            let direct = of_session(&data);
            assert!(direct.total > 0);
            assert_eq!(direct.bars.is_empty(), anonymity == Anonymity::Anonymous);
            assert_eq!(
                serde_json::to_value(&direct).unwrap(),
                serde_json::to_value(&report.participation).unwrap()
            );
        }
    }
}

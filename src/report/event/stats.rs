//! Numbers across the event's ateliers, summed from each atelier's report
//! (so they count exactly what the reports show: no deleted item, no stage
//! note).

use crate::i18n::t;
use crate::model::{Kind, Lang};
use crate::report::{Count, Report};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct EventStats {
    pub ateliers: usize,
    /// People on the ateliers' rosters, added up (someone at two ateliers
    /// counts twice: rosters of different laptops share no identity).
    pub participants: usize,
    pub contributions: usize,
    /// Per kind, in the kinds' order; kinds nobody used are left out.
    pub by_kind: Vec<Count>,
    /// Per status as the action table shows it (open, done, carried over).
    pub actions_by_status: Vec<Count>,
    pub actions: usize,
    /// Dots placed on the items the reports show, in every atelier.
    pub votes: u32,
}

/// Sums kept while the ateliers' reports are read one by one.
#[derive(Default)]
pub(super) struct Tally {
    stats: EventStats,
    by_kind: Vec<(Kind, usize)>,
}

impl Tally {
    pub(super) fn add(&mut self, r: &Report) {
        let s = &mut self.stats;
        s.ateliers += 1;
        s.participants += r.participant_count;
        s.contributions += r.stats.total;
        s.votes += r.votes.total;
        s.actions += r.actions.len();
        for count in &r.stats.by_kind {
            // The report labels kinds in its session's language; the
            // event may speak another, so count by kind.
            let Some(kind) = Kind::ALL
                .into_iter()
                .find(|k| k.label(r.language) == count.label)
            else {
                continue;
            };
            match self.by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += count.count,
                None => self.by_kind.push((kind, count.count)),
            }
        }
        for a in &r.actions {
            match s.actions_by_status.iter_mut().find(|c| c.label == a.status) {
                Some(c) => c.count += 1,
                None => s.actions_by_status.push(Count {
                    label: a.status.clone(),
                    count: 1,
                }),
            }
        }
    }

    pub(super) fn finish(mut self, lang: Lang) -> EventStats {
        self.stats.by_kind = Kind::ALL
            .into_iter()
            .filter_map(|kind| {
                let (_, n) = self.by_kind.iter().find(|(k, _)| *k == kind)?;
                Some(Count {
                    label: kind.label(lang).to_string(),
                    count: *n,
                })
            })
            .collect();
        self.stats
    }
}

impl EventStats {
    /// The headline numbers as (label, value) rows, in the event's
    /// language; votes only when any were placed.
    pub fn totals(&self, lang: Lang) -> Vec<(String, usize)> {
        let mut rows = vec![
            ("event.count_ateliers", self.ateliers),
            ("event.count_participants", self.participants),
            ("event.count_contributions", self.contributions),
            ("event.count_actions", self.actions),
        ];
        if self.votes > 0 {
            rows.push(("event.votes", self.votes as usize));
        }
        rows.into_iter()
            .map(|(k, v)| (t(lang, k).to_string(), v))
            .collect()
    }
}

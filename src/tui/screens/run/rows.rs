//! The run screen's list: its rows (kind headings, contributions with
//! their depth) and the counts beside the roster, rebuilt from the data on
//! a change of stage, kept up to date in place when a contribution is
//! recorded, so the cost of a submit does not grow with the session.

use super::{Row, RunState};
use crate::model::{Id, Kind, Tree};

impl RunState {
    /// Rebuilds the rows and counts of the current stage. Done on change,
    /// not on draw, so drawing costs only the visible rows.
    pub fn rebuild(&mut self, select: Option<Id>) {
        let Some(stage) = self.stage().map(|s| s.id) else {
            self.rows.clear();
            return;
        };
        let mut rows = Vec::new();
        let tree = Tree::new(&self.data);
        let top = tree.children(stage, None);
        for kind in self.stage_kinds() {
            let group: Vec<_> = top.iter().filter(|c| c.kind == kind).collect();
            if group.is_empty() {
                continue;
            }
            rows.push(Row::Header {
                kind,
                count: group.len(),
            });
            for c in group {
                rows.extend(
                    tree.walk(c, 0)
                        .into_iter()
                        .map(|(c, depth)| Row::Item { id: c.id, depth }),
                );
            }
        }
        self.rows = rows;
        self.index = self.data.index();
        self.parked = self.data.parked().len();
        self.counts.clear();
        self.anonymous_counts = (0, 0);
        // An open merge conflict's copy is the same input twice: counted
        // once, as the report counts it (`merge::open_copies`).
        let copies = crate::model::merge::open_copies(&self.data);
        for c in self.data.live().filter(|c| !copies.contains(&c.id)) {
            let entry = match c.anonymous {
                true => &mut self.anonymous_counts,
                false => self.counts.entry(c.participant_id).or_default(),
            };
            entry.1 += 1;
            if c.stage_id == stage {
                entry.0 += 1;
            }
        }
        let at = select.and_then(|id| {
            self.rows
                .iter()
                .position(|r| matches!(r, Row::Item { id: rid, .. } if *rid == id))
        });
        self.selected = at.unwrap_or(self.selected.min(self.rows.len().saturating_sub(1)));
        self.settle(1);
    }

    /// Shows a contribution just recorded at the end of the current
    /// stage's top level, without rebuilding the rows: its kind's group
    /// gets one more row (or appears), the counts one more. What a full
    /// `rebuild` would give, at a cost that does not grow with the session.
    pub fn append(&mut self, c: &crate::model::Contribution) {
        let here = self.stage().map(|s| s.id);
        if here != Some(c.stage_id) || c.parent_id.is_some() {
            self.rebuild(Some(c.id));
            return;
        }
        let entry = match c.anonymous {
            true => &mut self.anonymous_counts,
            false => self.counts.entry(c.participant_id).or_default(),
        };
        entry.0 += 1;
        entry.1 += 1;
        let kinds = self.stage_kinds();
        let rank = |k: Kind| kinds.iter().position(|x| *x == k).unwrap_or(kinds.len());
        let header = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Header { kind, .. } if *kind == c.kind));
        let at = match header {
            Some(h) => {
                if let Row::Header { count, .. } = &mut self.rows[h] {
                    *count += 1;
                }
                let end = self.rows[h + 1..]
                    .iter()
                    .position(|r| matches!(r, Row::Header { .. }))
                    .map_or(self.rows.len(), |n| h + 1 + n);
                self.rows.insert(end, Row::Item { id: c.id, depth: 0 });
                end
            }
            None => {
                // A new group, placed where the stage's order of kinds puts it.
                let before = self
                    .rows
                    .iter()
                    .position(
                        |r| matches!(r, Row::Header { kind, .. } if rank(*kind) > rank(c.kind)),
                    )
                    .unwrap_or(self.rows.len());
                self.rows.insert(
                    before,
                    Row::Header {
                        kind: c.kind,
                        count: 1,
                    },
                );
                self.rows
                    .insert(before + 1, Row::Item { id: c.id, depth: 0 });
                before + 1
            }
        };
        self.selected = at;
    }

    /// Moves the selection off a heading, in direction `dir`.
    fn settle(&mut self, dir: isize) {
        let n = self.rows.len();
        if n == 0 {
            self.selected = 0;
            return;
        }
        let mut i = self.selected.min(n - 1) as isize;
        while (0..n as isize).contains(&i) && matches!(self.rows[i as usize], Row::Header { .. }) {
            i += dir;
        }
        if !(0..n as isize).contains(&i) {
            i = self.selected.min(n - 1) as isize;
            while (0..n as isize).contains(&i)
                && matches!(self.rows[i as usize], Row::Header { .. })
            {
                i -= dir;
            }
        }
        self.selected = i.clamp(0, n as isize - 1) as usize;
    }

    /// Selects row `to`, stepping off a heading the way the move went.
    /// Also what the mouse wheel uses, without taking the focus.
    pub fn select_row(&mut self, to: usize) {
        let dir = if to < self.selected { -1 } else { 1 };
        self.selected = to;
        self.settle(dir);
    }
}

//! Themes ranked by votes: a theme counts the dots on its items that stand
//! in their stage's list (not deleted, not parked). Pure: no I/O.

use super::{rank, Ranked, SessionData, Theme};
use std::collections::HashSet;

impl SessionData {
    /// The listed themes that hold a live item, ranked by their items'
    /// dots (ties keep the themes' order and share a rank).
    pub fn theme_ranking(&self) -> Vec<Ranked<&Theme>> {
        let totals = self.voting.totals();
        let live: HashSet<_> = self.live().map(|c| c.id).collect();
        let counts = self
            .listed_themes()
            .filter(|t| t.items.iter().any(|i| live.contains(i)))
            .map(|t| {
                let dots = t
                    .items
                    .iter()
                    .filter(|i| live.contains(i))
                    .filter_map(|i| totals.get(i))
                    .sum();
                (t, dots)
            })
            .collect();
        rank(counts)
    }
}

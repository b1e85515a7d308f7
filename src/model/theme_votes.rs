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

#[cfg(test)]
mod tests {
    use crate::model::{new_id, now, Theme, Vote};

    #[test]
    fn a_theme_counts_the_dots_of_its_live_items_and_ties_share_a_rank() {
        let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
        let mut data = crate::bundle::parse("s", text, &crate::templates::Catalog::built_in())
            .expect("the sample imports");
        let ids: Vec<_> = data.contributions.iter().map(|c| c.id).take(4).collect();
        data.contributions[3].deleted_at = Some(now());
        let theme = |name: &str, items: Vec<_>| Theme {
            id: new_id(),
            name: name.into(),
            position: 0,
            created_at: now(),
            removed_at: None,
            items,
        };
        data.themes = vec![
            theme("a", vec![ids[0], ids[3]]),
            theme("b", vec![ids[1]]),
            theme("c", vec![ids[2]]),
            theme("gone", vec![ids[3]]),
        ];
        for (item, dots) in [(ids[0], 2), (ids[1], 2), (ids[3], 9)] {
            data.voting.votes.push(Vote {
                id: new_id(),
                contribution_id: item,
                participant_id: None,
                dots,
                at: now(),
                removed_at: None,
            });
        }
        let got: Vec<(&str, u32, usize, bool)> = data
            .theme_ranking()
            .iter()
            .map(|r| (r.item.name.as_str(), r.dots, r.rank, r.tied))
            .collect();
        // The deleted item's dots count for nothing; a theme of deleted
        // items only is not ranked.
        assert_eq!(
            got,
            [("a", 2, 1, true), ("b", 2, 1, true), ("c", 0, 3, false)]
        );
    }
}

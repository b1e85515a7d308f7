//! Themes ranked by the dots of their items, next to the items' ranking:
//! a theme counts every dot on the items the report shows in it (those in
//! their stage's list); themes
//! with as many dots share a rank. Only counts, as for the items.

use super::votes::RankedItem;
use crate::i18n::t;
use crate::model::{Lang, SessionData};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct ThemeRanking {
    /// "Themes by votes".
    pub heading: String,
    /// Column headings: rank, theme, dots.
    pub columns: [String; 3],
    /// The themes with at least one dot, most first (each row's `text` is
    /// the theme's name, `id` its id).
    pub ranking: Vec<RankedItem>,
    /// The chart's height in SVG user units (one row per theme).
    pub height: usize,
}

/// The themes the report shows, ranked by their items' dots (see
/// `SessionData::theme_ranking`); those without a dot are left out (they
/// come last, so no rank changes); empty when no theme got a dot.
pub(super) fn build(data: &SessionData, lang: Lang) -> ThemeRanking {
    let ranked: Vec<_> = data
        .theme_ranking()
        .into_iter()
        .filter(|r| r.dots > 0)
        .collect();
    let most = ranked.first().map_or(1, |r| r.dots) as usize;
    let kind = t(lang, "finish8.theme");
    let mut ranking: Vec<RankedItem> = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let what = (r.item.id.to_string(), r.item.name.as_str(), kind);
            super::votes::row(i, r, what, most, lang)
        })
        .collect();
    let height = super::votes::stack(&mut ranking);
    ThemeRanking {
        heading: t(lang, "finish8.themes_by_votes").to_string(),
        columns: ["votes.report_rank", "finish8.theme", "votes.report_dots"]
            .map(|k| t(lang, k).to_string()),
        height,
        ranking,
    }
}

//! The "ideas by theme" section of a report: each listed theme with its
//! items as the report shows them (live contributions only, authors through
//! the one anonymity rule of `view::Names`). Each theme also carries the
//! ids of its items, so that themes can be ranked by their items' votes.

use super::view::{Item, Names};
use crate::model::{Id, Lang, SessionData};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct ThemeView {
    pub id: String,
    pub name: String,
    /// The ids of the items shown below, in order.
    pub item_ids: Vec<String>,
    /// Its items, each on its own (a theme holds contributions, not their
    /// sub-points).
    pub items: Vec<Item>,
}

/// The listed themes that hold something the report shows, in order.
pub(super) fn build(data: &SessionData, names: &Names, lang: Lang) -> Vec<ThemeView> {
    let index = data.index();
    let stage_titles: HashMap<Id, &str> = data
        .stages
        .iter()
        .map(|s| (s.id, s.title.as_str()))
        .collect();
    data.listed_themes()
        .map(|theme| {
            let items: Vec<Item> = theme
                .items
                .iter()
                .filter_map(|id| index.get(id).map(|&i| &data.contributions[i]))
                .filter(|c| c.is_live())
                .map(|c| {
                    let stage = stage_titles.get(&c.stage_id).copied().unwrap_or("");
                    Item::of(c, stage, names, lang)
                })
                .collect();
            ThemeView {
                id: theme.id.to_string(),
                name: theme.name.clone(),
                item_ids: items.iter().map(|i| i.id.clone()).collect(),
                items,
            }
        })
        .filter(|t| !t.items.is_empty())
        .collect()
}

/// The theme holding each item the report shows, by item id (the CSV's
/// theme column).
pub fn theme_of_item(themes: &[ThemeView]) -> HashMap<&str, &str> {
    themes
        .iter()
        .flat_map(|t| t.item_ids.iter().map(|i| (i.as_str(), t.name.as_str())))
        .collect()
}

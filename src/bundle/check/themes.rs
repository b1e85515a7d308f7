//! Validation of a bundle's themes: names, times, and items that are
//! contributions of this bundle, each in at most one theme.

use super::super::format::BTheme;
use super::super::BundleError;
use super::Checker;
use crate::model::{Contribution, Id, Theme};
use std::collections::{HashMap, HashSet};

impl Checker<'_> {
    pub(super) fn themes(
        &mut self,
        list: &[BTheme],
        contributions: &[Contribution],
    ) -> Result<Vec<Theme>, BundleError> {
        let known: HashSet<Id> = contributions.iter().map(|c| c.id).collect();
        // Where each item was first put, to name both places of a clash.
        let mut placed: HashMap<Id, String> = HashMap::new();
        let mut themes = Vec::new();
        for (i, t) in list.iter().enumerate() {
            let at = format!("themes[{i}]");
            let id = self.id(format!("{at}.id"), &t.id)?;
            if t.name.trim().is_empty() {
                return Err(self.said(format!("{at}.name"), "bundle.empty_name", &[]));
            }
            let removed_at = self.opt_time(format!("{at}.removed_at"), &t.removed_at)?;
            if removed_at.is_some() && !t.items.is_empty() {
                return Err(self.said(format!("{at}.items"), "bundle.themes_removed_items", &[]));
            }
            let mut items = Vec::new();
            for (j, item) in t.items.iter().enumerate() {
                let place = format!("{at}.items[{j}]");
                let Some(cid) = Id::parse_str(item).ok().filter(|c| known.contains(c)) else {
                    return Err(self.said(place, "bundle.themes_unknown_item", &[("value", item)]));
                };
                if let Some(first) = placed.get(&cid) {
                    let args: [(&'static str, &dyn ToString); 2] =
                        [("value", item), ("first", first)];
                    return Err(self.said(place, "bundle.themes_item_twice", &args));
                }
                placed.insert(cid, place);
                items.push(cid);
            }
            themes.push(Theme {
                id,
                name: t.name.clone(),
                position: i as i64,
                created_at: self.time(format!("{at}.created_at"), &t.created_at)?,
                removed_at,
                items,
            });
        }
        Ok(themes)
    }
}

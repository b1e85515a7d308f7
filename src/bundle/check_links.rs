//! Links in a bundle (`links`, absent from bundles written before them):
//! each end a contribution of this bundle, no self link, at most one
//! standing link per pair. An end that is deleted is kept with its link,
//! as the store keeps it: restoring the contribution brings the link back.

use super::check::Checker;
use super::format::BLink;
use super::BundleError;
use crate::model::{Contribution, Id, Link};
use std::collections::{HashMap, HashSet};

impl Checker<'_> {
    pub(super) fn links(
        &mut self,
        list: &[BLink],
        contributions: &[Contribution],
    ) -> Result<Vec<Link>, BundleError> {
        let known: HashSet<Id> = contributions.iter().map(|c| c.id).collect();
        let mut standing: HashMap<(Id, Id), String> = HashMap::new();
        let mut links = Vec::new();
        for (i, l) in list.iter().enumerate() {
            let at = format!("links[{i}]");
            let id = self.id(format!("{at}.id"), &l.id)?;
            let end = |field: &str, value: &str| {
                self.known_id(
                    format!("{at}.{field}"),
                    value,
                    &known,
                    "links.bundle_unknown_end",
                )
            };
            let from = end("from", &l.from)?;
            let to = end("to", &l.to)?;
            if from == to {
                return Err(self.said(format!("{at}.to"), "links.bundle_self", &[]));
            }
            let removed_at = self.opt_time(format!("{at}.removed_at"), &l.removed_at)?;
            if removed_at.is_none() {
                if let Some(first) = standing.get(&(from, to)) {
                    return Err(self.said(&at, "links.bundle_twice", &[("first", first)]));
                }
                standing.insert((from, to), at.clone());
            }
            links.push(Link {
                id,
                from,
                to,
                created_at: self.time(format!("{at}.created_at"), &l.created_at)?,
                removed_at,
            });
        }
        Ok(links)
    }
}

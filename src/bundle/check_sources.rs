//! The synthesis of a bundle, with where it comes from (`text_sources`,
//! each block's `sources`, `proposal_sources`; optional): each source a
//! contribution of this bundle, named once per part. A deleted source is
//! kept, as the store keeps it (the report leaves it out).

use super::check::Checker;
use super::format::BSynthesis;
use super::BundleError;
use crate::model::{BuildingBlock, Contribution, Id, Synthesis};
use std::collections::HashSet;

impl Checker<'_> {
    pub(super) fn synthesis(
        &mut self,
        b: BSynthesis,
        contributions: &[Contribution],
    ) -> Result<Synthesis, BundleError> {
        let known: HashSet<Id> = contributions.iter().map(|c| c.id).collect();
        let mut blocks = Vec::new();
        for (i, bb) in b.blocks.into_iter().enumerate() {
            let at = format!("synthesis.blocks[{i}].sources");
            blocks.push(BuildingBlock {
                sources: self.sources(&at, &bb.sources, &known)?,
                title: bb.title,
                text: bb.text,
            });
        }
        Ok(Synthesis {
            text_sources: self.sources("synthesis.text_sources", &b.text_sources, &known)?,
            proposal_sources: self.sources(
                "synthesis.proposal_sources",
                &b.proposal_sources,
                &known,
            )?,
            text: b.text,
            blocks,
            proposal: b.proposal,
        })
    }

    fn sources(
        &self,
        at: &str,
        list: &[String],
        known: &HashSet<Id>,
    ) -> Result<Vec<Id>, BundleError> {
        let mut seen = HashSet::new();
        let mut ids = Vec::new();
        for (i, value) in list.iter().enumerate() {
            let place = format!("{at}[{i}]");
            let id = self.known_id(place.clone(), value, known, "finish8.bundle_unknown_source")?;
            if !seen.insert(id) {
                return Err(self.said(&place, "finish8.bundle_source_twice", &[("value", value)]));
            }
            ids.push(id);
        }
        Ok(ids)
    }
}

//! The report's two per-session choices applied to the view model: the
//! discussion in spoken order, and per-person statistics kept for the
//! facilitator unless shown. Applied here, once, so that every format
//! (JSON and CSV included) says the same.

use super::view::{nest, Names, DISCUSSION};
use super::Report;
use crate::model::{DiscussionOrder, PersonStats, SessionData, Tree};

pub(super) fn apply(r: &mut Report, data: &SessionData, names: &Names) {
    if r.choices.order == DiscussionOrder::Spoken {
        r.spoken = spoken(data, names, r.language);
    }
    if r.choices.person_stats == PersonStats::Hide {
        r.stats.by_participant.clear();
        r.participation.bars.clear();
        r.participation.height = 0;
    } else if !r.participation.bars.is_empty() {
        // Each person's count is in the participation table (with their
        // share): the counts per participant keep only what no one
        // present said (the group's, anonymous, former participants'),
        // so no number is printed twice. People come first there.
        let people = data.roster().count().min(r.stats.by_participant.len());
        r.stats.by_participant.drain(..people);
    }
}

/// The discussion kinds' items as the notes were written: stage after
/// stage, in each stage's order, sub-points under their items; each
/// top-level item says its kind ("constat : …").
fn spoken(data: &SessionData, names: &Names, lang: crate::model::Lang) -> Vec<super::Item> {
    let tree = Tree::new(data);
    data.stages
        .iter()
        .flat_map(|stage| {
            let walk = tree.walk_stage(stage.id);
            nest(&walk, &stage.title, names, lang)
        })
        .filter(|(kind, _)| DISCUSSION.contains(kind))
        .map(|(_, mut item)| {
            item.kind = Some(item.kind_label);
            item
        })
        .collect()
}

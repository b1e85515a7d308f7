//! The synthesis at the head of the trace: the proposal first, then each
//! building block and the text, each with what it builds on (its sources)
//! and, below them, what those answer, back to the observations. Sources
//! deleted since are left out, as every deleted contribution is.
//! (`SynthesisPart::key` names each part in data formats.)

use super::view::{Item, Names};
use crate::i18n::t;
use crate::model::{Contribution, Id, Lang, Links, SessionData, SynthesisPart};
use serde::Serialize;
use std::collections::HashSet;

/// What each part of the synthesis builds on, as ids of contributions the
/// report shows (for data formats).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SynthesisSources {
    pub text: Vec<String>,
    /// One list per building block, in order.
    pub blocks: Vec<Vec<String>>,
    pub proposal: Vec<String>,
}

pub(super) fn sources(data: &SessionData) -> SynthesisSources {
    let ids = |part| {
        data.standing_sources(part)
            .iter()
            .map(|c| c.id.to_string())
            .collect()
    };
    SynthesisSources {
        text: ids(SynthesisPart::Text),
        blocks: (0..data.synthesis.blocks.len())
            .map(|i| ids(SynthesisPart::Block(i)))
            .collect(),
        proposal: ids(SynthesisPart::Proposal),
    }
}

/// The synthesis' chains, and every contribution they show (so no other
/// chain starts from one of them again).
pub(super) fn chains(
    data: &SessionData,
    links: &Links,
    names: &Names,
    lang: Lang,
) -> (Vec<Item>, HashSet<Id>) {
    let syn = &data.synthesis;
    let mut shown = HashSet::new();
    let mut chains = Vec::new();
    for part in syn.parts() {
        let (key, text) = match part {
            SynthesisPart::Proposal => ("finish8.report_proposal", syn.proposal.clone()),
            SynthesisPart::Block(i) => ("finish8.report_block", syn.blocks[i].title.clone()),
            SynthesisPart::Text => ("finish8.report_text", syn.text.clone()),
        };
        let starts = data.standing_sources(part);
        if starts.is_empty() {
            continue;
        }
        let walk = links.trace_from(&starts, 1);
        shown.extend(walk.iter().map(|(c, _)| c.id));
        let label = t(lang, key);
        chains.push(Item {
            id: part.key(),
            text,
            kind: Some(label),
            kind_label: label,
            stage: t(lang, "report.synthesis").to_string(),
            children: split(&walk)
                .filter_map(|one| super::trace::nest(data, &one, names, lang))
                .collect(),
            ..Item::default()
        });
    }
    (chains, shown)
}

/// One walk from several starts (each at depth 1) as one walk per start,
/// each from depth 0.
fn split<'a, 'w>(
    walk: &'w [(&'a Contribution, usize)],
) -> impl Iterator<Item = Vec<(&'a Contribution, usize)>> + 'w {
    walk.chunk_by(|_, (_, depth)| *depth > 1)
        .map(|chunk| chunk.iter().map(|(c, d)| (*c, d - 1)).collect())
}

//! Where the synthesis comes from: each part (its text, a building block,
//! its proposal) builds on contributions of the session. Pure: no I/O.

use super::{Contribution, Id, SessionData, Synthesis};

/// A part of the synthesis that builds on contributions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynthesisPart {
    Text,
    /// The building block at this index.
    Block(usize),
    Proposal,
}

impl SynthesisPart {
    /// How data formats name it: `synthesis.proposal`,
    /// `synthesis.blocks[0]`, `synthesis.text`.
    pub fn key(self) -> String {
        match self {
            SynthesisPart::Proposal => "synthesis.proposal".into(),
            SynthesisPart::Block(i) => format!("synthesis.blocks[{i}]"),
            SynthesisPart::Text => "synthesis.text".into(),
        }
    }
}

impl Synthesis {
    /// Its parts in the order a trace shows them: the proposal first, then
    /// each building block, then the text.
    pub fn parts(&self) -> Vec<SynthesisPart> {
        let blocks = (0..self.blocks.len()).map(SynthesisPart::Block);
        std::iter::once(SynthesisPart::Proposal)
            .chain(blocks)
            .chain([SynthesisPart::Text])
            .collect()
    }

    /// What `part` builds on; empty for a block that is not there.
    pub fn sources(&self, part: SynthesisPart) -> &[Id] {
        match part {
            SynthesisPart::Text => &self.text_sources,
            SynthesisPart::Proposal => &self.proposal_sources,
            SynthesisPart::Block(i) => self.blocks.get(i).map_or(&[], |b| &b.sources),
        }
    }

    /// What `part` builds on, to change; `None` for a block not there.
    pub fn sources_mut(&mut self, part: SynthesisPart) -> Option<&mut Vec<Id>> {
        match part {
            SynthesisPart::Text => Some(&mut self.text_sources),
            SynthesisPart::Proposal => Some(&mut self.proposal_sources),
            SynthesisPart::Block(i) => self.blocks.get_mut(i).map(|b| &mut b.sources),
        }
    }

    /// Adds `id` to what `part` builds on, once.
    pub fn add_source(&mut self, part: SynthesisPart, id: Id) {
        if let Some(list) = self.sources_mut(part) {
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }
}

impl SessionData {
    /// The sources of `part` that still stand (not deleted), in the order
    /// they were picked.
    pub fn standing_sources(&self, part: SynthesisPart) -> Vec<&Contribution> {
        let index = self.index();
        self.synthesis
            .sources(part)
            .iter()
            .filter_map(|id| index.get(id).map(|&i| &self.contributions[i]))
            .filter(|c| c.deleted_at.is_none())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BuildingBlock;

    #[test]
    fn a_source_is_added_once_and_only_where_the_part_is() {
        let (a, b) = (Id::from_u128(1), Id::from_u128(2));
        let mut s = Synthesis {
            blocks: vec![BuildingBlock::default()],
            ..Synthesis::default()
        };
        s.add_source(SynthesisPart::Proposal, a);
        s.add_source(SynthesisPart::Proposal, a);
        s.add_source(SynthesisPart::Block(0), b);
        s.add_source(SynthesisPart::Block(3), b);
        assert_eq!(s.sources(SynthesisPart::Proposal), &[a]);
        assert_eq!(s.sources(SynthesisPart::Block(0)), &[b]);
        assert!(s.sources(SynthesisPart::Block(3)).is_empty());
        assert!(s.sources(SynthesisPart::Text).is_empty());
    }
}

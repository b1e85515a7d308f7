//! The trace section of a report: from each proposal back through the
//! ideas and stakes it answers to the observations that led to it, as
//! nested items a participant can read (kinds and texts; authors through
//! the one anonymity rule in `view::Names`). Deleted contributions and
//! links taken back never show (see `model::Links`).

use super::view::{Item, Names};
use crate::model::{Contribution, Lang, Links, SessionData};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Default, Serialize)]
pub struct TraceView {
    /// Each chain: where it starts (the synthesis' proposal, then each
    /// proposal), with what it
    /// answers as its children, back to the observations. Nesting is
    /// bounded by `MAX_TRACE_DEPTH`.
    pub chains: Vec<Item>,
    /// For each contribution's id, the ids of what it answers (the CSV's
    /// last column).
    #[serde(skip)]
    pub answers: HashMap<String, Vec<String>>,
}

impl TraceView {
    /// The ids a contribution answers, space-separated (empty when none).
    pub fn answers_of(&self, id: &str) -> String {
        self.answers
            .get(id)
            .map(|l| l.join(" "))
            .unwrap_or_default()
    }
}

pub(super) fn build(data: &SessionData, names: &Names, lang: Lang) -> TraceView {
    let links = Links::of(data);
    // The synthesis' proposal first, then what it does not already show.
    let (mut chains, shown) = super::synthesis_trace::chains(data, &links, names, lang);
    chains.extend(
        links
            .roots_besides(&shown)
            .into_iter()
            .filter_map(|root| nest(data, &links.trace(root), names, lang)),
    );
    let answers = data
        .contributions
        .iter()
        .filter(|c| c.deleted_at.is_none())
        .filter_map(|c| {
            let to: Vec<String> = links
                .answers(c.id)
                .iter()
                .map(|t| t.id.to_string())
                .collect();
            (!to.is_empty()).then(|| (c.id.to_string(), to))
        })
        .collect();
    TraceView { chains, answers }
}

/// One trace (parents first, with depths) as one nested item, without
/// recursion: the open chain of items from the root down is closed into
/// its parent as the walk comes back up.
pub(super) fn nest(
    data: &SessionData,
    walk: &[(&Contribution, usize)],
    names: &Names,
    lang: Lang,
) -> Option<Item> {
    let mut open: Vec<Item> = Vec::new();
    let close = |open: &mut Vec<Item>| {
        let item = open.pop()?;
        match open.last_mut() {
            Some(parent) => {
                parent.children.push(item);
                None
            }
            None => Some(item),
        }
    };
    for (c, depth) in walk {
        while open.len() > *depth {
            close(&mut open);
        }
        let stage = data.stage(c.stage_id).map_or("", |s| s.title.as_str());
        let mut item = Item::of(c, stage, names, lang);
        item.kind = Some(item.kind_label);
        open.push(item);
    }
    let mut root = None;
    while !open.is_empty() {
        root = close(&mut open);
    }
    root
}

//! Synthesis: what it builds on. `l` opens a picker (the run screen's, in
//! the `links` context) of the session's contributions — ideas first, Tab
//! for every kind — to mark what the selected part builds on: the building
//! block when the blocks pane has one selected, the text in the text pane,
//! the proposal otherwise. Enter saves it with the synthesis, as one change
//! (`u` undoes it). Picking a text with t, b or p records its source too.

use super::{Pane, SynthesisState};
use crate::i18n::tf;
use crate::model::{Kind, SynthesisPart};
use crate::tui::action::Action;
use crate::tui::core::Core;
use crate::tui::screens::item_picker::{ItemPicker, Picking};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The picker of what `part` builds on.
#[derive(Debug)]
pub struct SourcePicker {
    pub part: SynthesisPart,
    pub list: ItemPicker,
}

/// The part `l` is about, from the pane in focus.
pub fn part(s: &SynthesisState) -> SynthesisPart {
    match s.pane {
        Pane::Text => SynthesisPart::Text,
        Pane::Blocks if s.block < s.data.synthesis.blocks.len() => SynthesisPart::Block(s.block),
        _ => SynthesisPart::Proposal,
    }
}

/// `l`: opens the picker for the part in focus.
pub fn open(s: &mut SynthesisState) {
    let part = part(s);
    let before = s.data.synthesis.sources(part).iter().copied().collect();
    let list = ItemPicker::new(&s.data, None, Some(Kind::Idea), before);
    s.picker = Some(SourcePicker { part, list });
}

/// Keys while the picker is open.
pub fn update(s: &mut SynthesisState, core: &mut Core, action: Action) {
    let Some(mut picker) = s.picker.take() else {
        return;
    };
    match picker.list.key(&s.data, action) {
        Picking::Open => s.picker = Some(picker),
        Picking::Saved => save(s, core, &picker),
        Picking::Cancelled => core.info(core.t("app.cancelled")),
    }
}

/// Keeps what was already there in its order, then what was marked, in
/// the session's order.
fn save(s: &mut SynthesisState, core: &mut Core, picker: &SourcePicker) {
    let removed = picker.list.changed(&s.data, false);
    let added = picker.list.changed(&s.data, true);
    if added.is_empty() && removed.is_empty() {
        return core.info(core.t("finish8.sources_unchanged"));
    }
    let mut next = s.data.synthesis.clone();
    let Some(list) = next.sources_mut(picker.part) else {
        return;
    };
    list.retain(|id| !removed.contains(id));
    list.extend(added);
    if s.save(core, next) {
        core.success(core.t("finish8.sources_saved"));
    }
}

/// Draws the picker over the screen.
pub fn render(s: &SynthesisState, core: &Core, area: Rect, buf: &mut Buffer) {
    let Some(picker) = &s.picker else {
        return;
    };
    let what = match picker.part {
        SynthesisPart::Text => core.t("finish8.sources_of_text").to_string(),
        SynthesisPart::Proposal => core.t("finish8.sources_of_proposal").to_string(),
        SynthesisPart::Block(i) => {
            let title = s.data.synthesis.blocks.get(i).map_or("", |b| &b.title);
            tf(core.lang, "finish8.sources_of_block", &[("title", title)])
        }
    };
    let kind = picker.list.showing(core);
    let marked = picker.list.marked.len().to_string();
    let title = tf(
        core.lang,
        "finish8.sources_title",
        &[("what", &what), ("kind", &kind), ("marked", &marked)],
    );
    picker.list.render(&s.data, core, &title, area, buf);
}

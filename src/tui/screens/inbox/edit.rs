//! The inbox's dialogs: the editor of an input's text before accepting
//! it (what is cancelled is kept as a draft for the next `e`), and the
//! picker of the item an input merges into (typing filters it, so a
//! duplicate is found by a word of it).

use super::InboxState;
use crate::commands::RoomCommand;
use crate::model::Id;
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};
use crate::tui::text::{clean, truncate};

/// What an editor of this screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxEdit {
    Accept(Id),
}

/// What a picker of this screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InboxPick {
    MergeInto(Id),
}

pub fn ask_text(s: &InboxState, core: &mut Core, input: Id) {
    let Some(item) = s.items.iter().find(|i| i.id == input) else {
        return;
    };
    let text = s.drafts.get(&input).unwrap_or(&item.text).clone();
    core.open_editor(
        core.t("inbox.edit_title"),
        core.t("inbox.edit_hint"),
        &text,
        Purpose::new(InboxEdit::Accept(input)),
        true,
    );
}

/// The edited text: accepted as it reads; false keeps the editor open
/// (an empty text, or the input decided meanwhile).
pub fn edited(s: &mut InboxState, core: &mut Core, purpose: InboxEdit, text: String) -> bool {
    let InboxEdit::Accept(input) = purpose;
    let accept = RoomCommand::Accept {
        input,
        text: Some(text.clone()),
        kind: None,
    };
    if s.run(core, accept, "inbox.accepted") {
        s.drafts.remove(&input);
        true
    } else {
        s.drafts.insert(input, text);
        false
    }
}

/// Esc in the editor: what was typed waits for the next `e`.
pub fn keep_draft(s: &mut InboxState, purpose: InboxEdit, text: String) {
    let InboxEdit::Accept(input) = purpose;
    let sent = s.items.iter().find(|i| i.id == input).map(|i| &i.text);
    if sent != Some(&text) {
        s.drafts.insert(input, text);
    }
}

pub fn pick_target(s: &InboxState, core: &mut Core, input: Id) {
    let Some(item) = s.items.iter().find(|i| i.id == input) else {
        return;
    };
    // Items of the input's stage first: a duplicate is most likely there.
    let (same, other): (Vec<_>, Vec<_>) = s.data.live().partition(|c| c.stage_id == item.stage_id);
    let items: Vec<(Option<Id>, String)> = same
        .into_iter()
        .chain(other)
        .map(|c| {
            let text = truncate(&clean(&c.text.replace(['\n', '\r'], " "), false), 70);
            (Some(c.id), format!("{} · {text}", c.kind.label(core.lang)))
        })
        .collect();
    if items.is_empty() {
        core.info(core.t("inbox.nothing_to_merge"));
        return;
    }
    core.popup = Some(Popup::Picker(Picker {
        title: core.t("inbox.merge_title").into(),
        items,
        filter: String::new(),
        selected: 0,
        numbered: false,
        purpose: Purpose::new(InboxPick::MergeInto(input)),
    }));
}

pub fn picked(s: &mut InboxState, core: &mut Core, pick: InboxPick, into: Id) {
    let InboxPick::MergeInto(input) = pick;
    s.run(core, RoomCommand::Merge { input, into }, "inbox.merged");
}

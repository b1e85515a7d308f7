//! What a remark is about, asked once its author is known: the whole
//! report, one of its sections (as `--item synthesis` on the command
//! line) or a contribution, chosen in the item picker (the run screen's,
//! in the `links` context: Tab for every kind; Enter takes the one marked,
//! or the one selected).

use super::VersionsState;
use crate::i18n::tf;
use crate::model::{Id, REMARK_SECTIONS};
use crate::tui::action::Action;
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};
use crate::tui::screens::item_picker::{ItemPicker, Picking};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What a remark names, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum About {
    #[default]
    Report,
    Section(String),
    Contribution(Id),
}

impl About {
    /// The remark's contribution and section, as `NewFeedback` takes them.
    pub fn parts(&self) -> (Option<Id>, String) {
        match self {
            About::Report => (None, String::new()),
            About::Section(key) => (None, key.clone()),
            About::Contribution(id) => (Some(*id), String::new()),
        }
    }
}

/// A remark waiting for what it is about: on which version, by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub version: Id,
    pub participant: Option<Id>,
    pub name: String,
}

/// The question's answer in the list: its entries carry ids, so the whole
/// report, "a contribution…" and each section get ids no record has (ids
/// of records are random version 4 UUIDs, never these small numbers).
const WHOLE_REPORT: Id = Id::from_u128(1);
const A_CONTRIBUTION: Id = Id::from_u128(2);
const FIRST_SECTION: u128 = 16;

fn section_id(index: usize) -> Id {
    Id::from_u128(FIRST_SECTION + index as u128)
}

/// Marks the picker of this question (no data: the pending remark is on
/// the screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AboutPick;

/// The section's heading in the session's language ("Synthesis").
fn section_label(s: &VersionsState, key: &str) -> String {
    crate::report::section_label(s.data.session.language, key)
}

/// The remark sections the report holds now, in the report's order, with
/// their index in `REMARK_SECTIONS`: a section left out of the report
/// (no decisions yet, no context) is not offered.
fn present(s: &VersionsState) -> Vec<(usize, &'static str)> {
    let report = crate::report::Report::build(&s.data);
    let session = &s.data.session;
    let mut keys: Vec<&str> = Vec::new();
    for section in crate::report::sections(&report) {
        match section.anchor().as_str() {
            "cover" if !report.participants.is_empty() => keys.push("participants"),
            "question" => {
                keys.push("question");
                if !session.context.trim().is_empty() {
                    keys.push("context");
                }
            }
            "synthesis" => {
                keys.push("synthesis");
                if !s.data.synthesis.proposal.trim().is_empty() {
                    keys.push("proposal");
                }
            }
            "statistics" => keys.push("stats"),
            other => keys.extend(REMARK_SECTIONS.iter().find(|k| **k == other)),
        }
    }
    keys.iter()
        .filter_map(|k| REMARK_SECTIONS.iter().position(|r| r == k))
        .map(|i| (i, REMARK_SECTIONS[i]))
        .collect()
}

/// Asks what the remark of `pending` is about.
pub fn ask(s: &mut VersionsState, core: &mut Core, pending: Pending) {
    let mut items = vec![
        (
            Some(WHOLE_REPORT),
            core.t("report_finish.about_report").to_string(),
        ),
        (
            Some(A_CONTRIBUTION),
            core.t("report_finish.about_contribution").to_string(),
        ),
    ];
    items.extend(present(s).into_iter().map(|(i, key)| {
        let label = tf(
            core.lang,
            "report_finish.about_section",
            &[("section", &section_label(s, key))],
        );
        (Some(section_id(i)), label)
    }));
    s.pending = Some(pending);
    core.popup = Some(Popup::Picker(Picker {
        title: core.t("report_finish.about_title").to_string(),
        items,
        filter: String::new(),
        selected: 0,
        numbered: false,
        purpose: Purpose::new(AboutPick),
    }));
}

/// The answer from the list: on to the remark's text, or to the item
/// picker for a contribution.
pub fn picked(s: &mut VersionsState, core: &mut Core, value: Option<Id>) {
    let Some(pending) = s.pending.take() else {
        return;
    };
    let Some(value) = value else {
        return core.info(core.t("app.cancelled"));
    };
    if value == A_CONTRIBUTION {
        s.items = Some(ItemPicker::single(&s.data));
        s.pending = Some(pending);
        return;
    }
    let section = (0..REMARK_SECTIONS.len()).find(|i| section_id(*i) == value);
    let about = match section {
        Some(i) => About::Section(REMARK_SECTIONS[i].to_string()),
        None => About::Report,
    };
    super::edit::ask_remark(s, core, pending, about);
}

/// Keys while the item picker is open.
pub fn update(s: &mut VersionsState, core: &mut Core, action: Action) {
    let Some(mut picker) = s.items.take() else {
        return;
    };
    match picker.key(&s.data, action) {
        Picking::Open => s.items = Some(picker),
        Picking::Saved => {
            let Some(pending) = s.pending.take() else {
                return;
            };
            let about = match picker.chosen(&s.data) {
                Some(id) => About::Contribution(id),
                None => About::Report,
            };
            super::edit::ask_remark(s, core, pending, about);
        }
        Picking::Cancelled => {
            s.pending = None;
            core.info(core.t("app.cancelled"));
        }
    }
}

/// Draws the item picker over the screen.
pub fn render(s: &VersionsState, core: &Core, area: Rect, buf: &mut Buffer) {
    let Some(picker) = &s.items else {
        return;
    };
    let kind = picker.showing(core);
    let title = tf(core.lang, "report_finish.about_pick", &[("kind", &kind)]);
    picker.render(&s.data, core, &title, area, buf);
}

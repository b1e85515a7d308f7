//! Synthesis: the facilitator writes the synthesis text, its building
//! blocks and the proposal, with the session's contributions beside them
//! to pick from. Each change is a command, saved at once; `u` applies its
//! inverse (a building block deleted after the question comes back) and
//! Ctrl+R does it again.

mod sources;
mod view;

use super::{load, moved};
use crate::commands::{Command, CommandError, Outcome};
use crate::i18n::tf;
use crate::model::{BuildingBlock, Id, SessionData, Synthesis, SynthesisPart, Tree};
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::{Popup, Purpose, Question};
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;

pub const SYNTHESIS: Context = Context("synthesis");

/// The synthesis of session `id`.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, _| Some(Box::new(SynthesisState::open(core, id)?)))
}

/// What the synthesis' editors are for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum SynthesisEdit {
    Text,
    Proposal,
    /// A building block: `None` adds one; the first line is its title.
    Block(Option<usize>),
}

/// The question the synthesis asks: deleting the building block at an index.
struct DeleteBlock(usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Text,
    Blocks,
    Proposal,
    Contributions,
}

const PANES: [Pane; 4] = [
    Pane::Text,
    Pane::Blocks,
    Pane::Proposal,
    Pane::Contributions,
];

pub struct SynthesisState {
    pub data: SessionData,
    pub pane: Pane,
    pub block: usize,
    /// Every live contribution in report order: its index in
    /// `data.contributions` and its depth.
    pub items: Vec<(usize, usize)>,
    pub item: usize,
    pub offset: Cell<usize>,
    /// The changes made here, to undo and redo.
    pub history: History,
    /// The picker of what a part builds on, while open (`l`).
    pub picker: Option<sources::SourcePicker>,
}

impl Screen for SynthesisState {
    fn context(&self) -> Context {
        if self.picker.is_some() {
            // The link picker's keys.
            return crate::tui::screens::item_picker::LINKS;
        }
        SYNTHESIS
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<SynthesisEdit>() {
            Some(p) => edited(self, core, *p, text),
            None => true,
        }
    }

    fn confirmed(&mut self, core: &mut Core, purpose: &Purpose) -> Option<Nav> {
        if let Some(DeleteBlock(at)) = purpose.get::<DeleteBlock>() {
            let mut next = self.synthesis().clone();
            if *at < next.blocks.len() {
                next.blocks.remove(*at);
                self.save(core, next);
            }
        }
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        SynthesisState::refresh(self, core);
    }

    fn session(&self) -> Option<Id> {
        Some(self.data.session.id)
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open(self.data.session.id))
    }

    crate::screen_any!();
}

impl SynthesisState {
    pub fn open(core: &mut Core, id: Id) -> Option<SynthesisState> {
        let mut s = SynthesisState {
            data: load(core, id)?,
            pane: Pane::Text,
            block: 0,
            items: Vec::new(),
            item: 0,
            offset: Cell::new(0),
            history: core.history(id),
            picker: None,
        };
        s.index();
        Some(s)
    }

    /// Shows changes made elsewhere, keeping the pane and selection.
    pub fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.data.session.id) {
            self.data = data;
            self.index();
            self.block = self
                .block
                .min(self.data.synthesis.blocks.len().saturating_sub(1));
        }
    }

    fn index(&mut self) {
        self.items.clear();
        let at = self.data.index();
        let tree = Tree::new(&self.data);
        for stage in &self.data.stages {
            for (c, depth) in tree.walk_stage(stage.id) {
                self.items.push((at[&c.id], depth));
            }
        }
        self.item = self.item.min(self.items.len().saturating_sub(1));
    }

    fn synthesis(&self) -> &Synthesis {
        &self.data.synthesis
    }

    /// The selected contribution's id and text.
    fn selected_item(&self) -> Option<(Id, String)> {
        let (i, _) = self.items.get(self.item)?;
        self.data
            .contributions
            .get(*i)
            .map(|c| (c.id, c.text.clone()))
    }

    /// Stores the synthesis as a change that can be undone; false when it
    /// was refused.
    fn save(&mut self, core: &mut Core, next: Synthesis) -> bool {
        let command = Command::SaveSynthesis(next);
        let done = self
            .history
            .apply(&mut core.store, self.data.session.id, &command);
        self.after(core, Some(done), "synthesis.saved", "synthesis.saved")
    }

    /// Undoes (`back`) or redoes the last change.
    fn step_history(&mut self, core: &mut Core, back: bool) {
        let id = self.data.session.id;
        let (done, said, nothing) = if back {
            let done = self.history.undo(&mut core.store, id);
            (done, "run.undone", "run.nothing_to_undo")
        } else {
            let done = self.history.redo(&mut core.store, id);
            (done, "run.redone", "run.nothing_to_redo")
        };
        self.after(core, done, said, nothing);
    }

    /// Takes in what a command changed (no reload) and says how it went.
    fn after(
        &mut self,
        core: &mut Core,
        done: Option<Result<Outcome, CommandError>>,
        said: &str,
        nothing: &str,
    ) -> bool {
        match done {
            None => {
                core.info(core.t(nothing));
                false
            }
            Some(Ok(outcome)) => {
                outcome.changes.apply_to(&mut self.data, None);
                self.block = self
                    .block
                    .min(self.data.synthesis.blocks.len().saturating_sub(1));
                core.success(core.t(said));
                true
            }
            Some(Err(e)) => {
                core.error(e.message(core.lang));
                false
            }
        }
    }
}

fn update(s: &mut SynthesisState, core: &mut Core, action: Action) -> Option<Nav> {
    let id = s.data.session.id;
    if s.picker.is_some() {
        sources::update(s, core, action);
        return None;
    }
    match action {
        Action::FocusNext | Action::FocusPrev => {
            let i = PANES.iter().position(|p| *p == s.pane).unwrap_or(0);
            let d = if action == Action::FocusNext {
                1
            } else {
                PANES.len() - 1
            };
            s.pane = PANES[(i + d) % PANES.len()];
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => match s.pane {
            Pane::Blocks => {
                let n = s.synthesis().blocks.len();
                s.block = moved(&action, s.block, n).unwrap_or(s.block);
            }
            Pane::Contributions => {
                s.item = moved(&action, s.item, s.items.len()).unwrap_or(s.item);
            }
            _ => {}
        },
        Action::Edit => edit(s, core),
        Action::AddBlock => open_editor(
            core,
            "synthesis.block_title",
            "",
            SynthesisEdit::Block(None),
        ),
        Action::Delete if s.pane == Pane::Blocks && !s.synthesis().blocks.is_empty() => {
            let title = s.synthesis().blocks[s.block].title.clone();
            core.popup = Some(Popup::Confirm {
                message: tf(
                    core.lang,
                    "synthesis.confirm_delete_block",
                    &[("title", &title)],
                ),
                question: Question::Screen(Purpose::new(DeleteBlock(s.block))),
                // Undo brings it back: nothing is lost for good.
                lost: None,
            });
        }
        Action::MoveUp | Action::MoveDown if s.pane == Pane::Blocks => {
            let up = action == Action::MoveUp;
            let n = s.synthesis().blocks.len();
            let j = if up {
                s.block.checked_sub(1)
            } else {
                Some(s.block + 1).filter(|j| *j < n)
            };
            if let Some(j) = j {
                let mut next = s.synthesis().clone();
                next.blocks.swap(s.block, j);
                s.block = j;
                s.save(core, next);
            }
        }
        Action::PickToText | Action::PickToBlock | Action::PickToProposal => {
            let Some((source, text)) = s.selected_item() else {
                core.info(core.t("synthesis.nothing_to_pick"));
                return None;
            };
            // The text goes in with where it came from, as one change.
            let mut next = s.synthesis().clone();
            match action {
                Action::PickToText => {
                    append(&mut next.text, &text);
                    next.add_source(SynthesisPart::Text, source);
                }
                Action::PickToProposal => {
                    append(&mut next.proposal, &text);
                    next.add_source(SynthesisPart::Proposal, source);
                }
                _ => {
                    next.blocks.push(BuildingBlock {
                        title: text,
                        text: String::new(),
                        sources: vec![source],
                    });
                    s.block = next.blocks.len() - 1;
                }
            }
            s.save(core, next);
        }
        Action::Link => sources::open(s),
        Action::Undo => s.step_history(core, true),
        Action::Redo => s.step_history(core, false),
        Action::Run | Action::Back => return Some(super::run::open(id)),
        Action::Review => return Some(super::review::open(id)),
        _ => {}
    }
    None
}

fn append(field: &mut String, text: &str) {
    if !field.trim().is_empty() {
        field.push('\n');
    }
    field.push_str(text);
}

fn edit(s: &mut SynthesisState, core: &mut Core) {
    match s.pane {
        Pane::Text => {
            let text = s.synthesis().text.clone();
            open_editor(core, "synthesis.text", &text, SynthesisEdit::Text);
        }
        Pane::Proposal => {
            let text = s.synthesis().proposal.clone();
            open_editor(core, "synthesis.proposal", &text, SynthesisEdit::Proposal);
        }
        Pane::Blocks => {
            let Some(b) = s.synthesis().blocks.get(s.block) else {
                open_editor(
                    core,
                    "synthesis.block_title",
                    "",
                    SynthesisEdit::Block(None),
                );
                return;
            };
            let text = if b.text.is_empty() {
                b.title.clone()
            } else {
                format!("{}\n{}", b.title, b.text)
            };
            open_editor(
                core,
                "synthesis.block_title",
                &text,
                SynthesisEdit::Block(Some(s.block)),
            );
        }
        Pane::Contributions => {
            core.info(core.t("synthesis.pick_hint"));
        }
    }
}

fn open_editor(core: &mut Core, title: &str, text: &str, purpose: SynthesisEdit) {
    let hint = if matches!(purpose, SynthesisEdit::Block(_)) {
        core.t("synthesis.block_hint")
    } else {
        core.t("setup.edit_hint")
    };
    core.open_editor(core.t(title), hint, text, Purpose::new(purpose), true);
}

/// A text saved in one of the synthesis editors.
/// Saves an editor's text; false (the editor stays open) when it was
/// refused or failed.
fn edited(s: &mut SynthesisState, core: &mut Core, purpose: SynthesisEdit, text: String) -> bool {
    let text = crate::tui::text::clean(&text, true).trim().to_string();
    let mut next = s.synthesis().clone();
    match purpose {
        SynthesisEdit::Text => next.text = text,
        SynthesisEdit::Proposal => next.proposal = text,
        SynthesisEdit::Block(at) => {
            let (title, body) = match text.split_once('\n') {
                Some((t, b)) => (t.trim().to_string(), b.trim().to_string()),
                None => (text.clone(), String::new()),
            };
            if title.is_empty() {
                core.info(core.t("synthesis.block_empty"));
                return false;
            }
            match at {
                Some(i) if i < next.blocks.len() => {
                    next.blocks[i].title = title;
                    next.blocks[i].text = body;
                }
                _ => {
                    next.blocks.push(BuildingBlock {
                        title,
                        text: body,
                        sources: Vec::new(),
                    });
                    s.block = next.blocks.len() - 1;
                }
            }
        }
    }
    s.save(core, next)
}

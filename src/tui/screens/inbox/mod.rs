//! The room's inbox: what phones sent, waiting for the facilitator, oldest
//! first. Accept (Enter or `a`), edit then accept (`e`, in the editor; an
//! edit cancelled with Esc is kept for the next `e`), merge into an item
//! already on the list (`m`), decline (`d`); `A` lets input go straight
//! in, `S` shows or hides the session's contributions to the room. Every
//! change is a command that `u` undoes (the session's one history). Opened
//! from the run screen (`I`); another connection's input shows within a
//! second (the loop's `refresh`).

mod edit;
mod view;

use super::{load, moved};
use crate::commands::{Command, CommandError, Outcome, RoomCommand};
use crate::model::{Id, InboxItem, SessionData};
use crate::store::RoomSettings;
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::history::History;
use crate::tui::keymap::Context;
use crate::tui::popup::Purpose;
use crate::tui::screen::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::cell::Cell;
use std::collections::HashMap;

pub const INBOX: Context = Context("inbox");

pub struct InboxState {
    pub data: SessionData,
    /// The inputs waiting, oldest first.
    pub items: Vec<InboxItem>,
    pub settings: RoomSettings,
    pub selected: usize,
    pub offset: Cell<usize>,
    pub history: History,
    /// Edits cancelled with Esc, by input: `e` reopens them.
    pub drafts: HashMap<Id, String>,
    /// Where Esc leads: the screen this one was opened from.
    back: Option<Nav>,
}

/// The inbox of session `id`.
pub fn open(id: Id) -> Nav {
    Nav::to(move |core, from| {
        let back = from.and_then(|s| s.return_nav());
        Some(Box::new(InboxState::open(core, id, back)?))
    })
}

impl Screen for InboxState {
    fn context(&self) -> Context {
        INBOX
    }

    fn update(&mut self, core: &mut Core, action: Action) -> Option<Nav> {
        update(self, core, action)
    }

    fn render(&self, core: &Core, area: Rect, buf: &mut Buffer) {
        view::render(self, core, area, buf);
    }

    fn can(&self, action: &Action) -> bool {
        match action {
            Action::InboxAccept
            | Action::InboxEditAccept
            | Action::InboxMerge
            | Action::InboxDecline => !self.items.is_empty(),
            Action::Undo => self.history.can_undo(),
            Action::Redo => self.history.can_redo(),
            _ => true,
        }
    }

    fn edited(&mut self, core: &mut Core, purpose: &Purpose, text: String) -> bool {
        match purpose.get::<edit::InboxEdit>() {
            Some(p) => edit::edited(self, core, *p, text),
            None => true,
        }
    }

    fn cancelled(&mut self, _core: &mut Core, purpose: &Purpose, text: String) {
        if let Some(p) = purpose.get::<edit::InboxEdit>() {
            edit::keep_draft(self, *p, text);
        }
    }

    fn keeps_cancelled(&self, purpose: &Purpose) -> bool {
        purpose.get::<edit::InboxEdit>().is_some()
    }

    fn picked(&mut self, core: &mut Core, purpose: &Purpose, value: Option<Id>) -> Option<Nav> {
        if let (Some(p), Some(into)) = (purpose.get::<edit::InboxPick>(), value) {
            edit::picked(self, core, *p, into);
        }
        None
    }

    fn refresh(&mut self, core: &mut Core) {
        if let Some(data) = load(core, self.session_id()) {
            self.data = data;
        }
        self.reload(core);
    }

    fn session(&self) -> Option<Id> {
        Some(self.session_id())
    }

    fn return_nav(&self) -> Option<Nav> {
        Some(open(self.session_id()))
    }

    crate::screen_any!();
}

impl InboxState {
    pub fn open(core: &mut Core, id: Id, back: Option<Nav>) -> Option<InboxState> {
        let mut state = InboxState {
            data: load(core, id)?,
            items: Vec::new(),
            settings: RoomSettings {
                accept_all: false,
                show_items: true,
            },
            selected: 0,
            offset: Cell::new(0),
            history: core.history(id),
            drafts: HashMap::new(),
            back,
        };
        state.reload(core);
        Some(state)
    }

    pub fn session_id(&self) -> Id {
        self.data.session.id
    }

    pub fn current(&self) -> Option<&InboxItem> {
        self.items.get(self.selected)
    }

    /// Reads the waiting inputs and the settings again, keeping the
    /// selection on the same input when it still waits.
    fn reload(&mut self, core: &mut Core) {
        let keep = self.current().map(|i| i.id);
        self.reload_at(core, keep);
    }

    /// Reads the inbox again and selects `keep` when it waits (else the
    /// same row, or the last).
    fn reload_at(&mut self, core: &mut Core, keep: Option<Id>) {
        let id = self.session_id();
        let read = core
            .store
            .inbox(id, true)
            .and_then(|items| Ok((items, core.store.room_settings(id)?)));
        match read {
            Ok((items, settings)) => {
                self.items = items;
                self.settings = settings;
            }
            Err(e) => return core.fail(&e),
        }
        let at = keep.and_then(|k| self.items.iter().position(|i| i.id == k));
        self.selected = at
            .unwrap_or(self.selected)
            .min(self.items.len().saturating_sub(1));
    }

    /// Applies `command` as a change that `u` undoes, and says `said`.
    pub fn run(&mut self, core: &mut Core, command: RoomCommand, said: &str) -> bool {
        let id = self.session_id();
        let done = self
            .history
            .apply(&mut core.store, id, &Command::Room(command));
        self.after(core, Some(done), said, "")
    }

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
                // An input a change (an undo, mostly) sent back to the
                // inbox is the one selected: the next key decides it.
                let back = outcome
                    .changes
                    .delta
                    .inbox
                    .iter()
                    .find(|i| i.state == crate::model::InboxState::Pending)
                    .map(|i| i.id)
                    .or_else(|| self.current().map(|i| i.id));
                outcome.changes.apply_to(&mut self.data, None);
                self.reload_at(core, back);
                if !said.is_empty() {
                    core.success(core.t(said));
                }
                true
            }
            Some(Err(e)) => {
                core.error(e.message(core.lang));
                false
            }
        }
    }
}

fn update(s: &mut InboxState, core: &mut Core, action: Action) -> Option<Nav> {
    if let Some(to) = moved(&action, s.selected, s.items.len()) {
        s.selected = to;
        return None;
    }
    let current = s.current().map(|i| i.id);
    match (action, current) {
        (Action::Back, _) => {
            let id = s.session_id();
            return Some(
                s.back
                    .take()
                    .unwrap_or_else(|| super::run::open_at_list(id)),
            );
        }
        (Action::Undo, _) => {
            let done = s.history.undo(&mut core.store, s.session_id());
            if s.after(core, done, "", "run.nothing_to_undo") {
                core.success(s.history.said(core.lang, true));
            }
        }
        (Action::Redo, _) => {
            let done = s.history.redo(&mut core.store, s.session_id());
            if s.after(core, done, "", "run.nothing_to_redo") {
                core.success(s.history.said(core.lang, false));
            }
        }
        (Action::InboxAccept, Some(input)) => {
            let accept = RoomCommand::Accept {
                input,
                text: None,
                kind: None,
            };
            s.run(core, accept, "inbox.accepted");
        }
        (Action::InboxEditAccept, Some(input)) => edit::ask_text(s, core, input),
        (Action::InboxMerge, Some(input)) => edit::pick_target(s, core, input),
        (Action::InboxDecline, Some(input)) => {
            s.run(core, RoomCommand::Decline { input }, "inbox.declined");
        }
        (Action::ToggleAcceptAll, _) => {
            let to = RoomSettings {
                accept_all: !s.settings.accept_all,
                ..s.settings
            };
            let said = if to.accept_all {
                "inbox.accept_all_on"
            } else {
                "inbox.accept_all_off"
            };
            s.run(core, RoomCommand::SetSettings(to), said);
        }
        (Action::ToggleShowItems, _) => {
            let to = RoomSettings {
                show_items: !s.settings.show_items,
                ..s.settings
            };
            let said = if to.show_items {
                "inbox.show_items_on"
            } else {
                "inbox.show_items_off"
            };
            s.run(core, RoomCommand::SetSettings(to), said);
        }
        (
            Action::InboxAccept
            | Action::InboxEditAccept
            | Action::InboxMerge
            | Action::InboxDecline,
            None,
        ) => core.info(core.t("inbox.empty")),
        _ => {}
    }
    None
}

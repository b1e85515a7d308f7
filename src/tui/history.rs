//! What can be undone and redone: the inverses of the commands applied to
//! a session, each with the label of the change it takes back. The history
//! belongs to the session for the whole run of the TUI (kept in `Core`,
//! one per session), so `u` on any screen takes back the last change made
//! on any screen. Undo applies the last inverse and keeps that
//! application's own inverse for redo, so an edit undone then redone comes
//! back with its text; a new change clears what could be redone.

use crate::commands::{self, Command, CommandError, Outcome};
use crate::i18n::tf;
use crate::model::{Id, Lang};
use crate::store::Store;
use std::cell::RefCell;
use std::rc::Rc;

/// One step back (or forward): the command that takes it, and the label
/// key of the change it concerns ("dot placed").
#[derive(Debug, Clone)]
struct Entry {
    command: Command,
    label: &'static str,
}

#[derive(Debug, Default)]
struct Stacks {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
}

/// A session's history. Clones share it: every screen showing the session
/// holds the one `Core::history` hands out.
#[derive(Debug, Default, Clone)]
pub struct History(Rc<RefCell<Stacks>>);

impl History {
    /// Applies `command` as a new change.
    pub fn apply(
        &mut self,
        store: &mut Store,
        session: Id,
        command: &Command,
    ) -> Result<Outcome, CommandError> {
        let outcome = commands::apply(store, session, command)?;
        if !outcome.changes.is_empty() {
            let mut stacks = self.0.borrow_mut();
            stacks.undo.push(Entry {
                command: outcome.inverse.clone(),
                label: super::undo_label::label(command),
            });
            stacks.redo.clear();
        }
        Ok(outcome)
    }

    pub fn can_undo(&self) -> bool {
        !self.0.borrow().undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.0.borrow().redo.is_empty()
    }

    /// The command the next undo would apply.
    pub fn next_undo(&self) -> Option<Command> {
        self.0.borrow().undo.last().map(|e| e.command.clone())
    }

    /// The command the next redo would apply.
    pub fn next_redo(&self) -> Option<Command> {
        self.0.borrow().redo.last().map(|e| e.command.clone())
    }

    /// Takes back the last change; `None` when there is none. A failed
    /// undo stays on the stack.
    pub fn undo(
        &mut self,
        store: &mut Store,
        session: Id,
    ) -> Option<Result<Outcome, CommandError>> {
        let mut stacks = self.0.borrow_mut();
        let Stacks { undo, redo } = &mut *stacks;
        step(store, session, undo, redo)
    }

    /// Does again the last change undone; `None` when there is none.
    pub fn redo(
        &mut self,
        store: &mut Store,
        session: Id,
    ) -> Option<Result<Outcome, CommandError>> {
        let mut stacks = self.0.borrow_mut();
        let Stacks { undo, redo } = &mut *stacks;
        step(store, session, redo, undo)
    }

    /// What the last undo (`back`) or redo did, to say on the status line:
    /// "Undone: dot placed".
    pub fn said(&self, lang: Lang, back: bool) -> String {
        let stacks = self.0.borrow();
        // An undone change waits on the redo stack, and the reverse.
        let top = if back { &stacks.redo } else { &stacks.undo };
        let key = if back {
            "tuifix.undone"
        } else {
            "tuifix.redone"
        };
        let what = top.last().map_or("", |e| crate::i18n::t(lang, e.label));
        tf(lang, key, &[("what", what)])
    }
}

fn step(
    store: &mut Store,
    session: Id,
    from: &mut Vec<Entry>,
    to: &mut Vec<Entry>,
) -> Option<Result<Outcome, CommandError>> {
    let entry = from.pop()?;
    match commands::apply(store, session, &entry.command) {
        Ok(outcome) => {
            to.push(Entry {
                command: outcome.inverse.clone(),
                label: entry.label,
            });
            Some(Ok(outcome))
        }
        Err(e) => {
            from.push(entry);
            Some(Err(e))
        }
    }
}

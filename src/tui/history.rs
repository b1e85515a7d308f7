//! What a screen can undo and redo: the inverses of the commands it
//! applied. Undo applies the last inverse and keeps that application's own
//! inverse for redo, so an edit undone then redone comes back with its text;
//! a new change clears what could be redone.

use crate::commands::{self, Command, CommandError, Outcome};
use crate::model::Id;
use crate::store::Store;

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
}

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
            self.undo.push(outcome.inverse.clone());
            self.redo.clear();
        }
        Ok(outcome)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The command the next undo would apply.
    pub fn next_undo(&self) -> Option<&Command> {
        self.undo.last()
    }

    /// The command the next redo would apply.
    pub fn next_redo(&self) -> Option<&Command> {
        self.redo.last()
    }

    /// Takes back the last change; `None` when there is none. A failed
    /// undo stays on the stack.
    pub fn undo(
        &mut self,
        store: &mut Store,
        session: Id,
    ) -> Option<Result<Outcome, CommandError>> {
        Self::step(store, session, &mut self.undo, &mut self.redo)
    }

    /// Does again the last change undone; `None` when there is none.
    pub fn redo(
        &mut self,
        store: &mut Store,
        session: Id,
    ) -> Option<Result<Outcome, CommandError>> {
        Self::step(store, session, &mut self.redo, &mut self.undo)
    }

    fn step(
        store: &mut Store,
        session: Id,
        from: &mut Vec<Command>,
        to: &mut Vec<Command>,
    ) -> Option<Result<Outcome, CommandError>> {
        let command = from.pop()?;
        match commands::apply(store, session, &command) {
            Ok(outcome) => {
                to.push(outcome.inverse.clone());
                Some(Ok(outcome))
            }
            Err(e) => {
                from.push(command);
                Some(Err(e))
            }
        }
    }
}

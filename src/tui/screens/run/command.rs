//! Run: every change goes through the command layer. The screen takes what
//! a command returns into its data (no reload of the session) and keeps
//! the command's inverse, so `u` applies exactly that.

use super::RunState;
use crate::commands::{self, Changes, Command, CommandError};
use crate::model::{Id, SessionStatus};
use crate::tui::core::Core;

impl RunState {
    /// Applies `command`; on success takes its changes in, keeps its
    /// inverse for undo and rebuilds the rows with `select` selected.
    pub fn run(
        &mut self,
        core: &mut Core,
        command: &Command,
        select: Option<Id>,
    ) -> Result<Changes, CommandError> {
        let outcome = commands::apply(&mut core.store, self.session_id(), command)?;
        if !outcome.changes.is_empty() {
            self.undo.push(outcome.inverse);
        }
        self.take(&outcome.changes, select);
        Ok(outcome.changes)
    }

    /// `run`, saying why when it fails.
    pub fn run_or_say(&mut self, core: &mut Core, command: &Command, select: Option<Id>) -> bool {
        match self.run(core, command, select) {
            Ok(_) => true,
            Err(e) => {
                core.error(e.message(core.lang));
                false
            }
        }
    }

    /// Takes back the last change by applying its inverse.
    pub fn undo(&mut self, core: &mut Core) {
        let Some(inverse) = self.undo.pop() else {
            core.info(core.t("run.nothing_to_undo"));
            return;
        };
        let select = match &inverse {
            Command::PutContributions(rows) => rows.first().map(|c| c.id),
            _ => None,
        };
        match commands::apply(&mut core.store, self.session_id(), &inverse) {
            Ok(outcome) => {
                self.take(&outcome.changes, select.or_else(|| self.selected_id()));
                core.success(core.t("run.undone"));
            }
            Err(e) => core.error(e.message(core.lang)),
        }
    }

    /// Pauses the current stage's clock, or runs it again. Not on the undo
    /// stack: the clock records what happened.
    pub fn toggle_timer(&mut self, core: &mut Core) {
        let Some(stage) = self.stage() else { return };
        let (command, said) = if stage.timer().is_running() {
            (Command::Pause { stage: stage.id }, "run.timer_paused")
        } else {
            (Command::Resume { stage: stage.id }, "run.timer_resumed")
        };
        match commands::apply(&mut core.store, self.session_id(), &command) {
            Ok(outcome) => {
                self.take(&outcome.changes, None);
                core.info(core.t(said));
            }
            Err(e) => core.error(e.message(core.lang)),
        }
    }

    /// Puts what a command changed into the screen's data.
    pub fn take(&mut self, changes: &Changes, select: Option<Id>) {
        self.data.session = changes.session.clone();
        for c in &changes.contributions {
            match self.index.get(&c.id) {
                Some(&i) => self.data.contributions[i] = c.clone(),
                None => {
                    self.index.insert(c.id, self.data.contributions.len());
                    self.data.contributions.push(c.clone());
                }
            }
        }
        for st in &changes.stages {
            if let Some(old) = self.data.stages.iter_mut().find(|x| x.id == st.id) {
                *old = st.clone();
            }
        }
        for p in &changes.participants {
            match self.data.participants.iter_mut().find(|x| x.id == p.id) {
                Some(old) => *old = p.clone(),
                None => self.data.participants.push(p.clone()),
            }
        }
        if let Some(s) = &changes.synthesis {
            self.data.synthesis = s.clone();
        }
        self.flow.closed = self.data.session.status == SessionStatus::Closed;
        self.rebuild(select.or_else(|| self.selected_id()));
    }
}

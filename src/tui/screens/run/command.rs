//! Run: every change goes through the command layer. The screen takes what
//! a command returns into its data (no reload of the session) and keeps
//! the command's inverse, so `u` applies exactly that and Ctrl+R does it
//! again.

use super::RunState;
use crate::commands::{self, Changes, Command, CommandError, Outcome};
use crate::model::Id;
use crate::tui::core::Core;

impl RunState {
    /// Applies `command` as a change that can be undone and takes its
    /// changes in, without rebuilding the rows (the caller does, once).
    pub fn apply_command(
        &mut self,
        core: &mut Core,
        command: &Command,
    ) -> Result<Changes, CommandError> {
        let outcome = self
            .history
            .apply(&mut core.store, self.session_id(), command)?;
        self.take_data(&outcome.changes);
        Ok(outcome.changes)
    }

    /// `apply_command`, then rebuilds the rows with `select` selected.
    pub fn run(
        &mut self,
        core: &mut Core,
        command: &Command,
        select: Option<Id>,
    ) -> Result<Changes, CommandError> {
        let changes = self.apply_command(core, command)?;
        self.rebuild(select.or_else(|| self.selected_id()));
        Ok(changes)
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
        let select = first_contribution(self.history.next_undo().as_ref());
        let done = self.history.undo(&mut core.store, self.session_id());
        self.after_history(core, done, select, true);
    }

    /// Does again the last change undone.
    pub fn redo(&mut self, core: &mut Core) {
        let select = first_contribution(self.history.next_redo().as_ref());
        let done = self.history.redo(&mut core.store, self.session_id());
        self.after_history(core, done, select, false);
    }

    fn after_history(
        &mut self,
        core: &mut Core,
        done: Option<Result<Outcome, CommandError>>,
        select: Option<Id>,
        back: bool,
    ) {
        match done {
            None => core.info(core.t(nothing_to(back))),
            Some(Ok(outcome)) => {
                self.take(&outcome.changes, select.or_else(|| self.selected_id()));
                core.success(self.history.said(core.lang, back));
            }
            Some(Err(e)) => core.error(e.message(core.lang)),
        }
    }

    /// Pauses the current stage's clock, or runs it again. Not on the undo
    /// stack: the clock records what happened.
    pub fn toggle_timer(&mut self, core: &mut Core) {
        let Some(stage) = self.stage() else { return };
        // Reopened after the workshop: the clocks keep the workshop's
        // times, so there is nothing to run again, and saying so is true.
        if !stage.timer().is_running() && !self.data.session.clocks_run() {
            core.info(core.t("run.timer_after_workshop"));
            return;
        }
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

    /// Gives the current stage more planned time; `u` takes it back.
    pub fn extend_stage(&mut self, core: &mut Core, minutes: u32) {
        let Some(stage) = self.stage().map(|s| s.id) else {
            return;
        };
        let command = Command::ExtendStage { stage, minutes };
        if self.run_or_say(core, &command, None) {
            if let Some(st) = self.stage() {
                let planned = st.planned_minutes.to_string();
                core.success(crate::i18n::tf(
                    core.lang,
                    "run.extended",
                    &[("stage", &st.title), ("minutes", &planned)],
                ));
            }
        }
    }

    /// Puts what a command changed into the screen's data and rebuilds the
    /// rows.
    pub fn take(&mut self, changes: &Changes, select: Option<Id>) {
        self.take_data(changes);
        self.rebuild(select.or_else(|| self.selected_id()));
    }

    /// Puts what a command changed into the screen's data.
    fn take_data(&mut self, changes: &Changes) {
        changes.apply_to(&mut self.data, Some(&mut self.index));
        self.flow.untimed = !self.data.session.clocks_run();
    }
}

/// The contribution an undo or redo puts back, to select it.
fn first_contribution(command: Option<&Command>) -> Option<Id> {
    match command? {
        Command::PutContributions(rows) => rows.first().map(|c| c.id),
        Command::Delete { id } | Command::Restore { id } => Some(*id),
        _ => None,
    }
}

/// "Nothing to undo." (`back`) or "Nothing to redo.".
pub fn nothing_to(back: bool) -> &'static str {
    if back {
        "run.nothing_to_undo"
    } else {
        "run.nothing_to_redo"
    }
}

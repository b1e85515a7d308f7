//! Run: follow-through in one key each — park an off-topic contribution,
//! open the parking lot to bring one back into this stage, log a decision.
//! Each is a command of the command layer, so `u` undoes it.

use super::edit::{RunEdit, RunPick};
use super::RunState;
use crate::commands::Command;
use crate::i18n::tf;
use crate::model::Id;
use crate::tui::action::Action;
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};

/// Handles the follow-through actions; false for any other action.
pub fn update(s: &mut RunState, core: &mut Core, action: &Action) -> bool {
    match action {
        Action::Park => park(s, core),
        Action::ParkingLot => parking_lot(s, core),
        Action::Decide => core.open_editor(
            core.t("run.decision_title"),
            core.t("run.decision_hint"),
            "",
            Purpose::new(RunEdit::Decision),
            true,
        ),
        Action::AssignAction => super::actions::start(core),
        _ => return false,
    }
    true
}

/// Parks the selected contribution; the row after it stays selected, as
/// after a delete. With nothing selected, `edit::update` says so.
fn park(s: &mut RunState, core: &mut Core) {
    let Some(id) = s.selected_id() else {
        core.info(core.t("run.nothing_selected"));
        return;
    };
    let keep = match s.rows.get(s.selected + 1) {
        Some(super::Row::Item { id, .. }) => Some(*id),
        _ => None,
    };
    if s.run_or_say(core, &Command::Park { id }, keep) {
        core.success(core.t("run.parked"));
    }
}

fn parking_lot(s: &RunState, core: &mut Core) {
    let lot = s.data.parked();
    if lot.is_empty() {
        core.info(core.t("run.parking_empty"));
        return;
    }
    let items = lot
        .iter()
        .map(|c| {
            let who = c
                .participant_id
                .and_then(|p| s.data.participant(p))
                .map(|p| format!(" — {}", p.name))
                .unwrap_or_default();
            (Some(c.id), format!("{}{who}", c.text.replace('\n', " ")))
        })
        .collect();
    core.popup = Some(Popup::Picker(Picker {
        title: core.t("run.parking_title").into(),
        items,
        filter: String::new(),
        selected: 0,
        numbered: false,
        purpose: Purpose::new(RunPick::Unpark),
    }));
}

/// Brings the contribution picked in the parking lot into this stage.
pub fn unpark(s: &mut RunState, core: &mut Core, picked: Option<Id>) {
    let (Some(id), Some(stage)) = (picked, s.stage().map(|st| (st.id, st.title.clone()))) else {
        return;
    };
    if s.run_or_say(core, &Command::Unpark { id, stage: stage.0 }, Some(id)) {
        core.success(tf(core.lang, "run.unparked", &[("stage", &stage.1)]));
    }
}

/// Logs the decision typed in the editor; false keeps the editor open.
pub fn decided(s: &mut RunState, core: &mut Core, text: String) -> bool {
    let text = text.trim_end().to_string();
    match s.run(core, &Command::Decide { text }, None) {
        Ok(_) => {
            core.success(core.t("run.decided"));
            true
        }
        Err(e) => {
            core.fail(&e);
            false
        }
    }
}

//! Run: recording an action ("qui fait quoi") in three quick steps — an
//! editor for what, the roster picker for who (or the group), an editor
//! for the due date, typed as the session's language writes dates and
//! optional. Saved as one command at the last step, so `u` undoes it.

use super::edit::{RunEdit, RunPick};
use super::RunState;
use crate::commands::Command;
use crate::i18n::{parse_date, short_date, tf};
use crate::model::Id;
use crate::store::NewAction;
use crate::tui::core::Core;
use crate::tui::popup::Purpose;

/// Opens the first step: what is to be done.
pub fn start(core: &mut Core) {
    core.open_editor(
        core.t("run.action_title"),
        core.t("run.action_hint"),
        "",
        Purpose::new(RunEdit::ActionWhat),
        false,
    );
}

/// The text is typed: ask who does it. An empty text keeps the editor.
pub fn what(s: &mut RunState, core: &mut Core, text: String) -> bool {
    let text = text.trim().to_string();
    if text.is_empty() {
        core.info(core.t("store.refused.empty_text"));
        return false;
    }
    s.pending_action = Some(NewAction {
        text,
        who_participant: None,
        who_name: String::new(),
        due: None,
    });
    let mut picker = super::input::participant_picker(s, core, RunPick::ActionWho);
    if let crate::tui::popup::Popup::Picker(p) = &mut picker {
        p.title = core.t("run.action_who").into();
        // An action nobody in particular takes on reads as on the
        // follow-through screen, not as the group's.
        if let Some(first) = p.items.first_mut() {
            first.1 = core.t("follow.who_nobody").into();
        }
    }
    core.popup = Some(picker);
    true
}

/// Who is picked (`None`: the group): ask by when.
pub fn who(s: &mut RunState, core: &mut Core, who: Option<Id>) {
    let Some(pending) = &mut s.pending_action else {
        return;
    };
    pending.who_participant = who;
    let example = short_date(s.data.session.language, s.data.session.date);
    core.open_editor(
        core.t("run.action_due_title"),
        &tf(core.lang, "run.action_due_hint", &[("example", &example)]),
        "",
        Purpose::new(RunEdit::ActionDue),
        false,
    );
}

/// The due date is typed (or left empty): records the action. A text that
/// is no date keeps the editor open, with what it expects.
pub fn due(s: &mut RunState, core: &mut Core, text: String) -> bool {
    let Some(mut new) = s.pending_action.clone() else {
        return true;
    };
    let lang = s.data.session.language;
    let text = text.trim();
    if !text.is_empty() {
        match parse_date(lang, text) {
            Some(d) => new.due = Some(d),
            None => {
                let example = short_date(lang, s.data.session.date);
                let args = [("value", text), ("example", example.as_str())];
                core.info(tf(core.lang, "run.action_bad_due", &args));
                return false;
            }
        }
    }
    match s.run(core, &Command::AddAction(new), None) {
        Ok(_) => {
            s.pending_action = None;
            core.success(core.t("run.action_added"));
            true
        }
        Err(e) => {
            core.fail(&e);
            false
        }
    }
}

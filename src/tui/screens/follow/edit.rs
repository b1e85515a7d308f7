//! Follow-through: who does an action — someone on the roster, nobody in
//! particular, or a name typed in for someone from outside — and by when,
//! typed as the session's language writes dates (empty: no date).

use super::FollowState;
use crate::commands::Command;
use crate::i18n::{parse_date, short_date, tf};
use crate::model::{Action as Todo, Id};
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};

/// What a picker of this screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowPick {
    Who(Id),
}

/// What an editor of this screen is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowEdit {
    OutsideName(Id),
    Due(Id),
}

/// The picker's entry for "someone from outside": no participant has the
/// nil id (ids are UUIDv7).
const OUTSIDE: Id = Id::nil();

pub fn pick_who(s: &FollowState, core: &mut Core, id: Id) {
    let mut items = vec![(None, core.t("follow.who_nobody").to_string())];
    items.extend(s.data.roster().map(|p| (Some(p.id), p.name.clone())));
    items.push((Some(OUTSIDE), core.t("follow.who_outside").to_string()));
    core.popup = Some(Popup::Picker(Picker {
        title: core.t("follow.who_title").into(),
        items,
        filter: String::new(),
        selected: 0,
        numbered: false,
        purpose: Purpose::new(FollowPick::Who(id)),
    }));
}

pub fn picked(s: &mut FollowState, core: &mut Core, pick: FollowPick, value: Option<Id>) {
    let FollowPick::Who(id) = pick;
    let Some(a) = s.action(id).cloned() else {
        return;
    };
    if value == Some(OUTSIDE) {
        core.open_editor(
            core.t("follow.outside_title"),
            core.t("follow.outside_hint"),
            &a.who_name,
            Purpose::new(FollowEdit::OutsideName(id)),
            false,
        );
        return;
    }
    set(s, core, &a, value, "", a.due);
}

pub fn ask_due(s: &FollowState, core: &mut Core, id: Id) {
    let lang = s.data.session.language;
    let current = s
        .action(id)
        .and_then(|a| a.due)
        .map(|d| short_date(lang, d))
        .unwrap_or_default();
    let example = short_date(lang, s.data.session.date);
    core.open_editor(
        core.t("run.action_due_title"),
        &tf(core.lang, "run.action_due_hint", &[("example", &example)]),
        &current,
        Purpose::new(FollowEdit::Due(id)),
        false,
    );
}

/// An editor's text; false keeps the editor open (a date not understood).
pub fn edited(s: &mut FollowState, core: &mut Core, purpose: FollowEdit, text: String) -> bool {
    let (FollowEdit::OutsideName(id) | FollowEdit::Due(id)) = purpose;
    let Some(a) = s.action(id).cloned() else {
        return true;
    };
    match purpose {
        FollowEdit::OutsideName(_) => set(s, core, &a, None, text.trim(), a.due),
        FollowEdit::Due(_) => {
            let lang = s.data.session.language;
            let text = text.trim();
            let due = if text.is_empty() {
                None
            } else {
                match parse_date(lang, text) {
                    Some(d) => Some(d),
                    None => {
                        let example = short_date(lang, s.data.session.date);
                        let args = [("value", text), ("example", example.as_str())];
                        core.info(tf(core.lang, "run.action_bad_due", &args));
                        return false;
                    }
                }
            };
            set(s, core, &a, a.who_participant, &a.who_name.clone(), due)
        }
    }
}

/// Applies the edit as one command (`u` undoes it); true when done.
fn set(
    s: &mut FollowState,
    core: &mut Core,
    a: &Todo,
    who_participant: Option<Id>,
    who_name: &str,
    due: Option<chrono::NaiveDate>,
) -> bool {
    let command = Command::EditAction {
        id: a.id,
        who_participant,
        who_name: who_name.to_string(),
        due,
    };
    s.run(core, &command, "follow.edited")
}

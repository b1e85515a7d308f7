//! Run: what the input box records — submitting, choosing the speaker and
//! the kind — and the pickers the run screen opens.

use super::edit::RunPick;
use super::{save_draft, Focus, RunState};
use crate::commands::Command;
use crate::i18n::tf;
use crate::model::{Id, Kind};
use crate::store::NewContribution;
use crate::tui::core::Core;
use crate::tui::popup::{Picker, Popup, Purpose};
use crate::tui::widgets::editor;

pub fn submit(s: &mut RunState, core: &mut Core) {
    let text = crate::tui::text::clean(&editor::text_of(&s.input), true);
    if text.trim().is_empty() {
        core.info(core.t("run.nothing_to_record"));
        return;
    }
    let Some(stage) = s.stage().map(|st| st.id) else {
        return;
    };
    if let Some(cid) = s.editing {
        let edit = Command::Edit {
            id: cid,
            text,
            kind: s.kind,
            speaker: s.participant,
        };
        if s.run_or_say(core, &edit, Some(cid)) {
            s.participant = None;
            s.reset_input(core);
            s.focus = Focus::List;
            core.success(core.t("run.saved"));
        }
        return;
    }
    let new = NewContribution {
        stage_id: stage,
        // Anonymous: the speaker stays chosen (a round-robin moves on)
        // but is not stored.
        participant_id: s.participant.filter(|_| !s.anonymous),
        kind: s.kind,
        text,
        parent_id: None,
        group: s.input_group(),
        anonymous: s.anonymous,
        origin: crate::model::Origin::Facilitator,
    };
    // Taken in without a rebuild: the rows are rebuilt once, below, with
    // the new contribution selected.
    match s.apply_command(core, &Command::Record(new)) {
        Ok(changes) => {
            let Some(c) = changes.delta.contributions.into_iter().next() else {
                return;
            };
            let who = match c.anonymous {
                true => core.t("structures.anonymous").to_string(),
                false => s.speaker_name(core, s.participant),
            };
            let spoke = s.participant;
            // Speaker and kind go back to the defaults, so the next input
            // is never credited to the wrong person by accident; in a
            // round-robin the next person in the order is chosen instead.
            s.reset_input(core);
            s.participant = None;
            s.kind = s.stage_kinds()[0];
            s.append(&c);
            super::turns::after_turn(s, spoke, c.anonymous);
            save_draft(s, core);
            core.success(tf(
                core.lang,
                "run.recorded",
                &[("who", &who), ("kind", c.kind.label(core.lang))],
            ));
        }
        Err(e) => core.error(e.message(core.lang)),
    }
}

impl RunState {
    pub fn speaker_name(&self, core: &Core, who: Option<Id>) -> String {
        who.and_then(|p| self.data.participant(p))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| core.t("run.group").to_string())
    }
}

pub fn cycle_kind(s: &mut RunState, core: &mut Core, forward: bool) {
    let kinds = s.stage_kinds();
    let turn = |k: Kind| {
        let i = kinds.iter().position(|x| *x == k).unwrap_or(0);
        let n = kinds.len();
        kinds[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    };
    if s.focus == Focus::Input {
        s.kind = turn(s.kind);
        return;
    }
    let Some(cid) = s.selected_id() else { return };
    let Some(c) = s.contribution(cid).cloned() else {
        return;
    };
    let edit = Command::Edit {
        id: cid,
        text: c.text,
        kind: turn(c.kind),
        speaker: c.participant_id,
    };
    s.run_or_say(core, &edit, Some(cid));
}

pub fn choose_participant(s: &mut RunState, core: &mut Core, n: usize) {
    if n == 0 {
        s.participant = None;
        return;
    }
    match s.data.roster().nth(n - 1) {
        Some(p) => s.participant = Some(p.id),
        None => core.error(tf(
            core.lang,
            "run.no_participant_n",
            &[("n", &n.to_string())],
        )),
    }
}

pub fn participant_picker(s: &RunState, core: &Core, purpose: RunPick) -> Popup {
    let mut items = vec![(None, core.t("run.group").to_string())];
    items.extend(s.data.roster().map(|p| (Some(p.id), p.name.clone())));
    Popup::Picker(Picker {
        title: core.t("run.pick_participant").into(),
        items,
        filter: String::new(),
        selected: 0,
        numbered: true,
        purpose: Purpose::new(purpose),
    })
}

pub fn restore_picker(s: &RunState, core: &mut Core) {
    match core.store.deleted_contributions(s.session_id()) {
        Ok(list) if list.is_empty() => core.info(core.t("run.nothing_deleted")),
        Ok(list) => {
            let items = list
                .iter()
                .map(|c| (Some(c.id), c.text.replace('\n', " ")))
                .collect();
            core.popup = Some(Popup::Picker(Picker {
                title: core.t("run.restore_title").into(),
                items,
                filter: String::new(),
                selected: 0,
                numbered: false,
                purpose: Purpose::new(RunPick::Restore),
            }));
        }
        Err(e) => core.fail(&e),
    }
}

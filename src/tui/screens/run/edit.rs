//! Run: changing what is already recorded — edit, delete, undo, restore,
//! reorder, make sub-points, move between stages — and the answers of the
//! run screen's dialogs.

use super::{Focus, RunState};
use crate::commands::{Command, CommandError};
use crate::i18n::tf;
use crate::model::Id;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::popup::{Picker, Popup, Purpose, Question};
use crate::tui::widgets::editor;

/// What the run screen's pickers are for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunPick {
    /// Who says the next contribution.
    InputParticipant,
    /// Change who said a recorded contribution.
    Who(Id),
    /// Move a contribution to the stage picked.
    Stage(Id),
    /// Restore a deleted contribution.
    Restore,
    /// Bring a parked contribution back into the current stage.
    Unpark,
    /// Who does the action being recorded.
    ActionWho,
}

/// What the run screen's editors are for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunEdit {
    StageNotes(Id),
    Decision,
    /// What an action is (first step of recording one).
    ActionWhat,
    /// When it is due (last step).
    ActionDue,
}

/// The question before an edit with changes is dropped.
pub struct DropEdit;

/// Esc in the input box: back to the list. An edit of a recorded item
/// ends, asked first when its text was changed (typed text is never
/// dropped on one key).
pub fn leave_input(s: &mut RunState, core: &mut Core) {
    let changed = s
        .editing
        .and_then(|cid| s.contribution(cid))
        .is_some_and(|c| c.text != editor::text_of(&s.input));
    if changed {
        core.popup = Some(Popup::Confirm {
            message: core.t("app.confirm_discard").to_string(),
            question: Question::Screen(Purpose::new(DropEdit)),
            lost: Some(editor::text_of(&s.input)),
        });
        return;
    }
    drop_edit(s, core);
}

/// Ends an edit without saving (what was put aside comes back).
pub fn drop_edit(s: &mut RunState, core: &mut Core) {
    if s.editing.is_some() {
        s.reset_input(core);
        core.info(core.t("run.edit_cancelled"));
    }
    s.focus = Focus::List;
}

pub fn update(s: &mut RunState, core: &mut Core, action: Action) -> Option<Nav> {
    if super::follow::update(s, core, &action) {
        return None;
    }
    let Some(cid) = s.selected_id() else {
        if matches!(
            action,
            Action::Edit
                | Action::Delete
                | Action::MoveUp
                | Action::MoveDown
                | Action::Indent
                | Action::Outdent
                | Action::MoveToStage
                | Action::Park
        ) {
            core.info(core.t("run.nothing_selected"));
        }
        match action {
            Action::Undo => s.undo(core),
            Action::Redo => s.redo(core),
            _ => {}
        }
        return None;
    };
    match action {
        Action::Edit => {
            let c = s.contribution(cid).cloned()?;
            // Unsent text waits aside while the box edits the item.
            if s.editing.is_none() {
                s.set_aside = s.unsent();
            }
            s.input = editor::textarea(&c.text, "", &core.theme);
            s.kind = c.kind;
            s.participant = c.participant_id;
            s.anonymous = c.anonymous;
            s.editing = Some(cid);
            s.focus = Focus::Input;
            core.info(core.t("run.editing"));
        }
        Action::Delete => {
            let next = s.rows.get(s.selected + 1).copied();
            let keep = match next {
                Some(super::Row::Item { id, .. }) => Some(id),
                _ => None,
            };
            if s.run_or_say(core, &Command::Delete { id: cid }, keep) {
                core.success(core.t("run.deleted"));
            }
        }
        Action::Undo => s.undo(core),
        Action::Redo => s.redo(core),
        Action::MoveUp | Action::MoveDown => {
            let up = action == Action::MoveUp;
            if let Some(other) = neighbour(s, cid, up) {
                s.run_or_say(core, &Command::Swap { a: cid, b: other }, Some(cid));
            }
        }
        Action::Indent => match neighbour(s, cid, true) {
            Some(parent) => match s.run(core, &Command::IndentUnder { id: cid, parent }, Some(cid))
            {
                Ok(_) => {}
                // The store keeps the limit; the screen says it in the
                // facilitator's language.
                Err(CommandError::Store(StoreError::TooDeep { max })) => {
                    core.info(tf(core.lang, "run.too_deep", &[("max", &max.to_string())]))
                }
                Err(e) => core.error(e.message(core.lang)),
            },
            None => core.info(core.t("run.cannot_indent")),
        },
        Action::Outdent => {
            let parent = s.contribution(cid).and_then(|c| c.parent_id);
            match parent {
                Some(_) => {
                    s.run_or_say(core, &Command::Outdent { id: cid }, Some(cid));
                }
                None => core.info(core.t("run.cannot_outdent")),
            }
        }
        Action::MoveToStage => {
            let items = s
                .data
                .stages
                .iter()
                .map(|st| (Some(st.id), st.title.clone()))
                .collect();
            core.popup = Some(Popup::Picker(Picker {
                title: core.t("run.pick_stage").into(),
                items,
                filter: String::new(),
                selected: s.flow.current,
                numbered: false,
                purpose: Purpose::new(RunPick::Stage(cid)),
            }));
        }
        _ => {}
    }
    None
}

/// The sibling shown just before (`up`) or after: same parent and, at
/// the top level, the same kind group.
fn neighbour(s: &RunState, id: Id, up: bool) -> Option<Id> {
    let c = s.contribution(id)?;
    let siblings: Vec<Id> = s
        .data
        .children(c.stage_id, c.parent_id)
        .into_iter()
        .filter(|x| c.parent_id.is_some() || x.kind == c.kind)
        .map(|x| x.id)
        .collect();
    let i = siblings.iter().position(|x| *x == id)?;
    if up {
        i.checked_sub(1).map(|j| siblings[j])
    } else {
        siblings.get(i + 1).copied()
    }
}

/// A choice made in one of the run screen's pickers.
pub fn picked(s: &mut RunState, core: &mut Core, purpose: RunPick, value: Option<Id>) {
    match purpose {
        RunPick::InputParticipant => s.participant = value,
        RunPick::ActionWho => super::actions::who(s, core, value),
        RunPick::Who(cid) => {
            let Some(c) = s.contribution(cid).cloned() else {
                return;
            };
            let edit = Command::Edit {
                id: cid,
                text: c.text,
                kind: c.kind,
                speaker: value,
            };
            s.run_or_say(core, &edit, Some(cid));
        }
        RunPick::Stage(cid) => {
            let Some(stage) = value else { return };
            let Some(c) = s.contribution(cid).cloned() else {
                return;
            };
            if c.stage_id == stage {
                return;
            }
            if s.run_or_say(core, &Command::MoveToStage { id: cid, stage }, None) {
                let title = s
                    .data
                    .stage(stage)
                    .map(|st| st.title.clone())
                    .unwrap_or_default();
                core.success(tf(core.lang, "run.moved_to", &[("stage", &title)]));
            }
        }
        RunPick::Unpark => super::follow::unpark(s, core, value),
        RunPick::Restore => {
            let Some(cid) = value else { return };
            if s.run_or_say(core, &Command::Restore { id: cid }, Some(cid)) {
                // Its stage is shown the way stepping there would be: the
                // stage left and the one entered are recorded.
                let stage = s.contribution(cid).map(|c| c.stage_id);
                if let Some(i) = stage.and_then(|st| s.data.stages.iter().position(|x| x.id == st))
                {
                    s.go_to_stage(core, i);
                    s.rebuild(Some(cid));
                }
                core.success(core.t("run.restored"));
            }
        }
    }
}

/// A text saved in one of the run screen's editors.
/// Saves an editor's text; false (the editor stays open) when it failed.
pub fn edited(s: &mut RunState, core: &mut Core, purpose: RunEdit, text: String) -> bool {
    let stage = match purpose {
        RunEdit::StageNotes(stage) => stage,
        RunEdit::Decision => return super::follow::decided(s, core, text),
        RunEdit::ActionWhat => return super::actions::what(s, core, text),
        RunEdit::ActionDue => return super::actions::due(s, core, text),
    };
    let notes = Command::SetStageNotes {
        stage,
        notes: text.trim_end().to_string(),
    };
    match s.run(core, &notes, None) {
        Ok(_) => {
            core.success(core.t("run.notes_saved"));
            true
        }
        Err(e) => {
            core.fail(&e);
            false
        }
    }
}

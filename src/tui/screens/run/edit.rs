//! Run: changing what is already recorded — edit, delete, undo, restore,
//! reorder, make sub-points, move between stages — and the answers of the
//! run screen's dialogs.

use super::{Focus, RunState, UndoOp};
use crate::i18n::tf;
use crate::model::Id;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::core::{Core, Nav};
use crate::tui::popup::{Picker, Popup, Purpose};
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
}

/// What the run screen's editors are for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunEdit {
    StageNotes(Id),
}

pub fn update(s: &mut RunState, core: &mut Core, action: Action) -> Option<Nav> {
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
        ) {
            core.info(core.t("run.nothing_selected"));
        }
        if action == Action::Undo {
            undo(s, core);
        }
        return None;
    };
    match action {
        Action::Edit => {
            let c = s.contribution(cid).cloned()?;
            s.input = editor::textarea(&c.text, "", &core.theme);
            s.kind = c.kind;
            s.participant = c.participant_id;
            s.editing = Some(cid);
            s.focus = Focus::Input;
            core.info(core.t("run.editing"));
        }
        Action::Delete => {
            let next = s.rows.get(s.selected + 1).copied();
            match core.store.delete_contribution(cid) {
                Ok(()) => {
                    s.undo.push(UndoOp::Deleted(cid));
                    let keep = match next {
                        Some(super::Row::Item { id, .. }) => Some(id),
                        _ => None,
                    };
                    s.refresh(core, keep);
                    core.success(core.t("run.deleted"));
                }
                Err(e) => core.error(e),
            }
        }
        Action::Undo => undo(s, core),
        Action::MoveUp | Action::MoveDown => {
            let up = action == Action::MoveUp;
            if let Some(other) = neighbour(s, cid, up) {
                match core.store.swap_contributions(cid, other) {
                    Ok(()) => {
                        s.undo.push(UndoOp::Swapped(cid, other));
                        s.refresh(core, Some(cid));
                    }
                    Err(e) => core.error(e),
                }
            }
        }
        Action::Indent => match neighbour(s, cid, true) {
            Some(parent) => match core.store.indent_under(cid, parent) {
                Ok(()) => {
                    s.undo.push(UndoOp::Indented(cid));
                    s.refresh(core, Some(cid));
                }
                // The store keeps the limit; the screen says it in the
                // facilitator's language.
                Err(StoreError::TooDeep { max }) => {
                    core.info(tf(core.lang, "run.too_deep", &[("max", &max.to_string())]))
                }
                Err(e) => core.error(e),
            },
            None => core.info(core.t("run.cannot_indent")),
        },
        Action::Outdent => {
            let parent = s.contribution(cid).and_then(|c| c.parent_id);
            match parent {
                Some(parent) => match core.store.outdent_contribution(cid) {
                    Ok(_) => {
                        s.undo.push(UndoOp::Outdented { id: cid, parent });
                        s.refresh(core, Some(cid));
                    }
                    Err(e) => core.error(e),
                },
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

fn undo(s: &mut RunState, core: &mut Core) {
    let Some(op) = s.undo.pop() else {
        core.info(core.t("run.nothing_to_undo"));
        return;
    };
    let store = &mut core.store;
    let (result, select) = match op {
        UndoOp::Added(id) => (store.delete_contribution(id), None),
        UndoOp::Deleted(id) => (store.restore_contribution(id), Some(id)),
        UndoOp::Edited(id) => (store.revert_last_edit(id).map(|_| ()), Some(id)),
        UndoOp::Swapped(a, b) => (store.swap_contributions(a, b), Some(a)),
        UndoOp::Indented(id) => (store.outdent_contribution(id).map(|_| ()), Some(id)),
        UndoOp::Outdented { id, parent } => (store.indent_under(id, parent), Some(id)),
        UndoOp::Kind(id, kind) => (store.set_contribution_kind(id, kind), Some(id)),
        UndoOp::Who(id, who) => (store.set_contribution_participant(id, who), Some(id)),
        UndoOp::Stage { id, stage, parent } => {
            let r = store.move_contribution_to_stage(id, stage);
            let r = match (r, parent) {
                (Ok(()), Some(p)) => store.indent_under(id, p),
                (r, _) => r,
            };
            (r, Some(id))
        }
    };
    match result {
        Ok(()) => {
            s.refresh(core, select);
            core.success(core.t("run.undone"));
        }
        Err(e) => core.error(e),
    }
}

/// A choice made in one of the run screen's pickers.
pub fn picked(s: &mut RunState, core: &mut Core, purpose: RunPick, value: Option<Id>) {
    match purpose {
        RunPick::InputParticipant => s.participant = value,
        RunPick::Who(cid) => {
            let old = s.contribution(cid).and_then(|c| c.participant_id);
            match core.store.set_contribution_participant(cid, value) {
                Ok(()) => {
                    s.undo.push(UndoOp::Who(cid, old));
                    s.refresh(core, Some(cid));
                }
                Err(e) => core.error(e),
            }
        }
        RunPick::Stage(cid) => {
            let Some(stage) = value else { return };
            let Some(c) = s.contribution(cid).cloned() else {
                return;
            };
            if c.stage_id == stage {
                return;
            }
            match core.store.move_contribution_to_stage(cid, stage) {
                Ok(()) => {
                    s.undo.push(UndoOp::Stage {
                        id: cid,
                        stage: c.stage_id,
                        parent: c.parent_id,
                    });
                    let title = s
                        .data
                        .stage(stage)
                        .map(|st| st.title.clone())
                        .unwrap_or_default();
                    s.refresh(core, None);
                    core.success(tf(core.lang, "run.moved_to", &[("stage", &title)]));
                }
                Err(e) => core.error(e),
            }
        }
        RunPick::Restore => {
            let Some(cid) = value else { return };
            match core.store.restore_contribution(cid) {
                Ok(()) => {
                    let stage = s.contribution(cid).map(|c| c.stage_id);
                    if let Some(i) =
                        stage.and_then(|st| s.data.stages.iter().position(|x| x.id == st))
                    {
                        s.flow.current = i;
                    }
                    s.refresh(core, Some(cid));
                    core.success(core.t("run.restored"));
                }
                Err(e) => core.error(e),
            }
        }
    }
}

/// A text saved in one of the run screen's editors.
/// Saves an editor's text; false (the editor stays open) when it failed.
pub fn edited(s: &mut RunState, core: &mut Core, purpose: RunEdit, text: String) -> bool {
    let RunEdit::StageNotes(stage) = purpose;
    match core.store.set_stage_notes(stage, text.trim_end()) {
        Ok(()) => {
            s.refresh(core, None);
            core.success(core.t("run.notes_saved"));
            true
        }
        Err(e) => {
            core.error(e);
            false
        }
    }
}

//! Set-up: which stage runs as a 1-2-4-All. One choice field cycles
//! through "none" and each stage; the change is one undoable command.

use super::SetupState;
use crate::commands::Command;
use crate::model::Structure;
use crate::tui::core::Core;

/// The stage that runs the 1-2-4-All (the first, if a template set
/// several), or "none".
pub fn value(s: &SetupState, core: &Core) -> String {
    s.data
        .stages
        .iter()
        .find(|st| st.structure == Structure::OneTwoFourAll)
        .map(|st| st.title.clone())
        .unwrap_or_else(|| core.t("structures.setup_none").to_string())
}

/// Moves the 1-2-4-All to the next (or previous) stage, "none" between
/// the last stage and the first: every other stage becomes open again.
pub fn cycle(s: &SetupState, forward: bool) -> Option<Command> {
    let stages = &s.data.stages;
    let n = stages.len() + 1;
    let now = stages
        .iter()
        .position(|st| st.structure == Structure::OneTwoFourAll)
        .map_or(0, |i| i + 1);
    let next = if forward {
        (now + 1) % n
    } else {
        (now + n - 1) % n
    };
    let commands: Vec<Command> = stages
        .iter()
        .enumerate()
        .filter_map(|(i, st)| {
            let structure = if i + 1 == next {
                Structure::OneTwoFourAll
            } else {
                Structure::Plain
            };
            (st.structure != structure).then_some(Command::SetStructure {
                stage: st.id,
                structure,
            })
        })
        .collect();
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

//! A closed session's set-up is read, not edited: the store refuses every
//! change to it, and the set-up screen says so at the first key that
//! would edit, before anything is typed.

use super::SetupState;
use crate::model::SessionStatus;
use crate::tui::action::Action;

/// The set-up keys that edit (a field, a choice, the roster, history).
const EDITS: [Action; 11] = [
    Action::Left,
    Action::Right,
    Action::Edit,
    Action::AddParticipant,
    Action::Role,
    Action::PasteRoster,
    Action::Delete,
    Action::Undo,
    Action::Redo,
    Action::MoveUp,
    Action::MoveDown,
];

/// Whether `action` is refused at once: it edits a closed session.
pub fn refuses(s: &SetupState, action: &Action) -> bool {
    s.data.session.status == SessionStatus::Closed && EDITS.contains(action)
}

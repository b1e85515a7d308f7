//! One folder per screen: its state, how actions change it, how it draws,
//! and its own `open` constructors. Shared helpers for lists are here.

pub mod follow;
pub mod home;
pub mod inbox;
pub mod item_picker;
pub mod review;
pub mod run;
pub mod search;
pub mod setup;
pub mod synthesis;
pub mod themes;
pub mod versions;
pub mod vote;

use super::core::Core;
use crate::model::{Id, SessionData};

/// Loads a session for a screen, reporting failure on the status line.
pub fn load(core: &mut Core, id: Id) -> Option<SessionData> {
    match core.store.load(id) {
        Ok(data) => Some(data),
        Err(e) => {
            core.fail(&e);
            None
        }
    }
}

/// Where a list selection lands for a moving action (`None` for others).
pub fn moved(action: &crate::tui::action::Action, selected: usize, len: usize) -> Option<usize> {
    use crate::tui::action::Action;
    let delta = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -10,
        Action::PageDown => 10,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    };
    Some(step(selected, delta, len))
}

/// Moves a selection index by `delta` within `len` items.
pub fn step(selected: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (selected as isize + delta).clamp(0, len as isize - 1) as usize
}

/// The first row to draw so that `selected` is visible in `rows` lines.
pub fn scroll_to(offset: usize, selected: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

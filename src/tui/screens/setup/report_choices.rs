//! Set-up: the report's two choices, each a choice field: the discussion
//! grouped by kind or in spoken order, and per-person counts kept for the
//! facilitator or shown. A change is one undoable `SetDetails`.

use super::{Field, SetupState};
use crate::commands::{Command, Details};
use crate::tui::core::Core;

pub fn value(s: &SetupState, core: &Core, field: Field) -> String {
    let choices = s.data.session.report;
    let key = match field {
        Field::ReportOrder => format!("sections.order_{}", choices.order.key()),
        _ => format!("sections.person_stats_{}", choices.person_stats.key()),
    };
    core.t(&key).to_string()
}

/// The other value of a two-way choice, as a command.
pub fn cycle(s: &SetupState, field: Field) -> Command {
    let session = &s.data.session;
    let mut details = Details::of(session);
    match field {
        Field::ReportOrder => details.report.order = details.report.order.other(),
        _ => details.report.person_stats = details.report.person_stats.other(),
    }
    Command::SetDetails(details)
}

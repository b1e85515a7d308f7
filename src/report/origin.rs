//! Where the report's contributions came from: the discreet mark beside
//! an input sent from a phone, and the statistics' count per origin. The
//! mark says "from the room", never who or which phone: the author beside
//! it (or none) follows the one anonymity rule like any other item.

use super::Count;
use crate::i18n::{t, tf};
use crate::model::{Contribution, Id, Lang, Origin};
use serde::Serialize;
use std::collections::HashMap;

/// The mark a report prints after an item sent from the room; `None` for
/// the facilitator's own typing and for imported notes.
pub(super) fn mark(origin: Origin, lang: Lang) -> Option<String> {
    (origin == Origin::Room).then(|| t(lang, "inbox.report_mark").to_string())
}

/// How many of the shown contributions each origin gave, in a fixed
/// order; empty when all were typed by the facilitator (nothing to tell).
pub(super) fn by_origin(shown: &[&Contribution], merged: bool, lang: Lang) -> Vec<Count> {
    if !merged && shown.iter().all(|c| c.origin.is_facilitator()) {
        return Vec::new();
    }
    Origin::ALL
        .into_iter()
        .map(|o| Count {
            label: t(lang, &format!("inbox.report_origin.{}", o.key())).to_string(),
            count: shown.iter().filter(|c| c.origin == o).count(),
        })
        .filter(|row| row.count > 0)
        .collect()
}

/// What the room sent, as the report counts it: every input the
/// facilitator kept, whether it became an item of its own or was merged
/// into an existing one. Declined and pending inputs are never counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomInputs {
    pub inputs: usize,
    pub recorded: usize,
    pub merged: usize,
    /// The sentence the report prints, in the session's language.
    pub text: String,
}

/// The room's inputs behind the shown contributions (`merges` says how
/// many inputs were merged into each one); `None` when the room sent none.
pub(super) fn room_inputs(
    shown: &[&Contribution],
    merges: &HashMap<Id, usize>,
    lang: Lang,
) -> Option<RoomInputs> {
    let recorded = shown.iter().filter(|c| c.origin == Origin::Room).count();
    let merged: usize = shown.iter().filter_map(|c| merges.get(&c.id)).sum();
    let inputs = recorded + merged;
    (inputs > 0).then(|| RoomInputs {
        inputs,
        recorded,
        merged,
        text: tf(
            lang,
            "inbox.report_room_inputs",
            &[
                ("n", &inputs.to_string()),
                ("recorded", &recorded.to_string()),
                ("merged", &merged.to_string()),
            ],
        ),
    })
}

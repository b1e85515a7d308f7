//! Where the report's contributions came from: the discreet mark beside
//! an input sent from a phone, and the statistics' count per origin. The
//! mark says "from the room", never who or which phone: the author beside
//! it (or none) follows the one anonymity rule like any other item.

use super::Count;
use crate::i18n::t;
use crate::model::{Contribution, Lang, Origin};

/// The mark a report prints after an item sent from the room; `None` for
/// the facilitator's own typing and for imported notes.
pub(super) fn mark(origin: Origin, lang: Lang) -> Option<String> {
    (origin == Origin::Room).then(|| t(lang, "inbox.report_mark").to_string())
}

/// How many of the shown contributions each origin gave, in a fixed
/// order; empty when all were typed by the facilitator (nothing to tell).
pub(super) fn by_origin(shown: &[&Contribution], lang: Lang) -> Vec<Count> {
    if shown.iter().all(|c| c.origin.is_facilitator()) {
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

//! The report's word on an action carried over from the previous session
//! of the workshop.

use crate::model::Lang;

/// " · carried over" after an action's status when it was carried over
/// from the previous session of the workshop, else nothing.
pub(super) fn carried_mark(a: &crate::model::Action, lang: Lang) -> String {
    match a.carried_from {
        Some(_) => format!(" · {}", crate::i18n::t(lang, "follow.carried_mark")),
        None => String::new(),
    }
}

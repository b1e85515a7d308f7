//! What `atelier show` prints of the follow-through: the session this one
//! follows, and the participation (contributions, shares and round-robin
//! passes per person; only the totals in an anonymous session, by the
//! report's own anonymity rule).

use crate::i18n::{colon, t};
use crate::model::{Lang, SessionData};
use std::fmt::Write;

/// "Follows session 0193…", under the session's id; empty when it follows
/// none.
pub(super) fn previous(data: &SessionData, lang: Lang) -> String {
    match data.session.previous_id {
        Some(p) => format!("{}{}{p}\n", t(lang, "follow.show_previous"), colon(lang)),
        None => String::new(),
    }
}

/// Where a carried-over action came from: " ← 1a2b3c4d" (the short id of
/// the previous session's action), or nothing.
pub(super) fn origin(a: &crate::model::Action) -> String {
    a.carried_from
        .map(|f| format!("  ← {}", super::show::short_id(&f)))
        .unwrap_or_default()
}

/// "  → 9a8b7c6d" after an action carried over to a later session: the
/// copy there, which is the one to follow up.
pub(super) fn destination(a: &crate::model::Action) -> String {
    a.carried_to
        .map(|t| format!("  → {}", super::show::short_id(&t)))
        .unwrap_or_default()
}

/// The participation section, when the session has a roster.
pub(super) fn participation(data: &SessionData, lang: Lang) -> String {
    // `show` is the facilitator's: per-person counts whatever the report
    // shows participants, counted without building the whole report.
    let participation = crate::report::participation_of(data);
    let rows = crate::report::participation_rows(&participation, lang);
    let mut out = String::new();
    if rows.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n{}", t(lang, "report.participation"));
    for (who, text) in rows {
        let who = who.replace(['\n', '\r'], " ");
        if who.is_empty() {
            let _ = writeln!(out, "  {text}");
        } else {
            let _ = writeln!(out, "  {who}{}{text}", colon(lang));
        }
    }
    out
}

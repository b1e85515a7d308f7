//! The review cycle on the review screen: its keys (publish a version,
//! open the versions) and the review section in the preview, as the
//! reports print it (see `report::ReviewView`).

use super::Look;
use crate::model::Id;
use crate::report::Report;
use crate::tui::action::Action;
use crate::tui::core::Nav;

/// Where a review-cycle key leads: publishing opens the versions screen
/// after recording the version there, so `u` undoes it.
pub fn nav(session: Id, action: &Action) -> Option<Nav> {
    let versions = crate::tui::screens::versions::open_and_publish;
    match action {
        Action::PublishVersion => Some(versions(session, Some(false))),
        Action::PublishValidated => Some(versions(session, Some(true))),
        Action::Versions => Some(versions(session, None)),
        _ => None,
    }
}

/// The review section's paragraphs, under the heading the preview's walk
/// of the sections gives it.
pub fn preview(out: &mut Vec<(Look, usize, String)>, r: &Report, v: &crate::report::ReviewView) {
    out.push((Look::Body, 0, v.version.clone()));
    if !v.sign_offs.is_empty() {
        out.push((Look::Sub, 0, v.sign_offs_heading.clone()));
        out.extend(
            v.sign_offs
                .iter()
                .map(|s| (Look::Body, 1, format!("• {s}"))),
        );
    }
    if !v.applied.is_empty() {
        out.push((Look::Sub, 0, v.applied_heading.clone()));
        for a in &v.applied {
            let from = a
                .from
                .as_deref()
                .map(|f| format!(" — {f}"))
                .unwrap_or_default();
            let line = format!("• {}{}{}{from}", a.on, r.colon, a.text);
            out.push((Look::Body, 1, line));
        }
    }
}

//! The unsent text of the input box, kept with its speaker and kind when
//! the facilitator leaves the run screen or the terminal closes.

use super::RunState;
use crate::model::{Id, Kind};
use crate::tui::core::Core;

/// What was in the input box when the facilitator stepped away (or the
/// terminal closed): the text with the speaker and kind chosen for it.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Draft {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<Id>,
    /// To be stored without its author (Ctrl+O).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
}

impl Draft {
    /// Reads a stored draft; drafts written before speaker and kind were
    /// kept are plain text.
    fn parse(stored: &str) -> Draft {
        serde_json::from_str(stored).unwrap_or_else(|_| Draft {
            text: stored.to_string(),
            ..Draft::default()
        })
    }
}

fn draft_key(session: Id) -> String {
    format!("draft:{session}")
}

/// A draft left in the input box when the facilitator stepped away.
pub(super) fn core_draft(core: &mut Core, session: Id) -> Option<Draft> {
    core.store
        .meta(&draft_key(session))
        .ok()
        .flatten()
        .map(|stored| Draft::parse(&stored))
        .filter(|d| !d.text.is_empty())
}

/// Keeps the unsent text of the input box, with its speaker and kind, for
/// when the session reopens. An empty box only clears a draft that exists,
/// so a submit does not pay for a second committed write.
pub fn save_draft(state: &RunState, core: &mut Core) {
    let Some(draft) = state.unsent() else {
        if core_draft(core, state.session_id()).is_some() {
            let _ = core.store.set_meta(&draft_key(state.session_id()), "");
        }
        return;
    };
    let stored = serde_json::to_string(&draft).expect("a draft serialises");
    if let Err(e) = core.store.set_meta(&draft_key(state.session_id()), &stored) {
        core.fail(&e);
    }
}

#[cfg(test)]
mod tests {
    use super::Draft;
    use crate::model::Kind;

    #[test]
    fn drafts_keep_speaker_and_kind_and_read_old_plain_text() {
        let id = crate::model::new_id();
        let draft = Draft {
            text: "{\"not\": json}".into(),
            kind: Some(Kind::Stake),
            participant: Some(id),
            anonymous: true,
        };
        let stored = serde_json::to_string(&draft).unwrap();
        assert_eq!(Draft::parse(&stored), draft);
        // A draft saved by an earlier version is the bare text.
        assert_eq!(Draft::parse("{\"not\": json}").text, "{\"not\": json}");
        assert_eq!(Draft::parse("plain words").kind, None);
    }
}

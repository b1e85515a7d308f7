//! What the room may see: the one rule shared by the phone page, the
//! `/screen` page and the projector view in a terminal. Everything the
//! room is shown is built here, from a few bounded reads (the session row,
//! its stages and roster, the current stage's live items, the votes), never
//! from a whole-session load: stage notes, deleted or parked items,
//! revisions, the inbox and other sessions are simply never read.

use crate::model::{Anonymity, Id, Kind, Lang, Stage, Tree, MAX_DEPTH};
use crate::report::Names;
use crate::store::{Result, Store};
use crate::templates::Catalog;
use crate::tui::flow::StageFlow;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What the room sees of a session, as phones and the projector show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicState {
    /// The session's title.
    pub title: String,
    pub question: String,
    /// The session's language: the page and the projector speak it.
    pub language: Lang,
    /// Where the session is now; `None` for a session without stages.
    pub stage: Option<PublicStage>,
    /// The names a phone may pick; empty in an anonymous session, where no
    /// name is ever shown nor taken.
    pub roster: Vec<PublicPerson>,
    /// Whether a phone may send without a name (always: the store keeps no
    /// identity beside an anonymous text, and a quiet voice needs it).
    pub anonymous_allowed: bool,
    /// Whether the facilitator shows the contributions to the room.
    pub show_items: bool,
    /// The current stage's live contributions, parents first, with their
    /// depth; empty when `show_items` is off.
    pub items: Vec<PublicItem>,
    /// Whether the dot vote's counts are shown (`PublicItem::votes`).
    pub votes_revealed: bool,
    /// How to join, while the room's server is alive.
    pub room: Option<PublicRoom>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicStage {
    pub id: String,
    pub key: String,
    pub title: String,
    /// The template's guidance in the session's language (empty when the
    /// session's template is unknown here).
    pub guidance: String,
    /// The kinds a phone may send in this stage, the first the default.
    pub kinds: Vec<PublicKind>,
    /// The stage's clock; `None` before it ever started.
    pub timer: Option<PublicTimer>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicKind {
    pub key: Kind,
    pub label: String,
}

/// The stage's clock at the moment the state was built: a view that
/// ticks adds the time since then while `running`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PublicTimer {
    /// Planned length; 0 when the stage is not timed.
    pub planned_seconds: i64,
    pub elapsed_seconds: i64,
    pub running: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicPerson {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicItem {
    pub id: String,
    pub text: String,
    pub kind: Kind,
    pub kind_label: String,
    /// The stage's title.
    pub stage: String,
    /// 0 for a top-level item, at most `MAX_DEPTH`.
    pub depth: usize,
    /// Who said it, exactly as the report would print it (`report::Names`):
    /// `None` when credited to no one.
    pub author: Option<String>,
    /// Its dot-vote total, only once the counts are revealed.
    pub votes: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicRoom {
    pub url: String,
    pub code: String,
}

/// The templates known to this process (built-in and the user's), read
/// once: a session's guidance and kinds come from its template.
fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load(crate::paths::user_templates().as_deref()))
}

/// What the room may see of `session` now.
pub fn public_state(store: &Store, session: Id) -> Result<PublicState> {
    public_state_with(store, session, catalog())
}

/// `public_state` with the templates given (tests, a TUI with its own).
pub fn public_state_with(store: &Store, session: Id, templates: &Catalog) -> Result<PublicState> {
    let s = store.session(session)?;
    let lang = s.language;
    let anonymous = s.anonymity == Anonymity::Anonymous;
    let stages = store.stages(session)?;
    let participants = store.participants(session)?;
    let settings = store.room_settings(session)?;
    let current = (!stages.is_empty()).then(|| &stages[StageFlow::resume_point(&stages).stage]);
    let template = templates.get(&s.template);
    let now = store.clock().now();
    let stage = current.map(|st| {
        let ts = template.and_then(|t| t.stage(&st.key));
        let kinds = ts
            .map(|t| t.kinds.clone())
            .unwrap_or_else(|| Kind::ALL.to_vec());
        public_stage(st, ts.map(|t| t.guidance.get(lang)), &kinds, lang, now)
    });
    let roster = if anonymous {
        Vec::new()
    } else {
        participants
            .iter()
            .filter(|p| p.removed_at.is_none())
            .map(|p| PublicPerson {
                id: p.id.to_string(),
                name: p.name.clone(),
            })
            .collect()
    };
    let voting = store.voting(session)?;
    let totals = if voting.revealed {
        voting.totals()
    } else {
        HashMap::new()
    };
    let items = match current {
        Some(st) if settings.show_items => {
            let names = Names::for_room(&s, &participants, anonymous);
            let live = store.stage_items(session, st.id)?;
            let tree = Tree::of(live.iter());
            tree.walk_stage(st.id)
                .into_iter()
                .map(|(c, depth)| PublicItem {
                    id: c.id.to_string(),
                    text: c.text.clone(),
                    kind: c.kind,
                    kind_label: c.kind.label(lang).to_string(),
                    stage: st.title.clone(),
                    depth: depth.min(MAX_DEPTH),
                    author: names.author(c),
                    votes: voting
                        .revealed
                        .then(|| totals.get(&c.id).copied().unwrap_or(0)),
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let room = store
        .room_status(session)?
        .filter(|r| r.alive_at(now))
        .map(|r| PublicRoom {
            url: r.url,
            code: r.code,
        });
    Ok(PublicState {
        title: s.title,
        question: s.question,
        language: lang,
        stage,
        roster,
        anonymous_allowed: true,
        show_items: settings.show_items,
        items,
        votes_revealed: voting.revealed,
        room,
    })
}

fn public_stage(
    st: &Stage,
    guidance: Option<&str>,
    kinds: &[Kind],
    lang: Lang,
    now: crate::model::Timestamp,
) -> PublicStage {
    let timer = st.timer();
    PublicStage {
        id: st.id.to_string(),
        key: st.key.clone(),
        title: st.title.clone(),
        guidance: without_key_hints(guidance.unwrap_or_default()),
        kinds: kinds
            .iter()
            .map(|k| PublicKind {
                key: *k,
                label: k.label(lang).to_string(),
            })
            .collect(),
        timer: (!st.segments.is_empty()).then(|| PublicTimer {
            planned_seconds: timer.planned().num_seconds(),
            elapsed_seconds: timer.elapsed(now).num_seconds(),
            running: timer.is_running(),
        }),
    }
}

/// Words that mark a parenthesised aside as a hint about the terminal's
/// keys, meaningless on a phone.
const KEY_WORDS: [&str; 8] = [
    "Tab", "Ctrl", "Entrée", "Enter", "Maj+", "Shift", "Alt+", "Échap",
];

/// The guidance as a phone shows it: asides such as "(Tab pour indenter)"
/// are left out, with the space before them.
fn without_key_hints(guidance: &str) -> String {
    let mut out = String::with_capacity(guidance.len());
    let mut rest = guidance;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let aside = &rest[open + 1..close];
        let before = &rest[..open];
        if KEY_WORDS.iter().any(|k| aside.contains(k)) {
            out.push_str(before.trim_end());
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn key_hints_are_left_out_of_the_guidance() {
        let fr =
            "Notez chaque idée puis ses sous-points (Tab pour indenter). Restez (vraiment) là.";
        assert_eq!(
            super::without_key_hints(fr),
            "Notez chaque idée puis ses sous-points. Restez (vraiment) là."
        );
        assert_eq!(super::without_key_hints("(a"), "(a");
    }
}

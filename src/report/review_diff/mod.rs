//! What changed between two published versions of a report, as a reader
//! of the report would see it: contributions added, removed, edited and
//! moved (parked, unparked, to another stage), the synthesis's changed
//! lines, decisions and actions added, removed or edited, themes and the
//! vote ranking summarised, and the parts that changed otherwise. Read
//! from the report data each version kept (what participants saw), so the
//! diff never shows anything a report did not. One computation for the
//! command line and the terminal's versions screen.

mod read;
mod render;

pub use render::lines;

use crate::model::review::NOT_CONTENT;
use read::{actions, decisions, items, list_changes, ranking, themes, Placed};
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffItem {
    pub id: String,
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edited {
    pub id: String,
    pub kind: String,
    pub before: String,
    pub after: String,
}

/// Where a reader finds a contribution: under its stage, or in the
/// parking lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub stage: String,
    pub parked: bool,
}

/// A contribution that moved: parked, unparked or put in another stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    pub id: String,
    pub kind: String,
    pub text: String,
    pub from: Place,
    pub to: Place,
}

/// One field of the synthesis (its text, a building block, the proposal)
/// with the lines removed and added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextChange {
    pub field: String,
    pub removed: Vec<String>,
    pub added: Vec<String>,
}

/// A list without ids (decisions, actions), each entry one line as the
/// report reads it; an entry replaced in place is edited.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ListChange {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub edited: Vec<(String, String)>,
}

impl ListChange {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.edited.is_empty()
    }
}

/// A theme added, removed, renamed, or whose items changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeChange {
    pub id: String,
    /// Its name before (`None`: new).
    pub before: Option<String>,
    /// Its name after (`None`: removed).
    pub after: Option<String>,
    pub items_added: usize,
    pub items_removed: usize,
}

/// An entry of the vote ranking whose rank or dots changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankChange {
    pub id: String,
    pub text: String,
    /// Rank and dots before and after (`None`: not ranked then).
    pub before: Option<(usize, u32)>,
    pub after: Option<(usize, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionDiff {
    /// The earlier version, then the later one.
    pub from: u32,
    pub to: u32,
    /// The versions were asked later first; they are compared in order.
    pub swapped: bool,
    pub added: Vec<DiffItem>,
    pub removed: Vec<DiffItem>,
    pub edited: Vec<Edited>,
    pub moved: Vec<Moved>,
    pub synthesis: Vec<TextChange>,
    pub decisions: ListChange,
    pub actions: ListChange,
    pub themes: Vec<ThemeChange>,
    pub ranking: Vec<RankChange>,
    /// Whether the trace from the synthesis to the ideas changed.
    pub trace: bool,
    /// Other parts of the report that changed (`stats`, `question`…).
    pub other: Vec<String>,
}

impl VersionDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.edited.is_empty()
            && self.moved.is_empty()
            && self.synthesis.is_empty()
            && self.decisions.is_empty()
            && self.actions.is_empty()
            && self.themes.is_empty()
            && self.ranking.is_empty()
            && !self.trace
            && self.other.is_empty()
    }
}

/// The two version numbers in order, earlier first, and whether they were
/// given the other way round (`diff 2 1` compares 1 with 2 and says so).
pub fn in_order(a: u32, b: u32) -> (u32, u32, bool) {
    (a.min(b), a.max(b), a > b)
}

/// The report's parts this diff reads itself; any other top-level field
/// that differs is named in `other`.
const READ: &[&str] = &[
    "discussion",
    "ideas",
    "resources",
    "parking",
    "shared_ideas",
    "synthesis",
    "decisions",
    "actions",
    "themes",
    "votes",
    "trace",
    // Not content: the format (and what is not content at all,
    // `model::review::NOT_CONTENT`, is never a change).
    "format",
    "version",
];

/// Compares version `from` (its report JSON `old`) with `to` (`new`); the
/// caller orders them (`in_order`) and says whether it `swapped` them.
pub fn diff(from: u32, old: &str, to: u32, new: &str) -> serde_json::Result<VersionDiff> {
    let (old, new): (Value, Value) = (serde_json::from_str(old)?, serde_json::from_str(new)?);
    let (before, after) = (items(&old), items(&new));
    let find = |list: &[Placed], id: &str| list.iter().find(|p| p.item.id == id).cloned();
    let added = after
        .iter()
        .filter(|p| find(&before, &p.item.id).is_none())
        .map(|p| p.item.clone())
        .collect();
    let removed = before
        .iter()
        .filter(|p| find(&after, &p.item.id).is_none())
        .map(|p| p.item.clone())
        .collect();
    let pairs: Vec<(Placed, &Placed)> = after
        .iter()
        .filter_map(|a| Some((find(&before, &a.item.id)?, a)))
        .collect();
    let edited = pairs
        .iter()
        .filter(|(b, a)| b.item.text != a.item.text || b.item.kind != a.item.kind)
        .map(|(b, a)| Edited {
            id: a.item.id.clone(),
            kind: a.item.kind.clone(),
            before: b.item.text.clone(),
            after: a.item.text.clone(),
        })
        .collect();
    // A sub-point that moved with its parent moves with it: only the
    // parent is said to have moved.
    let moved_ids: Vec<&str> = pairs
        .iter()
        .filter(|(b, a)| b.place != a.place)
        .map(|(_, a)| a.item.id.as_str())
        .collect();
    let moved = pairs
        .iter()
        .filter(|(b, a)| b.place != a.place)
        .filter(|(b, a)| {
            let with_parent = a.parent.as_deref().is_some_and(|p| moved_ids.contains(&p));
            !(with_parent && b.parent == a.parent)
        })
        .map(|(b, a)| Moved {
            id: a.item.id.clone(),
            kind: a.item.kind.clone(),
            text: a.item.text.clone(),
            from: b.place.clone(),
            to: a.place.clone(),
        })
        .collect();
    let empty = serde_json::Map::new();
    let fields = |v: &Value| v.as_object().cloned().unwrap_or_else(|| empty.clone());
    let (o, n) = (fields(&old), fields(&new));
    let mut other: Vec<String> = o
        .keys()
        .chain(n.keys())
        .filter(|k| !READ.contains(&k.as_str()) && !NOT_CONTENT.contains(&k.as_str()))
        .filter(|k| o.get(*k) != n.get(*k))
        .cloned()
        .collect();
    other.sort();
    other.dedup();
    Ok(VersionDiff {
        from,
        to,
        swapped: false,
        added,
        removed,
        edited,
        moved,
        synthesis: synthesis(&old, &new),
        decisions: list_changes(&decisions(&old), &decisions(&new)),
        actions: list_changes(&actions(&old), &actions(&new)),
        themes: themes(&old, &new),
        ranking: ranking(&old, &new),
        trace: old.get("trace") != new.get("trace"),
        other,
    })
}

/// The synthesis's fields as lines: its text, each building block
/// ("title: text") and the proposal.
fn synthesis(old: &Value, new: &Value) -> Vec<TextChange> {
    let field = |v: &Value, k: &str| {
        v.pointer(&format!("/synthesis/{k}"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let blocks = |v: &Value| {
        v.pointer("/synthesis/blocks")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|b| {
                        let part = |k| b.get(k).and_then(Value::as_str).unwrap_or("");
                        format!("{}: {}", part("title"), part("text"))
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default()
    };
    [
        ("text", field(old, "text"), field(new, "text")),
        ("blocks", blocks(old), blocks(new)),
        ("proposal", field(old, "proposal"), field(new, "proposal")),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(name, a, b)| {
        let lines = similar::TextDiff::from_lines(&a, &b);
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        for change in lines.iter_all_changes() {
            let line = change.value().trim_end_matches('\n').to_string();
            match change.tag() {
                similar::ChangeTag::Delete => removed.push(line),
                similar::ChangeTag::Insert => added.push(line),
                similar::ChangeTag::Equal => {}
            }
        }
        TextChange {
            field: name.to_string(),
            removed,
            added,
        }
    })
    .collect()
}

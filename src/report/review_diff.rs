//! What changed between two published versions of a report: contributions
//! added, removed and edited, and the synthesis's changed lines. Read from
//! the report data each version kept (what participants saw), so the diff
//! never shows anything a report did not.

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

/// One field of the synthesis (its text, a building block, the proposal)
/// with the lines removed and added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextChange {
    pub field: String,
    pub removed: Vec<String>,
    pub added: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionDiff {
    pub from: u32,
    pub to: u32,
    pub added: Vec<DiffItem>,
    pub removed: Vec<DiffItem>,
    pub edited: Vec<Edited>,
    pub synthesis: Vec<TextChange>,
}

impl VersionDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.edited.is_empty()
            && self.synthesis.is_empty()
    }
}

/// Compares version `from` (its report JSON `old`) with `to` (`new`).
pub fn diff(from: u32, old: &str, to: u32, new: &str) -> serde_json::Result<VersionDiff> {
    let (old, new): (Value, Value) = (serde_json::from_str(old)?, serde_json::from_str(new)?);
    let (before, after) = (items(&old), items(&new));
    let find = |list: &[DiffItem], id: &str| list.iter().position(|i| i.id == id);
    let added = after
        .iter()
        .filter(|i| find(&before, &i.id).is_none())
        .cloned()
        .collect();
    let removed = before
        .iter()
        .filter(|i| find(&after, &i.id).is_none())
        .cloned()
        .collect();
    let edited = after
        .iter()
        .filter_map(|a| {
            let b = &before[find(&before, &a.id)?];
            (b.text != a.text || b.kind != a.kind).then(|| Edited {
                id: a.id.clone(),
                kind: a.kind.clone(),
                before: b.text.clone(),
                after: a.text.clone(),
            })
        })
        .collect();
    Ok(VersionDiff {
        from,
        to,
        added,
        removed,
        edited,
        synthesis: synthesis(&old, &new),
    })
}

/// Every contribution a report shows, once each, in the order it first
/// appears: any object with an `id`, a `text` and a `kind`, wherever the
/// report puts it (so a new section layout needs no change here). Walked
/// with a stack, so no nesting can exhaust the call stack.
fn items(report: &Value) -> Vec<DiffItem> {
    let mut out: Vec<DiffItem> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![report];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                let field = |k: &str| map.get(k).and_then(Value::as_str);
                if let (Some(id), Some(text), Some(kind)) =
                    (field("id"), field("text"), field("kind"))
                {
                    if seen.insert(id.to_string()) {
                        out.push(DiffItem {
                            id: id.to_string(),
                            kind: kind.to_string(),
                            text: text.to_string(),
                        });
                    }
                }
                stack.extend(map.values().rev());
            }
            Value::Array(list) => stack.extend(list.iter().rev()),
            _ => {}
        }
    }
    out
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

/// The diff as readable lines in `lang`, stored text as it was (the
/// caller cleans it for where it goes): a heading per part, `+` added,
/// `-` removed, `~` edited with `→` its new text.
pub fn lines(d: &VersionDiff, lang: crate::model::Lang) -> Vec<String> {
    use crate::i18n::{t, tf};
    let one = |text: &str| text.replace(['\n', '\r'], " ");
    let heading = |key: &str, n: usize| tf(lang, key, &[("n", &n.to_string())]);
    let mut out = Vec::new();
    if d.is_empty() {
        out.push(t(lang, "cycle.diff_none").to_string());
        return out;
    }
    for (key, list, mark) in [
        ("cycle.diff_added", &d.added, '+'),
        ("cycle.diff_removed", &d.removed, '-'),
    ] {
        if !list.is_empty() {
            out.push(heading(key, list.len()));
            out.extend(
                list.iter()
                    .map(|i| format!("  {mark} [{}] {}", i.kind, one(&i.text))),
            );
        }
    }
    if !d.edited.is_empty() {
        out.push(heading("cycle.diff_edited", d.edited.len()));
        for e in &d.edited {
            out.push(format!("  ~ [{}] {}", e.kind, one(&e.before)));
            out.push(format!("    → {}", one(&e.after)));
        }
    }
    for change in &d.synthesis {
        out.push(t(lang, &format!("cycle.diff_synthesis_{}", change.field)).to_string());
        out.extend(change.removed.iter().map(|l| format!("  - {l}")));
        out.extend(change.added.iter().map(|l| format!("  + {l}")));
    }
    out
}

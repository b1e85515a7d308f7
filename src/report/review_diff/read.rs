//! Reading a version's report JSON for the diff: each part as a reader
//! finds it, keyed stably (contributions and themes by id, the ranking by
//! the ranked item's id; decisions and actions, which have no id, by
//! their order).

use super::{DiffItem, ListChange, Place, RankChange, ThemeChange};
use crate::i18n::t;
use crate::model::Lang;
use serde_json::Value;
use std::collections::HashSet;

/// A contribution and where the report shows it.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    pub item: DiffItem,
    pub place: Place,
    /// The id of the item it is a sub-point of.
    pub parent: Option<String>,
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn array<'a>(v: &'a Value, pointer: &str) -> &'a [Value] {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Every contribution in the sections that hold them (the discussion, the
/// ideas, the resources, the parking lot, the groups' shared ideas), once
/// each, in report order with their sub-points. The trace, the themes and
/// the ranking show them again; they are compared as such, so a proposal
/// that only gained links is never "added". Walked with a stack, so no
/// nesting can exhaust the call stack.
pub(super) fn items(report: &Value) -> Vec<Placed> {
    let mut roots: Vec<(&Value, bool, Option<&str>)> = Vec::new();
    for group in array(report, "/discussion") {
        roots.extend(array(group, "/items").iter().map(|i| (i, false, None)));
    }
    for section in ["/ideas", "/resources"] {
        roots.extend(array(report, section).iter().map(|i| (i, false, None)));
    }
    roots.extend(array(report, "/parking").iter().map(|i| (i, true, None)));
    for shared in array(report, "/shared_ideas") {
        for group in array(shared, "/groups") {
            roots.extend(array(group, "/items").iter().map(|i| (i, false, None)));
        }
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<(&Value, bool, Option<&str>)> = roots.into_iter().rev().collect();
    while let Some((v, parked, parent)) = stack.pop() {
        let id = str_of(v, "id");
        if !id.is_empty() && seen.insert(id.to_string()) {
            out.push(Placed {
                item: DiffItem {
                    id: id.to_string(),
                    kind: str_of(v, "kind").to_string(),
                    text: str_of(v, "text").to_string(),
                },
                place: Place {
                    stage: str_of(v, "stage").to_string(),
                    parked,
                },
                parent: parent.map(str::to_string),
            });
        }
        let children = array(v, "/children").iter().rev();
        stack.extend(children.map(|c| (c, parked, Some(id))));
    }
    out
}

/// The decisions, one line each as the report reads them.
pub(super) fn decisions(report: &Value) -> Vec<String> {
    array(report, "/decisions")
        .iter()
        .map(|d| match str_of(d, "decided_at") {
            "" => str_of(d, "text").to_string(),
            at => format!("{} ({})", str_of(d, "text"), shown_time(report, at)),
        })
        .collect()
}

/// A stored instant as the report's language writes times (as the
/// report itself does), or as stored when it does not read as one.
fn shown_time(report: &Value, at: &str) -> String {
    let lang = crate::model::Lang::parse(str_of(report, "language"));
    match crate::model::parse_time(at) {
        Some(t) => crate::report::local_time(lang.unwrap_or(crate::model::Lang::En), &t),
        None => at.to_string(),
    }
}

/// The actions, one line each as the report words them, in the report's
/// language: what, who, by when ("30/06/2021"), "à faire" or "fait".
pub(super) fn actions(report: &Value) -> Vec<String> {
    let lang = Lang::parse(str_of(report, "language")).unwrap_or_default();
    array(report, "/actions")
        .iter()
        .map(|a| {
            let due = match chrono::NaiveDate::parse_from_str(str_of(a, "due"), "%Y-%m-%d") {
                Ok(day) => crate::i18n::short_date(lang, day),
                Err(_) => str_of(a, "due").to_string(),
            };
            let status = match str_of(a, "status") {
                "done" => t(lang, "report.action_done"),
                "open" => t(lang, "report.action_open"),
                other => other,
            };
            let details: Vec<&str> = [str_of(a, "who"), &due, status]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            format!("{} ({})", str_of(a, "text"), details.join(", "))
        })
        .collect()
}

/// What changed between two lists: an entry replaced where it stood is
/// edited, the rest added or removed.
pub(super) fn list_changes(old: &[String], new: &[String]) -> ListChange {
    use similar::DiffOp;
    let mut change = ListChange::default();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => change
                .removed
                .extend_from_slice(&old[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => change
                .added
                .extend_from_slice(&new[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let both = old_len.min(new_len);
                for k in 0..both {
                    let pair = (old[old_index + k].clone(), new[new_index + k].clone());
                    change.edited.push(pair);
                }
                let (o, n) = (old_index + both, new_index + both);
                change
                    .removed
                    .extend_from_slice(&old[o..old_index + old_len]);
                change.added.extend_from_slice(&new[n..new_index + new_len]);
            }
        }
    }
    change
}

/// Themes added, removed, renamed or whose items changed, by id.
pub(super) fn themes(old: &Value, new: &Value) -> Vec<ThemeChange> {
    let ids = |t: &Value| -> HashSet<String> {
        array(t, "/item_ids")
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect()
    };
    let (before, after) = (array(old, "/themes"), array(new, "/themes"));
    let find = |list: &'_ [Value], id: &str| list.iter().find(|t| str_of(t, "id") == id).cloned();
    let mut out = Vec::new();
    for a in after {
        let id = str_of(a, "id");
        let b = find(before, id);
        let (was, now) = (b.as_ref().map(ids).unwrap_or_default(), ids(a));
        let change = ThemeChange {
            id: id.to_string(),
            before: b.as_ref().map(|b| str_of(b, "name").to_string()),
            after: Some(str_of(a, "name").to_string()),
            items_added: now.difference(&was).count(),
            items_removed: was.difference(&now).count(),
        };
        let same = change.before == change.after && change.items_added + change.items_removed == 0;
        if !same {
            out.push(change);
        }
    }
    for b in before
        .iter()
        .filter(|b| find(after, str_of(b, "id")).is_none())
    {
        out.push(ThemeChange {
            id: str_of(b, "id").to_string(),
            before: Some(str_of(b, "name").to_string()),
            after: None,
            items_added: 0,
            items_removed: ids(b).len(),
        });
    }
    out
}

/// The ranked items whose rank or dots changed, in the new ranking's
/// order, then those no longer ranked.
pub(super) fn ranking(old: &Value, new: &Value) -> Vec<RankChange> {
    let entry = |v: &Value| {
        let rank = v.get("rank").and_then(Value::as_u64).unwrap_or(0) as usize;
        let dots = v.get("dots").and_then(Value::as_u64).unwrap_or(0) as u32;
        (rank, dots)
    };
    let (before, after) = (array(old, "/votes/ranking"), array(new, "/votes/ranking"));
    let find = |list: &'_ [Value], id: &str| list.iter().find(|v| str_of(v, "id") == id).map(entry);
    let mut out: Vec<RankChange> = after
        .iter()
        .map(|a| RankChange {
            id: str_of(a, "id").to_string(),
            text: str_of(a, "text").to_string(),
            before: find(before, str_of(a, "id")),
            after: Some(entry(a)),
        })
        .filter(|c| c.before != c.after)
        .collect();
    out.extend(
        before
            .iter()
            .filter(|b| find(after, str_of(b, "id")).is_none())
            .map(|b| RankChange {
                id: str_of(b, "id").to_string(),
                text: str_of(b, "text").to_string(),
                before: Some(entry(b)),
                after: None,
            }),
    );
    out
}

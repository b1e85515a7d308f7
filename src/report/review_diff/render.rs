//! The diff as readable lines in the session's language, for the command
//! line and the versions screen alike.

use super::{ListChange, Place, VersionDiff};
use crate::i18n::{t, tf};
use crate::model::Lang;

/// The diff as readable lines in `lang`, stored text as it was (the
/// caller cleans it for where it goes): a heading per part, `+` added,
/// `-` removed, `~` edited with `→` its new text, `↷` moved.
pub fn lines(d: &VersionDiff, lang: Lang) -> Vec<String> {
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
    if !d.moved.is_empty() {
        out.push(heading("cycle.diff_moved", d.moved.len()));
        let place = |p: &Place| match p.parked {
            true => t(lang, "report.parking").to_string(),
            false => one(&p.stage),
        };
        for m in &d.moved {
            out.push(format!("  ↷ [{}] {}", m.kind, one(&m.text)));
            out.push(format!("    {} → {}", place(&m.from), place(&m.to)));
        }
    }
    for change in &d.synthesis {
        out.push(t(lang, &format!("cycle.diff_synthesis_{}", change.field)).to_string());
        out.extend(change.removed.iter().map(|l| format!("  - {l}")));
        out.extend(change.added.iter().map(|l| format!("  + {l}")));
    }
    for (key, list) in [
        ("cycle.diff_decisions", &d.decisions),
        ("cycle.diff_actions", &d.actions),
    ] {
        list_lines(&mut out, t(lang, key), list, one);
    }
    if !d.themes.is_empty() {
        out.push(t(lang, "cycle.diff_themes").to_string());
        for theme in &d.themes {
            let counts = match (theme.items_added, theme.items_removed) {
                (0, 0) => String::new(),
                (a, r) => format!(" (+{a} / −{r})"),
            };
            out.push(match (&theme.before, &theme.after) {
                (None, Some(name)) => format!("  + {}{counts}", one(name)),
                (Some(name), None) => format!("  - {}", one(name)),
                (Some(b), Some(a)) if b != a => format!("  ~ {} → {}{counts}", one(b), one(a)),
                (_, name) => format!("  ~ {}{counts}", one(name.as_deref().unwrap_or(""))),
            });
        }
    }
    if !d.ranking.is_empty() {
        out.push(t(lang, "cycle.diff_ranking").to_string());
        let rank = |r: Option<(usize, u32)>| match r {
            Some((rank, dots)) => tf(
                lang,
                "cycle.diff_rank",
                &[("rank", &rank.to_string()), ("dots", &dots.to_string())],
            ),
            None => t(lang, "cycle.diff_unranked").to_string(),
        };
        for r in &d.ranking {
            out.push(format!("  ~ {}", one(&r.text)));
            out.push(format!("    {} → {}", rank(r.before), rank(r.after)));
        }
    }
    if d.trace {
        out.push(t(lang, "cycle.diff_trace").to_string());
    }
    if !d.other.is_empty() {
        let parts: Vec<String> = d
            .other
            .iter()
            .map(|k| {
                let key = format!("cycle.part_{k}");
                match t(lang, &key) {
                    // A part this program has no word for: its JSON key.
                    label if label == key => k.clone(),
                    label => label.to_string(),
                }
            })
            .collect();
        let parts = parts.join(", ");
        out.push(tf(lang, "cycle.diff_other", &[("parts", &parts)]));
    }
    out
}

/// A list's changes under its heading, nothing when it did not change.
fn list_lines(
    out: &mut Vec<String>,
    heading: &str,
    list: &ListChange,
    one: impl Fn(&str) -> String,
) {
    if list.is_empty() {
        return;
    }
    out.push(heading.to_string());
    out.extend(list.added.iter().map(|l| format!("  + {}", one(l))));
    out.extend(list.removed.iter().map(|l| format!("  - {}", one(l))));
    for (before, after) in &list.edited {
        out.push(format!("  ~ {}", one(before)));
        out.push(format!("    → {}", one(after)));
    }
}

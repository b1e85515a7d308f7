//! The review screen's preview: the report as paragraphs, walking the one
//! list of sections every format walks (`report::sections`), so the
//! screen reads in the same order as the Markdown and the HTML.

use super::Look;
use crate::report::{self, Count, Cover, Discussion, Item, Report, Section, Statistics};

type Paragraphs = Vec<(Look, usize, String)>;

pub fn preview(r: &Report) -> Paragraphs {
    let mut out = Vec::new();
    for s in report::sections(r) {
        let heading = s.heading(r);
        if !matches!(s, Section::Cover(_)) {
            out.push((Look::Body, 0, String::new()));
            out.push((Look::Heading, 0, heading));
        }
        match &s {
            Section::Cover(c) => cover(&mut out, r, c),
            Section::Question {
                question,
                context,
                nothing_recorded,
            } => {
                out.push((Look::Body, 0, question.to_string()));
                if !context.trim().is_empty() {
                    out.push((Look::Sub, 0, r.label("context").to_string()));
                    out.push((Look::Body, 0, context.to_string()));
                }
                if let Some(note) = nothing_recorded {
                    out.push((Look::Muted, 0, note.to_string()));
                }
            }
            Section::Synthesis(syn) => {
                if !syn.text.is_empty() {
                    out.push((Look::Body, 0, syn.text.clone()));
                }
                if !syn.blocks.is_empty() {
                    out.push((Look::Sub, 0, syn.blocks_heading.clone()));
                    for (t, x) in &syn.blocks {
                        let line = if x.is_empty() {
                            format!("• {t}")
                        } else {
                            format!("• {t}{}{x}", r.colon)
                        };
                        out.push((Look::Body, 1, line));
                    }
                }
                if !syn.proposal.is_empty() {
                    out.push((Look::Sub, 0, r.label("proposal").to_string()));
                    out.push((Look::Body, 0, syn.proposal.clone()));
                }
            }
            Section::Discussion(Discussion::ByKind(groups)) => {
                for g in *groups {
                    out.push((Look::Sub, 0, g.heading.clone()));
                    items(&mut out, &g.items, 1);
                }
            }
            Section::Discussion(Discussion::Spoken(list))
            | Section::Ideas(list)
            | Section::Resources(list)
            | Section::Trace(list)
            | Section::Parking(list) => items(&mut out, list, 1),
            Section::Shared { ideas, .. } => {
                for g in &ideas.groups {
                    out.push((Look::Sub, 0, g.label.clone()));
                    items(&mut out, &g.items, 1);
                }
            }
            Section::Themes(themes) => {
                for t in *themes {
                    out.push((Look::Sub, 0, t.name.clone()));
                    items(&mut out, &t.items, 1);
                }
            }
            Section::Votes(v) => {
                out.push((Look::Muted, 0, v.summary.clone()));
                for row in &v.ranking {
                    let line = format!("{:>6}  {:>3}  {}", row.place, row.dots, row.text);
                    out.push((Look::Body, 1, line));
                }
            }
            Section::Decisions(decisions) => {
                for d in *decisions {
                    out.push((Look::Body, 1, format!("• {}{}{}", d.time, r.colon, d.text)));
                }
            }
            Section::Actions(actions) => {
                for a in *actions {
                    let mut line = format!("• {}", a.text);
                    for part in [a.who.as_deref(), a.due.as_deref(), Some(&a.status)] {
                        if let Some(part) = part.filter(|p| !p.is_empty()) {
                            line.push_str(" · ");
                            line.push_str(part);
                        }
                    }
                    out.push((Look::Body, 1, line));
                }
            }
            Section::Statistics(stats) => statistics(&mut out, r, stats),
            Section::Review(v) => super::cycle::preview(&mut out, r, v),
            Section::Log(entries) => {
                for e in entries {
                    let mut line = format!("{}  {} · {}", e.time, e.kind_label, e.text);
                    if let Some(a) = &e.author {
                        line.push_str(&format!(" — {a}"));
                    }
                    out.push((Look::Body, 1, line));
                }
            }
        }
    }
    out
}

fn cover(out: &mut Paragraphs, r: &Report, c: &Cover) {
    out.push((Look::Title, 0, c.title.to_string()));
    let meta: Vec<&str> = [c.event, Some(c.date), c.place]
        .into_iter()
        .flatten()
        .collect();
    let meta = meta.join(" · ");
    out.push((Look::Muted, 0, meta));
    if let Some((label, lead)) = c.lead {
        out.push((Look::Body, 0, format!("{label}{}{lead}", r.colon)));
    }
    match c.anonymous_note {
        Some(note) => out.push((Look::Body, 0, note.to_string())),
        None if !c.participants.is_empty() => {
            out.push((Look::Sub, 0, r.label("participants").to_string()));
            out.extend(
                c.participants
                    .iter()
                    .map(|p| (Look::Body, 1, format!("• {p}"))),
            );
        }
        None => {}
    }
}

fn statistics(out: &mut Paragraphs, r: &Report, s: &Statistics) {
    if s.has_participation() {
        out.push((Look::Sub, 0, r.label("participation").to_string()));
        out.push((Look::Body, 0, s.participation.summary.clone()));
        for bar in &s.participation.bars {
            let line = format!("{:<30} {:>4} · {:>3} %", bar.label, bar.count, bar.percent);
            out.push((Look::Body, 1, line));
        }
    }
    let counts = |out: &mut Paragraphs, caption: &str, rows: &[Count]| {
        if rows.is_empty() {
            return;
        }
        out.push((Look::Sub, 0, caption.to_string()));
        for c in rows {
            out.push((Look::Body, 1, format!("{:<30} {:>4}", c.label, c.count)));
        }
    };
    counts(out, r.label("by_participant"), &s.stats.by_participant);
    counts(out, r.label("by_stage"), &s.stats.by_stage);
    counts(out, r.label("by_kind"), &s.stats.by_kind);
    let time = &s.stats.time;
    if !time.stages.is_empty() {
        out.push((Look::Sub, 0, r.label("time_by_stage").to_string()));
        for row in &time.stages {
            let line = format!("{:<30} {:>4} / {:>4}", row.label, row.planned, row.actual);
            out.push((Look::Body, 1, line));
        }
    }
}

/// A nested list, one paragraph per item, walked flat (see
/// `report::flatten`): a chain of any depth neither recurses nor indents
/// past the deepest allowed level.
fn items(out: &mut Paragraphs, list: &[Item], indent: usize) {
    for (item, depth) in report::flatten(list) {
        let mut text = String::new();
        if let Some(kind) = &item.kind {
            text.push_str(&format!("[{kind}] "));
        }
        text.push_str(&item.text);
        if let Some(a) = &item.author {
            text.push_str(&format!(" — {a}"));
        }
        let bullet = if depth == 0 { "• " } else { "◦ " };
        out.push((Look::Body, indent + depth, format!("{bullet}{text}")));
    }
}

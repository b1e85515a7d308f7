//! The event report as Markdown, escaped by the session report's own
//! `markdown::inline` and `markdown::block`, so a text typed in any
//! atelier reads as text under every common renderer.

use super::{AtelierView, EventReport};
use crate::report::markdown::{block, inline};
use crate::report::Count;
use std::io::{self, Write};

/// Writes the document to `out` as it goes, atelier by atelier.
pub fn write(r: &EventReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", inline(&r.name))?;
    if !r.dates.is_empty() {
        writeln!(out, "{}\n", r.dates)?;
    }
    writeln!(out, "## {}\n", r.label("ateliers"))?;
    for a in &r.ateliers {
        atelier(out, r, a)?;
    }
    actions(out, r)?;
    statistics(out, r)?;
    writeln!(out, "---\n\n*{}*", r.label("generated"))
}

fn atelier(out: &mut dyn Write, r: &EventReport, a: &AtelierView) -> io::Result<()> {
    writeln!(out, "### {}\n", inline(&a.title))?;
    writeln!(out, "{} · {}\n", a.date, a.status)?;
    if !a.lead.trim().is_empty() {
        writeln!(
            out,
            "**{}**{}{}\n",
            inline(&a.lead_label),
            r.colon,
            inline(&a.lead)
        )?;
    }
    let people = a
        .anonymous_note
        .clone()
        .unwrap_or_else(|| a.participant_count.to_string());
    writeln!(
        out,
        "**{}**{}{}\n",
        r.label("participants"),
        r.colon,
        inline(&people)
    )?;
    if !a.question.trim().is_empty() {
        writeln!(
            out,
            "**{}**{}{}\n",
            r.label("question"),
            r.colon,
            block(&a.question, 0)
        )?;
    }
    let s = &a.synthesis;
    writeln!(out, "**{}**\n", r.label("synthesis"))?;
    if s.is_empty {
        writeln!(out, "*{}*\n", r.label("empty_synthesis"))?;
        return Ok(());
    }
    if !s.text.trim().is_empty() {
        writeln!(out, "{}\n", block(&s.text, 0))?;
    }
    if !s.blocks.is_empty() {
        writeln!(out, "**{}**\n", inline(&s.blocks_heading))?;
        for (title, text) in &s.blocks {
            if text.trim().is_empty() {
                writeln!(out, "- **{}**", inline(title))?;
            } else {
                writeln!(out, "- **{}**{}{}", inline(title), r.colon, block(text, 4))?;
            }
        }
        writeln!(out)?;
    }
    if !s.proposal.trim().is_empty() {
        let proposal = block(&s.proposal, 0);
        writeln!(out, "**{}**{}{}\n", r.label("proposal"), r.colon, proposal)?;
    }
    Ok(())
}

/// Every atelier's actions in one table, the atelier first.
fn actions(out: &mut dyn Write, r: &EventReport) -> io::Result<()> {
    writeln!(out, "## {}\n", r.label("actions"))?;
    if r.actions.is_empty() {
        return writeln!(out, "{}\n", r.label("no_actions"));
    }
    let head = [
        "atelier",
        "action_what",
        "action_who",
        "action_due",
        "action_status",
    ];
    let head: Vec<&str> = head.iter().map(|k| r.label(k)).collect();
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|---|---|---|---|---|")?;
    for e in &r.actions {
        let a = &e.action;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            inline(&e.atelier),
            inline(&a.text),
            inline(a.who.as_deref().unwrap_or("")),
            a.due.as_deref().unwrap_or(""),
            inline(&a.status)
        )?;
    }
    writeln!(out)
}

fn statistics(out: &mut dyn Write, r: &EventReport) -> io::Result<()> {
    writeln!(out, "## {}\n", r.label("stats"))?;
    writeln!(out, "| | {} |", r.label("count"))?;
    writeln!(out, "|---|---:|")?;
    for (label, value) in r.stats.totals(r.language) {
        writeln!(out, "| {label} | {value} |")?;
    }
    writeln!(out)?;
    table(out, r, "by_kind", "kind", &r.stats.by_kind)?;
    table(
        out,
        r,
        "actions_by_status",
        "status",
        &r.stats.actions_by_status,
    )
}

fn table(
    out: &mut dyn Write,
    r: &EventReport,
    caption: &str,
    first: &str,
    rows: &[Count],
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "**{}**\n", r.label(caption))?;
    writeln!(out, "| {} | {} |", r.label(first), r.label("count"))?;
    writeln!(out, "|---|---:|")?;
    for row in rows {
        writeln!(out, "| {} | {} |", inline(&row.label), row.count)?;
    }
    writeln!(out)
}

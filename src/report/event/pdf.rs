//! The event report as PDF: the session report's pages, blocks and tables
//! (`report::pdf`), laid out in the Markdown event report's order — the
//! event's name and dates, each atelier, every action in one table, the
//! statistics across ateliers.

use super::{AtelierView, EventReport};
use crate::report::pdf::blocks::{self, heading, label, lead_in, note, paragraph, table};
use crate::report::pdf::layout::Layout;
use crate::report::pdf::sections::synthesis_parts;
use crate::report::pdf::tables::{column, counts};
use std::io::{self, Write};

pub fn write(r: &EventReport, out: &mut dyn Write) -> io::Result<()> {
    crate::report::pdf::write_document(&r.name, r.lang, &|l| body(r, l), out)
}

/// The text the pages show (see `report::pdf::document_text`).
pub fn text(r: &EventReport) -> String {
    crate::report::pdf::document_text(&r.name, &|l| body(r, l))
}

fn body(r: &EventReport, l: &mut Layout) {
    blocks::title(l, &r.name);
    if !r.dates.is_empty() {
        note(l, &r.dates);
    }
    heading(l, 1, r.label("ateliers"));
    for a in &r.ateliers {
        atelier(r, a, l);
    }
    actions(r, l);
    statistics(r, l);
    l.gap(12.0);
    note(l, r.label("generated"));
}

/// An atelier: its title, when, who led and how many took part, its
/// question and its synthesis.
fn atelier(r: &EventReport, a: &AtelierView, l: &mut Layout) {
    heading(l, 2, &a.title);
    lead_in(l, &format!("{} · {}", a.date, a.status));
    let people = a
        .anonymous_note
        .clone()
        .unwrap_or_else(|| a.participant_count.to_string());
    let people = format!("{}{}{people}", r.label("participants"), r.colon);
    match a.lead.trim() {
        "" => lead_in(l, &people),
        lead => lead_in(l, &format!("{}{}{lead} · {people}", a.lead_label, r.colon)),
    }
    if !a.question.trim().is_empty() {
        label(l, r.label("question"));
        paragraph(l, &a.question);
    }
    label(l, r.label("synthesis"));
    if a.synthesis.is_empty {
        note(l, r.label("empty_synthesis"));
    } else {
        synthesis_parts(l, &a.synthesis, r.colon, r.label("proposal"));
    }
}

/// Every atelier's actions in one table, the atelier first; its header
/// repeats on each page it continues on.
fn actions(r: &EventReport, l: &mut Layout) {
    heading(l, 1, r.label("actions"));
    if r.actions.is_empty() {
        paragraph(l, r.label("no_actions"));
        return;
    }
    let columns = [
        column(r.label("atelier"), 0.22, false),
        column(r.label("action_what"), 0.34, false),
        column(r.label("action_who"), 0.18, false),
        column(r.label("action_due"), 0.12, false),
        column(r.label("action_status"), 0.14, false),
    ];
    let rows = r.actions.iter().map(|e| {
        let a = &e.action;
        vec![
            e.atelier.clone(),
            a.text.clone(),
            a.who.clone().unwrap_or_default(),
            a.due.clone().unwrap_or_default(),
            a.status.clone(),
        ]
    });
    table(l, &columns, rows);
}

/// The headline numbers, then contributions per kind and actions per
/// status.
fn statistics(r: &EventReport, l: &mut Layout) {
    heading(l, 1, r.label("stats"));
    let count = r.label("count");
    let columns = [column("", 0.75, false), column(count, 0.25, true)];
    let totals = r.stats.totals(r.language);
    table(
        l,
        &columns,
        totals.into_iter().map(|(k, v)| vec![k, v.to_string()]),
    );
    let s = &r.stats;
    counts(l, r.label("by_kind"), [r.label("kind"), count], &s.by_kind);
    let status = [r.label("status"), count];
    counts(
        l,
        r.label("actions_by_status"),
        status,
        &s.actions_by_status,
    );
}

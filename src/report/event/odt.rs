//! The event report as ODT: the session report's package, headings,
//! lists and tables (`report::odt`), in the Markdown event report's order.

use super::{AtelierView, EventReport};
use crate::report::odt::doc::{Cell, Doc};
use crate::report::odt::prose::{body, colophon, label, labelled, synthesis_parts};
use crate::report::odt::tables::{counts, number, text};
use crate::report::odt::{document_xml, write_document, Properties};
use std::io::{self, Write};

type Out = io::Result<()>;

pub fn write(r: &EventReport, out: &mut dyn Write) -> Out {
    write_document(&properties(r), |d| content(r, d), out)
}

/// The package's `meta.xml` and `content.xml`, as text.
pub fn xml(r: &EventReport) -> io::Result<String> {
    document_xml(&properties(r), |d| content(r, d))
}

/// Titled by the event, dated on its first atelier's day.
fn properties(r: &EventReport) -> Properties<'_> {
    Properties {
        title: &r.name,
        subject: "",
        language: r.language,
        iso_date: &r.first_date,
    }
}

fn content(r: &EventReport, d: &mut Doc) -> Out {
    d.paragraph("Title", &r.name)?;
    if !r.dates.is_empty() {
        d.paragraph("Subtitle", &r.dates)?;
    }
    d.heading(1, r.label("ateliers"))?;
    for a in &r.ateliers {
        atelier(r, a, d)?;
    }
    actions(r, d)?;
    statistics(r, d)?;
    colophon(d, r.label("generated"))
}

/// An atelier: its title, when, who led and how many took part, its
/// question and its synthesis.
fn atelier(r: &EventReport, a: &AtelierView, d: &mut Doc) -> Out {
    d.heading(2, &a.title)?;
    body(d, &format!("{} · {}", a.date, a.status))?;
    if !a.lead.trim().is_empty() {
        labelled(d, r.colon, &a.lead_label, &a.lead)?;
    }
    let people = a
        .anonymous_note
        .clone()
        .unwrap_or_else(|| a.participant_count.to_string());
    labelled(d, r.colon, r.label("participants"), &people)?;
    if !a.question.trim().is_empty() {
        labelled(d, r.colon, r.label("question"), &a.question)?;
    }
    label(d, r.label("synthesis"))?;
    if a.synthesis.is_empty {
        return body(d, r.label("empty_synthesis"));
    }
    synthesis_parts(d, &a.synthesis, r.colon, r.label("proposal"))
}

/// Every atelier's actions in one table, the atelier first (17 cm).
fn actions(r: &EventReport, d: &mut Doc) -> Out {
    d.heading(1, r.label("actions"))?;
    if r.actions.is_empty() {
        return body(d, r.label("no_actions"));
    }
    let columns = [
        text(r.label("atelier"), "Col_3_5"),
        text(r.label("action_what"), "Col_5"),
        text(r.label("action_who"), "Col_3"),
        text(r.label("action_due"), "Col_2_5"),
        text(r.label("action_status"), "Col_3"),
    ];
    let rows: Vec<Vec<Cell>> = r
        .actions
        .iter()
        .map(|e| {
            let a = &e.action;
            vec![
                Cell::Text(&e.atelier),
                Cell::Text(&a.text),
                Cell::Text(a.who.as_deref().unwrap_or("")),
                Cell::Text(a.due.as_deref().unwrap_or("")),
                Cell::Text(&a.status),
            ]
        })
        .collect();
    d.table("Actions", &columns, &rows, false)
}

/// The headline numbers, then contributions per kind and actions per
/// status.
fn statistics(r: &EventReport, d: &mut Doc) -> Out {
    d.heading(1, r.label("stats"))?;
    let count = r.label("count");
    let totals = r.stats.totals(r.language);
    let columns = [text("", "Col_12"), number(count, "Col_5")];
    let rows: Vec<Vec<Cell>> = totals
        .iter()
        .map(|(label, value)| vec![Cell::Text(label), Cell::Count(*value)])
        .collect();
    d.table("Totals", &columns, &rows, false)?;
    let s = &r.stats;
    let by_kind = [r.label("kind"), count];
    counts(d, "By_kind", r.label("by_kind"), by_kind, &s.by_kind)?;
    let by_status = [r.label("status"), count];
    let caption = r.label("actions_by_status");
    counts(
        d,
        "Actions_by_status",
        caption,
        by_status,
        &s.actions_by_status,
    )
}

//! The event report as CSV, with the session CSV's conventions
//! (`report::csv`): UTF-8 with a BOM, the event language's separator,
//! every cell cleaned and neutralised so no spreadsheet evaluates it.
//! One row per part of an atelier (its question, synthesis, each building
//! block, its proposal), then one per action, each with its atelier.

use super::EventReport;
use crate::i18n::t;
use crate::report::csv::{neutralise, spreadsheet};

const HEADERS: [&str; 9] = [
    "event.atelier",
    "event.csv_date",
    "event.lead",
    "event.participants",
    "event.csv_part",
    "event.csv_text",
    "report.action_who",
    "report.action_due",
    "report.action_status",
];

pub fn write(r: &EventReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let lang = r.language;
    let mut w = spreadsheet(out, lang)?;
    w.write_record(HEADERS.map(|h| t(lang, h)))?;
    for a in &r.ateliers {
        let s = &a.synthesis;
        let mut parts = vec![
            (r.label("question").to_string(), a.question.clone()),
            (r.label("synthesis").to_string(), s.text.clone()),
        ];
        for (title, text) in &s.blocks {
            parts.push((
                s.blocks_heading.clone(),
                format!("{title}{}{text}", r.colon),
            ));
        }
        parts.push((r.label("proposal").to_string(), s.proposal.clone()));
        let people = a.participant_count.to_string();
        for (part, text) in parts.iter().filter(|(_, text)| !text.trim().is_empty()) {
            w.write_record([
                neutralise(&a.title),
                a.iso_date.clone(),
                neutralise(&a.lead),
                people.clone(),
                neutralise(part),
                neutralise(text),
                String::new(),
                String::new(),
                String::new(),
            ])?;
        }
    }
    let action = t(lang, "csv.action");
    for e in &r.actions {
        let a = &e.action;
        w.write_record([
            neutralise(&e.atelier),
            String::new(),
            String::new(),
            String::new(),
            neutralise(action),
            neutralise(&a.text),
            neutralise(a.who.as_deref().unwrap_or("")),
            a.iso_due.clone().unwrap_or_default(),
            neutralise(&a.status),
        ])?;
    }
    w.flush()
}

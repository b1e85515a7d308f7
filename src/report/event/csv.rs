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
            // A block may be a title alone: no colon left dangling.
            let cell = match text.trim() {
                "" => title.clone(),
                _ => format!("{title}{}{text}", r.colon),
            };
            parts.push((s.blocks_heading.clone(), cell));
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

#[cfg(test)]
mod tests {
    use super::super::EventReport;
    use crate::templates::Catalog;

    #[test]
    fn a_block_without_text_is_its_title_alone() {
        let catalog = Catalog::built_in();
        let mut data = crate::bundle::parse("sample", crate::tui::SAMPLE, &catalog).unwrap();
        data.synthesis.blocks.truncate(1);
        data.synthesis.blocks[0].title = "outils communs".into();
        data.synthesis.blocks[0].text = String::new();
        let report = EventReport::build("Emergence", [data]);
        let mut out = Vec::new();
        super::write(&report, &mut out).unwrap();
        let csv = String::from_utf8(out).unwrap();
        let row = csv.lines().find(|l| l.contains("outils communs")).unwrap();
        assert!(row.contains(";outils communs;"), "{row}");
    }
}

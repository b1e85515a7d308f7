//! The hostile corpus through the event report: a session carrying the
//! corpus in every field, as the one atelier of an event named after a
//! payload, rendered in each format and checked as the session report is.

use super::{assert_terminal_safe, corpus, inert, renderers};
use atelier::model::{Anonymity, SessionData};
use atelier::report::event::{bytes, render, EventReport};
use atelier::report::Format;
use inert::{check, MARKDOWN_ELEMENTS, REPORT_ELEMENTS};

/// The event of one hostile atelier, and the payloads it must show.
fn event(data: SessionData) -> (EventReport, Vec<String>) {
    let s = &data.session;
    let shown = vec![
        s.event.clone(),
        s.title.clone(),
        s.question.clone(),
        data.synthesis.text.clone(),
        data.synthesis.proposal.clone(),
    ];
    let name = s.event.clone();
    (EventReport::build(&name, [data]), shown)
}

#[test]
fn event_reports_of_the_corpus_are_inert() {
    for corpus in corpus::load() {
        let (r, shown) = event(corpus::session(&corpus));
        let what = |f: &str| format!("event report of {} as {f}", corpus.name);

        let html = render(Format::Html, &r);
        let text = check(
            &what("HTML"),
            &html,
            REPORT_ELEMENTS,
            inert::report_attribute,
        );
        inert::assert_shows(&what("HTML"), &text, &shown);
        assert_terminal_safe(&what("HTML"), &html);

        let md = render(Format::Markdown, &r);
        assert_terminal_safe(&what("Markdown"), &md);
        let html = renderers::commonmark(&md);
        let text = check(
            &what("Markdown"),
            &html,
            MARKDOWN_ELEMENTS,
            inert::markdown_attribute,
        );
        inert::assert_shows(&what("Markdown"), &text, &shown);
        if let Some(html) = renderers::pandoc(&md) {
            check(
                &what("pandoc"),
                &html,
                inert::PANDOC_ELEMENTS,
                inert::pandoc_attribute,
            );
        }

        let csv = render(Format::Csv, &r);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(atelier::report::csv_delimiter(r.language))
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                let first = cell.trim_start_matches(invisible).chars().next();
                assert!(
                    !matches!(
                        first,
                        Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
                    ),
                    "{}: formula cell {cell:?}",
                    what("CSV")
                );
                assert!(!cell
                    .chars()
                    .any(|c| c != '\n' && atelier::text::is_unsafe(c)));
            }
        }

        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &r)).unwrap();
        assert_eq!(json["event"], shown[0], "JSON keeps the data");
        assert_eq!(json["ateliers"][0]["question"], shown[2]);
    }
}

/// The PDF and the ODT as the session's are checked (`pdf.rs`, `odt.rs`):
/// the PDF's pages show every line, as text poppler finds; the ODT's
/// content holds only the renderer's elements, shows every payload as
/// itself and leaves no `<` of one raw in its XML.
#[test]
fn event_pdf_and_odt_of_the_corpus_show_every_payload_as_text() {
    for corpus in corpus::load() {
        let (r, shown) = event(corpus::session(&corpus));
        let what = |f: &str| format!("event report of {} as {f}", corpus.name);

        let pdf = bytes(Format::Pdf, &r);
        super::pdf::assert_pdf_shows(&what("PDF"), &pdf, &shown);

        let package = bytes(Format::Odt, &r);
        let content = super::odt::entry(&package, "content.xml");
        let doc =
            roxmltree::Document::parse(&content).unwrap_or_else(|e| panic!("{}: {e}", what("ODT")));
        let text = super::odt::outline(super::odt::checked_body(&what("ODT"), &doc));
        inert::assert_shows(&what("ODT"), &text, &shown);
        assert_terminal_safe(&what("ODT"), &text);
        for line in shown.iter().flat_map(|p| super::corpus::expected_lines(p)) {
            if line.contains('<') {
                assert!(!content.contains(&line), "{}: {line:?} raw", what("ODT"));
            }
        }
        let meta = super::odt::entry(&package, "meta.xml");
        let meta = roxmltree::Document::parse(&meta).unwrap();
        let title = meta.descendants().find(|n| n.has_tag_name("title"));
        let name = atelier::text::clean(&r.name, false);
        assert_eq!(title.and_then(|n| n.text()), Some(name.trim()));
    }
}

#[test]
fn an_anonymous_hostile_atelier_names_no_one_in_any_format() {
    for corpus in corpus::load() {
        let mut data = corpus::session(&corpus);
        data.session.anonymity = Anonymity::Anonymous;
        // Plain, unique names, so that finding one in any format (escaped
        // or not) is certain.
        for (i, p) in data.participants.iter_mut().enumerate() {
            p.name = format!("Secretname{i}");
        }
        let people: Vec<_> = data
            .participants
            .iter()
            .map(|p| (p.id, p.name.clone()))
            .collect();
        // Each person does an action too: the action table must say
        // "a participant", never their name.
        for (i, (id, _)) in people.iter().enumerate() {
            data.actions.push(atelier::model::Action {
                id: atelier::model::new_id(),
                text: corpus.payloads[i % corpus.payloads.len()].clone(),
                who_participant: Some(*id),
                who_name: String::new(),
                due: None,
                done: i % 2 == 0,
                created_at: data.session.created_at,
                removed_at: None,
                carried_from: None,
                carried_to: None,
            });
        }
        let (r, _) = event(data);
        let formats = [
            Format::Markdown,
            Format::Html,
            Format::Csv,
            Format::Json,
            Format::Odt,
            Format::Pdf,
        ];
        for format in formats {
            let out = render(format, &r);
            for (_, name) in &people {
                assert!(
                    !out.contains(name.as_str()),
                    "{} as {format:?} names {name:?}",
                    corpus.name
                );
            }
        }
    }
}

/// What a spreadsheet may skip before a formula's sign.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

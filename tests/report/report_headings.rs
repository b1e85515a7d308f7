//! Every format titles the report's sections alike: the headings of
//! `report::sections` (the appendix's "Annexe : Statistiques" included)
//! are the section headings of Markdown, HTML, ODT and PDF.

use crate::common;
use atelier::report::{bytes, render, sections, Format, Report, Section};
use std::io::Read;

fn expected(data: &atelier::model::SessionData) -> Vec<String> {
    // As readers get them: with the language's typography.
    let r = Report::for_reading(data, Default::default());
    sections(&r)
        .iter()
        .filter(|s| !matches!(s, Section::Cover(_)))
        .map(|s| s.heading(&r))
        .collect()
}

/// The ODT's headings of outline level 1.
fn odt_headings(package: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut xml = String::new();
    zip.by_name("content.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("h") && n.attributes().any(|a| a.value() == "1"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

#[test]
fn the_section_headings_read_the_same_in_every_format() {
    let data = common::sample_data();
    let headings = expected(&data);
    assert!(
        headings.iter().any(|h| h.contains("Statistiques")),
        "{headings:?}"
    );
    let markdown = render(Format::Markdown, &data);
    let html = scraper::Html::parse_document(&render(Format::Html, &data));
    let h2 = scraper::Selector::parse("section > h2").unwrap();
    let html_headings: Vec<String> = html.select(&h2).map(|h| h.text().collect()).collect();
    let odt = odt_headings(&bytes(Format::Odt, &data));
    let pdf = common::pdf::pages(&bytes(Format::Pdf, &data)).map(|p| p.concat());
    for heading in &headings {
        assert!(
            markdown.contains(&format!("\n## {heading}\n")),
            "md: {heading}"
        );
        assert!(
            html_headings.contains(heading),
            "html: {heading} in {html_headings:?}"
        );
        assert!(odt.contains(heading), "odt: {heading} in {odt:?}");
        if let Some(pdf) = &pdf {
            // pdftotext gives a no-break space as a plain one.
            let plain = heading.replace(['\u{a0}', '\u{202f}'], " ");
            assert!(pdf.contains(&format!("\n{plain}\n")), "pdf: {heading}");
        }
    }
}

//! The cover of every format says where the workshop took place, when
//! the session says so: PDF (read back by `pdftotext`), ODT (its
//! `content.xml` parsed), the report JSON, Markdown and HTML.

use crate::common;
use atelier::report::{bytes, render, Format};
use std::io::Read;

const PLACE: &str = "Salle du conseil, mairie de Quimper";

fn with_place() -> atelier::model::SessionData {
    let mut data = common::sample_data();
    data.session.place = PLACE.to_string();
    data
}

/// The text of the ODT's first page: its paragraphs before the first heading.
fn odt_cover(package: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut xml = String::new();
    zip.by_name("content.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name("text"))
        .expect("office:text");
    body.children()
        .filter(|n| n.is_element())
        .take_while(|n| !n.has_tag_name("h"))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_place_is_on_the_cover_of_every_format() {
    let data = with_place();
    assert!(odt_cover(&bytes(Format::Odt, &data)).contains(PLACE));
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    assert_eq!(json["place"], PLACE);
    assert!(render(Format::Markdown, &data).contains(PLACE));
    assert!(render(Format::Html, &data).contains(PLACE));
    if let Some(pages) = common::pdf::pages(&bytes(Format::Pdf, &data)) {
        let first = common::pdf::squeezed(&pages[0]);
        assert!(
            first.contains(&common::pdf::squeezed(PLACE)),
            "{}",
            pages[0]
        );
    }
}

#[test]
fn no_place_said_leaves_no_trace_on_the_cover() {
    let data = common::sample_data();
    assert!(data.session.place.is_empty());
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    assert_eq!(json["place"], "");
    assert!(!odt_cover(&bytes(Format::Odt, &data)).contains(" ·  "));
}

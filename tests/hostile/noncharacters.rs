//! Unicode's noncharacters (U+FFFE, U+FFFF, U+FDD0…) in a title and a
//! contribution: XML 1.0 cannot hold U+FFFE or U+FFFF, so a PDF's XMP
//! metadata holding them is invalid; every format shows them as U+FFFD,
//! through the one cleaning function (`atelier::text::clean`).

use super::common;
use atelier::report::{bytes, render, Format};

const ODD: &str = "a\u{FFFE}b\u{FFFF}c\u{FDD0}d\u{1FFFF}e";

fn session() -> atelier::model::SessionData {
    let mut data = common::sample_data();
    data.session.title = format!("Titre {ODD}");
    data.contributions[0].text = format!("Constat {ODD}");
    data
}

fn has_noncharacter(text: &str) -> bool {
    text.chars().any(atelier::text::is_noncharacter)
}

#[test]
fn the_pdfs_xmp_metadata_is_well_formed_xml_without_noncharacters() {
    let pdf = bytes(Format::Pdf, &session());
    let start = find(&pdf, b"<x:xmpmeta").expect("the PDF has XMP metadata");
    let end = find(&pdf[start..], b"</x:xmpmeta>").expect("the XMP ends") + start;
    let xmp = std::str::from_utf8(&pdf[start..end + "</x:xmpmeta>".len()]).unwrap();
    assert!(!has_noncharacter(xmp), "{xmp}");
    let doc = roxmltree::Document::parse(xmp).unwrap_or_else(|e| panic!("{e}: {xmp}"));
    let title: String = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "title")
        .flat_map(|n| n.descendants().filter_map(|t| t.text()))
        .collect();
    assert!(title.contains("a\u{FFFD}b\u{FFFD}c"), "{title:?}");
}

#[test]
fn html_and_markdown_show_noncharacters_as_replacement_characters() {
    let data = session();
    for format in [Format::Html, Format::Markdown] {
        let text = render(format, &data);
        assert!(!has_noncharacter(&text), "{format:?}");
        assert!(
            text.contains("a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"),
            "{format:?}"
        );
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

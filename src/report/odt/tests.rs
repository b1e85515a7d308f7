use super::doc::Doc;
use super::package::MIMETYPE;
use super::*;
use crate::model::{Lang, MAX_DEPTH};
use crate::report::outline::fixtures::{chain, sample_report, tree};
use std::io::Read;

const TEXT_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

fn odt(r: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    write(r, &mut out).unwrap();
    out
}

fn entry(package: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// What `Doc` wrote, inside a paragraph of a document declaring `text:`.
fn fragment(write: impl FnOnce(&mut Doc) -> io::Result<()>) -> String {
    let mut d = Doc::new();
    write(&mut d).unwrap();
    String::from_utf8(d.into_bytes()).unwrap()
}

fn parse(fragment: &str) -> String {
    format!(r#"<root xmlns:text="{TEXT_NS}" xmlns:table="t" xmlns:office="o">{fragment}</root>"#)
}

#[test]
fn text_is_escaped_and_keeps_its_spaces_and_lines() {
    let xml = fragment(|d| d.text("<b>&amp;</b>  x   y\n  z"));
    assert_eq!(
        xml,
        "&lt;b&gt;&amp;amp;&lt;/b&gt; <text:s text:c=\"1\"/>x <text:s text:c=\"2\"/>y\
         <text:line-break/><text:s text:c=\"2\"/>z"
    );
}

#[test]
fn characters_xml_forbids_and_bidi_overrides_become_replacement_characters() {
    let xml = fragment(|d| d.text("a\u{1b}[2J\u{0}b\u{7}\u{202e}c\u{2066}\u{FFFE}\u{FFFF}\u{9b}d"));
    assert_eq!(
        xml,
        "a\u{FFFD}[2J\u{FFFD}b\u{FFFD}\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}d"
    );
    roxmltree::Document::parse(&parse(&xml)).expect("well-formed");
}

/// The depth of each list item's paragraph: how many `text:list` enclose it.
fn list_depths(xml: &str) -> Vec<(String, usize)> {
    let wrapped = parse(xml);
    let doc = roxmltree::Document::parse(&wrapped).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((TEXT_NS, "p")))
        .map(|p| {
            let lists = p
                .ancestors()
                .filter(|a| a.has_tag_name((TEXT_NS, "list")))
                .count();
            assert_eq!(
                p.parent().unwrap().tag_name().name(),
                "list-item",
                "each item's paragraph sits in its list item"
            );
            (p.text().unwrap_or("").to_string(), lists - 1)
        })
        .collect()
}

#[test]
fn lists_nest_as_the_items_do() {
    let depths = [0, 1, 2, 2, 1, 0, 1, 2, 3, 0];
    let xml = fragment(|d| d.items(&tree(&depths), " : "));
    let got: Vec<usize> = list_depths(&xml).into_iter().map(|(_, d)| d).collect();
    assert_eq!(got, depths);
}

#[test]
fn nesting_stops_at_the_deepest_level_without_recursion() {
    let xml = fragment(|d| d.items(&chain(MAX_DEPTH + 2_000), " : "));
    let depths = list_depths(&xml);
    assert_eq!(depths.len(), MAX_DEPTH + 2_001);
    assert_eq!(depths.iter().map(|(_, d)| *d).max(), Some(MAX_DEPTH));
    assert_eq!(depths[MAX_DEPTH].1, MAX_DEPTH);
    assert_eq!(depths.last().unwrap().1, MAX_DEPTH);
}

#[test]
fn the_package_starts_with_its_mimetype_stored() {
    let package = odt(&sample_report());
    // What a reader checks first: a local header, then "mimetype" and the
    // type itself at offset 38, uncompressed, no extra field.
    assert_eq!(&package[..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([package[8], package[9]]), 0, "stored");
    assert_eq!(
        u16::from_le_bytes([package[28], package[29]]),
        0,
        "no extra"
    );
    assert_eq!(&package[30..38], b"mimetype");
    assert_eq!(&package[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
    let zip = zip::ZipArchive::new(std::io::Cursor::new(&package)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for name in [
        "META-INF/manifest.xml",
        "content.xml",
        "styles.xml",
        "meta.xml",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert_eq!(names[0], "mimetype");
    for name in [
        "META-INF/manifest.xml",
        "content.xml",
        "styles.xml",
        "meta.xml",
    ] {
        roxmltree::Document::parse(&entry(&package, name))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let r = sample_report();
    assert!(odt(&r) == odt(&r));
}

#[test]
fn styles_carry_the_sessions_language_and_an_a4_page() {
    for (lang, language, country) in [(Lang::Fr, "fr", "FR"), (Lang::En, "en", "GB")] {
        let styles = package::styles(lang);
        assert!(!styles.contains("\"LANGUAGE\"") && !styles.contains("\"COUNTRY\""));
        let doc = roxmltree::Document::parse(&styles).unwrap();
        let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
        let default = doc
            .descendants()
            .find(|n| n.tag_name().name() == "default-style")
            .unwrap();
        let props = default
            .children()
            .find(|n| n.tag_name().name() == "text-properties")
            .unwrap();
        assert_eq!(props.attribute((fo, "language")), Some(language));
        assert_eq!(props.attribute((fo, "country")), Some(country));
        let page = doc
            .descendants()
            .find(|n| n.tag_name().name() == "page-layout-properties")
            .unwrap();
        assert_eq!(page.attribute((fo, "page-width")), Some("21cm"));
        assert_eq!(page.attribute((fo, "page-height")), Some("29.7cm"));
    }
}

#[test]
fn the_properties_hold_the_title_and_the_sessions_date() {
    let mut r = sample_report();
    r.title = "Réunion <b>&\u{1b}".into();
    let meta = entry(&odt(&r), "meta.xml");
    let doc = roxmltree::Document::parse(&meta).unwrap();
    let field = |name: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(field("title").as_deref(), Some("Réunion <b>&\u{FFFD}"));
    assert_eq!(
        field("creation-date").as_deref(),
        Some("2021-06-10T00:00:00")
    );
    assert_eq!(field("language").as_deref(), Some("fr-FR"));
}

/// A paragraph's text as an ODF reader shows it: white space folded into
/// one space, none at the paragraph's edges or after another space (even
/// across a span's edge), `text:s` giving spaces that are never folded.
fn as_shown(fragment: &str) -> String {
    let wrapped = parse(&format!("<text:p>{fragment}</text:p>"));
    let doc = roxmltree::Document::parse(&wrapped).unwrap();
    let mut shown = String::new();
    // A folded space waits for a character after it: none ends a paragraph.
    let mut folded = false;
    for node in doc.descendants() {
        if node.has_tag_name((TEXT_NS, "s")) {
            let count: usize = node
                .attribute((TEXT_NS, "c"))
                .map_or(1, |c| c.parse().unwrap());
            shown.push_str(&" ".repeat(count));
            folded = false;
        } else if let Some(text) = node.text().filter(|_| node.is_text()) {
            for c in text.chars() {
                if c.is_whitespace() {
                    folded = !shown.is_empty() && !shown.ends_with(' ');
                } else {
                    if std::mem::take(&mut folded) {
                        shown.push(' ');
                    }
                    shown.push(c);
                }
            }
        }
    }
    shown
}

#[test]
fn spaces_at_the_edges_of_a_text_or_a_span_are_kept() {
    let xml = fragment(|d| {
        d.span("Emphasis", "Synthèse ")?;
        d.literal(" : ")?;
        d.text("à compléter par le terrain")?;
        d.text(" — Jacky LE BIHAN")
    });
    assert_eq!(
        as_shown(&xml),
        "Synthèse  : à compléter par le terrain — Jacky LE BIHAN",
        "{xml}"
    );
    let xml = fragment(|d| d.text("  deux espaces devant"));
    assert_eq!(as_shown(&xml), "  deux espaces devant", "{xml}");
}

/// The cover's lead and participants are labelled lines, not section
/// headings; the chronological log is a table with the stage column, as
/// in the PDF and the HTML.
#[test]
fn the_cover_is_a_compact_block_and_the_log_a_table() {
    let r = sample_report();
    let content = entry(&odt(&r), "content.xml");
    for label in [r.label("lead"), r.label("participants")] {
        assert!(
            !content.contains(&format!(">{label}</text:h>")),
            "{label} is a heading"
        );
        assert!(
            content.contains(&format!(">{label}</text:span>")),
            "{label}"
        );
    }
    let log = &content[content.find(r#"table:name="Log""#).expect("a log table")..];
    assert!(log.contains(&format!(">{}</text:p>", r.label("stage"))));
}

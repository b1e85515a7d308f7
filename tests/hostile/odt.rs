//! The ODT report, read as a word processor reads it: the package unzipped,
//! `content.xml` and `meta.xml` parsed by a real XML parser (roxmltree).
//! The corpus must stay text (only the elements the renderer writes, every
//! payload shown as itself), the sample keeps its structure (headings with
//! outline levels, nested lists, tables) and its text (a golden file), and
//! LibreOffice converts every one of them to PDF where it is installed.

use super::{corpus, golden, inert};
use atelier::model::MAX_DEPTH;
use atelier::report::{bytes, Format};
use roxmltree::{Document, Node};
use std::io::Read;
use std::path::Path;

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

/// An entry of the package, as text.
pub fn entry(package: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut text = String::new();
    let mut file = zip.by_name(name).unwrap();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The elements the renderer writes in the body: headings, paragraphs,
/// spans, kept spaces, line breaks, lists and tables. No link, frame,
/// image, field, note, annotation or script.
const BODY_ELEMENTS: &[&str] = &[
    "text:h",
    "text:p",
    "text:span",
    "text:s",
    "text:line-break",
    "text:list",
    "text:list-item",
    "table:table",
    "table:table-column",
    "table:table-header-rows",
    "table:table-row",
    "table:table-cell",
];

const BODY_ATTRIBUTES: &[&str] = &[
    "text:style-name",
    "text:outline-level",
    "text:c",
    "table:name",
    "table:style-name",
    "office:value-type",
    "office:value",
];

fn prefixed(node: Node, name: &str, ns: Option<&str>) -> String {
    let prefix = ns.and_then(|ns| node.lookup_prefix(ns)).unwrap_or("");
    format!("{prefix}:{name}")
}

/// The body (`office:text`) of `content.xml`; panics unless it holds only
/// the renderer's elements and attributes.
pub fn checked_body<'a>(what: &str, doc: &'a Document) -> Node<'a, 'a> {
    let body = doc
        .descendants()
        .find(|n| n.tag_name().name() == "text" && n.parent().unwrap().tag_name().name() == "body")
        .expect("office:text");
    for node in body.descendants().skip(1) {
        if !node.is_element() {
            assert!(node.is_text(), "{what}: {node:?} in the body");
            continue;
        }
        let name = prefixed(node, node.tag_name().name(), node.tag_name().namespace());
        assert!(BODY_ELEMENTS.contains(&name.as_str()), "{what}: <{name}>");
        for a in node.attributes() {
            let attr = prefixed(node, a.name(), a.namespace());
            assert!(
                BODY_ATTRIBUTES.contains(&attr.as_str()),
                "{what}: {attr} on <{name}>"
            );
        }
    }
    body
}

/// A paragraph's text as it reads: kept spaces and line breaks included.
fn text(node: Node) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if n.is_text() {
            out.push_str(n.text().unwrap());
        } else if n.has_tag_name((TEXT, "s")) {
            let count: usize = n.attribute((TEXT, "c")).map_or(1, |c| c.parse().unwrap());
            out.push_str(&" ".repeat(count));
        } else if n.has_tag_name((TEXT, "line-break")) {
            out.push('\n');
        }
    }
    out
}

/// The body as plain text: a line per heading (`#` per outline level),
/// paragraph, list item (indented two spaces per level) and table row
/// (cells between `|`).
pub fn outline(body: Node) -> String {
    let mut out = String::new();
    for n in body.descendants() {
        let depth = n
            .ancestors()
            .filter(|a| a.has_tag_name((TEXT, "list")))
            .count();
        if n.has_tag_name((TEXT, "h")) {
            let level: usize = n
                .attribute((TEXT, "outline-level"))
                .unwrap()
                .parse()
                .unwrap();
            out += &format!("{} {}\n", "#".repeat(level), text(n));
        } else if n.has_tag_name((TABLE, "table-row")) {
            let cells: Vec<String> = n.children().filter(|c| c.is_element()).map(text).collect();
            out += &format!("| {} |\n", cells.join(" | "));
        } else if n.has_tag_name((TEXT, "p"))
            && !n.ancestors().any(|a| a.has_tag_name((TABLE, "table")))
        {
            match depth {
                0 => out += &format!("{}\n", text(n)),
                _ => out += &format!("{}- {}\n", "  ".repeat(depth - 1), text(n)),
            }
        }
    }
    out
}

fn list_depth(body: Node) -> usize {
    body.descendants()
        .filter(|n| n.has_tag_name((TEXT, "list-item")))
        .map(|n| {
            n.ancestors()
                .filter(|a| a.has_tag_name((TEXT, "list")))
                .count()
                - 1
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn odt_reports_of_the_corpus_are_text_and_show_every_payload() {
    for corpus in corpus::load() {
        let what = format!("ODT report of {}", corpus.name);
        let package = bytes(Format::Odt, &corpus::session(&corpus));
        let content = entry(&package, "content.xml");
        let doc = Document::parse(&content).unwrap_or_else(|e| panic!("{what}: {e}"));
        let body = checked_body(&what, &doc);
        let shown = outline(body);
        // U+FFFE and U+FFFF, which XML 1.0 forbids, would show as U+FFFD
        // as the controls do; the corpus holds none.
        inert::assert_shows(&what, &shown, &corpus.payloads);
        super::assert_terminal_safe(&what, &shown);
        assert_eq!(
            list_depth(body),
            MAX_DEPTH,
            "{what}: the chain nests to the limit"
        );
        // Shown as itself above, so `&` was escaped; and no `<` of a
        // payload is left raw in the XML.
        for line in corpus
            .payloads
            .iter()
            .flat_map(|p| corpus::expected_lines(p))
        {
            if line.contains('<') {
                assert!(!content.contains(&line), "{what}: {line:?} unescaped");
            }
        }
        let meta = entry(&package, "meta.xml");
        let meta = Document::parse(&meta).unwrap_or_else(|e| panic!("{what} meta: {e}"));
        let title = atelier::text::clean(&corpus.payloads[0], false);
        assert_eq!(
            meta.descendants()
                .find(|n| n.tag_name().name() == "title")
                .and_then(|n| n.text()),
            Some(title.trim())
        );
    }
}

#[test]
fn an_odt_chain_past_the_limit_lines_up_on_the_deepest_level() {
    let corpus = &corpus::load()[0];
    let mut data = corpus::session(corpus);
    corpus::chain(&mut data, 600, &["deep".to_string()]);
    let content = entry(&bytes(Format::Odt, &data), "content.xml");
    let doc = Document::parse(&content).unwrap();
    let body = checked_body("deep ODT", &doc);
    assert_eq!(list_depth(body), MAX_DEPTH);
    let deep = format!("{}- deep\n", "  ".repeat(MAX_DEPTH));
    assert!(outline(body).matches(&deep).count() > 600 - MAX_DEPTH);
}

/// The sample's ODT as text, against `tests/data/golden/sample.odt.txt`
/// (`ATELIER_WRITE_GOLDEN` rewrites it: review the diff).
#[test]
fn the_sample_odt_reads_as_its_golden_text() {
    let (_, data) = golden::stored()
        .into_iter()
        .find(|(n, _)| n == "sample")
        .unwrap();
    let content = entry(&bytes(Format::Odt, &data), "content.xml");
    let doc = Document::parse(&content).unwrap();
    let shown = outline(checked_body("sample ODT", &doc));
    let file = golden::dir().join("sample.odt.txt");
    if std::env::var_os("ATELIER_WRITE_GOLDEN").is_some() {
        std::fs::write(&file, &shown).unwrap();
    }
    let want = std::fs::read_to_string(&file).unwrap();
    assert!(
        shown == want,
        "the sample's ODT differs from {file:?}:\n{shown}"
    );
    // Its structure: sections and sub-sections in the outline, sub-points
    // nested, the time table with its heading row, four stages and a total.
    let headings = |level: &str| {
        doc.descendants()
            .filter(|n| n.attribute((TEXT, "outline-level")) == Some(level))
            .map(text)
            .collect::<Vec<_>>()
    };
    assert!(headings("1").contains(&"Idées à creuser".to_string()));
    assert!(headings("2").contains(&"Constats".to_string()));
    assert_eq!(list_depth(doc.root()), 2);
    let time = doc
        .descendants()
        .find(|n| n.attribute((TABLE, "name")) == Some("Time_by_stage"))
        .unwrap();
    let rows = time
        .descendants()
        .filter(|n| n.has_tag_name((TABLE, "table-row")));
    assert_eq!(rows.count(), 6);
}

/// Every ODT converted to PDF by LibreOffice in one run, each in a
/// profile of its own so that no other LibreOffice interferes.
#[test]
fn libreoffice_converts_every_odt_to_pdf() {
    let Some(office) = ["libreoffice", "soffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        let message = "LibreOffice is not installed: the ODT conversion check is SKIPPED \
                       (apt-get install libreoffice-writer)";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("{message}");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut names = vec![("sample".to_string(), super::common::sample_data())];
    for corpus in corpus::load() {
        names.push((corpus.name.replace('.', "-"), corpus::session(&corpus)));
    }
    let files: Vec<_> = names
        .iter()
        .map(|(name, data)| {
            let file = dir.path().join(format!("{name}.odt"));
            std::fs::write(&file, bytes(Format::Odt, data)).unwrap();
            file
        })
        .collect();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let out = std::process::Command::new(office)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{office}: {out:?}");
    for file in &files {
        let pdf = std::fs::read(file.with_extension("pdf"))
            .unwrap_or_else(|e| panic!("{office} made no PDF of {file:?}: {e}\n{out:?}"));
        assert!(pdf.starts_with(b"%PDF") && pdf.len() > 1_000, "{file:?}");
    }
    pdf_shows_title(&dir.path().join("sample.pdf"));
}

/// The sample's PDF holds its title, where pdftotext is installed.
fn pdf_shows_title(pdf: &Path) {
    let Ok(out) = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
    else {
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Atelier 5 - Emergence - Session 1"), "{text}");
}

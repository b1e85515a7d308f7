//! PDF reports (the session's, and the event's in `event::pdf`, built
//! from the same blocks and tables): A4 pages laid out by our own small engine (`layout`, with
//! line breaking in `wrap`) and written by krilla, which embeds only the
//! glyphs used of the DejaVu Sans fonts built into the binary.
//!
//! The layout runs twice: once to count the pages (nothing is kept), then
//! to draw them with "page / pages" in each footer. Each pass holds one
//! page of drawing at a time; the PDF itself is assembled in memory by
//! krilla (compressed, with subset fonts) and then written to `out`.

pub(in crate::report) mod blocks;
mod draw;
mod fallback;
mod font;
pub(in crate::report) mod layout;
pub(in crate::report) mod sections;
pub(in crate::report) mod tables;
mod wrap;

use super::Report;
pub use fallback::take_missing;
use font::{Fonts, Metrics};
use layout::{Layout, Mark, Page};
use std::io::{self, Write};

/// Writes the session's report as PDF to `out`.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_document(&r.title, r.lang, &|l| sections::all(r, l), out)
}

/// The text the session report's pages show (see [`document_text`]).
pub fn text(r: &Report) -> String {
    document_text(&r.title, &|l| sections::all(r, l))
}

/// Writes a document whose `body` lays itself out with the building
/// blocks (`blocks`, `tables`), titled `title` (in its properties and in
/// each page's footer), in the language `lang` (a BCP 47 code).
pub(in crate::report) fn write_document(
    title: &str,
    lang: &str,
    body: &dyn Fn(&mut Layout),
    out: &mut dyn Write,
) -> io::Result<()> {
    let metrics = Metrics::new();
    let (total, _) = lay_out(title, body, &metrics, None, &mut |_| {});
    let fonts = Fonts::new();
    let mut doc = krilla::Document::new();
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(crate::text::clean(title, false))
            .language(lang.to_string())
            .creator("Atelier".to_string()),
    );
    let (_, marks) = lay_out(title, body, &metrics, Some(total), &mut |page| {
        draw::page(&mut doc, &fonts, &metrics, page)
    });
    doc.set_outline(outline(&marks));
    let bytes = doc
        .finish()
        .map_err(|e| io::Error::other(format!("PDF: {e:?}")))?;
    out.write_all(&bytes)
}

/// The text the pages show, line by line, a blank line between pages:
/// what a reader (or a test) finds in the PDF, without a PDF reader.
pub(in crate::report) fn document_text(title: &str, body: &dyn Fn(&mut Layout)) -> String {
    let metrics = Metrics::new();
    let mut out = String::new();
    lay_out(title, body, &metrics, None, &mut |page: Page| {
        for op in page.ops {
            if let layout::Op::Text { text, .. } = op {
                out.push_str(&text);
                out.push('\n');
            }
        }
        out.push('\n');
    });
    out
}

/// The PDF's bookmarks: a section's heading at the top level, the parts
/// within it (levels 2 and 3) under it.
fn outline(marks: &[Mark]) -> krilla::outline::Outline {
    use krilla::destination::XyzDestination;
    use krilla::outline::OutlineNode;
    let node = |m: &Mark| {
        let at = krilla::geom::Point::from_xy(layout::MARGIN, m.y);
        let title = crate::text::clean(&m.text, false);
        OutlineNode::new(title, XyzDestination::new(m.page, at))
    };
    let mut sections: Vec<(OutlineNode, Vec<OutlineNode>)> = Vec::new();
    for mark in marks {
        match sections.last_mut() {
            Some((_, parts)) if mark.level > 1 => parts.push(node(mark)),
            _ => sections.push((node(mark), Vec::new())),
        }
    }
    let mut outline = krilla::outline::Outline::new();
    for (mut section, parts) in sections {
        parts.into_iter().for_each(|p| section.push_child(p));
        outline.push_child(section);
    }
    outline
}

/// Lays the document out, handing each page to `sink`; returns the count
/// and where each heading landed.
fn lay_out(
    title: &str,
    body: &dyn Fn(&mut Layout),
    metrics: &Metrics,
    total: Option<usize>,
    sink: &mut dyn FnMut(Page),
) -> (usize, Vec<Mark>) {
    let footer = crate::text::clean(title, false);
    let mut layout = Layout::new(metrics, footer, total, sink);
    body(&mut layout);
    layout.finish()
}

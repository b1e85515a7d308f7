//! PDF report: A4 pages laid out by our own small engine (`layout`, with
//! line breaking in `wrap`) and written by krilla, which embeds only the
//! glyphs used of the DejaVu Sans fonts built into the binary.
//!
//! The layout runs twice: once to count the pages (nothing is kept), then
//! to draw them with "page / pages" in each footer. Each pass holds one
//! page of drawing at a time; the PDF itself is assembled in memory by
//! krilla (compressed, with subset fonts) and then written to `out`.

mod blocks;
mod draw;
mod fallback;
mod font;
mod layout;
mod sections;
mod tables;
mod wrap;

use super::Report;
pub use fallback::take_missing;
use font::{Fonts, Metrics};
use layout::{Layout, Page};
use std::io::{self, Write};

pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let metrics = Metrics::new();
    let total = lay_out(r, &metrics, None, &mut |_| {});
    let fonts = Fonts::new();
    let mut doc = krilla::Document::new();
    doc.set_metadata(
        krilla::metadata::Metadata::new()
            .title(crate::text::clean(&r.title, false))
            .language(r.lang.to_string())
            .creator("Atelier".to_string()),
    );
    lay_out(r, &metrics, Some(total), &mut |page| {
        draw::page(&mut doc, &fonts, &metrics, page)
    });
    let bytes = doc
        .finish()
        .map_err(|e| io::Error::other(format!("PDF: {e:?}")))?;
    out.write_all(&bytes)
}

/// Lays the report out, handing each page to `sink`; returns the count.
/// The text the pages show, line by line, a blank line between pages:
/// what a reader (or a test) finds in the PDF, without a PDF reader.
pub fn text(r: &Report) -> String {
    let metrics = Metrics::new();
    let mut out = String::new();
    lay_out(r, &metrics, None, &mut |page: Page| {
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

fn lay_out(
    r: &Report,
    metrics: &Metrics,
    total: Option<usize>,
    sink: &mut dyn FnMut(Page),
) -> usize {
    let footer = crate::text::clean(&r.title, false);
    let mut layout = Layout::new(metrics, footer, total, sink);
    sections::all(r, &mut layout);
    layout.finish()
}

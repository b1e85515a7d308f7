//! ODT report (OpenDocument Text, which LibreOffice and Word open and
//! edit): real headings with outline levels, nested lists, tables, named
//! styles on A4 pages, the session's language and the document's title and
//! date in its properties.
//!
//! [`write`] lists the sections in order, once; each section is a
//! function of `prose` or `tables` that writes itself or nothing. Texts
//! go through quick-xml's writer (`doc`), which escapes them; control
//! characters and bidi overrides are shown as U+FFFD, as in every other
//! format. The package (`package`) is a ZIP built in memory: a report is
//! small, and a ZIP's directory is written last.

pub(in crate::report) mod doc;
mod package;
pub(in crate::report) mod prose;
pub(in crate::report) mod tables;

use super::{Discussion, Report, Section};
use doc::Doc;
pub(in crate::report) use package::Properties;
use std::io::{self, Write};

const FRAME: &str = include_str!("../../../assets/report/odt/content.xml");
const BODY_END: &str = "</office:text>";

/// Writes the report as an ODT package to `out`.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_document(&Properties::of(r), |d| sections(d, r), out)
}

/// The XML documents of the package that say something, as text: the
/// properties (`meta.xml`), then the content (`content.xml`).
pub fn xml(r: &Report) -> io::Result<String> {
    document_xml(&Properties::of(r), |d| sections(d, r))
}

/// Writes a document whose `body` writes itself with the building blocks
/// (`doc`, `prose`, `tables`) as an ODT package to `out`.
pub(in crate::report) fn write_document(
    properties: &Properties,
    body: impl FnOnce(&mut Doc) -> io::Result<()>,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(&package::zip(properties, &content(body)?)?)
}

/// [`xml`] of a document written by `body`.
pub(in crate::report) fn document_xml(
    properties: &Properties,
    body: impl FnOnce(&mut Doc) -> io::Result<()>,
) -> io::Result<String> {
    let mut xml = package::meta(properties)?;
    xml.push(b'\n');
    xml.extend(content(body)?);
    Ok(String::from_utf8(xml).expect("XML written from UTF-8 strings"))
}

/// `content.xml`: the frame's automatic styles, then what `body` writes
/// inside its `office:text`.
fn content(body: impl FnOnce(&mut Doc) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut d = Doc::new();
    body(&mut d)?;
    let body = d.into_bytes();
    let (head, tail) = FRAME.split_at(FRAME.find(BODY_END).expect("the frame has office:text"));
    let mut out = Vec::with_capacity(FRAME.len() + body.len());
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(tail.as_bytes());
    Ok(out)
}

/// The session report's sections, in order.
fn sections(d: &mut Doc, r: &Report) -> io::Result<()> {
    // The order every format follows (`report::sections`); each function
    // writes its section from the report (or nothing when it is empty).
    for s in super::sections(r) {
        match &s {
            Section::Cover(_) => {
                prose::cover(d, r)?;
                prose::people(d, r)?;
            }
            Section::Question { .. } => {
                prose::question(d, r)?;
                prose::empty(d, r)?;
            }
            Section::Synthesis(_) => prose::synthesis(d, r)?,
            Section::Discussion(Discussion::ByKind(_)) => prose::discussion(d, r)?,
            Section::Discussion(Discussion::Spoken(items)) => {
                prose::item_section(d, r, "discussion", items)?
            }
            Section::Ideas(_) => prose::ideas(d, r)?,
            Section::Resources(_) => prose::resources(d, r)?,
            // One call writes every 1-2-4-All stage's section.
            Section::Shared { index: 0, .. } => prose::shared(d, r)?,
            Section::Shared { .. } => {}
            Section::Themes(_) => prose::themes(d, r)?,
            Section::Votes(_) => tables::votes(d, r)?,
            Section::Trace(_) => prose::trace(d, r)?,
            Section::Decisions(_) => prose::decisions(d, r)?,
            Section::Actions(_) => tables::actions(d, r)?,
            Section::Parking(_) => prose::parking(d, r)?,
            Section::Review(v) => prose::review(d, r, v)?,
            Section::Statistics(_) => tables::statistics(d, r, &s.heading(r))?,
            Section::Log(entries) => prose::log(d, r, &s.heading(r), entries)?,
        }
    }
    prose::colophon(d, r.label("generated"))
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

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

mod doc;
mod package;
mod prose;
mod tables;

use super::{Discussion, Report, Section};
use doc::Doc;
use std::io::{self, Write};

const FRAME: &str = include_str!("../../../assets/report/odt/content.xml");
const BODY_END: &str = "</office:text>";

/// Writes the report as an ODT package to `out`.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&package::zip(r, &content(r)?)?)
}

/// The XML documents of the package that say something, as text: the
/// properties (`meta.xml`), then the content (`content.xml`).
pub fn xml(r: &Report) -> io::Result<String> {
    let mut xml = package::meta(r)?;
    xml.push(b'\n');
    xml.extend(content(r)?);
    Ok(String::from_utf8(xml).expect("XML written from UTF-8 strings"))
}

/// `content.xml`: the frame's automatic styles, then the report's
/// sections inside its `office:text`.
fn content(r: &Report) -> io::Result<Vec<u8>> {
    let mut d = Doc::new();
    // The order every format follows (`report::sections`); each function
    // writes its section from the report (or nothing when it is empty).
    for s in super::sections(r) {
        match &s {
            Section::Cover(_) => {
                prose::cover(&mut d, r)?;
                prose::people(&mut d, r)?;
            }
            Section::Question { .. } => {
                prose::question(&mut d, r)?;
                prose::empty(&mut d, r)?;
            }
            Section::Synthesis(_) => prose::synthesis(&mut d, r)?,
            Section::Discussion(Discussion::ByKind(_)) => prose::discussion(&mut d, r)?,
            Section::Discussion(Discussion::Spoken(items)) => {
                prose::item_section(&mut d, r, "discussion", items)?
            }
            Section::Ideas(_) => prose::ideas(&mut d, r)?,
            Section::Resources(_) => prose::resources(&mut d, r)?,
            // One call writes every 1-2-4-All stage's section.
            Section::Shared { index: 0, .. } => prose::shared(&mut d, r)?,
            Section::Shared { .. } => {}
            Section::Themes(_) => prose::themes(&mut d, r)?,
            Section::Votes(_) => tables::votes(&mut d, r)?,
            Section::Trace(_) => prose::trace(&mut d, r)?,
            Section::Decisions(_) => prose::decisions(&mut d, r)?,
            Section::Actions(_) => tables::actions(&mut d, r)?,
            Section::Parking(_) => prose::parking(&mut d, r)?,
            Section::Review(v) => prose::review(&mut d, r, v)?,
            Section::Statistics(_) => {
                tables::participation(&mut d, r)?;
                tables::statistics(&mut d, r)?;
            }
            Section::Log(entries) => prose::log(&mut d, r, &s.heading(r), entries)?,
        }
    }
    prose::colophon(&mut d, r)?;
    let body = d.into_bytes();
    let (head, tail) = FRAME.split_at(FRAME.find(BODY_END).expect("the frame has office:text"));
    let mut out = Vec::with_capacity(FRAME.len() + body.len());
    out.extend_from_slice(head.as_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(tail.as_bytes());
    Ok(out)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

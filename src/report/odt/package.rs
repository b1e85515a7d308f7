//! The OpenDocument package: a ZIP whose first entry is `mimetype`, stored
//! uncompressed and without extra fields (so that a reader can tell an
//! ODT by its first bytes), then the manifest, the metadata, the styles
//! and the content. Every entry is dated on the document's date, so the
//! same report gives the same bytes (a report version's hash depends on
//! nothing else).

use crate::model::Lang;
use crate::report::Report;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::Writer;
use std::io::{self, Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const STYLES: &str = include_str!("../../../assets/report/odt/styles.xml");
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

/// What the package says of its document besides the content: the
/// session's report's, or the event's.
pub struct Properties<'a> {
    pub title: &'a str,
    /// The event a session belongs to (none for the event itself).
    pub subject: &'a str,
    pub language: Lang,
    /// The document's date, `YYYY-MM-DD`: its entries' and its creation date.
    pub iso_date: &'a str,
}

impl<'a> Properties<'a> {
    pub fn of(r: &'a Report) -> Properties<'a> {
        Properties {
            title: &r.title,
            subject: &r.event,
            language: r.language,
            iso_date: &r.iso_date,
        }
    }
}

/// The whole package, from its properties and its written `content.xml`.
pub fn zip(r: &Properties, content: &[u8]) -> io::Result<Vec<u8>> {
    let date = zip_date(r.iso_date);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(date);
    let deflated = stored.compression_method(CompressionMethod::Deflated);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("mimetype", stored)?;
    zip.write_all(MIMETYPE.as_bytes())?;
    zip.start_file("META-INF/manifest.xml", deflated)?;
    zip.write_all(MANIFEST.as_bytes())?;
    zip.start_file("meta.xml", deflated)?;
    zip.write_all(&meta(r)?)?;
    zip.start_file("styles.xml", deflated)?;
    zip.write_all(styles(r.language).as_bytes())?;
    zip.start_file("content.xml", deflated)?;
    zip.write_all(content)?;
    Ok(zip.finish()?.into_inner())
}

/// The session's date as a ZIP date; ZIP dates start in 1980.
fn zip_date(iso: &str) -> DateTime {
    let part = |i: usize| iso.split('-').nth(i).and_then(|p| p.parse::<u16>().ok());
    match (part(0), part(1), part(2)) {
        (Some(y), Some(m), Some(d)) => {
            DateTime::from_date_and_time(y, m as u8, d as u8, 0, 0, 0).unwrap_or_default()
        }
        _ => DateTime::default(),
    }
}

/// The language a word processor checks the spelling in.
fn language(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => ("fr", "FR"),
        // The English report writes dates as "10 June 2021", British style.
        Lang::En => ("en", "GB"),
    }
}

/// The styles, in the session's language.
pub fn styles(lang: Lang) -> String {
    let (language, country) = language(lang);
    STYLES
        .replace(
            r#"fo:language="LANGUAGE""#,
            &format!(r#"fo:language="{language}""#),
        )
        .replace(
            r#"fo:country="COUNTRY""#,
            &format!(r#"fo:country="{country}""#),
        )
}

/// `meta.xml`: the title, the subject (the event), the language, the
/// document's date as the creation date and the generator.
pub fn meta(r: &Properties) -> io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new("office:document-meta").with_attributes([
        (
            "xmlns:office",
            "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        ),
        (
            "xmlns:meta",
            "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        ),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("office:version", "1.3"),
    ]);
    w.write_event(Event::Start(root))?;
    w.write_event(Event::Start(BytesStart::new("office:meta")))?;
    let (language, country) = language(r.language);
    let when = format!("{}T00:00:00", r.iso_date);
    let generator = format!("Atelier/{}", env!("CARGO_PKG_VERSION"));
    let fields = [
        ("dc:title", one_line(r.title)),
        ("dc:subject", one_line(r.subject)),
        ("dc:language", format!("{language}-{country}")),
        ("meta:creation-date", when.clone()),
        ("dc:date", when),
        ("meta:generator", generator),
    ];
    for (name, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        w.write_event(Event::Start(BytesStart::new(*name)))?;
        w.write_event(super::doc::escaped(value))?;
        w.write_event(Event::End(BytesEnd::new(*name)))?;
    }
    w.write_event(Event::End(BytesEnd::new("office:meta")))?;
    w.write_event(Event::End(BytesEnd::new("office:document-meta")))?;
    Ok(w.into_inner())
}

/// A field of the document's properties: one line, cleaned like the body.
fn one_line(text: &str) -> String {
    super::doc::xml_clean(text, false).trim().to_string()
}

//! The event report as JSON: the same data as the other formats, named
//! `atelier.event_report` among Atelier's JSON files, serialised straight
//! into the output.

use super::{AtelierView, EventAction, EventReport, EventStats};
use serde::Serialize;

pub const FORMAT: &str = "atelier.event_report";

#[derive(Serialize)]
struct Doc<'a> {
    format: &'static str,
    version: u32,
    language: &'a str,
    event: &'a str,
    first_date: &'a str,
    last_date: &'a str,
    ateliers: &'a [AtelierView],
    actions: &'a [EventAction],
    stats: &'a EventStats,
}

/// Writes the document to `out`, pretty-printed, with a final newline.
pub fn write(r: &EventReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let doc = Doc {
        format: FORMAT,
        version: 1,
        language: r.lang,
        event: &r.name,
        first_date: &r.first_date,
        last_date: &r.last_date,
        ateliers: &r.ateliers,
        actions: &r.actions,
        stats: &r.stats,
    };
    crate::safe_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

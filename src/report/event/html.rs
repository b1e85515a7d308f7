//! The event report as one self-contained HTML page, rendered in the
//! session report's minijinja environment (`report::html::env`), whose
//! formatter cleans and auto-escapes every value.

use super::EventReport;
use minijinja::context;
use minijinja::value::Serde;

/// Renders the page straight into `out`; an error is the output's.
pub fn write(r: &EventReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let template = crate::report::html::env()
        .get_template("event.html")
        .expect("embedded event report template parses");
    let totals = r.stats.totals(r.language);
    let page = context! { r => Serde(r), totals => Serde(totals) };
    template.render_captured_to(page, out).map_err(|e| {
        match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<std::io::Error>()) {
            Some(io) => std::io::Error::new(io.kind(), io.to_string()),
            None => panic!("embedded event report template renders: {e}"),
        }
    })?;
    Ok(())
}

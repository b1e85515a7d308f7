//! What every fuzz target checks on a session that got through: each
//! report (and its anonymised variant) renders without panicking, and
//! what it renders is inert.

use atelier::model::SessionData;
use atelier::report::{render_with, Format, Options as ReportOptions};
use atelier::text::is_unsafe;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::sync::OnceLock;

pub fn check_reports(data: &SessionData) {
    let reports = Format::REPORTS.map(|f| (f, ReportOptions::default()));
    let anonymised = Format::REPORTS.map(|f| (f, ReportOptions::ANONYMISED));
    let every = reports
        .into_iter()
        .chain(anonymised)
        .chain([(Format::Bundle, ReportOptions::default())]);
    for (format, options) in every {
        let out = render_with(format, data, options).expect("a variant this format has");
        if matches!(format, Format::Markdown | Format::Html) {
            if let Some(c) = out.chars().find(|&c| is_unsafe(c) && c != '\n') {
                panic!("{format:?} report carries {c:?}");
            }
        }
        if format == Format::Markdown {
            let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
            for event in Parser::new_ext(&out, options) {
                match event {
                    Event::Html(_) | Event::InlineHtml(_) => panic!("raw HTML: {event:?}"),
                    Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => {
                        panic!("markup from input: {event:?}")
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The sample session shipped with Atelier, as the base of generated ones
/// (parsed once: a fuzz run asks for it thousands of times a second).
pub fn sample() -> SessionData {
    static SAMPLE: OnceLock<SessionData> = OnceLock::new();
    SAMPLE
        .get_or_init(|| {
            let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
            let catalog = atelier::templates::Catalog::built_in();
            atelier::bundle::parse("sample", text, &catalog).expect("the sample parses")
        })
        .clone()
}

//! Session reports: one view model built from a session, one renderer per
//! format. Texts follow the session's language.

mod csv;
mod html;
mod markdown;
mod outline;
mod view;

pub use outline::flatten;
pub use view::{blocks_heading, Count, Group, Item, Report, Stats, SynthesisView};

use crate::model::SessionData;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Json, Format::Csv];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Renders a session in `format`. JSON is the session bundle.
pub fn render(format: Format, data: &SessionData) -> String {
    match format {
        Format::Markdown => markdown::render(&Report::build(data)),
        Format::Html => html::render(&Report::build(data)),
        Format::Json => crate::bundle::to_json(data),
        Format::Csv => csv::render(data),
    }
}

/// A file name for a session's report: its date and title made safe for
/// any file system, e.g. `2021-06-10-atelier-5-emergence-session-1.html`.
/// The date keeps a folder of reports in order and sessions that share a
/// title apart.
pub fn file_name(data: &SessionData, format: Format) -> String {
    let mut slug = String::new();
    for c in data.session.title.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "session" } else { slug };
    format!(
        "{}-{slug}.{}",
        data.session.date.format("%Y-%m-%d"),
        format.extension()
    )
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'œ' => 'o',
        _ => c,
    }
}

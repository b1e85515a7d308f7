//! Session reports: one view model built from a session (`view.rs`, where
//! the anonymity rule lives), one renderer per format. Texts follow the
//! session's language.
//!
//! Two kinds of output, kept apart: the *report* formats (Markdown, HTML,
//! CSV, report JSON) are for participants and only say what the view model
//! says; the *bundle* is the facilitator's complete archive (every name,
//! stage notes, deleted items, edit history) under a name of its own.

mod carry;
mod csv;
pub mod csv_tables;
pub mod event;
pub use csv::delimiter as csv_delimiter;
mod charts;
mod choices;
mod html;
mod html_rows;
mod json;
pub use json::{FORMAT as JSON_FORMAT, VERSION as JSON_VERSION};
mod markdown;
mod names;
mod odt;
mod outline;
mod participation;
mod pdf;
mod review;
pub mod review_diff;
mod sections;
mod stats;
mod structures;
mod themes;
mod timing;
mod trace;
mod unsettled;
pub use unsettled::open_count as open_conflicts;
mod typography;
mod view;
mod votes;
pub use charts::{time_chart, TimeChart, TimeRow};
pub use review::{
    as_published, current_version, section_label, sign_off_date, version_name, version_title,
    ReviewView,
};
pub use sections::{sections, Cover, Discussion, Section, Statistics};

pub use outline::flatten;
pub use participation::{
    of_session as participation_of, rows as participation_rows, Bar, Participation, BAR_MAX,
};
pub use stats::{Count, Stats};
pub use structures::{GroupIdeas, SharedIdeas};
pub use themes::ThemeView;
pub use timing::{StageTime, Timing};
pub use trace::TraceView;
pub use view::{
    blocks_heading, local_time, ActionView, DecisionView, Group, Item, Report, SynthesisView,
};
pub use votes::{RankedItem, Votes};
mod origin;
pub use origin::RoomInputs;
mod synthesis_trace;
mod theme_votes;
mod variant;
/// The one anonymity rule, for the room's public view too.
pub use names::Names;
pub use pdf::take_missing as pdf_missing_glyphs;
pub use synthesis_trace::SynthesisSources;
pub use theme_votes::ThemeRanking;
pub use variant::{
    bytes_with, check as check_variant, render_with, write_with, BundleNotAnonymised, Options,
};

use crate::model::{Lang, SessionData};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    /// The report's data as JSON.
    Json,
    Csv,
    /// The complete session archive: private, never a report.
    Bundle,
    /// OpenDocument Text, for word processors: a binary (ZIP) file.
    Odt,
    /// A4 pages, fonts embedded.
    Pdf,
}

impl Format {
    /// What "export all" writes: every format meant for participants.
    pub const REPORTS: [Format; 6] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Odt,
        Format::Pdf,
    ];

    /// Every format, as `--format` lists them: the reports, then the
    /// archive. The one list `--help`, its value name and the messages
    /// naming formats are made from.
    pub const ALL: [Format; 7] = [
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Odt,
        Format::Pdf,
        Format::Bundle,
    ];

    /// Whether people read this format (Markdown, HTML, ODT, PDF: the
    /// language's typography applies) or it carries data (CSV, report
    /// JSON, the bundle: the stored text as typed). The one rule both the
    /// session's and the event's reports follow.
    pub fn is_read(self) -> bool {
        match self {
            Format::Markdown | Format::Html | Format::Odt | Format::Pdf => true,
            Format::Json | Format::Csv | Format::Bundle => false,
        }
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Bundle => "bundle",
            other => other.extension(),
        }
    }

    /// What the format is, for `--help` (English, as clap's frame is).
    pub fn about(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown, for a wiki or an e-mail",
            Format::Html => "one self-contained page, printable on A4, charts included",
            Format::Csv => {
                "for a spreadsheet (UTF-8 with BOM, `;` between cells for French sessions, \
                 `,` for English ones; --table picks the table)"
            }
            Format::Json => "the report's data, for other tools",
            Format::Odt => "for word processors (a binary file: use --out or a redirection)",
            Format::Pdf => "A4 pages, fonts embedded (a binary file: use --out or a redirection)",
            Format::Bundle => {
                "the complete archive (every name, stage notes, deleted items, edit history), \
                 for `atelier import`: keep it private"
            }
        }
    }

    /// `names` of `formats` as a sentence lists them: "md, html ou pdf".
    pub fn list(formats: &[Format], lang: Lang) -> String {
        let names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
        match names.split_last() {
            Some((last, list)) if !list.is_empty() => crate::i18n::tf(
                lang,
                "cli.or",
                &[("list", &list.join(", ")), ("last", last)],
            ),
            _ => names.concat(),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json | Format::Bundle => "json",
            Format::Csv => "csv",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }

    /// What a file name says before the extension: the bundle's says what
    /// it is, in the session's language, so that no one mistakes it for a
    /// report (`….archive-complete.json`, `….complete-archive.json`).
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Format::Bundle, Lang::Fr) => ".archive-complete",
            (Format::Bundle, Lang::En) => ".complete-archive",
            _ => "",
        }
    }

    /// Whether the format's bytes are not text (a ZIP package, a PDF), so
    /// never for a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Odt | Format::Pdf)
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "bundle" | "archive" => Some(Format::Bundle),
            "odt" => Some(Format::Odt),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// Renders a session in `format` as text: a report from the view model,
/// or the bundle; for ODT, a package, the XML of its documents (see
/// `odt::xml`); for PDF, the text its pages show, page by page (see
/// `pdf::text`). Exports write with [`write`] instead, which holds no copy
/// of the output; [`bytes`] gives a file's bytes, packages included.
pub fn render(format: Format, data: &SessionData) -> String {
    render_with(format, data, Options::default()).expect("every format has its default variant")
}

/// Renders a session in `format`, as the bytes of its file.
pub fn bytes(format: Format, data: &SessionData) -> Vec<u8> {
    let mut out = Vec::new();
    write(format, data, &mut out).expect("write to memory");
    out
}

/// Writes a session in `format` to `out` as it is rendered. `out` should
/// be buffered (a `BufWriter` over a file or stdout); an error is the
/// output's, e.g. a full disk or a closed pipe.
pub fn write(
    format: Format,
    data: &SessionData,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_with(format, data, Options::default(), out)
}

/// A file name for a session's report: its date, its title made safe for
/// any file system (transliterated to ASCII: "Réunion", "Встреча", "会议"
/// all give readable names) and the end of its id, e.g.
/// `2021-06-10-atelier-5-emergence-session-1-9c3a1f07.html` or
/// `…-9c3a1f07.archive-complete.json`. The date keeps a folder of reports
/// in order; the id keeps every session's files apart, whatever the
/// titles, while a new export of the same session replaces its own.
pub fn file_name(data: &SessionData, format: Format) -> String {
    file_name_with(data, format, Options::default())
}

/// [`file_name`] for a report variant: `…-9c3a1f07-anonymised.md`.
/// A report that reads exactly as a published version names it:
/// `…-9c3a1f07-draft-2.pdf`, `…-brouillon-2.pdf`, `…-valide-3.pdf`, so a
/// draft is never overwritten by the next.
pub fn file_name_with(data: &SessionData, format: Format, options: Options) -> String {
    file_name_for(data, format, options, review::current_version(data))
}

/// [`file_name_with`] when the caller already knows the version the report
/// reads as (`current_version`, a build and a hash of the whole report):
/// one look for every file of an export.
pub fn file_name_for(
    data: &SessionData,
    format: Format,
    options: Options,
    current: Option<&crate::model::ReportVersion>,
) -> String {
    let slug = slug(&data.session.title, "session");
    let id = data.session.id.simple().to_string();
    let version = current
        .map(|v| {
            let name = version_name(data.session.language, v.number, v.validated);
            format!("-{}", self::slug(&name, ""))
        })
        .unwrap_or_default();
    format!(
        "{}-{slug}-{}{version}{}{}.{}",
        data.session.date.format("%Y-%m-%d"),
        &id[id.len() - 8..],
        options.label(data.session.language),
        format.label(data.session.language),
        format.extension()
    )
}

/// A title made safe for any file name: transliterated to ASCII, lower
/// case, words joined by `-`, at most 60 characters; `fallback` when
/// nothing is left.
fn slug(title: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for c in deunicode::deunicode(title).chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { fallback } else { slug }.to_string()
}

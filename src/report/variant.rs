//! Report variants: the report as the session was run, or anonymised for
//! readers who should not see who said what. The anonymised variant is the
//! same report through the same rule (`view::Names`), as if the session
//! had been anonymous: "Participant 3" instead of a name, counts kept.
//! The bundle has no variant: it is the complete archive.

use super::{Format, Report};
use crate::model::{Lang, SessionData};

/// How a report is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Read the session as anonymous whatever it was run as.
    pub anonymise: bool,
    /// The discussion's order and per-person counts, instead of the
    /// session's own choices (an export's override, or `show`'s).
    pub choices: Option<crate::model::ReportChoices>,
    /// For CSV: which of the report's tables (the contributions unless
    /// asked otherwise).
    pub table: super::csv_tables::Table,
}

impl Options {
    pub const ANONYMISED: Options = Options {
        anonymise: true,
        choices: None,
        table: super::csv_tables::Table::Contributions,
    };

    /// The report with `choices` instead of the session's own.
    pub fn choosing(choices: crate::model::ReportChoices) -> Options {
        Options {
            choices: Some(choices),
            ..Options::default()
        }
    }

    /// What a file name says before the extension, so an anonymised copy
    /// or another table never replaces (nor is mistaken for) the report.
    pub(super) fn label(self, lang: Lang) -> String {
        let table = match self.table {
            super::csv_tables::Table::Contributions => String::new(),
            other => format!("-{}", other.name()),
        };
        let anonymised = match (self.anonymise, lang) {
            (false, _) => "",
            (true, Lang::Fr) => "-anonymise",
            (true, Lang::En) => "-anonymised",
        };
        table + anonymised
    }
}

/// Refused: the bundle is the complete archive and has no anonymised form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the complete archive (bundle) cannot be anonymised")]
pub struct BundleNotAnonymised;

/// Checks that `format` has the variant `options` asks for.
pub fn check(format: Format, options: Options) -> Result<(), BundleNotAnonymised> {
    if format == Format::Bundle && options.anonymise {
        return Err(BundleNotAnonymised);
    }
    Ok(())
}

/// Writes `format` as `options` says; see [`super::write`].
pub fn write_with(
    format: Format,
    data: &SessionData,
    options: Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    check(format, options).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    // Data formats keep the stored text as typed; the others are read.
    let report = || Report::for_format(data, options, format);
    match format {
        Format::Markdown => super::markdown::write(&report(), out),
        Format::Html => super::html::write(report(), out),
        Format::Json => super::json::write(&report(), out),
        Format::Csv => super::csv_tables::write(&report(), options.table, out),
        Format::Bundle => crate::bundle::write_json(data, out),
        Format::Odt => super::odt::write(&report(), out),
        Format::Pdf => super::pdf::write(&report(), out),
    }
}

/// The bytes of the file `format` makes as `options` says (packages
/// included); see [`super::bytes`].
pub fn bytes_with(
    format: Format,
    data: &SessionData,
    options: Options,
) -> Result<Vec<u8>, BundleNotAnonymised> {
    check(format, options)?;
    let mut out = Vec::new();
    write_with(format, data, options, &mut out).expect("write to memory");
    Ok(out)
}

/// Renders `format` as `options` says; see [`super::render`].
pub fn render_with(
    format: Format,
    data: &SessionData,
    options: Options,
) -> Result<String, BundleNotAnonymised> {
    check(format, options)?;
    match format {
        // A package as text: the XML of its documents (see `odt::xml`).
        Format::Odt => {
            Ok(super::odt::xml(&Report::for_format(data, options, format))
                .expect("write to memory"))
        }
        // The text its pages show, page by page (see `pdf::text`).
        Format::Pdf => Ok(super::pdf::text(&Report::for_format(data, options, format))),
        _ => {
            let mut out = Vec::new();
            write_with(format, data, options, &mut out).expect("write to memory");
            // Text formats write UTF-8; were one not to, a reader gets
            // replacement characters, never a crash.
            Ok(String::from_utf8(out)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
        }
    }
}

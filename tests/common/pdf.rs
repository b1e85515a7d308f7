//! A PDF as its reader sees it, through poppler's `pdftotext` (package
//! poppler-utils): the text of each page. Where poppler is missing the
//! check is skipped with a message, and fails under CI, which installs it.

use std::io::Write;
use std::process::Command;

/// The text of each page, in order; `None` (said on stderr) when
/// `pdftotext` is not installed.
pub fn pages(pdf: &[u8]) -> Option<Vec<String>> {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let out = match Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            let message = format!("pdftotext (poppler-utils) not run ({e}): PDF text unchecked");
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("{message}");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "pdftotext refuses the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    // Each page ends with a form feed.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

/// Text without any white space: a line the PDF wrapped, or a word it cut
/// between two lines, reads as one run again.
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a reader reads in a report of any format: the text itself, or a
/// PDF's text with its wrapped lines joined again. `None` for a PDF when
/// `pdftotext` is missing (see [`pages`]).
pub fn report_text(
    format: atelier::report::Format,
    data: &atelier::model::SessionData,
) -> Option<String> {
    if format != atelier::report::Format::Pdf {
        return Some(atelier::report::render(format, data));
    }
    let pdf = atelier::report::bytes(format, data);
    Some(pages(&pdf)?.concat().replace('\n', " "))
}

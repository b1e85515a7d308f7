//! The PDF report of the sample session, read back as its reader sees it
//! (poppler's `pdftotext`): its pages, its headings in order, every idea,
//! and the names kept out of an anonymous session's. Checked for text and
//! structure, not bytes. Also the CLI's PDF export, to a file and a pipe.

use crate::common;
use atelier::model::Anonymity;
use atelier::report::{bytes, flatten, Format, Report};
use common::pdf::{pages, squeezed};

#[test]
fn the_sample_reads_as_a_few_a4_pages_with_its_sections_in_order() {
    let data = common::sample_data();
    let pdf = bytes(Format::Pdf, &data);
    assert!(
        pdf.windows(9).any(|w| w == b"/MediaBox"),
        "pages have a size"
    );
    let Some(pages) = pages(&pdf) else { return };
    // The log is a table of its own at the end.
    assert!((2..=6).contains(&pages.len()), "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let number = format!("{}/{}", i + 1, pages.len());
        assert!(
            squeezed(page).contains(&number),
            "page {} lacks {number}",
            i + 1
        );
    }
    let r = Report::build(&data);
    let text = pages.concat();
    let mut from = 0;
    // In the one order of the sections (who took part is on the cover,
    // see pdf::sections' tests).
    for key in [
        "question",
        "synthesis",
        "discussion",
        "ideas",
        "resources",
        "stats",
    ] {
        let label = match key {
            "stats" => format!(
                "{}{}{}",
                atelier::i18n::t(r.language, "sections.appendix"),
                r.colon,
                r.label(key)
            ),
            _ => r.label(key).to_string(),
        };
        let heading = format!("\n{label}\n");
        let at = text[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("heading {heading:?} missing or out of order"));
        from += at + heading.len();
    }
    let flat = squeezed(&text);
    for (item, _) in flatten(&r.ideas) {
        assert!(flat.contains(&squeezed(&item.text)), "{:?}", item.text);
    }
    for group in &r.discussion {
        for (item, _) in flatten(&group.items) {
            assert!(flat.contains(&squeezed(&item.text)), "{:?}", item.text);
        }
    }
    for name in &r.participants {
        assert!(flat.contains(&squeezed(name)), "{name:?}");
    }
}

#[test]
fn an_anonymous_sessions_pdf_names_no_one() {
    let mut data = common::sample_data();
    data.session.anonymity = Anonymity::Anonymous;
    let names: Vec<String> = data.participants.iter().map(|p| p.name.clone()).collect();
    assert!(!names.is_empty());
    let Some(pages) = pages(&bytes(Format::Pdf, &data)) else {
        return;
    };
    let text = pages.concat();
    for name in names {
        assert!(!text.contains(&name), "{name} is named");
    }
}

#[test]
fn the_cli_exports_a_pdf_to_a_file_and_to_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let id = common::stdout(
        common::atelier(&dir)
            .arg("import")
            .arg(common::sample_path()),
    );
    let id = id.trim();
    let out = dir.path().join("reports");
    std::fs::create_dir(&out).unwrap();
    let path = common::stdout(
        common::atelier(&dir)
            .args(["export", id, "--format", "pdf", "--out"])
            .arg(&out),
    );
    let path = std::path::PathBuf::from(path.trim());
    assert_eq!(path.extension().unwrap(), "pdf");
    let file = std::fs::read(&path).unwrap();
    assert!(file.starts_with(b"%PDF-"));
    let piped = common::atelier(&dir)
        .args(["export", id, "--format", "pdf"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(piped.starts_with(b"%PDF-"));
    assert!(piped.ends_with(b"%%EOF") || piped.ends_with(b"%%EOF\n"));
}

#[test]
fn the_pdf_has_bookmarks_and_says_its_language() {
    let pdf = bytes(Format::Pdf, &common::sample_data());
    let has = |what: &[u8]| pdf.windows(what.len()).any(|w| w == what);
    assert!(has(b"/Outlines"), "bookmarks");
    assert!(has(b"/Title(Question)"), "a bookmark per section");
    assert!(has(b"/Lang(fr)"), "the document's language");
}

//! Exports are streamed to their output; these files hold what the
//! earlier whole-String renderers wrote, byte for byte, for the sample and
//! for a session carrying each hostile corpus, so that streaming changes
//! no byte. `ATELIER_WRITE_GOLDEN=1` rewrites them (review the diff);
//! `ATELIER_WRITE_GOLDEN=reports` keeps the stored bundles (the inputs,
//! whose ids and times are drawn afresh otherwise) and rewrites only the
//! reports made from them, for when a report gains something.
//!
//! Each case is kept as its bundle (the input) and one file per report
//! format. Times in the reports are local: the files are written, and
//! compared, on UTC.

use atelier::model::SessionData;
use atelier::report::Format;
use atelier::templates::Catalog;
use std::path::{Path, PathBuf};

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden")
}

/// Every case: a name and its session.
pub fn cases() -> Vec<(String, SessionData)> {
    let mut cases = vec![("sample".to_string(), super::common::sample_data())];
    for corpus in super::corpus::load() {
        let name = corpus.name.rsplit_once('.').unwrap().0.to_string();
        cases.push((name, super::corpus::session(&corpus)));
    }
    cases
}

pub fn file(name: &str, format: Format) -> PathBuf {
    let ext = match format {
        Format::Bundle => "bundle.json",
        Format::Json => "report.json",
        other => other.extension(),
    };
    dir().join(format!("{name}.{ext}"))
}

/// Writes the golden files from the sessions of `cases()`, each read back
/// from its bundle first (as the comparison reads it).
pub fn write(render: impl Fn(Format, &SessionData) -> Vec<u8>) {
    std::fs::create_dir_all(dir()).unwrap();
    for (name, data) in cases() {
        let bundle = String::from_utf8(render(Format::Bundle, &data)).unwrap();
        let data = atelier::bundle::parse(&name, &bundle, &Catalog::built_in()).unwrap();
        for format in ALL {
            std::fs::write(file(&name, format), render(format, &data)).unwrap();
        }
    }
}

/// Rewrites the report files from the stored bundles, left as they are.
pub fn write_reports(render: impl Fn(Format, &SessionData) -> Vec<u8>) {
    for (name, data) in stored() {
        for format in ALL.into_iter().filter(|f| *f != Format::Bundle) {
            std::fs::write(file(&name, format), render(format, &data)).unwrap();
        }
    }
}

/// Every golden case, read back from its bundle.
pub fn stored() -> Vec<(String, SessionData)> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".bundle.json").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 7, "golden cases missing in {:?}", dir());
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(file(&name, Format::Bundle)).unwrap();
            let data = atelier::bundle::parse(&name, &text, &Catalog::built_in()).unwrap();
            (name, data)
        })
        .collect()
}

pub const ALL: [Format; 5] = [
    Format::Markdown,
    Format::Html,
    Format::Csv,
    Format::Json,
    Format::Bundle,
];

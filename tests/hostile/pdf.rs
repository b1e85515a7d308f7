//! The PDF report of each hostile corpus: it renders without panic, and
//! every line of every payload is on its pages, as text a reader can find
//! and copy (extracted with poppler's `pdftotext`).

use super::common::pdf::{pages, squeezed};
use super::corpus;
use atelier::report::{bytes, Format};
use std::collections::HashSet;

#[test]
fn pdf_reports_of_the_corpus_show_every_payload_line() {
    for corpus in corpus::load() {
        let pdf = bytes(Format::Pdf, &corpus::session(&corpus));
        let what = format!("PDF report of {}", corpus.name);
        assert_pdf_shows(&what, &pdf, &corpus.payloads);
    }
}

/// Every line of every payload is on the PDF's pages, as text a reader
/// can find (nothing checked where `pdftotext` is missing).
pub fn assert_pdf_shows(what: &str, pdf: &[u8], payloads: &[String]) {
    let Some(pages) = pages(pdf) else { return };
    let text = pages.concat();
    let flat = squeezed(&text);
    let words = letter_runs(&text);
    for payload in payloads {
        for line in corpus::expected_lines(payload) {
            let what = format!("{what} does not show {line:?}");
            if line.chars().any(right_to_left) {
                for word in letter_runs(&line) {
                    assert!(words.contains(&word), "{what}: {word:?} missing");
                }
            } else {
                assert!(flat.contains(&squeezed(&line)), "{what}");
            }
        }
    }
}

/// The runs of letters of one direction in `text`, each as its sorted
/// letters. poppler writes a line that mixes directions in an order of its
/// own (marking right-to-left runs with U+202B … U+202C) and spells a
/// ligature of a right-to-left run backwards (lam-alef "لا" as "ال"), so
/// such lines are compared as the words they hold, letter for letter.
fn letter_runs(text: &str) -> HashSet<String> {
    let mut runs = HashSet::new();
    let mut run: Vec<char> = Vec::new();
    let mut end = |run: &mut Vec<char>| {
        if !run.is_empty() {
            run.sort_unstable();
            runs.insert(run.drain(..).collect::<String>());
        }
    };
    for c in text.chars() {
        let continues = run
            .last()
            .is_none_or(|&l| right_to_left(l) == right_to_left(c));
        if !c.is_alphanumeric() || !continues {
            end(&mut run);
        }
        if c.is_alphanumeric() {
            run.push(c);
        }
    }
    end(&mut run);
    runs
}

/// Hebrew and Arabic letters (the scripts of the corpus written right to
/// left).
fn right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

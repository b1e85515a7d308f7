//! The hostile corpus in the review section: every remark applied and
//! every sign-off carries a payload, as its text and as who said it. The
//! section must show each one as text and stay as inert as the rest.

use super::inert::{self, check, MARKDOWN_ELEMENTS, REPORT_ELEMENTS};
use super::{assert_terminal_safe, corpus, renderers};
use atelier::model::{new_id, now, Feedback, ReportVersion, SessionData, SignOff};
use atelier::report::{render, Format};

fn reviewed(corpus: &corpus::Corpus) -> SessionData {
    let mut data = corpus::session(corpus);
    let mut version = ReportVersion {
        id: new_id(),
        number: 1,
        validated: true,
        note: corpus.payloads[0].clone(),
        sha256: String::new(),
        published_at: now(),
        removed_at: None,
    };
    for text in &corpus.payloads {
        data.review.feedback.push(Feedback {
            id: new_id(),
            version: version.id,
            participant_id: None,
            name: text.clone(),
            contribution_id: None,
            section: String::new(),
            text: text.clone(),
            at: now(),
            applied_at: Some(now()),
            removed_at: None,
        });
        data.review.sign_offs.push(SignOff {
            id: new_id(),
            version: version.id,
            participant_id: None,
            name: text.clone(),
            at: now(),
            removed_at: None,
        });
    }
    // The report reads as the version: its review section is shown.
    version.sha256 = atelier::model::content_hash(&render(Format::Json, &data));
    data.review.versions.push(version);
    data
}

/// What the page shows from the review section's heading on.
fn section(text: &str) -> &str {
    let at = text
        .rfind("Relecture et validation")
        .expect("review section");
    &text[at..]
}

#[test]
fn the_review_section_is_inert_in_html_and_markdown() {
    for corpus in corpus::load() {
        let data = reviewed(&corpus);
        let html = render(Format::Html, &data);
        assert!(html.contains("class=\"review\""));
        let what = format!("HTML review section of {}", corpus.name);
        let text = check(&what, &html, REPORT_ELEMENTS, inert::report_attribute);
        inert::assert_shows(&what, section(&text), &corpus.payloads);
        assert_terminal_safe(&what, &html);

        let md = render(Format::Markdown, &data);
        let what = format!("Markdown review section of {}", corpus.name);
        let html = renderers::commonmark(&md);
        let text = check(&what, &html, MARKDOWN_ELEMENTS, inert::markdown_attribute);
        inert::assert_shows(&what, section(&text), &corpus.payloads);
        assert_terminal_safe(&what, &md);
    }
}

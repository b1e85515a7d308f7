//! The hostile corpus in the 1-2-4-All section: every stage a 1-2-4-All
//! (hostile titles in its headings), every idea shared by a group, half
//! of them anonymous. The section must stay as inert as the rest.

use super::inert::{self, check, MARKDOWN_ELEMENTS, REPORT_ELEMENTS};
use super::{assert_terminal_safe, corpus, renderers};
use atelier::model::{SessionData, Structure};
use atelier::report::{render, Format};

fn in_groups(corpus: &corpus::Corpus) -> SessionData {
    let mut data = corpus::session(corpus);
    for stage in &mut data.stages {
        stage.structure = Structure::OneTwoFourAll;
    }
    for (i, c) in data.contributions.iter_mut().enumerate() {
        c.group = Some(i as u32 % 3 + 1);
        if i % 2 == 1 {
            c.participant_id = None;
            c.anonymous = true;
        }
    }
    data
}

#[test]
fn the_shared_ideas_section_is_inert_in_html_and_markdown() {
    for corpus in corpus::load() {
        let data = in_groups(&corpus);
        let html = render(Format::Html, &data);
        assert!(html.contains("class=\"shared-ideas\""));
        let what = format!("HTML 1-2-4-All section of {}", corpus.name);
        let text = check(&what, &html, REPORT_ELEMENTS, inert::report_attribute);
        inert::assert_shows(&what, &text, &corpus.payloads);
        assert_terminal_safe(&what, &html);

        let md = render(Format::Markdown, &data);
        let what = format!("Markdown 1-2-4-All section of {}", corpus.name);
        let html = renderers::commonmark(&md);
        let text = check(&what, &html, MARKDOWN_ELEMENTS, inert::markdown_attribute);
        inert::assert_shows(&what, &text, &corpus.payloads);
        assert_terminal_safe(&what, &md);
    }
}

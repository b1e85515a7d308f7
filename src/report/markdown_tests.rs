//! The Markdown escaping read back by a real CommonMark/GFM parser. The
//! same exports also go through python-markdown in tests/hostile/.

use super::{inline, items};
use crate::model::MAX_DEPTH;
use crate::report::outline::fixtures::{chain, depths, tree};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn gfm() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
}

/// The text of a document that is one plain paragraph (or nothing), or
/// the first event that is anything else.
fn plain_text(md: &str) -> Result<String, String> {
    let mut text = String::new();
    for event in Parser::new_ext(md, gfm()) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Text(t) => text.push_str(&t),
            other => return Err(format!("{other:?} in {md:?}")),
        }
    }
    Ok(text)
}

/// What `inline` promises a line reads as.
fn expected(text: &str) -> String {
    crate::text::clean(text, false)
        .trim_matches(' ')
        .to_string()
}

#[test]
fn escapes_markup_and_html() {
    assert_eq!(inline("<script>"), "&lt;script>");
    assert_eq!(inline("> quote"), "&gt; quote");
    assert_eq!(inline("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
    assert_eq!(inline("# title"), "\\# title");
    assert_eq!(inline("a # b"), "a \\# b");
    assert_eq!(inline("1. one"), "1\\. one");
    assert_eq!(inline("1) one"), "1\\) one");
    assert_eq!(inline("2."), "2\\.");
    assert_eq!(inline("iv. four"), "iv\\. four");
    assert_eq!(
        inline("a | b ~~c~~"),
        "a &#124; b &#126;&#126;c&#126;&#126;"
    );
    assert_eq!(inline("==="), "&#61;==");
    assert_eq!(inline(": def"), "&#58; def");
    assert_eq!(inline("    code"), "code");
    assert_eq!(inline("- x - y"), "\\- x - y");
    assert_eq!(
        inline("Tom & Jerry ==> R&D &#60;"),
        "Tom & Jerry ==> R&amp;D &amp;\\#60;"
    );
    assert_eq!(inline("e.g. well-known (1)"), "e.g. well-known (1)");
    assert_eq!(
        inline("a\u{1b}]52;c;x\u{7}b\u{202e}"),
        "a\u{FFFD}\\]52;c;x\u{FFFD}b\u{FFFD}"
    );
}

#[test]
fn hostile_lines_read_as_themselves() {
    for line in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[x]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![i](data:text/html;base64,PHNjcmlwdD4=)",
        "&lt;script&gt; &#60;b&#62;",
        "1) one",
        "---",
        "| a | b |",
        "`code` ``x``",
        "\\<b>",
        "~~~",
        "[^1]: note",
        "- [ ] task",
        "www.example.com",
    ] {
        assert_eq!(plain_text(&inline(line)), Ok(expected(line)), "{line}");
    }
}

#[test]
fn continuation_lines_cannot_start_blocks() {
    let text = "first\n# heading\n    1) list\n===\n---\n| a | b |\n|---|---|\n> quote\n<div>";
    let md = items_md(&tree(&[0, 1]));
    let md = md.replace("item 1", &super::block(text, 8));
    for event in Parser::new_ext(&md, gfm()) {
        match event {
            Event::Start(Tag::List(_) | Tag::Item | Tag::Paragraph)
            | Event::End(TagEnd::List(_) | TagEnd::Item | TagEnd::Paragraph)
            | Event::Text(_)
            | Event::HardBreak => {}
            other => panic!("{other:?} in {md}"),
        }
    }
}

/// Lists in the output and how deep each item sits in them.
fn item_depths(md: &str) -> Vec<usize> {
    let mut depth = 0;
    let mut out = Vec::new();
    for event in Parser::new_ext(md, gfm()) {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) => out.push(depth),
            _ => {}
        }
    }
    out
}

#[test]
fn a_deep_chain_renders_flat_past_the_limit() {
    let deep = chain(3_000);
    let md = items_md(&deep);
    let depths = item_depths(&md);
    assert_eq!(depths.len(), 3_001);
    assert_eq!(depths.iter().max(), Some(&(MAX_DEPTH + 1)));
    assert!(
        md.lines().all(|l| l.len() < 4 * MAX_DEPTH + 20),
        "indent capped"
    );
}

proptest! {
    #[test]
    fn any_line_reads_as_itself(line in crate::text::tests::any_text()) {
        prop_assert_eq!(plain_text(&inline(&line)), Ok(expected(&line)));
    }

    #[test]
    fn markup_heavy_lines_read_as_themselves(
        line in r"[-+=:#*_`~<>&|\[\](){}!.1a \\\n]{0,40}"
    ) {
        prop_assert_eq!(plain_text(&inline(&line)), Ok(expected(&line)));
    }

    #[test]
    fn any_nesting_renders_each_item_at_its_capped_depth(
        steps in prop::collection::vec((any::<bool>(), 0usize..4), 1..120)
    ) {
        let depths = depths(&steps);
        let md = items_md(&tree(&depths));
        let shown: Vec<usize> = depths.iter().map(|d| d.min(&MAX_DEPTH) + 1).collect();
        prop_assert_eq!(item_depths(&md), shown);
    }
}

/// The Markdown of a list of items alone.
fn items_md(list: &[crate::report::Item]) -> String {
    let mut out = Vec::new();
    items(&mut out, list, " : ").unwrap();
    String::from_utf8(out).unwrap()
}

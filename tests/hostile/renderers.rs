//! The Markdown renderers a report may meet: pulldown-cmark for
//! CommonMark and GFM, python-markdown for the older dialect (with and
//! without its "extra" extensions: tables, attribute lists, definition
//! lists, footnotes, abbreviations, Markdown inside HTML), and pandoc's
//! own Markdown (raw HTML, attributes, raw blocks, citations...).

use pulldown_cmark::{html, Event, Options, Parser};
use std::io::Write;
use std::process::{Command, Stdio};

pub fn commonmark(md: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    let parser = Parser::new_ext(md, options);
    let events: Vec<Event> = parser.collect();
    for event in &events {
        assert!(
            !matches!(event, Event::Html(_) | Event::InlineHtml(_)),
            "raw HTML reached the CommonMark parser: {event:?}"
        );
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

const SCRIPT: &str = r#"
import json, sys, markdown
docs = json.load(sys.stdin)
json.dump([[markdown.markdown(d), markdown.markdown(d, extensions=["extra"])] for d in docs],
          sys.stdout)
"#;

/// Each document rendered by python-markdown, plain and with "extra";
/// `None` when python-markdown is missing and cannot be installed (a
/// failure under CI, which installs it).
pub fn python_markdown(docs: &[String]) -> Option<Vec<[String; 2]>> {
    if !python_has_markdown() {
        let _ = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "markdown"])
            .status();
    }
    if !python_has_markdown() {
        let message = "python-markdown is unavailable (python3 -c 'import markdown' failed and \
                       `python3 -m pip install markdown` did not help): the non-CommonMark \
                       checks are SKIPPED";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("{message}");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = serde_json::to_string(docs).unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python-markdown failed");
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn python_has_markdown() -> bool {
    Command::new("python3")
        .args(["-c", "import markdown"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A document rendered by pandoc's Markdown reader to HTML; `None` when
/// pandoc is not installed (a failure under CI, which installs it).
pub fn pandoc(md: &str) -> Option<String> {
    let Ok(mut child) = Command::new("pandoc")
        .args(["--from", "markdown", "--to", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    else {
        let message = "pandoc is not installed: the pandoc checks are SKIPPED";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("{message}");
        return None;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(md.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pandoc failed");
    Some(String::from_utf8(out.stdout).unwrap())
}

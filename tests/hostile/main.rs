//! The hostile corpus (tests/data/hostile: XSS, Markdown injection,
//! terminal escapes, bidi overrides, odd Unicode) through every way out:
//! the reports as a browser and as CommonMark, python-markdown and pandoc
//! render them, and the real binary's import, list, show, exports and errors.

#[path = "../common/mod.rs"]
mod common;
use common::atelier;
mod corpus;
mod document;
mod event;
mod golden;
mod inert;
mod json_escapes;
mod merge_output;
mod noncharacters;
mod odt;
mod pdf;
mod present;
mod renderers;
mod review;
mod room;
mod search;
mod structures;

use assert_cmd::Command;
use atelier::model::MAX_DEPTH;
use atelier::report::{render, Format};
use atelier::text::is_unsafe;
use inert::{check, MARKDOWN_ELEMENTS, REPORT_ELEMENTS};
use tempfile::TempDir;

#[test]
fn html_reports_of_the_corpus_are_inert() {
    for corpus in corpus::load() {
        let html = render(Format::Html, &corpus::session(&corpus));
        let what = format!("HTML report of {}", corpus.name);
        let text = check(&what, &html, REPORT_ELEMENTS, inert::report_attribute);
        inert::assert_shows(&what, &text, &corpus.payloads);
        assert_terminal_safe(&what, &html);
    }
}

#[test]
fn markdown_reports_of_the_corpus_are_inert_under_commonmark() {
    for corpus in corpus::load() {
        let md = render(Format::Markdown, &corpus::session(&corpus));
        let what = format!("Markdown report of {} (CommonMark)", corpus.name);
        let html = renderers::commonmark(&md);
        let text = check(&what, &html, MARKDOWN_ELEMENTS, inert::markdown_attribute);
        inert::assert_shows(&what, &text, &corpus.payloads);
        assert_terminal_safe(&what, &md);
    }
}

#[test]
fn markdown_reports_of_the_corpus_are_inert_under_python_markdown() {
    let corpora = corpus::load();
    let docs: Vec<String> = corpora
        .iter()
        .map(|c| render(Format::Markdown, &corpus::session(c)))
        .collect();
    let Some(rendered) = renderers::python_markdown(&docs) else {
        return;
    };
    for (corpus, pair) in corpora.iter().zip(rendered) {
        for (html, flavour) in pair.iter().zip(["plain", "extra"]) {
            let what = format!(
                "Markdown report of {} (python-markdown, {flavour})",
                corpus.name
            );
            let text = check(&what, html, MARKDOWN_ELEMENTS, inert::markdown_attribute);
            inert::assert_shows(&what, &text, &corpus.payloads);
        }
    }
}

#[test]
fn markdown_reports_of_the_corpus_are_inert_under_pandoc() {
    for corpus in corpus::load() {
        let md = render(Format::Markdown, &corpus::session(&corpus));
        let Some(html) = renderers::pandoc(&md) else {
            return;
        };
        // pandoc's typography (curly quotes, ellipsis, a no-break space
        // after "e.g.") is how it shows text, not a change of what the
        // text says.
        let html = html
            .replace('\u{a0}', " ")
            .replace(['“', '”'], "\"")
            .replace(['‘', '’'], "'")
            .replace('…', "...");
        let what = format!("Markdown report of {} (pandoc)", corpus.name);
        let text = check(
            &what,
            &html,
            inert::PANDOC_ELEMENTS,
            inert::pandoc_attribute,
        );
        let payloads: Vec<String> = corpus
            .payloads
            .iter()
            .map(|p| p.replace('\u{a0}', " "))
            .collect();
        inert::assert_shows(&what, &text, &payloads);
    }
}

#[test]
fn a_chain_past_the_old_template_limit_renders_in_every_format() {
    let corpus = &corpus::load()[0];
    let mut data = corpus::session(corpus);
    corpus::chain(&mut data, 600, &["deep".to_string()]);
    let html = render(Format::Html, &data);
    let doc = scraper::Html::parse_document(&html);
    let deep = scraper::Selector::parse("section.ideas li").unwrap();
    let texts: Vec<String> = doc.select(&deep).map(|li| li.text().collect()).collect();
    assert!(texts.iter().filter(|t| t.starts_with("deep")).count() > 600);
    let md = render(Format::Markdown, &data);
    let deepest = format!("{}- deep", " ".repeat(4 * MAX_DEPTH));
    assert!(md.lines().filter(|l| l.starts_with(&deepest)).count() > 600 - MAX_DEPTH);
    let indent = md.lines().map(|l| l.len() - l.trim_start().len()).max();
    assert!(
        indent <= Some(4 * (MAX_DEPTH + 1)),
        "indentation stops growing"
    );
    check(
        "deep Markdown",
        &renderers::commonmark(&md),
        MARKDOWN_ELEMENTS,
        inert::markdown_attribute,
    );
    let pdf = atelier::report::bytes(Format::Pdf, &data);
    if let Some(pages) = common::pdf::pages(&pdf) {
        let deep = pages.concat().matches("deep").count();
        assert!(deep > 600, "{deep} deep items in the PDF");
    }
}

fn stdout(what: &str, cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_terminal_safe(what, &out);
    out
}

fn stderr(what: &str, cmd: &mut Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("atelier: "), "{what}: {out}");
    assert_terminal_safe(what, &out);
    out
}

/// Nothing a terminal would act on: no control character but the newline,
/// no bidi override.
fn assert_terminal_safe(what: &str, out: &str) {
    if let Some(c) = out.chars().find(|&c| is_unsafe(c) && c != '\n') {
        panic!("{what}: {c:?} reaches the terminal");
    }
}

/// Imports the corpus's session through the binary; returns its id.
fn imported(dir: &TempDir, corpus: &corpus::Corpus) -> String {
    let data = corpus::session(corpus);
    let file = dir.path().join(format!("{}.bundle.json", corpus.name));
    std::fs::write(&file, atelier::bundle::to_json(&data)).unwrap();
    let id = stdout("import", atelier(dir).arg("import").arg(&file));
    id.trim().to_string()
}

#[test]
fn the_cli_prints_the_corpus_without_control_characters() {
    for corpus in corpus::load() {
        let dir = tempfile::tempdir().unwrap();
        let id = imported(&dir, &corpus);
        let what = |cmd: &str| format!("`atelier {cmd}` of {}", corpus.name);
        let show = stdout(&what("show"), atelier(&dir).args(["show", &id]));
        let one_line: Vec<String> = corpus
            .payloads
            .iter()
            .filter(|p| !p.contains('\n'))
            .cloned()
            .collect();
        inert::assert_shows(&what("show"), &show, &one_line);
        let list = stdout(&what("list"), atelier(&dir).arg("list"));
        assert!(list.contains(&atelier::text::clean(&corpus.payloads[0], false)));
        let json = stdout(&what("list --json"), atelier(&dir).args(["list", "--json"]));
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json[0]["title"], corpus.payloads[0], "JSON keeps the data");
        for format in ["md", "html"] {
            let args = ["export", &id, "--format", format];
            stdout(&what(&args.join(" ")), atelier(&dir).args(args));
        }
        // A CSV goes to the terminal when no --out is given.
        let csv_args = ["export", &id, "--format", "csv"];
        // Its line ends are CRLF (RFC 4180): a carriage return before a
        // newline is the one control character allowed.
        let csv = atelier(&dir).args(csv_args).output().unwrap();
        assert!(csv.status.success(), "{}", what("export --format csv"));
        let csv = String::from_utf8(csv.stdout).unwrap().replace("\r\n", "\n");
        let acting = csv
            .chars()
            .find(|&c| (c.is_control() && c != '\n') || atelier::text::is_bidi_control(c));
        assert_eq!(
            acting,
            None,
            "{} prints a control character",
            what("export --format csv")
        );
        let votes = stdout(&what("votes"), atelier(&dir).args(["votes", &id]));
        inert::assert_shows(&what("votes"), &votes, &one_line);
    }
}

#[test]
fn error_messages_quote_the_corpus_without_control_characters() {
    for corpus in corpus::load() {
        let dir = tempfile::tempdir().unwrap();
        let id = imported(&dir, &corpus);
        for payload in corpus.payloads.iter().filter(|p| !p.contains('\0')) {
            let what = format!("errors quoting {payload:?}");
            let err = stderr(&what, atelier(&dir).args(["show", "--", payload]));
            let quoted = &corpus::expected_lines(payload)[0];
            assert!(err.contains(quoted), "{err} does not quote {quoted:?}");
            let stage = format!("--stage={payload}");
            let err = stderr(&what, atelier(&dir).args(["add", &id, &stage, "text"]));
            assert!(err.contains("unknown stage"), "{err}");
        }
        // The roster, stored text, is quoted when a name is not found.
        let add = [
            "add",
            &id,
            "--stage",
            "idees",
            "--participant",
            "nobody",
            "x",
        ];
        let err = stderr(&corpus.name, atelier(&dir).args(add));
        let first = corpus::expected_lines(&corpus.payloads[5 % corpus.payloads.len()]);
        assert!(err.contains(&first[0]), "{err}");
    }
}

/// Streaming writes the same bytes as the whole-String renderers did.
#[test]
fn exports_stream_the_same_bytes_as_before() {
    // Reports show local times; the golden files are on UTC. This binary
    // reads no other local time.
    std::env::set_var("TZ", "UTC");
    match std::env::var("ATELIER_WRITE_GOLDEN").as_deref() {
        Ok("reports") => golden::write_reports(|format, data| render(format, data).into_bytes()),
        Ok(_) => golden::write(|format, data| render(format, data).into_bytes()),
        Err(_) => {}
    }
    for (name, data) in golden::stored() {
        for format in golden::ALL {
            let want = std::fs::read(golden::file(&name, format)).unwrap();
            let mut got = Vec::new();
            atelier::report::write(format, &data, &mut got).unwrap();
            assert!(
                got == want,
                "{name} as {format:?} differs from its golden file"
            );
        }
    }
}

/// `atelier export` streams the same bytes to a pipe and to a file.
#[test]
fn the_binary_exports_the_golden_bytes() {
    for (name, _) in golden::stored().into_iter().take(3) {
        let dir = tempfile::tempdir().unwrap();
        let bundle = golden::file(&name, Format::Bundle);
        atelier(&dir).arg("import").arg(&bundle).assert().success();
        for format in golden::ALL {
            let want = std::fs::read(golden::file(&name, format)).unwrap();
            let key = match format {
                Format::Markdown => "md",
                Format::Bundle => "bundle",
                other => other.extension(),
            };
            let piped = atelier(&dir)
                .env("TZ", "UTC")
                .args(["export", "latest", "--format", key])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            assert!(piped == want, "{name} as {key} on a pipe");
            let file = dir.path().join(format!("out.{key}"));
            atelier(&dir)
                .env("TZ", "UTC")
                .args(["export", "latest", "--format", key, "--out"])
                .arg(&file)
                .assert()
                .success();
            let written = std::fs::read(&file).unwrap();
            assert!(written == want, "{name} as {key} in a file");
        }
    }
}

/// The corpus' themes (named after the payloads) are in every report the
/// inert checks above read, so hostile theme names are checked there too.
#[test]
fn the_corpus_themes_reach_the_reports() {
    for corpus in corpus::load() {
        let data = corpus::session(&corpus);
        let heading = atelier::i18n::t(data.session.language, "report.themes_heading");
        for format in [Format::Markdown, Format::Html] {
            let out = render(format, &data);
            assert!(out.contains(heading), "{} as {format:?}", corpus.name);
        }
        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        let names = json["themes"].as_array().unwrap();
        assert_eq!(names.len(), corpus.payloads.len(), "{}", corpus.name);
    }
}

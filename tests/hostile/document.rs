//! The HTML report as a document, read by a real HTML5 parser (html5ever,
//! through scraper): no parse error, the session's language, one title,
//! a table of contents whose links all land, charts with accessible names,
//! nothing fetched or run; and every format in the one order of
//! `report::sections`. For the sample and each hostile corpus, in both
//! discussion orders, with per-person counts shown and hidden.

use super::inert::{MARKDOWN_ELEMENTS, REPORT_ELEMENTS};
use atelier::model::{DiscussionOrder, PersonStats, ReportChoices, SessionData};
use atelier::report::{render, sections, Format, Report, Section};
use scraper::{ElementRef, Html, Selector};

fn all<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap();
    doc.select(&selector).collect()
}

/// Each golden case under each choice: its name, what to call it in a
/// failure, and the session.
fn cases() -> Vec<(String, String, SessionData)> {
    let mut out = Vec::new();
    for (name, data) in super::golden::cases() {
        for order in [DiscussionOrder::Kind, DiscussionOrder::Spoken] {
            for person_stats in [PersonStats::Hide, PersonStats::Show] {
                let mut data = data.clone();
                data.session.report = ReportChoices {
                    order,
                    person_stats,
                };
                let what = format!("{name} ({} {})", order.key(), person_stats.key());
                out.push((name.clone(), what, data));
            }
        }
    }
    out
}

#[test]
fn the_html_report_is_a_well_formed_self_contained_document() {
    let corpora = super::corpus::load();
    for (name, what, data) in cases() {
        let html = render(Format::Html, &data);
        // Inert whatever the choices: every payload shows as text.
        let corpus = corpora.iter().find(|c| c.name == format!("{name}.json"));
        let text = super::inert::check(
            &what,
            &html,
            REPORT_ELEMENTS,
            super::inert::report_attribute,
        );
        let md = render(Format::Markdown, &data);
        let md_html = super::renderers::commonmark(&md);
        let md_text = super::inert::check(
            &what,
            &md_html,
            MARKDOWN_ELEMENTS,
            super::inert::markdown_attribute,
        );
        if let Some(corpus) = corpus {
            super::inert::assert_shows(&what, &text, &corpus.payloads);
            super::inert::assert_shows(&what, &md_text, &corpus.payloads);
        }
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty(), "{what}: {:?}", doc.errors);
        let root = &all(&doc, "html")[0];
        assert_eq!(root.attr("lang"), Some(data.session.language.code()));
        assert!(all(&doc, "script, link, img, iframe, object, embed, base").is_empty());
        let fetching = all(&doc, "[src], [srcset], [action], [formaction], [poster]");
        assert!(fetching.is_empty(), "{what}: something to fetch");
        let css: String = all(&doc, "style").iter().flat_map(|s| s.text()).collect();
        assert!(!css.contains("url(") && !css.contains("@import"), "{what}");
        assert!(css.contains("size: A4"), "{what}: A4 pages");
        assert_eq!(all(&doc, "h1").len(), 1, "{what}: one title");

        // The table of contents: one link per section after the cover,
        // in order, each landing on exactly one element.
        let links = all(&doc, "nav.toc a");
        let bodies = all(&doc, "main > section");
        assert_eq!(links.len(), bodies.len(), "{what}");
        for (link, section) in links.iter().zip(&bodies) {
            let target = link.attr("href").unwrap().strip_prefix('#').unwrap();
            assert_eq!(section.attr("id"), Some(target), "{what}");
            let landing = all(&doc, &format!("[id=\"{target}\"]"));
            assert_eq!(landing.len(), 1, "{what}: #{target}");
            // Each section opens with its heading, as the link says it.
            let heading = ElementRef::wrap(section.first_child().unwrap())
                .or_else(|| section.children().filter_map(ElementRef::wrap).next())
                .unwrap();
            assert_eq!(heading.value().name(), "h2", "{what}");
            let said: String = link.text().collect();
            assert_eq!(heading.text().collect::<String>(), said, "{what}");
        }

        // Every chart has an accessible name: a <title> it points to.
        for svg in all(&doc, "svg") {
            assert_eq!(svg.attr("role"), Some("img"), "{what}");
            let id = svg.attr("aria-labelledby").expect("a labelled chart");
            let title = svg
                .children()
                .filter_map(ElementRef::wrap)
                .find(|c| c.value().name() == "title")
                .expect("a chart's title");
            assert_eq!(title.attr("id"), Some(id), "{what}");
        }
    }
}

#[test]
fn every_format_follows_the_one_order_of_sections() {
    for (_, what, data) in cases() {
        // The report as people read it (French typography included).
        let report = Report::for_reading(&data, Default::default());
        let list = sections(&report);
        let expected: Vec<String> = list
            .iter()
            .filter(|s| !matches!(s, Section::Cover(_)))
            .map(|s| s.heading(&report))
            .collect();

        let doc = Html::parse_document(&render(Format::Html, &data));
        let html: Vec<String> = all(&doc, "main > section > h2")
            .iter()
            .map(|h| h.text().collect())
            .collect();
        assert_eq!(html, expected, "{what}: HTML");

        let md = render(Format::Markdown, &data);
        let events = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
        let mut headings = Vec::new();
        let mut inside = None;
        for event in events {
            use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) => inside = Some(String::new()),
                Event::Text(t) if inside.is_some() => inside.as_mut().unwrap().push_str(&t),
                Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                    headings.extend(inside.take());
                }
                _ => {}
            }
        }
        assert_eq!(headings, expected, "{what}: Markdown");
        let discussion = list.iter().find_map(|s| match s {
            Section::Discussion(d) => Some(d),
            _ => None,
        });
        if let Some(d) = discussion {
            let spoken = matches!(d, atelier::report::Discussion::Spoken(_));
            let chosen = data.session.report.order == DiscussionOrder::Spoken;
            assert_eq!(spoken, chosen, "{what}");
        }
    }
}

//! What "inert" means for a rendered page, checked on the tree a real HTML
//! parser (html5ever, through scraper) builds from it.

use scraper::{Html, Node};

/// The elements the HTML report's template writes.
pub const REPORT_ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p",
    "span", "time", "section", "div", "strong", "em", "ul", "li", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "footer",
    // The table of contents: a numbered list of links to the sections.
    "nav", "ol", "a",
    // The participation chart: inline SVG shapes and text, each bar
    // described by a `title` for screen readers. No `use`, `image`,
    // `foreignObject`, `a`, `script` or `style` inside the SVG: nothing in
    // it can fetch, link or run.
    "svg", "g", "rect", "text",
    // A table's total row; a vote label's lines, wrapped in the chart.
    "tfoot", "tspan",
];

/// The elements the Markdown report may become: headings, paragraphs,
/// lists, emphasis, the statistics tables, the closing rule and breaks.
/// No link, image, code, quote, ordered list or raw HTML.
pub const MARKDOWN_ELEMENTS: &[&str] = &[
    "html", "head", "body", "h1", "h2", "h3", "p", "ul", "li", "em", "strong", "table", "thead",
    "tbody", "tr", "th", "td", "hr", "br",
];

/// Pandoc writes column widths of wide tables as a `colgroup`.
pub const PANDOC_ELEMENTS: &[&str] = &[
    "html", "head", "body", "h1", "h2", "h3", "p", "ul", "li", "em", "strong", "table", "thead",
    "tbody", "tr", "th", "td", "hr", "br", "colgroup", "col",
];

/// Panics unless the page holds only `allowed` elements, no script, no
/// event handler, no `javascript:`/`data:` URL, and no attribute but those
/// `attribute_ok` accepts; returns its text.
pub fn check(
    what: &str,
    html: &str,
    allowed: &[&str],
    attribute_ok: impl Fn(&str, &str, &str) -> bool,
) -> String {
    let doc = Html::parse_document(html);
    let mut text = String::new();
    for node in doc.tree.root().descendants() {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                assert!(name != "script", "{what}: script element");
                assert!(allowed.contains(&name), "{what}: unexpected <{name}>");
                for (attr, value) in e.attrs() {
                    let lower = value.to_ascii_lowercase();
                    assert!(!attr.starts_with("on"), "{what}: {attr} on <{name}>");
                    assert!(
                        !lower.contains("javascript:") && !lower.contains("data:"),
                        "{what}: {attr}={value:?} on <{name}>"
                    );
                    assert!(
                        attribute_ok(name, attr, value),
                        "{what}: unexpected {attr}={value:?} on <{name}>"
                    );
                }
            }
            Node::Text(t) => text.push_str(t),
            Node::Comment(c) => panic!("{what}: comment <!--{}--> from input", &**c),
            _ => {}
        }
    }
    text
}

/// The attributes the report's template writes.
pub fn report_attribute(element: &str, attr: &str, value: &str) -> bool {
    let name = |v: &str| {
        !v.is_empty()
            && v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    // A link of the table of contents goes to a section of the page.
    if (element, attr) == ("a", "href") {
        return value.strip_prefix('#').is_some_and(name);
    }
    if attr == "id" && !name(value) {
        return false;
    }
    matches!(
        (element, attr),
        ("html", "lang")
            | ("meta", "charset" | "name" | "content" | "http-equiv")
            | (_, "class")
            // Anchors of the sections and the table of contents' links to
            // them: names of the template's own, never typed text.
            | ("header" | "section" | "h2", "id")
            | ("nav", "aria-labelledby")
            | ("time", "datetime")
            | ("th", "scope")
            // A wide table's column title on each cell, shown above it on a
            // phone: the report's own labels, never typed text.
            | ("td", "data-label")
            // The participation chart's geometry (numbers the view model
            // computes) and its accessible name.
            | ("svg", "role" | "aria-labelledby" | "viewbox" | "viewBox" | "width" | "height")
            | ("title", "id")
            | ("rect", "x" | "y" | "width" | "height")
            | ("text" | "tspan", "x" | "y")
    )
}

/// Markdown may align table columns, nothing else.
pub fn markdown_attribute(element: &str, attr: &str, value: &str) -> bool {
    matches!(element, "th" | "td")
        && (attr == "align" || (attr == "style" && value.starts_with("text-align")))
}

/// Pandoc also gives every heading an identifier made from its words
/// (lower case letters, digits, `-_.`): a name, never markup or a URL.
pub fn pandoc_attribute(element: &str, attr: &str, value: &str) -> bool {
    let heading_id = matches!(element, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        && attr == "id"
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    // Table rows are striped with classes of pandoc's own.
    let row_class =
        element == "tr" && attr == "class" && matches!(value, "header" | "odd" | "even");
    let column_width = element == "col"
        && attr == "style"
        && value.starts_with("width: ")
        && value.trim_end_matches(";").ends_with('%');
    heading_id || row_class || column_width || markdown_attribute(element, attr, value)
}

/// Panics unless `text` shows every line of every payload as itself.
/// Runs of spaces and line breaks count as one space, as a browser shows
/// them (pandoc also writes them so, and wraps its lines); so do the
/// no-break spaces of French typography ("1\u{202f}?" reads "1 ?").
pub fn assert_shows(what: &str, text: &str, payloads: &[String]) {
    let squeeze = |s: &str| {
        s.split([' ', '\n', '\u{a0}', '\u{202f}'])
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = squeeze(text);
    for payload in payloads {
        for line in super::corpus::expected_lines(payload) {
            let line = squeeze(&line);
            assert!(
                text.contains(&line),
                "{what} does not show {line:?} (from {payload:?})"
            );
        }
    }
}

//! The body of an ODT report as it is written: headings, paragraphs,
//! nested lists and tables, through quick-xml's writer, which escapes
//! every text and attribute value. Nothing here formats XML by hand.
//!
//! Stored text reaches the XML through [`Doc::text`] only (`literal` is
//! for the report's own separators and numbers): control characters
//! (which XML 1.0 forbids) and bidi overrides are shown as U+FFFD, as
//! everywhere else stored text is shown ([`crate::text::clean`]).

use super::super::Item;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io;

pub struct Doc {
    w: Writer<Vec<u8>>,
}

/// Rows a table may have and still be kept on one page (about 15 cm of
/// the page's 26); a longer one breaks between rows.
const WHOLE_TABLE_ROWS: usize = 25;

/// A table cell's content.
pub enum Cell<'a> {
    Text(&'a str),
    /// A count: right-aligned and stored as a number, so that a word
    /// processor can sum it.
    Count(usize),
}

/// A table column: its heading, its width style (`Col_…` in the content's
/// automatic styles) and whether it holds numbers (aligned right).
pub struct Column<'a> {
    pub heading: &'a str,
    pub width: &'static str,
    pub numeric: bool,
}

/// Text that XML 1.0 can hold and that acts on nothing: what
/// [`crate::text::clean`] leaves (controls, bidi overrides and the
/// noncharacters XML forbids shown as U+FFFD).
pub fn xml_clean(text: &str, keep_newlines: bool) -> String {
    crate::text::clean(text, keep_newlines)
}

/// Text content escaped by quick-xml: `<`, `>` and `&` (quotes need no
/// escape outside attributes, and stay readable).
pub fn escaped(text: &str) -> Event<'_> {
    Event::Text(BytesText::from_escaped(partial_escape(text)))
}

impl Doc {
    pub fn new() -> Doc {
        Doc {
            w: Writer::new(Vec::new()),
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.w.into_inner()
    }

    fn start(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        let tag = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.w.write_event(Event::Start(tag))
    }

    fn end(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        let tag = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.w.write_event(Event::Empty(tag))
    }

    /// A heading of the document's outline: 1 for a section, 2 and 3
    /// below it, each with its named style ("Heading 1"…).
    pub fn heading(&mut self, level: u8, text: &str) -> io::Result<()> {
        let style = format!("Heading_20_{level}");
        let level = level.to_string();
        self.start(
            "text:h",
            &[("text:style-name", &style), ("text:outline-level", &level)],
        )?;
        self.text(text)?;
        self.end("text:h")
    }

    /// A paragraph of `text` in the paragraph style `style`.
    pub fn paragraph(&mut self, style: &str, text: &str) -> io::Result<()> {
        self.paragraph_with(style, |d| d.text(text))
    }

    /// A paragraph whose content `inside` writes (texts and spans).
    pub fn paragraph_with(
        &mut self,
        style: &str,
        inside: impl FnOnce(&mut Doc) -> io::Result<()>,
    ) -> io::Result<()> {
        self.start("text:p", &[("text:style-name", style)])?;
        inside(self)?;
        self.end("text:p")
    }

    /// `text` in the character style `style` ("Emphasis", "Strong_20_Emphasis").
    pub fn span(&mut self, style: &str, text: &str) -> io::Result<()> {
        self.start("text:span", &[("text:style-name", style)])?;
        self.text(text)?;
        self.end("text:span")
    }

    /// Stored text as it reads: cleaned (see the module's comment), its
    /// line breaks as `text:line-break` and its spaces kept (see
    /// [`Doc::line`]). A line break that starts or ends it is dropped.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        let text = xml_clean(text, true);
        for (i, line) in text.trim_matches('\n').split('\n').enumerate() {
            if i > 0 {
                self.empty("text:line-break", &[])?;
            }
            self.line(line)?;
        }
        Ok(())
    }

    /// One line, every space kept. ODF, like HTML, folds a run of spaces
    /// into one and drops those at a paragraph's edges or after another
    /// space, even across a span's edge; so the spaces at either end of
    /// a text (a span's, a separator's: " — Jacky") and every space but
    /// the first of a run inside it are written as `text:s`, which no
    /// reader folds.
    fn line(&mut self, line: &str) -> io::Result<()> {
        let inner = line.trim_matches(' ');
        let leading = line.len() - line.trim_start_matches(' ').len();
        self.spaces(leading)?;
        if inner.is_empty() {
            return Ok(());
        }
        let mut rest = inner;
        while !rest.is_empty() {
            let word_end = rest.find(' ').unwrap_or(rest.len());
            let after = &rest[word_end..];
            let spaces = after.len() - after.trim_start_matches(' ').len();
            let kept = if spaces > 0 { word_end + 1 } else { word_end };
            self.w.write_event(escaped(&rest[..kept]))?;
            self.spaces(spaces.saturating_sub(1))?;
            rest = &rest[word_end + spaces..];
        }
        self.spaces(line.len() - line.trim_end_matches(' ').len())
    }

    /// `count` spaces no reader folds.
    fn spaces(&mut self, count: usize) -> io::Result<()> {
        if count == 0 {
            return Ok(());
        }
        self.empty("text:s", &[("text:c", &count.to_string())])
    }

    /// A bulleted list of `rows` (each with its depth, at most one deeper
    /// than the row before, as [`crate::report::flatten`] gives them),
    /// nested with `text:list` inside the parent's `text:list-item`,
    /// written without recursion. `entry` writes a row's paragraph content.
    pub fn list<T>(
        &mut self,
        rows: &[(T, usize)],
        mut entry: impl FnMut(&mut Doc, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        self.start("text:list", &[("text:style-name", "Bullets")])?;
        for (i, (row, depth)) in rows.iter().enumerate() {
            self.start("text:list-item", &[])?;
            self.paragraph_with("List_20_Paragraph", |d| entry(d, row))?;
            let next = rows.get(i + 1).map_or(0, |(_, d)| *d);
            if next > *depth {
                self.start("text:list", &[])?;
                continue;
            }
            self.end("text:list-item")?;
            for _ in next..*depth {
                self.end("text:list")?;
                self.end("text:list-item")?;
            }
        }
        self.end("text:list")
    }

    /// Report items with their sub-points: "*kind* : text — *author*".
    pub fn items(&mut self, items: &[Item], colon: &str) -> io::Result<()> {
        self.list(&super::super::flatten(items), |d, item| {
            if let Some(kind) = &item.kind {
                d.span("Emphasis", kind)?;
                d.literal(colon)?;
            }
            d.text(&item.text)?;
            if let Some(author) = &item.author {
                d.literal(" — ")?;
                d.span("Emphasis", author)?;
            }
            if let Some(mark) = &item.room_mark {
                d.literal(" ")?;
                d.text(mark)?;
            }
            Ok(())
        })
    }

    /// A separator of our own (" — ", " : "), spaces kept as they are
    /// (see [`Doc::line`]).
    pub fn literal(&mut self, text: &str) -> io::Result<()> {
        self.line(text)
    }

    /// A table named `name` (an ASCII name of ours, shown in the
    /// navigator): a heading row, then `rows`; `strong_last` sets the last
    /// row like the heading (a total). A short table stays on one page; a
    /// long one breaks between rows, never inside one, and repeats its
    /// heading row on each page.
    pub fn table(
        &mut self,
        name: &str,
        columns: &[Column],
        rows: &[Vec<Cell>],
        strong_last: bool,
    ) -> io::Result<()> {
        let style = if rows.len() <= WHOLE_TABLE_ROWS {
            "Table"
        } else {
            "Long_Table"
        };
        self.start(
            "table:table",
            &[("table:name", name), ("table:style-name", style)],
        )?;
        for column in columns {
            self.empty("table:table-column", &[("table:style-name", column.width)])?;
        }
        self.start("table:table-header-rows", &[])?;
        self.start("table:table-row", &[("table:style-name", "Row")])?;
        for column in columns {
            let style = if column.numeric {
                "Table_20_Number_20_Heading"
            } else {
                "Table_20_Heading"
            };
            self.cell(&Cell::Text(column.heading), "Head_Cell", style)?;
        }
        self.end("table:table-row")?;
        self.end("table:table-header-rows")?;
        for (i, row) in rows.iter().enumerate() {
            let strong = strong_last && i + 1 == rows.len();
            self.start("table:table-row", &[("table:style-name", "Row")])?;
            for cell in row {
                let (cell_style, style) = match (cell, strong) {
                    (Cell::Text(_), false) => ("Cell", "Table_20_Contents"),
                    (Cell::Count(_), false) => ("Cell", "Table_20_Number"),
                    (Cell::Text(_), true) => ("Head_Cell", "Table_20_Heading"),
                    (Cell::Count(_), true) => ("Head_Cell", "Table_20_Number_20_Heading"),
                };
                self.cell(cell, cell_style, style)?;
            }
            self.end("table:table-row")?;
        }
        self.end("table:table")
    }

    fn cell(&mut self, cell: &Cell, cell_style: &str, paragraph: &str) -> io::Result<()> {
        match cell {
            Cell::Text(text) => {
                self.start(
                    "table:table-cell",
                    &[
                        ("table:style-name", cell_style),
                        ("office:value-type", "string"),
                    ],
                )?;
                self.paragraph(paragraph, text)?;
            }
            Cell::Count(n) => {
                let n = n.to_string();
                self.start(
                    "table:table-cell",
                    &[
                        ("table:style-name", cell_style),
                        ("office:value-type", "float"),
                        ("office:value", &n),
                    ],
                )?;
                self.paragraph_with(paragraph, |d| d.literal(&n))?;
            }
        }
        self.end("table:table-cell")
    }
}

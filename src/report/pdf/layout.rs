//! Page layout: blocks of lines placed down A4 pages. Two rules make the
//! pages read well: a heading waits for what follows it and moves with it
//! to the next page rather than end one (keep with next), and a block kept
//! together (a table row, a list item, a bar) moves whole to the next page
//! unless it is taller than a page, when it breaks between its lines. Table
//! headers repeat at the top of a page a table continues on.
//!
//! The layout hands each finished page to a sink and keeps only the page
//! it is filling, so its memory does not grow with the report.

use super::font::{Metrics, Weight};
use super::wrap::{self, Style};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 56.7;
/// Room for the running footer under the body.
const FOOTER: f32 = 28.0;
pub const BODY_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const TOP: f32 = MARGIN;
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - FOOTER;

pub type Rgb = (u8, u8, u8);
pub const INK: Rgb = (33, 37, 41);
pub const MUTED: Rgb = (95, 99, 104);
pub const ACCENT: Rgb = (31, 78, 121);
pub const RULE: Rgb = (206, 212, 218);
pub const SHADE: Rgb = (236, 241, 246);

/// Something drawn, at a place on the page (points from the top left).
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// One line of text, its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: String,
        /// Part of a paragraph that reads right to left (Arabic, Hebrew):
        /// its runs are ordered from the right.
        rtl: bool,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
}

impl Op {
    /// The same op `dy` points lower.
    pub fn moved(mut self, dy: f32) -> Op {
        match &mut self {
            Op::Text { y, .. } | Op::Rect { y, .. } => *y += dy,
        }
        self
    }
}

/// One line of a block: its height and what it draws, placed from the
/// line's top.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub height: f32,
    pub ops: Vec<Op>,
}

/// Where a heading landed: for the PDF's bookmarks (its outline).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub level: u8,
    pub text: String,
    /// Counted from 0.
    pub page: usize,
    /// The top of the heading, points from the page's top.
    pub y: f32,
}

/// A finished page: what it draws, in order.
pub struct Page {
    pub ops: Vec<Op>,
}

pub struct Layout<'a> {
    pub metrics: &'a Metrics,
    sink: &'a mut dyn FnMut(Page),
    ops: Vec<Op>,
    y: f32,
    page: usize,
    /// Headings waiting for the block they introduce.
    pending: Vec<Line>,
    /// The bookmarks of the waiting headings (each with how far below
    /// the first waiting line it starts), placed with them.
    pending_marks: Vec<(u8, String, f32)>,
    /// Where each heading placed so far landed.
    marks: Vec<Mark>,
    /// The header row of the table being laid out.
    repeat: Option<Vec<Line>>,
    /// What the running footer says beside the page number.
    footer: String,
    /// The page count when known (the second pass), for "3 / 12".
    total: Option<usize>,
}

impl<'a> Layout<'a> {
    pub fn new(
        metrics: &'a Metrics,
        footer: String,
        total: Option<usize>,
        sink: &'a mut dyn FnMut(Page),
    ) -> Layout<'a> {
        Layout {
            metrics,
            sink,
            ops: Vec::new(),
            y: TOP,
            page: 1,
            pending: Vec::new(),
            pending_marks: Vec::new(),
            marks: Vec::new(),
            repeat: None,
            footer,
            total,
        }
    }

    pub fn style(&self, weight: Weight, size: f32) -> Style<'a> {
        Style {
            metrics: self.metrics,
            weight,
            size,
        }
    }

    /// Wrapped text as lines of a block, `x` from the left margin; a
    /// paragraph that reads right to left (its first strong character is
    /// Arabic or Hebrew, as the Unicode bidi algorithm says) is aligned
    /// on the right.
    pub fn text(&self, text: &str, style: Style, x: f32, width: f32, color: Rgb) -> Vec<Line> {
        let height = line_height(style.size);
        let rtl = reads_right_to_left(text);
        wrap::lines(text, style, width)
            .into_iter()
            .map(|line| {
                let shift = if rtl {
                    (width - style.width(&line)).max(0.0)
                } else {
                    0.0
                };
                let mut op = text_op(line, style, MARGIN + x + shift, color);
                if let Op::Text { rtl: r, .. } = &mut op {
                    *r = rtl;
                }
                Line {
                    height,
                    ops: vec![op],
                }
            })
            .collect()
    }

    /// A heading: kept with the next block placed.
    pub fn heading(&mut self, lines: Vec<Line>) {
        self.pending.extend(lines);
    }

    /// A heading that is also a bookmark of the document's outline.
    pub fn bookmarked_heading(&mut self, level: u8, text: &str, lines: Vec<Line>) {
        let below: f32 = self.pending.iter().map(|l| l.height).sum();
        self.pending_marks.push((level, text.to_string(), below));
        self.heading(lines);
    }

    /// Places lines, kept together on one page when `keep` (and when they
    /// fit a page), otherwise free to break between lines.
    pub fn place(&mut self, lines: Vec<Line>, keep: bool) {
        if lines.is_empty() {
            return;
        }
        let pending: f32 = self.pending.iter().map(|l| l.height).sum();
        let total: f32 = lines.iter().map(|l| l.height).sum();
        let first = if keep && total <= BOTTOM - TOP - pending {
            total
        } else {
            // At least two lines of a paragraph stay with their heading.
            lines.iter().take(2).map(|l| l.height).sum()
        };
        if self.y + pending + first > BOTTOM && !self.fresh() {
            self.break_page();
        }
        self.draw_pending();
        for line in lines {
            if self.y + line.height > BOTTOM && !self.fresh() {
                self.break_page();
            }
            self.draw(line);
        }
    }

    /// Vertical space, dropped at the top of a page. After lines still
    /// waiting for what follows them (a heading, a version line), the
    /// space goes below them, where it was asked, not above.
    pub fn gap(&mut self, height: f32) {
        if let Some(last) = self.pending.last_mut() {
            last.height += height;
        } else if !self.fresh() {
            self.y = (self.y + height).min(BOTTOM);
        }
    }

    /// Starts a table: its `header` goes with the first row (like a
    /// heading) and again on each page the rows continue on, until
    /// `end_table`.
    pub fn start_table(&mut self, header: Vec<Line>) {
        self.pending.extend(header.iter().cloned());
        self.repeat = Some(header);
    }

    pub fn end_table(&mut self) {
        self.repeat = None;
    }

    /// Hands over the last page; returns how many there are and where
    /// each heading landed.
    pub fn finish(mut self) -> (usize, Vec<Mark>) {
        self.draw_pending();
        self.emit();
        (self.page, self.marks)
    }

    /// Draws the waiting headings where the layout stands, noting their
    /// bookmarks there.
    fn draw_pending(&mut self) {
        for (level, text, below) in std::mem::take(&mut self.pending_marks) {
            self.marks.push(Mark {
                level,
                text,
                page: self.page - 1,
                y: self.y + below,
            });
        }
        for line in std::mem::take(&mut self.pending) {
            self.draw(line);
        }
    }

    /// Moves down the page until `room` points are left (tests only).
    #[cfg(test)]
    pub fn fill_for_test(&mut self, room: f32) {
        self.y = BOTTOM - room;
    }

    fn fresh(&self) -> bool {
        self.y <= TOP
    }

    fn draw(&mut self, line: Line) {
        let y = self.y;
        self.ops.extend(line.ops.into_iter().map(|op| op.moved(y)));
        self.y += line.height;
    }

    /// A new page, which a table's rows continue on under its header
    /// (unless the header is still waiting for its first row).
    fn break_page(&mut self) {
        self.new_page();
        if self.pending.is_empty() {
            if let Some(header) = self.repeat.clone() {
                header.into_iter().for_each(|l| self.draw(l));
            }
        }
    }

    fn new_page(&mut self) {
        self.emit();
        self.page += 1;
        self.y = TOP;
    }

    /// The page with its footer: the report's title and the page number.
    fn emit(&mut self) {
        let style = self.style(Weight::Regular, 8.0);
        let number = match self.total {
            Some(total) => format!("{} / {total}", self.page),
            None => self.page.to_string(),
        };
        let number_width = style.width(&number);
        let baseline = PAGE_HEIGHT - MARGIN + 4.0;
        self.ops.push(Op::Rect {
            x: MARGIN,
            y: baseline - 14.0,
            w: BODY_WIDTH,
            h: 0.5,
            color: RULE,
        });
        let room = BODY_WIDTH - number_width - 24.0;
        if let Some(title) = one_line(&self.footer, style, room) {
            self.ops
                .push(text_op(title, style, MARGIN, MUTED).moved(baseline - base(8.0)));
        }
        let x = PAGE_WIDTH - MARGIN - number_width;
        self.ops
            .push(text_op(number, style, x, MUTED).moved(baseline - base(8.0)));
        let ops = std::mem::take(&mut self.ops);
        (self.sink)(Page { ops });
    }
}

pub fn line_height(size: f32) -> f32 {
    size * 1.4
}

/// Where a line's baseline sits below its top.
fn base(size: f32) -> f32 {
    size * 1.05
}

/// A text op at `x` (from the page's left), on a line starting at 0.
pub fn text_op(text: String, style: Style, x: f32, color: Rgb) -> Op {
    Op::Text {
        x,
        y: base(style.size),
        size: style.size,
        weight: style.weight,
        color,
        text,
        rtl: false,
    }
}

/// Whether the paragraph `text` reads right to left.
pub fn reads_right_to_left(text: &str) -> bool {
    let info = unicode_bidi::BidiInfo::new(text, None);
    info.paragraphs.first().is_some_and(|p| p.level.is_rtl())
}

/// The first line of `text`, with an ellipsis when there is more.
pub fn one_line(text: &str, style: Style, width: f32) -> Option<String> {
    let ellipsis = style.width("…");
    let lines = wrap::lines(text, style, width - ellipsis);
    let first = lines.first()?.clone();
    Some(if lines.len() > 1 {
        first + "…"
    } else {
        first
    })
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;

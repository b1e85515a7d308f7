//! The building blocks of a report page: headings, paragraphs, nested
//! lists, tables and bar charts, each turned into lines for the layout.

use super::font::Weight;
use super::layout::{
    line_height, text_op, Layout, Line, Op, Rgb, ACCENT, BODY_WIDTH, INK, MARGIN, MUTED, RULE,
    SHADE,
};
use crate::report::Item;

pub const BODY: f32 = 10.0;
/// How far each level of a nested list moves right.
const INDENT: f32 = 14.0;
/// Space between a table cell's text and its edges.
const PAD: f32 = 4.0;
/// A bar under an even share.
pub const LIGHT: Rgb = (150, 180, 210);

/// The report's title, on the first page.
pub fn title(l: &mut Layout, text: &str) {
    let lines = l.text(text, l.style(Weight::Bold, 22.0), 0.0, BODY_WIDTH, ACCENT);
    l.place(lines, true);
    l.gap(4.0);
}

/// Width of a cover field's label column.
const FIELD_LABEL: f32 = 92.0;
/// A cover field's label: small, grey, beside its value.
pub const FIELD_LABEL_SIZE: f32 = 8.0;

/// The cover's facts (event, date, place, lead, participants) as a compact
/// block: each value in body text, its label small and grey beside it,
/// rather than a heading per fact. A field moves whole.
pub fn fields<'t>(l: &mut Layout, fields: impl IntoIterator<Item = (&'t str, String)>) {
    let label_style = l.style(Weight::Regular, FIELD_LABEL_SIZE);
    let value_style = l.style(Weight::Regular, BODY);
    // The label's baseline sits on the value's first line's.
    let drop = line_height(BODY) - line_height(FIELD_LABEL_SIZE) - 0.5;
    for (label, value) in fields {
        let width = BODY_WIDTH - FIELD_LABEL;
        let mut lines = l.text(&value, value_style, FIELD_LABEL, width, INK);
        let Some(first) = lines.first_mut() else {
            continue;
        };
        let label = text_op(label.to_string(), label_style, MARGIN, MUTED);
        first.ops.push(label.moved(drop));
        if let Some(last) = lines.last_mut() {
            last.height += 3.0;
        }
        l.place(lines, true);
    }
    l.gap(6.0);
}

/// A section's heading (level 1), or a part's within it (2, 3).
pub fn heading(l: &mut Layout, level: u8, text: &str) {
    let (size, space, color) = match level {
        1 => (15.0, 18.0, ACCENT),
        2 => (12.0, 10.0, INK),
        _ => (BODY, 6.0, INK),
    };
    l.gap(space);
    let mut lines = l.text(text, l.style(Weight::Bold, size), 0.0, BODY_WIDTH, color);
    if level == 1 {
        lines.push(Line {
            height: 6.0,
            ops: vec![rect(0.0, 1.5, BODY_WIDTH, 0.8, ACCENT)],
        });
    } else if let Some(last) = lines.last_mut() {
        last.height += 2.0;
    }
    l.bookmarked_heading(level, text, lines);
}

/// Running text: may break across pages between its lines.
pub fn paragraph(l: &mut Layout, text: &str) {
    styled(l, text, Weight::Regular, INK);
}

/// A short line in grey (a date, a summary, a note).
pub fn note(l: &mut Layout, text: &str) {
    styled(l, text, Weight::Regular, MUTED);
}

/// A grey line that stays with the block after it, like a heading (an
/// atelier's date and lead above its question).
pub fn lead_in(l: &mut Layout, text: &str) {
    let mut lines = l.text(text, l.style(Weight::Regular, BODY), 0.0, BODY_WIDTH, MUTED);
    if let Some(last) = lines.last_mut() {
        // A gap placed now would go above the heading waiting before it.
        last.height += 6.0;
    }
    l.heading(lines);
}

/// A label in bold on a line of its own ("Context", "Proposal").
pub fn label(l: &mut Layout, text: &str) {
    l.gap(4.0);
    let lines = l.text(text, l.style(Weight::Bold, BODY), 0.0, BODY_WIDTH, INK);
    l.heading(lines);
}

fn styled(l: &mut Layout, text: &str, weight: Weight, color: Rgb) {
    let lines = l.text(text, l.style(weight, BODY), 0.0, BODY_WIDTH, color);
    if !lines.is_empty() {
        l.place(lines, false);
        l.gap(5.0);
    }
}

/// A bulleted list of plain texts.
pub fn bullets<'t>(l: &mut Layout, texts: impl IntoIterator<Item = &'t str>) {
    for text in texts {
        bullet(l, 0, text);
    }
    l.gap(5.0);
}

/// A nested list: each item with its kind when it differs from its
/// parent's and its author, indented by depth (at most `MAX_DEPTH`
/// levels, as [`crate::report::flatten`] caps it). Each item moves whole.
pub fn items(l: &mut Layout, list: &[Item], colon: &str) {
    for (item, depth) in crate::report::flatten(list) {
        let mut text = String::new();
        if let Some(kind) = &item.kind {
            text.push_str(kind);
            text.push_str(colon);
        }
        text.push_str(&item.text);
        if let Some(author) = &item.author {
            text.push_str(" — ");
            text.push_str(author);
        }
        if let Some(mark) = &item.room_mark {
            text.push(' ');
            text.push_str(mark);
        }
        bullet(l, depth, &text);
    }
    l.gap(5.0);
}

/// An item of a list, indented by its depth; one that reads right to left
/// is indented from the right, its mark on the right.
fn bullet(l: &mut Layout, depth: usize, text: &str) {
    let x = depth as f32 * INDENT;
    let style = l.style(Weight::Regular, BODY);
    let width = BODY_WIDTH - x - 11.0;
    let rtl = super::layout::reads_right_to_left(text);
    let (text_x, mark_x) = if rtl {
        (0.0, MARGIN + width + 4.0)
    } else {
        (x + 11.0, MARGIN + x + 1.0)
    };
    let mut lines = l.text(text, style, text_x, width, INK);
    let Some(first) = lines.first_mut() else {
        return;
    };
    let mark = ["•", "◦", "▪"][depth % 3];
    first
        .ops
        .push(text_op(mark.to_string(), style, mark_x, MUTED));
    l.place(lines, true);
}

/// A table column: its title, its share of the width, numbers to the right.
pub struct Column<'a> {
    pub title: &'a str,
    pub share: f32,
    pub numeric: bool,
}

/// Rows a table may have and still be kept whole on one page: a short
/// table cut after its first row reads badly ("Contributions par étape"
/// split 1 / 3).
pub const WHOLE_TABLE_ROWS: usize = 8;

/// A table: a shaded header row, then one row per entry, never cut unless
/// taller than a page. A table of at most [`WHOLE_TABLE_ROWS`] rows moves
/// whole to the next page; a longer one breaks between rows and repeats
/// its header on each page it continues on.
pub fn table(l: &mut Layout, columns: &[Column], rows: impl IntoIterator<Item = Vec<String>>) {
    let titles = columns.iter().map(|c| c.title.to_string()).collect();
    let header = row(l, columns, titles, Weight::Bold, Some(SHADE));
    let rows: Vec<Vec<Line>> = rows
        .into_iter()
        .map(|cells| row(l, columns, cells, Weight::Regular, None))
        .collect();
    if rows.len() <= WHOLE_TABLE_ROWS {
        let whole = header.into_iter().chain(rows.into_iter().flatten());
        l.place(whole.collect(), true);
    } else {
        l.start_table(header);
        for lines in rows {
            l.place(lines, true);
        }
        l.end_table();
    }
    l.gap(8.0);
}

/// One table row as lines: line `k` holds the `k`-th line of every cell.
fn row(
    l: &Layout,
    columns: &[Column],
    cells: Vec<String>,
    weight: Weight,
    shade: Option<Rgb>,
) -> Vec<Line> {
    let style = l.style(weight, 9.0);
    let height = line_height(9.0);
    let mut lines: Vec<Line> = Vec::new();
    let mut x = 0.0;
    for (column, cell) in columns.iter().zip(cells) {
        let width = column.share * BODY_WIDTH;
        let wrapped = super::wrap::lines(&cell, style, width - 2.0 * PAD);
        for (k, text) in wrapped.into_iter().enumerate() {
            if lines.len() <= k {
                lines.push(Line {
                    height,
                    ops: Vec::new(),
                });
            }
            let left = if column.numeric {
                x + width - PAD - style.width(&text)
            } else {
                x + PAD
            };
            lines[k].ops.push(text_op(text, style, MARGIN + left, INK));
        }
        x += width;
    }
    if lines.is_empty() {
        lines.push(Line {
            height,
            ops: Vec::new(),
        });
    }
    let total = lines.len() as f32 * height + 2.0 * PAD;
    let first = &mut lines[0];
    first.height += PAD;
    first.ops = std::mem::take(&mut first.ops)
        .into_iter()
        .map(|op| op.moved(PAD))
        .collect();
    if let Some(color) = shade {
        first
            .ops
            .insert(0, rect(0.0, 0.0, BODY_WIDTH, total, color));
    }
    let last = lines.last_mut().expect("a row has a line");
    last.height += PAD;
    last.ops
        .push(rect(0.0, last.height - 0.5, BODY_WIDTH, 0.5, RULE));
    lines
}

/// One bar of a chart: a label, a length from 0 to 1, what it reads.
pub struct Bar {
    pub label: String,
    pub fraction: f32,
    pub value: String,
    /// Drawn in a lighter colour (e.g. under an even share).
    pub light: bool,
}

/// One part of a chart: its bars, a legend key, or a little space.
pub enum ChartPart {
    Bars(Vec<Bar>),
    /// A bar's colour (light when `true`) and what it means.
    Key(String, bool),
    Space(f32),
}

/// A chart placed as one block (it is short): never split across pages,
/// moved whole to the next page when it does not fit where it stands.
pub fn chart(l: &mut Layout, parts: impl IntoIterator<Item = ChartPart>) {
    let mut lines = Vec::new();
    for part in parts {
        match part {
            ChartPart::Bars(list) => lines.extend(list.into_iter().flat_map(|b| bar(l, b))),
            ChartPart::Key(text, light) => lines.extend(key(l, &text, light)),
            ChartPart::Space(height) => lines.push(Line {
                height,
                ops: Vec::new(),
            }),
        }
    }
    l.place(lines, true);
    l.gap(8.0);
}

/// A horizontal bar: its label on the left, the bar drawn as a
/// rectangle, its value after it.
fn bar(l: &Layout, bar: Bar) -> Vec<Line> {
    let label_width = BODY_WIDTH * 0.36;
    let bar_room = BODY_WIDTH * 0.46;
    let style = l.style(Weight::Regular, 9.0);
    let mut lines = l.text(&bar.label, style, 0.0, label_width - PAD, INK);
    if lines.is_empty() {
        lines.push(Line {
            height: line_height(9.0),
            ops: Vec::new(),
        });
    }
    let length = bar.fraction.clamp(0.0, 1.0) * bar_room;
    let color = if bar.light { LIGHT } else { ACCENT };
    let first = &mut lines[0];
    first
        .ops
        .push(rect(label_width, 2.5, length.max(1.0), 8.0, color));
    first.ops.push(text_op(
        bar.value,
        style,
        MARGIN + label_width + length + 5.0,
        MUTED,
    ));
    if let Some(last) = lines.last_mut() {
        last.height += 3.0;
    }
    lines
}

/// A bar's colour and what it means, on a line of its own: a chart's
/// legend (light bars when `light`).
fn key(l: &Layout, text: &str, light: bool) -> Vec<Line> {
    let style = l.style(Weight::Regular, 9.0);
    let mut lines = l.text(text, style, 14.0, BODY_WIDTH - 14.0, MUTED);
    if let Some(first) = lines.first_mut() {
        let color = if light { LIGHT } else { ACCENT };
        first.ops.push(rect(0.0, 2.5, 9.0, 8.0, color));
    }
    lines
}

/// A rectangle, `x` from the left margin and `y` from the line's top.
fn rect(x: f32, y: f32, w: f32, h: f32, color: Rgb) -> Op {
    Op::Rect {
        x: MARGIN + x,
        y,
        w,
        h,
        color,
    }
}

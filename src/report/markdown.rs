//! Markdown report. Participant text is escaped so that no Markdown or raw
//! HTML typed in the room changes the document's structure when rendered.

use super::{Count, Item, Report};
use std::fmt::Write;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&r.title));
    let mut meta = Vec::new();
    if !r.event.is_empty() {
        meta.push(format!("*{}*", inline(&r.event)));
    }
    meta.push(r.date.clone());
    let _ = writeln!(out, "{}\n", meta.join(" · "));

    section(&mut out, r.label("question"));
    paragraph(&mut out, &r.question);
    if !r.context.trim().is_empty() {
        let _ = writeln!(out, "**{}** :\n", r.label("context"));
        paragraph(&mut out, &r.context);
    }

    if !r.synthesis.is_empty {
        section(&mut out, r.label("synthesis"));
        paragraph(&mut out, &r.synthesis.text);
        if !r.synthesis.blocks.is_empty() {
            let _ = writeln!(out, "**{}**\n", inline(&r.synthesis.blocks_heading));
            for (title, text) in &r.synthesis.blocks {
                let line = if text.trim().is_empty() {
                    format!("**{}**", inline(title))
                } else {
                    format!("**{}** : {}", inline(title), block(text, 4))
                };
                let _ = writeln!(out, "- {line}");
            }
            out.push('\n');
        }
        if !r.synthesis.proposal.trim().is_empty() {
            let _ = writeln!(
                out,
                "**{}** : {}\n",
                r.label("proposal"),
                block(&r.synthesis.proposal, 0)
            );
        }
    }

    if !r.lead.trim().is_empty() {
        section(&mut out, r.label("lead"));
        paragraph(&mut out, &r.lead);
    }
    section(&mut out, r.label("participants"));
    if let Some(note) = &r.anonymous_note {
        paragraph(&mut out, note);
    } else {
        for name in &r.participants {
            let _ = writeln!(out, "- {}", inline(name));
        }
        out.push('\n');
    }

    if !r.discussion.is_empty() {
        section(&mut out, r.label("discussion"));
        for group in &r.discussion {
            let _ = writeln!(out, "### {}\n", inline(&group.heading));
            items(&mut out, &group.items);
            out.push('\n');
        }
    }
    if !r.ideas.is_empty() {
        section(&mut out, r.label("ideas"));
        items(&mut out, &r.ideas);
        out.push('\n');
    }
    if !r.resources.is_empty() {
        section(&mut out, r.label("resources"));
        items(&mut out, &r.resources);
        out.push('\n');
    }
    if r.stats.total == 0 {
        paragraph(&mut out, r.label("empty"));
    }

    section(&mut out, r.label("stats"));
    table(
        &mut out,
        r.label("by_participant"),
        r.label("participant"),
        r,
        &r.stats.by_participant,
    );
    table(
        &mut out,
        r.label("by_stage"),
        r.label("stage"),
        r,
        &r.stats.by_stage,
    );
    table(
        &mut out,
        r.label("by_kind"),
        r.label("kind"),
        r,
        &r.stats.by_kind,
    );
    let _ = writeln!(out, "---\n\n*{}*", r.label("generated"));
    out
}

fn section(out: &mut String, heading: &str) {
    let _ = writeln!(out, "## {heading}\n");
}

fn paragraph(out: &mut String, text: &str) {
    if !text.trim().is_empty() {
        let _ = writeln!(out, "{}\n", block(text, 0));
    }
}

/// A nested list, four spaces per level: CommonMark takes two, but
/// python-markdown and pandoc need four to nest.
fn items(out: &mut String, list: &[Item]) {
    for (item, depth) in super::flatten(list) {
        let indent = " ".repeat(4 * depth);
        let mut line = String::new();
        if let Some(kind) = &item.kind {
            let _ = write!(line, "*{}* : ", inline(kind));
        }
        line.push_str(&block(&item.text, indent.len() + 4));
        if let Some(author) = &item.author {
            let _ = write!(line, " — *{}*", inline(author));
        }
        let _ = writeln!(out, "{indent}- {line}");
    }
}

fn table(out: &mut String, caption: &str, first: &str, r: &Report, rows: &[Count]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{caption}**\n");
    let _ = writeln!(out, "| {first} | {} |", r.label("count"));
    let _ = writeln!(out, "|---|---:|");
    for row in rows {
        let _ = writeln!(out, "| {} | {} |", inline(&row.label), row.count);
    }
    out.push('\n');
}

/// Multi-line text inside a block: every line escaped, continuation lines
/// indented by `indent` so they stay inside their list item. Inside a list
/// item (`indent > 0`) blank lines are left out: python-markdown loses
/// track of nested lists after one and reads what follows as code.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    text.trim()
        .lines()
        .map(inline)
        .filter(|line| indent == 0 || !line.is_empty())
        .collect::<Vec<_>>()
        .join(&format!("  \n{pad}"))
}

/// Escapes one line of participant text so that it reads as exactly that
/// text under any common renderer (CommonMark/GFM, python-markdown,
/// pandoc), never as markup:
/// - `<` becomes an entity, the one escape every renderer honours
///   (python-markdown keeps `\<` as a backslash and a live tag), and so
///   does `&` where it could start an entity and `>` at the line start;
/// - `|` (tables) and `~` (strike-through, fences) too, as python-markdown
///   shows a backslash before them;
/// - inline markup (`\` `` ` `` `*` `_` `[` `]` `{` `}` `#`) is always
///   backslash-escaped: links, images, footnotes, reference definitions
///   and pandoc attributes all need one of them;
/// - a line's first character is escaped when it could start a block: a
///   bullet (`-` `+`), a setext underline (`=`), a definition (`:`), a
///   fancy list (`(a)`), and the `.` or `)` of `1.`, `1)`, `a)`, `iv.`.
///
/// Control characters and bidi overrides go first ([`clean`]); spaces at
/// either end are dropped (four would start a code block).
///
/// [`clean`]: crate::text::clean
pub fn inline(text: &str) -> String {
    let text = crate::text::clean(text, false);
    let text = text.trim_matches(' ');
    let marker = list_marker(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        match c {
            '&' if starts_reference(&text[i + 1..]) => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' if i == 0 => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '~' => out.push_str("&#126;"),
            '=' if i == 0 => out.push_str("&#61;"),
            ':' if i == 0 => out.push_str("&#58;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '{' | '}' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '(' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            // pandoc reads "--" and "---" as dashes, "^x^" as superscript
            // and "@key" as a citation: each mark stays itself.
            '-' if text[..i].ends_with('-') || text[i + 1..].starts_with('-') => {
                out.push_str("\\-");
            }
            '^' => out.push_str("&#94;"),
            '@' => out.push_str("&#64;"),
            // and "$x$" as TeX math.
            '$' => out.push_str("&#36;"),
            '.' | ')' if Some(i) == marker => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether what follows a `&` could make it an entity such as `&lt;` or
/// `&#60;` (a lone `&`, as in "R & D", reads as itself).
fn starts_reference(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '#')
}

/// Where the `.` or `)` of a list marker would be: after a run of ASCII
/// letters or digits that starts the line (`12.`, `b)`, `iv.`), before a
/// space or the end of the line.
fn list_marker(text: &str) -> Option<usize> {
    let end = text
        .find(|c: char| !c.is_ascii_alphanumeric())
        .filter(|&end| end > 0)?;
    let rest = &text[end..];
    let marker =
        rest.starts_with(['.', ')']) && matches!(rest[1..].chars().next(), None | Some(' '));
    marker.then_some(end)
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;

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
                    format!("**{}** : {}", inline(title), block(text, 2))
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
            items(&mut out, &group.items, 0);
            out.push('\n');
        }
    }
    if !r.ideas.is_empty() {
        section(&mut out, r.label("ideas"));
        items(&mut out, &r.ideas, 0);
        out.push('\n');
    }
    if !r.resources.is_empty() {
        section(&mut out, r.label("resources"));
        items(&mut out, &r.resources, 0);
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

fn items(out: &mut String, list: &[Item], depth: usize) {
    let indent = "  ".repeat(depth);
    for item in list {
        let mut line = String::new();
        if let Some(kind) = &item.kind {
            let _ = write!(line, "*{}* : ", inline(kind));
        }
        line.push_str(&block(&item.text, indent.len() + 2));
        if let Some(author) = &item.author {
            let _ = write!(line, " — *{}*", inline(author));
        }
        let _ = writeln!(out, "{indent}- {line}");
        items(out, &item.children, depth + 1);
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
/// indented so they stay inside their list item.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    text.trim()
        .lines()
        .map(|l| inline(l.trim_end()))
        .collect::<Vec<_>>()
        .join(&format!("  \n{pad}"))
}

/// Escapes one line of participant text for Markdown: inline markup, raw
/// HTML and entities always; block markers only at the start of the line.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' | '>' if at_start => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    // "1. text" at the start of a line would become an ordered list.
    if let Some(dot) = out.find(". ") {
        if dot > 0 && out[..dot].chars().all(|c| c.is_ascii_digit()) {
            out.insert(dot, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn escapes_markup_and_html() {
        assert_eq!(inline("<script>"), "\\<script>");
        assert_eq!(inline("> quote"), "\\> quote");
        assert_eq!(inline("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
        assert_eq!(inline("# title"), "\\# title");
        assert_eq!(inline("a # b"), "a # b");
        assert_eq!(inline("1. one"), "1\\. one");
    }
}

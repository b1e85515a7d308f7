//! Markdown report. Participant text is escaped so that no Markdown or raw
//! HTML typed in the room changes the document's structure when rendered.

use super::{sections, Count, Cover, Discussion, Item, Report, Section, Statistics};
use crate::i18n::t;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Writes the report to `out` as it goes (a file or stdout, buffered by
/// the caller), section by section in the one order of
/// [`super::sections`]: nothing the size of the report is held in memory.
pub fn write(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    for s in sections(r) {
        let heading = s.heading(r);
        match &s {
            Section::Cover(c) => cover(out, r, c)?,
            Section::Question {
                question,
                context,
                nothing_recorded,
            } => {
                section(out, &heading)?;
                paragraph(out, question)?;
                if !context.trim().is_empty() {
                    writeln!(out, "**{}**{}\n", r.label("context"), r.colon.trim_end())?;
                    paragraph(out, context)?;
                }
                if let Some(note) = nothing_recorded {
                    paragraph(out, note)?;
                }
            }
            Section::Synthesis(_) => {
                section(out, &heading)?;
                synthesis(out, r)?;
            }
            Section::Discussion(Discussion::ByKind(groups)) => {
                section(out, &heading)?;
                for group in *groups {
                    writeln!(out, "### {}\n", inline(&group.heading))?;
                    list(out, &group.items, r.colon)?;
                }
            }
            Section::Discussion(Discussion::Spoken(list_))
            | Section::Ideas(list_)
            | Section::Resources(list_)
            | Section::Trace(list_)
            | Section::Parking(list_) => {
                section(out, &heading)?;
                list(out, list_, r.colon)?;
            }
            Section::Shared { ideas, .. } => {
                section(out, &inline(&heading))?;
                for group in &ideas.groups {
                    writeln!(out, "### {}\n", inline(&group.label))?;
                    list(out, &group.items, r.colon)?;
                }
            }
            Section::Themes(themes) => {
                section(out, &heading)?;
                for theme in *themes {
                    writeln!(out, "### {}\n", inline(&theme.name))?;
                    list(out, &theme.items, r.colon)?;
                }
            }
            Section::Votes(_) => {
                vote_table(out, r, &heading)?;
                theme_vote_table(out, r)?;
            }
            Section::Decisions(decisions) => {
                section(out, &heading)?;
                for d in *decisions {
                    writeln!(out, "- {}{}{}", d.time, r.colon, block(&d.text, 2))?;
                }
                writeln!(out)?;
            }
            Section::Actions(_) => action_table(out, r, &heading)?,
            Section::Statistics(stats) => {
                section(out, &heading)?;
                statistics(out, r, stats)?;
            }
            Section::Log(entries) => {
                section(out, &heading)?;
                log(out, r, entries)?;
            }
            Section::Review(v) => super::review::markdown(out, Some(v), r.colon)?,
        }
    }
    writeln!(out, "---\n\n*{}*", r.label("generated"))
}

/// The title, the event and date, the lead and who took part (or only
/// how many, in an anonymous session).
fn cover(out: &mut dyn Write, r: &Report, c: &Cover) -> io::Result<()> {
    writeln!(out, "# {}\n", inline(c.title))?;
    let mut meta = Vec::new();
    if let Some(event) = c.event {
        meta.push(format!("*{}*", inline(event)));
    }
    meta.push(c.date.to_string());
    if let Some(place) = c.place {
        meta.push(inline(place));
    }
    writeln!(out, "{}\n", meta.join(" · "))?;
    if let Some(version) = &r.review {
        writeln!(out, "**{}**\n", inline(&version.version))?;
    }
    if let Some((label, lead)) = c.lead {
        writeln!(out, "**{}**{}{}\n", inline(label), r.colon, inline(lead))?;
    }
    if let Some(note) = c.anonymous_note {
        paragraph(out, note)?;
    } else if !c.participants.is_empty() {
        writeln!(out, "**{}**\n", r.label("participants"))?;
        for name in c.participants {
            writeln!(out, "- {}", inline(name))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn synthesis(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    paragraph(out, &r.synthesis.text)?;
    if !r.synthesis.blocks.is_empty() {
        writeln!(out, "**{}**\n", inline(&r.synthesis.blocks_heading))?;
        for (title, text) in &r.synthesis.blocks {
            let line = if text.trim().is_empty() {
                format!("**{}**", inline(title))
            } else {
                format!("**{}**{}{}", inline(title), r.colon, block(text, 4))
            };
            writeln!(out, "- {line}")?;
        }
        writeln!(out)?;
    }
    if !r.synthesis.proposal.trim().is_empty() {
        writeln!(
            out,
            "**{}**{}{}\n",
            r.label("proposal"),
            r.colon,
            block(&r.synthesis.proposal, 0)
        )?;
    }
    Ok(())
}

/// The appendix's numbers: participation, then the counts per person
/// (when shown), per stage and per kind, then the time per stage.
fn statistics(out: &mut dyn Write, r: &Report, s: &Statistics) -> io::Result<()> {
    if s.has_participation() {
        participation(out, r)?;
    }
    let tables = [
        ("by_participant", "participant", &s.stats.by_participant),
        ("by_stage", "stage", &s.stats.by_stage),
        ("by_kind", "kind", &s.stats.by_kind),
        ("by_origin", "origin", &s.stats.by_origin),
    ];
    for (caption, first, rows) in tables {
        table(out, r.label(caption), r.label(first), r, rows)?;
    }
    if let Some(room) = &s.stats.room_inputs {
        writeln!(out, "{}\n", inline(&room.text))?;
    }
    time_table(out, r)
}

/// The chronological log: one row per item, texts on one line; a "who"
/// column when anyone is named.
fn log(out: &mut dyn Write, r: &Report, entries: &[&Item]) -> io::Result<()> {
    let lang = r.language;
    let who = entries.iter().any(|e| e.author.is_some());
    let mut head = vec![
        t(lang, "sections.log_time"),
        r.label("stage"),
        r.label("kind"),
        t(lang, "sections.log_text"),
    ];
    if who {
        head.push(t(lang, "sections.log_who"));
    }
    writeln!(out, "| {} |", head.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(head.len()))?;
    for item in entries {
        let mut row = vec![
            item.time.clone(),
            inline(&item.stage),
            inline(item.kind_label),
            with_mark(item),
        ];
        if who {
            row.push(inline(item.author.as_deref().unwrap_or("")));
        }
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    writeln!(out)
}

/// An item's text on one line, with the room's mark after it.
fn with_mark(item: &Item) -> String {
    match &item.room_mark {
        Some(mark) => format!("{} {mark}", inline(&item.text)),
        None => inline(&item.text),
    }
}

/// A nested list and the blank line that ends it.
fn list(out: &mut dyn Write, list: &[Item], colon: &str) -> io::Result<()> {
    items(out, list, colon)?;
    writeln!(out)
}

fn section(out: &mut dyn Write, heading: &str) -> io::Result<()> {
    writeln!(out, "## {heading}\n")
}

fn paragraph(out: &mut dyn Write, text: &str) -> io::Result<()> {
    if !text.trim().is_empty() {
        writeln!(out, "{}\n", block(text, 0))?;
    }
    Ok(())
}

/// A nested list, four spaces per level: CommonMark takes two, but
/// python-markdown and pandoc need four to nest.
fn items(out: &mut dyn Write, list: &[Item], colon: &str) -> io::Result<()> {
    for (item, depth) in super::flatten(list) {
        let indent = " ".repeat(4 * depth);
        let mut line = String::new();
        if let Some(kind) = &item.kind {
            let _ = write!(line, "*{}*{colon}", inline(kind));
        }
        line.push_str(&block(&item.text, indent.len() + 4));
        if let Some(author) = &item.author {
            let _ = write!(line, " — *{}*", inline(author));
        }
        if let Some(mark) = &item.room_mark {
            // Our own words ("(from the room)"), not stored text.
            let _ = write!(line, " {mark}");
        }
        writeln!(out, "{indent}- {line}")?;
    }
    Ok(())
}

fn table(
    out: &mut dyn Write,
    caption: &str,
    first: &str,
    r: &Report,
    rows: &[Count],
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "**{caption}**\n")?;
    writeln!(out, "| {first} | {} |", r.label("count"))?;
    writeln!(out, "|---|---:|")?;
    for row in rows {
        writeln!(out, "| {} | {} |", inline(&row.label), row.count)?;
    }
    writeln!(out)
}

/// Who does what by when: one row per action, texts on one line.
fn action_table(out: &mut dyn Write, r: &Report, heading: &str) -> io::Result<()> {
    section(out, heading)?;
    writeln!(
        out,
        "| {} | {} | {} | {} |",
        r.label("action_what"),
        r.label("action_who"),
        r.label("action_due"),
        r.label("action_status")
    )?;
    writeln!(out, "|---|---|---|---|")?;
    for a in &r.actions {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            inline(&a.text),
            inline(a.who.as_deref().unwrap_or("")),
            a.due.as_deref().unwrap_or(""),
            a.status
        )?;
    }
    writeln!(out)
}

/// The dot vote: voted items by rank, ties sharing theirs.
fn vote_table(out: &mut dyn Write, r: &Report, heading: &str) -> io::Result<()> {
    let v = &r.votes;
    section(out, heading)?;
    paragraph(out, &v.summary)?;
    let [rank, item, dots] = &v.columns;
    writeln!(out, "| {rank} | {item} | {dots} |")?;
    writeln!(out, "|---|---|---:|")?;
    for row in &v.ranking {
        writeln!(
            out,
            "| {} | {} | {} |",
            row.place,
            inline(&row.text),
            row.dots
        )?;
    }
    writeln!(out)
}

/// Themes by their items' dots, ties sharing a rank (after the items').
fn theme_vote_table(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let v = &r.theme_votes;
    if v.ranking.is_empty() {
        return Ok(());
    }
    writeln!(out, "### {}\n", inline(&v.heading))?;
    let [rank, theme, dots] = &v.columns;
    writeln!(out, "| {rank} | {theme} | {dots} |")?;
    writeln!(out, "|---|---|---:|")?;
    for row in &v.ranking {
        let (place, name) = (&row.place, inline(&row.text));
        writeln!(out, "| {place} | {name} | {} |", row.dots)?;
    }
    writeln!(out)
}

/// Who spoke how much: one row per person with their share, those under
/// an even share marked; only the totals when the session is anonymous
/// (the view model then holds no bars).
fn participation(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let p = &r.participation;
    writeln!(out, "**{}**\n", r.label("participation"))?;
    paragraph(out, &p.summary)?;
    if p.bars.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "| {} | {} | {} |",
        r.label("participant"),
        r.label("count"),
        r.label("share")
    )?;
    writeln!(out, "|---|---:|---:|")?;
    for bar in &p.bars {
        let under = if bar.under {
            format!(" ({})", r.label("under_share"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "| {} | {} | {} %{under} |",
            inline(&bar.label),
            bar.count,
            bar.percent
        )?;
    }
    writeln!(out)
}

/// Planned against actual minutes, one row per stage, then the total.
fn time_table(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    let time = &r.stats.time;
    if time.stages.is_empty() {
        return Ok(());
    }
    writeln!(out, "**{}**\n", r.label("time_by_stage"))?;
    writeln!(
        out,
        "| {} | {} | {} |",
        r.label("stage"),
        r.label("planned"),
        r.label("actual")
    )?;
    writeln!(out, "|---|---:|---:|")?;
    for row in &time.stages {
        writeln!(
            out,
            "| {} | {} | {} |",
            inline(&row.label),
            row.planned,
            row.actual
        )?;
    }
    writeln!(
        out,
        "| **{}** | **{}** | **{}** |",
        r.label("total"),
        time.planned,
        time.actual
    )?;
    writeln!(out)
}

/// Multi-line text inside a block: every line escaped, continuation lines
/// indented by `indent` so they stay inside their list item. Inside a list
/// item (`indent > 0`) blank lines are left out: python-markdown loses
/// track of nested lists after one and reads what follows as code.
pub(super) fn block(text: &str, indent: usize) -> String {
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

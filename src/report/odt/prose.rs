//! The ODT report's sections made of headings, paragraphs and lists, one
//! function per section. Each leaves itself out when it has nothing to say.

use super::doc::Doc;
use crate::report::{Report, SynthesisView};
use std::io;

type Out = io::Result<()>;

const BODY: &str = "Text_20_body";
const STRONG: &str = "Strong_20_Emphasis";

/// Title, then the event, the date and the place.
pub fn cover(d: &mut Doc, r: &Report) -> Out {
    d.paragraph("Title", &r.title)?;
    d.paragraph_with("Subtitle", |d| {
        if !r.event.trim().is_empty() {
            d.span("Emphasis", &r.event)?;
            d.literal(" · ")?;
        }
        d.text(&r.date)?;
        if !r.place.trim().is_empty() {
            d.literal(" · ")?;
            d.text(&r.place)?;
        }
        Ok(())
    })?;
    match &r.review {
        Some(version) => d.paragraph("Subtitle", &version.version),
        None => Ok(()),
    }
}

/// A paragraph of body text, left out when there is none.
pub fn body(d: &mut Doc, text: &str) -> Out {
    if text.trim().is_empty() {
        return Ok(());
    }
    d.paragraph(BODY, text)
}

/// "**Label** : text" as one paragraph.
pub fn labelled(d: &mut Doc, colon: &str, label: &str, text: &str) -> Out {
    d.paragraph_with(BODY, |d| {
        d.span(STRONG, label)?;
        d.literal(colon)?;
        d.text(text)
    })
}

/// A label in bold as a paragraph of its own ("Context", "Synthesis").
pub fn label(d: &mut Doc, label: &str) -> Out {
    d.paragraph_with(BODY, |d| d.span(STRONG, label))
}

pub fn question(d: &mut Doc, r: &Report) -> Out {
    d.heading(1, r.label("question"))?;
    body(d, &r.question)?;
    if !r.context.trim().is_empty() {
        label(d, r.label("context"))?;
        body(d, &r.context)?;
    }
    Ok(())
}

/// The synthesis, its building blocks and the proposal.
pub fn synthesis(d: &mut Doc, r: &Report) -> Out {
    if r.synthesis.is_empty {
        return Ok(());
    }
    d.heading(1, r.label("synthesis"))?;
    synthesis_parts(d, &r.synthesis, r.colon, r.label("proposal"))
}

/// A synthesis's text, its building blocks and its proposal under
/// `proposal_label`: the session's, and each atelier's in the event report.
pub fn synthesis_parts(d: &mut Doc, s: &SynthesisView, colon: &str, proposal_label: &str) -> Out {
    body(d, &s.text)?;
    if !s.blocks.is_empty() {
        label(d, &s.blocks_heading)?;
        let rows: Vec<_> = s.blocks.iter().map(|b| (b, 0)).collect();
        d.list(&rows, |d, (title, text)| {
            d.span(STRONG, title)?;
            if !text.trim().is_empty() {
                d.literal(colon)?;
                d.text(text)?;
            }
            Ok(())
        })?;
    }
    if !s.proposal.trim().is_empty() {
        labelled(d, colon, proposal_label, &s.proposal)?;
    }
    Ok(())
}

/// The lead, then the participants (or how many, when anonymous): the
/// cover's facts as labelled lines, not sections (as the PDF's cover).
pub fn people(d: &mut Doc, r: &Report) -> Out {
    if !r.lead.trim().is_empty() {
        labelled(d, r.colon, r.label("lead"), &r.lead)?;
    }
    match &r.anonymous_note {
        Some(note) => labelled(d, r.colon, r.label("participants"), note),
        None if !r.participants.is_empty() => {
            let names = r.participants.join(", ");
            labelled(d, r.colon, r.label("participants"), &names)
        }
        None => Ok(()),
    }
}

/// The discussion, one sub-section per kind.
pub fn discussion(d: &mut Doc, r: &Report) -> Out {
    if r.discussion.is_empty() {
        return Ok(());
    }
    d.heading(1, r.label("discussion"))?;
    for group in &r.discussion {
        d.heading(2, &group.heading)?;
        d.items(&group.items, r.colon)?;
    }
    Ok(())
}

/// A section that is one list of items (ideas, resources, trace, parking
/// lot), left out when empty.
pub fn item_section(d: &mut Doc, r: &Report, label: &str, items: &[crate::report::Item]) -> Out {
    if items.is_empty() {
        return Ok(());
    }
    d.heading(1, r.label(label))?;
    d.items(items, r.colon)
}

/// Ideas to explore, with their sub-points.
pub fn ideas(d: &mut Doc, r: &Report) -> Out {
    item_section(d, r, "ideas", &r.ideas)
}

pub fn resources(d: &mut Doc, r: &Report) -> Out {
    item_section(d, r, "resources", &r.resources)
}

/// Ideas by theme.
pub fn themes(d: &mut Doc, r: &Report) -> Out {
    if r.themes.is_empty() {
        return Ok(());
    }
    d.heading(1, r.label("themes_heading"))?;
    for theme in &r.themes {
        d.heading(2, &theme.name)?;
        d.items(&theme.items, r.colon)?;
    }
    Ok(())
}

/// From each proposal back to what led to it.
pub fn trace(d: &mut Doc, r: &Report) -> Out {
    item_section(d, r, "trace", &r.trace.chains)
}

/// The ideas each group shared in a 1-2-4-All, stage by stage.
pub fn shared(d: &mut Doc, r: &Report) -> Out {
    for stage in &r.shared {
        d.heading(1, &stage.heading)?;
        for group in &stage.groups {
            d.heading(2, &group.label)?;
            d.items(&group.items, r.colon)?;
        }
    }
    Ok(())
}

pub fn parking(d: &mut Doc, r: &Report) -> Out {
    item_section(d, r, "parking", &r.parking)
}

/// The decision log, each with its time.
pub fn decisions(d: &mut Doc, r: &Report) -> Out {
    if r.decisions.is_empty() {
        return Ok(());
    }
    d.heading(1, r.label("decisions"))?;
    let rows: Vec<_> = r.decisions.iter().map(|x| (x, 0)).collect();
    d.list(&rows, |d, decision| {
        d.span("Emphasis", &decision.time)?;
        d.literal(r.colon)?;
        d.text(&decision.text)
    })
}

/// "Nothing recorded yet" when the session holds no contribution.
pub fn empty(d: &mut Doc, r: &Report) -> Out {
    if r.stats.total == 0 {
        body(d, r.label("empty"))?;
    }
    Ok(())
}

/// Who made the document (`text`), at its end.
pub fn colophon(d: &mut Doc, text: &str) -> Out {
    d.paragraph("Colophon", text)
}

/// Which version of the report this is, its sign-offs and the remarks
/// applied (once a version is published).
pub fn review(d: &mut Doc, r: &Report, v: &crate::report::ReviewView) -> Out {
    d.heading(1, &v.heading)?;
    body(d, &v.version)?;
    if !v.sign_offs.is_empty() {
        d.heading(2, &v.sign_offs_heading)?;
        let rows: Vec<_> = v.sign_offs.iter().map(|s| (s, 0)).collect();
        d.list(&rows, |d, s| d.text(s))?;
    }
    if !v.applied.is_empty() {
        d.heading(2, &v.applied_heading)?;
        let rows: Vec<_> = v.applied.iter().map(|a| (a, 0)).collect();
        d.list(&rows, |d, a| {
            d.text(&a.on)?;
            d.literal(r.colon)?;
            d.text(&a.text)?;
            match &a.from {
                Some(from) => d.text(&format!(" — {from}")),
                None => Ok(()),
            }
        })?;
    }
    Ok(())
}

/// The appendix's chronological log as a table, as in the PDF and the
/// HTML: when, in which stage, which kind, what (and who, when the
/// report may say).
pub fn log(d: &mut Doc, r: &Report, title: &str, entries: &[&crate::report::Item]) -> Out {
    use super::doc::Cell;
    use super::tables::text as column;
    d.heading(1, title)?;
    let word = |key: &str| crate::i18n::t(r.language, key);
    let authors = entries.iter().any(|e| e.author.is_some());
    let mut columns = vec![
        column(word("sections.log_time"), "Col_3"),
        column(r.label("stage"), "Col_3"),
        column(r.label("kind"), "Col_2_5"),
        column(
            word("sections.log_text"),
            if authors { "Col_5" } else { "Col_8_5" },
        ),
    ];
    if authors {
        columns.push(column(word("sections.log_who"), "Col_3_5"));
    }
    let texts: Vec<String> = entries
        .iter()
        .map(|e| match &e.room_mark {
            Some(mark) => format!("{} {mark}", e.text),
            None => e.text.clone(),
        })
        .collect();
    let rows: Vec<Vec<Cell>> = entries
        .iter()
        .zip(&texts)
        .map(|(e, text)| {
            let mut row = vec![
                Cell::Text(&e.time),
                Cell::Text(&e.stage),
                Cell::Text(e.kind_label),
                Cell::Text(text),
            ];
            if authors {
                row.push(Cell::Text(e.author.as_deref().unwrap_or("")));
            }
            row
        })
        .collect();
    d.table("Log", &columns, &rows, false)
}

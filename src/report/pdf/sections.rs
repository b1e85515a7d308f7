//! The report's sections as PDF, one function each, called in the order
//! of the one section list every format walks (`report::sections`). A
//! section with nothing in it draws nothing.

use super::blocks::{self, bullets, heading, items, label, note, paragraph};
use super::layout::Layout;
use super::tables::column;
use crate::report::{sections, Discussion, Report, Section, SynthesisView};

/// Lays out the whole report, section by section.
pub fn all(r: &Report, l: &mut Layout) {
    for s in sections(r) {
        match &s {
            Section::Cover(c) => cover(r, c, l),
            Section::Question { .. } => {
                question(r, l);
                empty(r, l);
            }
            Section::Synthesis(_) => synthesis(r, l),
            Section::Discussion(Discussion::ByKind(_)) => discussion(r, l),
            Section::Discussion(Discussion::Spoken(list)) => {
                heading(l, 1, &s.heading(r));
                items(l, list, r.colon);
            }
            Section::Ideas(_) => ideas(r, l),
            Section::Resources(_) => resources(r, l),
            // One call lays out every 1-2-4-All stage's section.
            Section::Shared { index: 0, .. } => shared_ideas(r, l),
            Section::Shared { .. } => {}
            Section::Themes(_) => themes(r, l),
            Section::Votes(_) => super::tables::votes(r, l),
            Section::Trace(_) => trace(r, l),
            Section::Decisions(_) => decisions(r, l),
            Section::Actions(_) => super::tables::actions(r, l),
            Section::Parking(_) => parking(r, l),
            Section::Review(v) => review(r, v, l),
            Section::Statistics(_) => super::tables::statistics(r, &s.heading(r), l),
            Section::Log(entries) => log(r, &s.heading(r), entries, l),
        }
    }
    generated(r, l);
}

/// Which version this is, its sign-offs and the remarks applied.
pub(super) fn review(r: &Report, v: &crate::report::ReviewView, l: &mut Layout) {
    heading(l, 1, &v.heading);
    // One line: it waits with the heading for the sign-offs, rather than
    // end a page under it.
    blocks::lead_in(l, &v.version);
    if !v.sign_offs.is_empty() {
        label(l, &v.sign_offs_heading);
        bullets(l, v.sign_offs.iter().map(String::as_str));
    }
    if !v.applied.is_empty() {
        label(l, &v.applied_heading);
        let lines: Vec<String> = v
            .applied
            .iter()
            .map(|a| match &a.from {
                Some(from) => format!("{}{}{} — {from}", a.on, r.colon, a.text),
                None => format!("{}{}{}", a.on, r.colon, a.text),
            })
            .collect();
        bullets(l, lines.iter().map(String::as_str));
    }
}

/// The appendix's chronological log as a table, as in HTML: time,
/// stage, kind, text (and who, when the report names anyone).
fn log(r: &Report, title: &str, entries: &[&crate::report::Item], l: &mut Layout) {
    heading(l, 1, title);
    let word = |key: &str| crate::i18n::t(r.language, key);
    let authors = entries.iter().any(|e| e.author.is_some());
    let text_share = if authors { 0.36 } else { 0.52 };
    let mut columns = vec![
        column(word("sections.log_time"), 0.19, false),
        column(r.label("stage"), 0.17, false),
        column(r.label("kind"), 0.12, false),
        column(word("sections.log_text"), text_share, false),
    ];
    if authors {
        columns.push(column(word("sections.log_who"), 0.16, false));
    }
    let rows = entries.iter().map(|e| {
        let mut text = e.text.clone();
        if let Some(mark) = &e.room_mark {
            text.push(' ');
            text.push_str(mark);
        }
        let mut row = vec![
            e.time.clone(),
            e.stage.clone(),
            e.kind_label.to_string(),
            text,
        ];
        if authors {
            row.push(e.author.clone().unwrap_or_default());
        }
        row
    });
    blocks::table(l, &columns, rows);
}

/// The title, then the workshop's facts as a compact block: event,
/// date, place, lead and who took part (a count only when anonymous).
fn cover(r: &Report, c: &crate::report::Cover, l: &mut Layout) {
    blocks::title(l, c.title);
    let word = |key: &str| crate::i18n::t(r.language, key);
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(event) = c.event {
        facts.push((word("setup.event"), event.to_string()));
    }
    facts.push((word("setup.date"), c.date.to_string()));
    if let Some(place) = c.place {
        facts.push((word("sections.setup_place"), place.to_string()));
    }
    if let Some((label, lead)) = c.lead {
        facts.push((label, lead.to_string()));
    }
    match c.anonymous_note {
        Some(note) => facts.push((r.label("participants"), note.to_string())),
        None if !c.participants.is_empty() => {
            facts.push((r.label("participants"), c.participants.join(", ")))
        }
        None => {}
    }
    blocks::fields(l, facts);
    if let Some(version) = &r.review {
        note(l, &version.version);
    }
}

/// The question, then its context.
fn question(r: &Report, l: &mut Layout) {
    heading(l, 1, r.label("question"));
    paragraph(l, &r.question);
    if !r.context.trim().is_empty() {
        label(l, r.label("context"));
        paragraph(l, &r.context);
    }
}

/// The synthesis with its building blocks and its proposal.
fn synthesis(r: &Report, l: &mut Layout) {
    if r.synthesis.is_empty {
        return;
    }
    heading(l, 1, r.label("synthesis"));
    synthesis_parts(l, &r.synthesis, r.colon, r.label("proposal"));
}

/// A synthesis's text, its building blocks ("title : text" each) and its
/// proposal under `proposal_label`: the session's and each atelier's in
/// the event report.
pub fn synthesis_parts(l: &mut Layout, s: &SynthesisView, colon: &str, proposal_label: &str) {
    paragraph(l, &s.text);
    if !s.blocks.is_empty() {
        label(l, &s.blocks_heading);
        let lines: Vec<String> = s
            .blocks
            .iter()
            .map(|(title, text)| match text.trim() {
                "" => title.clone(),
                text => format!("{title}{colon}{text}"),
            })
            .collect();
        bullets(l, lines.iter().map(String::as_str));
    }
    if !s.proposal.trim().is_empty() {
        label(l, proposal_label);
        paragraph(l, &s.proposal);
    }
}

/// The discussion elements, kind by kind.
fn discussion(r: &Report, l: &mut Layout) {
    if r.discussion.is_empty() {
        return;
    }
    heading(l, 1, r.label("discussion"));
    for group in &r.discussion {
        heading(l, 2, &group.heading);
        items(l, &group.items, r.colon);
    }
}

/// Ideas to explore, with their sub-points.
fn ideas(r: &Report, l: &mut Layout) {
    if !r.ideas.is_empty() {
        heading(l, 1, r.label("ideas"));
        items(l, &r.ideas, r.colon);
    }
}

fn resources(r: &Report, l: &mut Layout) {
    if !r.resources.is_empty() {
        heading(l, 1, r.label("resources"));
        items(l, &r.resources, r.colon);
    }
}

/// Ideas by theme.
fn themes(r: &Report, l: &mut Layout) {
    for (i, theme) in r.themes.iter().enumerate() {
        if i == 0 {
            heading(l, 1, r.label("themes_heading"));
        }
        heading(l, 2, &theme.name);
        items(l, &theme.items, r.colon);
    }
}

/// From each proposal back to what led to it.
fn trace(r: &Report, l: &mut Layout) {
    if !r.trace.chains.is_empty() {
        heading(l, 1, r.label("trace"));
        items(l, &r.trace.chains, r.colon);
    }
}

/// The ideas each group shared in a 1-2-4-All.
fn shared_ideas(r: &Report, l: &mut Layout) {
    for stage in &r.shared {
        heading(l, 1, &stage.heading);
        for group in &stage.groups {
            heading(l, 2, &group.label);
            items(l, &group.items, r.colon);
        }
    }
}

fn parking(r: &Report, l: &mut Layout) {
    if !r.parking.is_empty() {
        heading(l, 1, r.label("parking"));
        items(l, &r.parking, r.colon);
    }
}

/// The decision log, each decision with its time.
fn decisions(r: &Report, l: &mut Layout) {
    if r.decisions.is_empty() {
        return;
    }
    heading(l, 1, r.label("decisions"));
    let lines: Vec<String> = r
        .decisions
        .iter()
        .map(|d| format!("{}{}{}", d.time, r.colon, d.text))
        .collect();
    bullets(l, lines.iter().map(String::as_str));
}

/// Said when the session recorded nothing.
fn empty(r: &Report, l: &mut Layout) {
    if r.stats.total == 0 {
        paragraph(l, r.label("empty"));
    }
}

fn generated(r: &Report, l: &mut Layout) {
    l.gap(12.0);
    note(l, r.label("generated"));
}

#[cfg(test)]
#[path = "sections_tests.rs"]
mod tests;

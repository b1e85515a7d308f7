//! The report as JSON: the participants' data, for anyone who wants to
//! reuse it. Built from the view model like the Markdown and the HTML, so
//! it says exactly what they say (no names in an anonymous session, no
//! stage notes, deleted items or earlier versions). The complete record is
//! the bundle (`crate::bundle`), not this.

use super::{Item, Report, Stats};
use serde::ser::{Serialize, Serializer};
use serde_json::json;

/// Names this document among Atelier's JSON files (a bundle says
/// `atelier.session`).
pub const FORMAT: &str = "atelier.report";

pub fn render(r: &Report) -> String {
    let discussion: Vec<_> = r
        .discussion
        .iter()
        .map(|g| json!({ "kind": g.key, "heading": g.heading, "items": items(&g.items) }))
        .collect();
    let blocks: Vec<_> = r
        .synthesis
        .blocks
        .iter()
        .map(|(title, text)| json!({ "title": title, "text": text }))
        .collect();
    let doc = json!({
        "format": FORMAT,
        "version": 1,
        "language": r.lang,
        "title": r.title,
        "event": r.event,
        "date": r.iso_date,
        "status": r.status,
        "question": r.question,
        "context": r.context,
        "lead": r.lead,
        "anonymous": r.anonymous_note.is_some(),
        "participant_count": r.participant_count,
        "participants": r.participants,
        "synthesis": {
            "text": r.synthesis.text,
            "blocks": blocks,
            "proposal": r.synthesis.proposal,
        },
        "discussion": discussion,
        "ideas": items(&r.ideas),
        "resources": items(&r.resources),
        "stats": stats(&r.stats),
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    text.push('\n');
    text
}

fn items(list: &[Item]) -> Vec<JsonItem<'_>> {
    list.iter().map(JsonItem).collect()
}

fn stats(s: &Stats) -> serde_json::Value {
    let rows = |list: &[super::Count]| {
        list.iter()
            .map(|c| json!({ "label": c.label, "count": c.count }))
            .collect::<Vec<_>>()
    };
    json!({
        "total": s.total,
        "by_participant": rows(&s.by_participant),
        "by_stage": rows(&s.by_stage),
        "by_kind": rows(&s.by_kind),
    })
}

/// One contribution with its sub-points. The view model bounds the
/// nesting (`MAX_DEPTH`), so this recursion is bounded too.
struct JsonItem<'a>(&'a Item);

impl Serialize for JsonItem<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let item = self.0;
        let mut st = s.serialize_struct("Item", 7)?;
        st.serialize_field("id", &item.id)?;
        st.serialize_field("stage", &item.stage)?;
        st.serialize_field("kind", &item.kind_label)?;
        st.serialize_field("author", &item.author)?;
        st.serialize_field("text", &item.text)?;
        st.serialize_field("created_at", &item.created_at)?;
        st.serialize_field("children", &items(&item.children))?;
        st.end()
    }
}

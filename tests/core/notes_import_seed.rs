//! The seed notes make the sample session: the same fields, and the same
//! tree (stage, kind, depth, parent, text of every element) except the
//! differences listed, with their reasons, in
//! `tests/fixtures/seed-vs-sample.txt`. A new difference fails, and so
//! does a listed one that is gone (it is then taken off the list).

use crate::common;
use crate::notes_import::{assert_every_line_in, fixture, import};

use atelier::model::{Origin, SessionData, Tree};
use atelier::report::{render, Format};
use std::collections::BTreeSet;

/// One element as the report reads it.
#[derive(Debug)]
struct Row {
    place: String,
    /// The name of the text: "text", or a block's "title" and "text".
    field: &'static str,
    kind: String,
    depth: usize,
    /// The parent's rank in the stage, "-" for none.
    parent: String,
    text: String,
}

/// Every element, stage by stage, in reading order; blocks as "block N".
fn rows(data: &SessionData) -> Vec<Row> {
    let tree = Tree::new(data);
    let mut rows = Vec::new();
    for stage in &data.stages {
        let walk = tree.walk_stage(stage.id);
        let rank = |id| walk.iter().position(|(c, _)| c.id == id).map(|i| i + 1);
        for (i, (c, depth)) in walk.iter().enumerate() {
            let parent = c.parent_id.and_then(rank);
            rows.push(Row {
                place: format!("{} {}", stage.key, i + 1),
                field: "text",
                kind: c.kind.key().to_string(),
                depth: *depth,
                parent: parent.map_or("-".into(), |p| p.to_string()),
                text: c.text.clone(),
            });
        }
    }
    for (i, b) in data.synthesis.blocks.iter().enumerate() {
        for (field, text) in [("title", &b.title), ("text", &b.text)] {
            rows.push(Row {
                place: format!("block {}", i + 1),
                field,
                kind: String::new(),
                depth: 0,
                parent: "-".into(),
                text: text.clone(),
            });
        }
    }
    rows
}

/// A listed difference: (place, what, imported, sample).
type Listed = (String, String, String, String);

fn listed() -> Vec<Listed> {
    let text = std::fs::read_to_string(fixture("seed-vs-sample.txt")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split(" | ").map(str::trim).collect();
            assert_eq!(f.len(), 5, "PLACE | WHAT | IMPORTED | SAMPLE | WHY: {l:?}");
            (f[0].into(), f[1].into(), f[2].into(), f[3].into())
        })
        .collect()
}

#[test]
fn the_seed_notes_make_the_sample_session_except_the_listed_differences() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fixture("seed-notes.txt");
    let args = ["--event", "Emergence", "--date", "2021-06-10"];
    let (data, said) = import(&dir, &seed, &args);
    let report = render(Format::Markdown, &data);
    assert!(assert_every_line_in(&seed, &report) > 60);
    assert!(said.contains("to sort: 0"), "{said}");
    assert!(data.contributions.iter().all(|c| c.origin == Origin::Notes));

    // What the notes state the sample states alike.
    let sample = common::sample_data();
    let (s, i) = (&sample.session, &data.session);
    let fields = |s: &atelier::model::Session| {
        (
            s.title.clone(),
            s.event.clone(),
            s.date,
            s.question.clone(),
            s.lead.clone(),
            s.language,
            s.status,
            s.template.clone(),
        )
    };
    assert_eq!(fields(i), fields(s));
    let names = |d: &SessionData| {
        d.participants
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&data), names(&sample));
    assert_eq!(data.synthesis.text, sample.synthesis.text);
    assert_eq!(data.synthesis.proposal, sample.synthesis.proposal);
    let stages = |d: &SessionData| d.stages.iter().map(|s| s.key.clone()).collect::<Vec<_>>();
    assert_eq!(stages(&data), stages(&sample));

    // The trees, element by element.
    let (mine, theirs) = (rows(&data), rows(&sample));
    let places = |r: &[Row]| {
        r.iter()
            .map(|r| (r.place.clone(), r.field))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        places(&mine),
        places(&theirs),
        "the same elements per stage"
    );
    let listed = listed();
    let mut found: BTreeSet<Listed> = BTreeSet::new();
    for (m, t) in mine.iter().zip(&theirs) {
        let place = m.place.as_str();
        for (what, a, b) in [
            ("kind", m.kind.clone(), t.kind.clone()),
            ("depth", m.depth.to_string(), t.depth.to_string()),
            ("parent", m.parent.clone(), t.parent.clone()),
        ] {
            if a != b {
                found.insert((place.into(), what.into(), a, b));
            }
        }
        // Text: the listed corrections, each on words found once, make
        // the imported text the sample's.
        let mut text = m.text.clone();
        for (_, _, slip, fix) in listed
            .iter()
            .filter(|l| l.0 == place && l.1 == m.field && m.text.contains(&l.2))
        {
            assert_eq!(
                m.text.matches(slip.as_str()).count(),
                1,
                "{place}: {slip:?}"
            );
            text = text.replacen(slip.as_str(), fix, 1);
            found.insert((place.into(), m.field.into(), slip.clone(), fix.clone()));
        }
        assert_eq!(text, t.text, "{place} {}: an unlisted difference", m.field);
    }
    let listed: BTreeSet<Listed> = listed.into_iter().collect();
    let new: Vec<_> = found.difference(&listed).collect();
    assert!(new.is_empty(), "differences not listed: {new:#?}");
    let gone: Vec<_> = listed.difference(&found).collect();
    assert!(gone.is_empty(), "listed but gone, take them off: {gone:#?}");
}

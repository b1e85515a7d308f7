//! The hostile corpus (tests/data/hostile) and sessions that carry it in
//! every field a participant or a bundle can fill.

use atelier::model::{new_id, now, Contribution, Kind, SessionData, MAX_DEPTH};
use std::path::Path;

pub struct Corpus {
    pub name: String,
    pub payloads: Vec<String>,
}

/// Every corpus file: `*.txt` hold one payload a line, `*.json` an array
/// of strings (payloads with control characters or several lines).
/// `bundle-*` files are whole session bundles, for the import tests.
pub fn load() -> Vec<Corpus> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with("bundle-") && (name.ends_with(".txt") || name.ends_with(".json"))
        })
        .collect();
    files.sort();
    let corpora: Vec<Corpus> = files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let payloads = if path.extension().unwrap() == "json" {
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            } else {
                text.lines()
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            Corpus {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                payloads,
            }
        })
        .collect();
    assert!(corpora.len() >= 6, "corpus files missing in {dir:?}");
    corpora
}

/// The sample session with the corpus everywhere: session fields, names
/// and roles, stage titles, the synthesis, one contribution and one
/// sub-point (of another kind, so its kind is printed) per payload, and a
/// chain as deep as the store allows; each top-level item answers the
/// next (links), and the synthesis builds on some, so the trace section
/// carries the corpus too.
pub fn session(corpus: &Corpus) -> SessionData {
    let mut data = super::common::sample_data();
    let p = &corpus.payloads;
    let pick = |i: usize| p[i % p.len()].clone();
    let s = &mut data.session;
    s.title = pick(0);
    s.event = pick(1);
    s.question = pick(2);
    s.context = pick(3);
    s.lead = pick(4);
    for (i, person) in data.participants.iter_mut().enumerate() {
        // Distinct names: bundle import refuses a roster with doubles.
        person.name = format!("{} {i}", pick(5 + i));
        person.role = pick(6 + i);
    }
    for (i, stage) in data.stages.iter_mut().enumerate() {
        stage.title = pick(7 + i);
    }
    let syn = &mut data.synthesis;
    syn.text = pick(8);
    syn.proposal = pick(9);
    for (i, block) in syn.blocks.iter_mut().enumerate() {
        block.title = pick(10 + i);
        block.text = pick(11 + i);
    }
    let stage = data.stages[1].id;
    let people: Vec<_> = data.participants.iter().map(|p| p.id).collect();
    let mut tops = Vec::new();
    for (i, text) in p.iter().enumerate() {
        let top = contribution(stage, None, Kind::Idea, text, i);
        // Sent from a phone: the room's mark sits beside hostile text and
        // a hostile name in every format.
        let sub = Contribution {
            participant_id: Some(people[i % people.len()]),
            origin: atelier::model::Origin::Room,
            ..contribution(stage, Some(top.id), Kind::Resource, text, 0)
        };
        // A theme named after each payload, holding its idea and the
        // sub-point: the ideas-by-theme section quotes both.
        data.themes.push(atelier::model::Theme {
            id: new_id(),
            name: format!("{text} {i}"),
            position: i as i64,
            created_at: data.session.created_at,
            removed_at: None,
            items: vec![top.id, sub.id],
        });
        // A tally on each top-level item, two by two equal: the dot-vote
        // ranking shows every payload, ties included.
        data.voting.votes.push(atelier::model::Vote {
            id: new_id(),
            contribution_id: top.id,
            participant_id: None,
            dots: 1 + (i / 2) as u32,
            at: now(),
            removed_at: None,
        });
        if let Some(answered) = tops.last() {
            data.links.push(atelier::model::Link {
                id: new_id(),
                from: top.id,
                to: *answered,
                created_at: now(),
                removed_at: None,
            });
        }
        tops.push(top.id);
        data.contributions.extend([top, sub]);
    }
    // The synthesis builds on the first ideas (its proposal) and the last
    // (its first block): the trace starts from payloads too.
    data.synthesis.proposal_sources = tops.iter().take(3).copied().collect();
    if let Some(block) = data.synthesis.blocks.first_mut() {
        block.sources = tops.iter().rev().take(2).copied().collect();
    }
    chain(&mut data, MAX_DEPTH, p);
    data
}

/// A chain of sub-points `depth` levels under a new top-level idea.
pub fn chain(data: &mut SessionData, depth: usize, texts: &[String]) {
    let stage = data.stages[1].id;
    let mut parent = None;
    for level in 0..=depth {
        let c = contribution(stage, parent, Kind::Idea, &texts[level % texts.len()], 0);
        parent = Some(c.id);
        data.contributions.push(c);
    }
}

fn contribution(
    stage: atelier::model::Id,
    parent: Option<atelier::model::Id>,
    kind: Kind,
    text: &str,
    position: usize,
) -> Contribution {
    Contribution {
        id: new_id(),
        stage_id: stage,
        participant_id: None,
        kind,
        text: text.to_string(),
        parent_id: parent,
        position: 1_000 + position as i64,
        created_at: now(),
        updated_at: now(),
        deleted_at: None,
        parked_at: None,
        revisions: Vec::new(),
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    }
}

/// What each line of a payload reads as once shown: cleaned, without the
/// spaces at its ends. Empty lines say nothing.
pub fn expected_lines(payload: &str) -> Vec<String> {
    payload
        .lines()
        .map(|l| atelier::text::clean(l, false).trim_matches(' ').to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

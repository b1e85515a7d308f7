//! Sessions of any text and any nesting (deeper than the store allows:
//! an old or forged database) through every report renderer.

#![no_main]

use atelier::model::{new_id, now, Anonymity, Contribution, Kind, SynthesisPart};
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(arbitrary::Arbitrary, Debug)]
struct Input {
    title: String,
    question: String,
    names: Vec<String>,
    synthesis: String,
    anonymous: bool,
    /// Text, and the parent among the items before it (none if 0).
    items: Vec<(String, u16)>,
    /// What the synthesis' proposal builds on, among the items.
    sources: Vec<u16>,
}

fuzz_target!(|input: Input| {
    let mut data = atelier_fuzz::sample();
    data.session.title = input.title;
    data.session.question = input.question;
    data.session.anonymity = if input.anonymous {
        Anonymity::Anonymous
    } else {
        Anonymity::Named
    };
    data.synthesis.text = input.synthesis;
    for (person, name) in data.participants.iter_mut().zip(input.names) {
        person.name = name;
    }
    let stage = data.stages[1].id;
    let mut ids = Vec::new();
    for (i, (text, parent)) in input.items.into_iter().enumerate() {
        let parent = (parent as usize % (i + 1)).checked_sub(1).map(|p| ids[p]);
        let id = new_id();
        ids.push(id);
        data.contributions.push(Contribution {
            id,
            stage_id: stage,
            participant_id: data.participants.get(i % 3).map(|p| p.id),
            kind: Kind::ALL[i % Kind::ALL.len()],
            text,
            parent_id: parent,
            position: i as i64,
            created_at: now(),
            updated_at: now(),
            deleted_at: None,
            parked_at: None,
            revisions: Vec::new(),
            group: None,
            anonymous: false,
        });
    }
    if !ids.is_empty() {
        for at in input.sources {
            let id = ids[at as usize % ids.len()];
            data.synthesis.add_source(SynthesisPart::Proposal, id);
        }
    }
    atelier_fuzz::check_reports(&data);
});

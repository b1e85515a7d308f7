//! What the synthesis builds on, on a real database file: stored with the
//! synthesis (migration 013), undone with it, refused from another
//! session, carried by the bundle, and at the head of every report's trace
//! (under the anonymity rule).

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{BuildingBlock, Id, Kind, Lang, SessionData, Synthesis, SynthesisPart};
use atelier::report::{render, Format};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;

fn say(store: &mut Store, session: Id, kind: Kind, text: &str, who: Option<Id>) -> Id {
    let stage = store.stages(session).unwrap()[1].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: who,
        kind,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    let out = apply(store, session, &Command::Record(new)).unwrap();
    out.changes.delta.contributions[0].id
}

/// An observation, a stake (said by `who`), an idea and a proposal item,
/// each answering the one before, and a second idea linked to nothing.
struct Items {
    observation: Id,
    idea: Id,
    proposal: Id,
    other_idea: Id,
}

fn items(store: &mut Store, session: Id, who: Option<Id>) -> Items {
    let observation = say(store, session, Kind::Observation, "Teams work alone", None);
    let stake = say(store, session, Kind::Stake, "Sharing what we learn", who);
    let idea = say(store, session, Kind::Idea, "A monthly open lab", None);
    let proposal = say(store, session, Kind::Proposal, "Start the lab in May", None);
    let other_idea = say(store, session, Kind::Idea, "A shared wiki", None);
    for (from, to) in [(stake, observation), (idea, stake), (proposal, idea)] {
        apply(store, session, &Command::Link { from, to: vec![to] }).unwrap();
    }
    Items {
        observation,
        idea,
        proposal,
        other_idea,
    }
}

/// The synthesis: a proposal on the proposal item and the second idea, a
/// block on the first idea.
fn synthesis(it: &Items) -> Synthesis {
    Synthesis {
        text: "We agree on values.".into(),
        blocks: vec![BuildingBlock {
            title: "Governance".into(),
            text: String::new(),
            sources: vec![it.idea],
        }],
        proposal: "Open the lab to every team".into(),
        text_sources: Vec::new(),
        proposal_sources: vec![it.proposal, it.other_idea],
    }
}

fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

#[test]
fn sources_are_stored_with_the_synthesis_and_undone_with_it() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let it = items(&mut store, session, None);
    let before = state(&store, session);
    let wanted = synthesis(&it);
    let out = apply(&mut store, session, &Command::SaveSynthesis(wanted.clone())).unwrap();
    assert_eq!(store.synthesis(session).unwrap(), wanted);

    // Blocks moved keep their own sources.
    let mut two = wanted.clone();
    two.blocks.insert(
        0,
        BuildingBlock {
            title: "Values".into(),
            text: String::new(),
            sources: vec![it.observation],
        },
    );
    apply(&mut store, session, &Command::SaveSynthesis(two.clone())).unwrap();
    let mut swapped = two.clone();
    swapped.blocks.swap(0, 1);
    apply(
        &mut store,
        session,
        &Command::SaveSynthesis(swapped.clone()),
    )
    .unwrap();
    let read = store.synthesis(session).unwrap();
    assert_eq!(read.sources(SynthesisPart::Block(0)), &[it.idea]);
    assert_eq!(read.sources(SynthesisPart::Block(1)), &[it.observation]);

    // What was written is in the file, read by a fresh connection.
    drop(store);
    let mut store = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    assert_eq!(store.synthesis(session).unwrap(), swapped);

    // The first save's inverse puts back the synthesis without sources.
    apply(&mut store, session, &Command::SaveSynthesis(two)).unwrap();
    apply(&mut store, session, &Command::SaveSynthesis(wanted.clone())).unwrap();
    let undo = apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(state(&store, session).synthesis, before.synthesis);
    apply(&mut store, session, &undo.inverse).unwrap();
    assert_eq!(store.synthesis(session).unwrap(), wanted);
}

#[test]
fn a_source_from_another_session_is_refused_and_writes_nothing() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let other = common::new_session(&mut store, &["Bo"]);
    let it = items(&mut store, session, None);
    let theirs = say(&mut store, other, Kind::Idea, "Their idea", None);
    apply(&mut store, session, &Command::SaveSynthesis(synthesis(&it))).unwrap();
    let before = state(&store, session);
    let mut bad = synthesis(&it);
    bad.proposal_sources.push(theirs);
    bad.proposal = "Changed too".into();
    assert!(apply(&mut store, session, &Command::SaveSynthesis(bad)).is_err());
    assert_eq!(state(&store, session), before, "nothing written");

    // The schema refuses it too, whoever writes.
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("atelier.sqlite3")).unwrap();
    let insert = |part: &str, block: i64, source: Id| {
        conn.execute(
            "INSERT INTO synthesis_sources (session_id, part, block, contribution_id, position)
             VALUES (?1, ?2, ?3, ?4, 9)",
            rusqlite::params![session.to_string(), part, block, source.to_string()],
        )
    };
    assert!(insert("proposal", 0, theirs).is_err(), "another session's");
    assert!(
        insert("proposal", 0, it.proposal).is_err(),
        "the same twice"
    );
    assert!(
        insert("block", 0, it.idea).is_err(),
        "a block without its place"
    );
    assert!(insert("text", 2, it.idea).is_err(), "a text with a block");
    assert!(insert("text", 0, it.idea).is_ok());
}

#[test]
fn bundles_carry_sources_and_refuse_broken_ones() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let it = items(&mut store, session, None);
    let mut wanted = synthesis(&it);
    wanted.text_sources = vec![it.observation];
    apply(&mut store, session, &Command::SaveSynthesis(wanted.clone())).unwrap();
    let data = store.load(session).unwrap();
    let json = atelier::bundle::to_json(&data);
    let back = atelier::bundle::parse("b.json", &json, &Catalog::built_in()).unwrap();
    assert_eq!(back.synthesis, wanted);
    assert_eq!(atelier::bundle::to_json(&back), json, "byte-identical");
    let (_d2, mut fresh) = common::temp_store();
    fresh.insert_session_data(&back).unwrap();
    assert_eq!(fresh.synthesis(session).unwrap(), wanted);

    // Bundles without sources (every older one) still import.
    for old in [
        "tests/fixtures/bundle-v1.json",
        "tests/fixtures/bundle-v2.json",
    ] {
        let text = std::fs::read_to_string(old).unwrap();
        assert!(!text.contains("sources"));
        atelier::bundle::parse(old, &text, &Catalog::built_in()).unwrap();
    }

    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let broken = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut doc = doc.clone();
        change(&mut doc["synthesis"]);
        atelier::bundle::parse("b.json", &doc.to_string(), &Catalog::built_in()).unwrap_err()
    };
    let e = broken(&|s| s["proposal_sources"][1] = "0190e1a0-0000-7000-8000-000000000000".into());
    assert_eq!(e.place, "synthesis.proposal_sources[1]");
    assert!(e.to_string().contains("unknown contribution"), "{e}");
    let e = broken(&|s| s["blocks"][0]["sources"][0] = "not an id".into());
    assert_eq!(e.place, "synthesis.blocks[0].sources[0]");
    let e = broken(&|s| {
        let first = s["text_sources"][0].clone();
        s["text_sources"].as_array_mut().unwrap().push(first);
    });
    assert_eq!(e.place, "synthesis.text_sources[1]");
    assert!(e.message(Lang::Fr).contains("deux fois"), "{e}");
}

/// A session of `lang`, anonymous, whose synthesis builds on the chain.
fn traced(
    lang: Lang,
) -> (
    tempfile::TempDir,
    Store,
    Id,
    common::private::Secrets,
    Items,
) {
    let (d, mut store) = common::temp_store();
    common::clocked(&mut store);
    let (id, secrets) = common::private::anonymous_session(&mut store, lang);
    let first = store.participants(id).unwrap()[0].id;
    let it = items(&mut store, id, Some(first));
    apply(&mut store, id, &Command::SaveSynthesis(synthesis(&it))).unwrap();
    (d, store, id, secrets, it)
}

/// The texts of a JSON trace item and its descendants, depth first.
fn texts(node: &serde_json::Value, out: &mut Vec<String>) {
    out.push(node["text"].as_str().unwrap().to_string());
    for child in node["children"].as_array().unwrap() {
        texts(child, out);
    }
}

#[test]
fn every_report_traces_the_synthesis_proposal_back_to_its_observations() {
    for lang in Lang::ALL {
        let (_d, store, id, secrets, it) = traced(lang);
        let data = store.load(id).unwrap();
        for format in Format::REPORTS {
            secrets.assert_none_in(&render(format, &data), &format!("{format:?}"));
        }
        let md = render(Format::Markdown, &data);
        let section = md
            .split("\n## ")
            .find(|s| s.starts_with(atelier::i18n::t(lang, "report.trace")))
            .expect("a trace section");
        insta::assert_snapshot!(
            format!("synthesis_trace_md_{}", lang.code()),
            common::pseudonyms_as_n(section)
        );
        let html = render(Format::Html, &data);
        let start = html.find("<section class=\"trace\"").expect("{html}");
        let end = start + html[start..].find("</section>").unwrap();
        insta::assert_snapshot!(
            format!("synthesis_trace_html_{}", lang.code()),
            common::pseudonyms_as_n(&html[start..end])
        );

        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        let trace = json["trace"].as_array().unwrap();
        // The proposal, then the block: the proposal item is not traced
        // again on its own.
        assert_eq!(trace.len(), 2, "{trace:#?}");
        assert_eq!(trace[0]["id"], "synthesis.proposal");
        let mut seen = Vec::new();
        texts(&trace[0], &mut seen);
        assert_eq!(
            seen,
            [
                "Open the lab to every team",
                "Start the lab in May",
                "A monthly open lab",
                "Sharing what we learn",
                "Teams work alone",
                "A shared wiki"
            ]
        );
        assert_eq!(trace[1]["id"], "synthesis.blocks[0]");
        let sources = &json["synthesis"]["sources"];
        assert_eq!(
            sources["proposal"],
            serde_json::json!([it.proposal.to_string(), it.other_idea.to_string()])
        );
        assert_eq!(
            sources["blocks"],
            serde_json::json!([[it.idea.to_string()]])
        );
    }
}

#[test]
fn a_deleted_source_leaves_the_trace() {
    let (_d, mut store, id, _, it) = traced(Lang::En);
    apply(&mut store, id, &Command::Delete { id: it.other_idea }).unwrap();
    let data = store.load(id).unwrap();
    assert_eq!(data.synthesis.proposal_sources.len(), 2, "still stored");
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    let mut seen = Vec::new();
    texts(&json["trace"][0], &mut seen);
    assert!(!seen.iter().any(|t| t == "A shared wiki"), "{seen:?}");
    assert_eq!(
        json["synthesis"]["sources"]["proposal"],
        serde_json::json!([it.proposal.to_string()])
    );
}

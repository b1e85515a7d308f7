//! Links between contributions on a real database file: the store's rules,
//! the commands and their inverses, the bundle, and the trace section of
//! every report format (under the anonymity rule).

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Kind, Lang, SessionData};
use atelier::report::{render, Format, Report};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use common::private::anonymous_session;

fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

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

/// An observation, a stake, an idea and a proposal, each answering the one
/// before; `who` said the stake.
struct Chain {
    observation: Id,
    stake: Id,
    idea: Id,
    proposal: Id,
}

fn chain(store: &mut Store, session: Id, who: Option<Id>) -> Chain {
    let c = Chain {
        observation: say(store, session, Kind::Observation, "Teams work alone", None),
        stake: say(store, session, Kind::Stake, "Sharing what we learn", who),
        idea: say(store, session, Kind::Idea, "A monthly open lab", None),
        proposal: say(store, session, Kind::Proposal, "Start the lab in May", None),
    };
    for (from, to) in [
        (c.stake, c.observation),
        (c.idea, c.stake),
        (c.proposal, c.idea),
    ] {
        apply(store, session, &Command::Link { from, to: vec![to] }).unwrap();
    }
    c
}

#[test]
fn links_are_made_taken_back_and_each_undo_restores_the_file() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let o1 = say(&mut store, session, Kind::Observation, "o1", None);
    let o2 = say(&mut store, session, Kind::Observation, "o2", None);
    let s = say(&mut store, session, Kind::Stake, "s", None);
    let before = state(&store, session);

    // Several targets, one command, one undo.
    let link = Command::Link {
        from: s,
        to: vec![o1, o2],
    };
    let out = apply(&mut store, session, &link).unwrap();
    assert_eq!(out.changes.delta.links.as_ref().unwrap().len(), 2);
    let linked = state(&store, session);
    let undo = apply(&mut store, session, &out.inverse).unwrap();
    let mut undone = state(&store, session);
    // Taken back, the rows stay in the file, marked.
    assert!(undone.links.iter().all(|l| l.removed_at.is_some()));
    undone.links.clear();
    assert_eq!(undone, before);
    // Redo puts the very same rows back.
    apply(&mut store, session, &undo.inverse).unwrap();
    assert_eq!(state(&store, session), linked);

    // Linking a pair again changes nothing and offers nothing to undo.
    let again = apply(&mut store, session, &link).unwrap();
    assert!(again.changes.is_empty());
    assert_eq!(state(&store, session), linked);

    let out = apply(
        &mut store,
        session,
        &Command::Unlink {
            from: s,
            to: vec![o2],
        },
    )
    .unwrap();
    assert_eq!(
        state(&store, session)
            .links
            .iter()
            .filter(|l| l.is_live())
            .count(),
        1
    );
    apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(state(&store, session), linked);

    // What was written is in the file, read by a fresh connection.
    drop(store);
    let again = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    let live: Vec<_> = again
        .load(session)
        .unwrap()
        .links
        .into_iter()
        .filter(|l| l.is_live())
        .map(|l| (l.from, l.to))
        .collect();
    assert_eq!(live, vec![(s, o1), (s, o2)]);
}

#[test]
fn refused_links_write_nothing() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let other = common::new_session(&mut store, &["Bob"]);
    let o = say(&mut store, session, Kind::Observation, "o", None);
    let s = say(&mut store, session, Kind::Stake, "s", None);
    let gone = say(&mut store, session, Kind::Observation, "gone", None);
    let theirs = say(&mut store, other, Kind::Observation, "theirs", None);
    apply(&mut store, session, &Command::Delete { id: gone }).unwrap();
    let before = state(&store, session);
    for (to, says) in [
        (vec![o, s], "cannot answer itself"),
        (vec![o, theirs], "no contribution"),
        (vec![gone], "deleted"),
    ] {
        let e = apply(&mut store, session, &Command::Link { from: s, to }).unwrap_err();
        assert!(
            e.message(Lang::En).contains(says),
            "{}",
            e.message(Lang::En)
        );
        assert_eq!(state(&store, session), before);
    }
    // Unlinking what is not linked is refused too.
    let e = apply(
        &mut store,
        session,
        &Command::Unlink {
            from: s,
            to: vec![o],
        },
    )
    .unwrap_err();
    assert!(e.message(Lang::Fr).contains("aucun lien"), "{e:?}");
    assert_eq!(state(&store, session), before);
}

#[test]
fn a_link_backwards_or_closing_a_loop_is_refused_and_writes_nothing() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let c = chain(&mut store, session, None);
    let context = say(&mut store, session, Kind::Context, "background", None);
    let second_idea = say(&mut store, session, Kind::Idea, "Pair services", None);
    let before = state(&store, session);
    for (from, to, says) in [
        // An observation does not answer a proposal: the proposal answers it.
        (c.observation, c.proposal, "what came before"),
        (c.stake, c.idea, "what came before"),
        // The idea already answers the stake, which answers the observation.
        (c.observation, c.observation, "cannot answer itself"),
    ] {
        let e = apply(&mut store, session, &Command::Link { from, to: vec![to] }).unwrap_err();
        assert!(
            e.message(Lang::En).contains(says),
            "{}",
            e.message(Lang::En)
        );
        assert_eq!(state(&store, session), before);
    }
    // Two ideas may build on each other, but not both ways round.
    let forth = Command::Link {
        from: second_idea,
        to: vec![c.idea],
    };
    apply(&mut store, session, &forth).unwrap();
    let back = Command::Link {
        from: c.idea,
        to: vec![second_idea],
    };
    let before = state(&store, session);
    let e = apply(&mut store, session, &back).unwrap_err();
    assert!(
        e.message(Lang::Fr).contains("boucle"),
        "{}",
        e.message(Lang::Fr)
    );
    assert_eq!(state(&store, session), before);
    // A loop several steps long is found too: the proposal answers, step by
    // step, this idea; the idea cannot answer the proposal.
    let e = apply(
        &mut store,
        session,
        &Command::Link {
            from: c.idea,
            to: vec![c.proposal],
        },
    )
    .unwrap_err();
    assert!(e.message(Lang::En).contains("what came before"), "{e:?}");
    // Kinds outside the chain (context, question, resource) link freely.
    let free = Command::Link {
        from: context,
        to: vec![c.proposal],
    };
    apply(&mut store, session, &free).unwrap();
    let e = apply(
        &mut store,
        session,
        &Command::Link {
            from: c.observation,
            to: vec![context],
        },
    )
    .unwrap_err();
    assert!(e.message(Lang::En).contains("loop"), "{e:?}");
}

#[test]
fn the_schema_keeps_one_standing_link_per_pair_within_a_session() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &[]);
    let other = common::new_session(&mut store, &[]);
    let o = say(&mut store, session, Kind::Observation, "o", None);
    let s = say(&mut store, session, Kind::Stake, "s", None);
    let theirs = say(&mut store, other, Kind::Observation, "theirs", None);
    apply(
        &mut store,
        session,
        &Command::Link {
            from: s,
            to: vec![o],
        },
    )
    .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("atelier.sqlite3")).unwrap();
    let insert = |id: &str, from: Id, to: Id, removed: Option<&str>| {
        conn.execute(
            "INSERT INTO links (id, session_id, from_id, to_id, created_at, removed_at)
             VALUES (?1, ?2, ?3, ?4, '2026-03-18T09:00:00Z', ?5)",
            rusqlite::params![
                id,
                session.to_string(),
                from.to_string(),
                to.to_string(),
                removed
            ],
        )
    };
    assert!(insert("a", s, o, None).is_err(), "a second standing link");
    assert!(insert("b", s, o, Some("2026-03-18T10:00:00Z")).is_ok());
    assert!(insert("c", s, s, None).is_err(), "a self link");
    assert!(
        insert("d", s, theirs, None).is_err(),
        "an end in another session"
    );
}

#[test]
fn a_batch_links_and_unlinks_as_one_change() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &[]);
    let o1 = say(&mut store, session, Kind::Observation, "o1", None);
    let o2 = say(&mut store, session, Kind::Observation, "o2", None);
    let s = say(&mut store, session, Kind::Stake, "s", None);
    apply(
        &mut store,
        session,
        &Command::Link {
            from: s,
            to: vec![o1],
        },
    )
    .unwrap();
    let before = state(&store, session);
    let swap = Command::Batch(vec![
        Command::Link {
            from: s,
            to: vec![o2],
        },
        Command::Unlink {
            from: s,
            to: vec![o1],
        },
    ]);
    let out = apply(&mut store, session, &swap).unwrap();
    let live: Vec<Id> = out
        .changes
        .delta
        .links
        .unwrap()
        .iter()
        .filter(|l| l.is_live())
        .map(|l| l.to)
        .collect();
    assert_eq!(live, vec![o2]);
    apply(&mut store, session, &out.inverse).unwrap();
    let mut after = state(&store, session);
    // The link the batch made stays, taken back; the rest is as before.
    after.links.retain(|l| l.to != o2);
    assert_eq!(after, before);
}

#[test]
fn bundles_carry_links_and_refuse_broken_ones() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let c = chain(&mut store, session, None);
    // A link to a contribution deleted since is kept (a restore brings it
    // back), and so is a link taken back.
    apply(&mut store, session, &Command::Delete { id: c.observation }).unwrap();
    apply(
        &mut store,
        session,
        &Command::Unlink {
            from: c.proposal,
            to: vec![c.idea],
        },
    )
    .unwrap();
    let data = store.load(session).unwrap();
    let json = atelier::bundle::to_json(&data);
    let back = atelier::bundle::parse("b.json", &json, &Catalog::built_in()).unwrap();
    assert_eq!(back.links, data.links);
    assert_eq!(atelier::bundle::to_json(&back), json, "byte-identical");
    let (_d2, mut fresh) = common::temp_store();
    fresh.insert_session_data(&back).unwrap();
    assert_eq!(fresh.load(session).unwrap().links, data.links);

    // A bundle without links (older versions) still imports.
    let sample = common::sample_text();
    assert!(!sample.contains("\"links\""));
    atelier::bundle::parse("sample.json", &sample, &Catalog::built_in()).unwrap();

    let mut doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let broken = |doc: &serde_json::Value, change: &dyn Fn(&mut serde_json::Value)| {
        let mut doc = doc.clone();
        change(&mut doc["links"]);
        atelier::bundle::parse("b.json", &doc.to_string(), &Catalog::built_in()).unwrap_err()
    };
    let e = broken(&doc, &|l| {
        l[0]["to"] = "0190e1a0-0000-7000-8000-000000000000".into()
    });
    assert_eq!(e.place, "links[0].to");
    assert!(
        e.to_string().contains("not a contribution of this session"),
        "{e}"
    );
    let e = broken(&doc, &|l| l[1]["to"] = l[1]["from"].clone());
    assert_eq!(e.place, "links[1].to");
    assert!(e.message(Lang::Fr).contains("elle-même"), "{e}");
    let e = broken(&doc, &|l| {
        let mut twin = l[0].clone();
        twin["id"] = "0190e1a0-0000-7000-8000-0000000000ff".into();
        l.as_array_mut().unwrap().push(twin);
    });
    assert_eq!(e.place, "links[3]");
    assert!(e.to_string().contains("links[0]"), "{e}");
    doc["links"][0]["created_at"] = "yesterday".into();
    let e = atelier::bundle::parse("b.json", &doc.to_string(), &Catalog::built_in()).unwrap_err();
    assert_eq!(e.place, "links[0].created_at");
}

/// The trace sections of a session whose proposal answers an idea, which
/// answers a stake, which answers an observation.
fn traced(lang: Lang) -> (tempfile::TempDir, Store, Id, common::private::Secrets) {
    let (d, mut store) = common::temp_store();
    common::clocked(&mut store);
    let (id, secrets) = anonymous_session(&mut store, lang);
    let first = store.participants(id).unwrap()[0].id;
    chain(&mut store, id, Some(first));
    (d, store, id, secrets)
}

#[test]
fn every_report_traces_the_proposal_back_to_its_observation() {
    for lang in Lang::ALL {
        let (_d, store, id, secrets) = traced(lang);
        let data = store.load(id).unwrap();
        for format in Format::REPORTS {
            let Some(text) = common::pdf::report_text(format, &data) else {
                continue;
            };
            secrets.assert_none_in(&text, &format!("{format:?}"));
        }
        let md = render(Format::Markdown, &data);
        let section = md
            .split("\n## ")
            .find(|s| s.starts_with(atelier::i18n::t(lang, "report.trace")))
            .expect("a trace section");
        insta::assert_snapshot!(
            format!("trace_md_{}", lang.code()),
            common::pseudonyms_as_n(section)
        );
        let html = render(Format::Html, &data);
        let start = html.find("<section class=\"trace\"").expect("{html}");
        let end = start + html[start..].find("</section>").unwrap();
        insta::assert_snapshot!(
            format!("trace_html_{}", lang.code()),
            common::pseudonyms_as_n(&html[start..end])
        );

        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        let trace = &json["trace"];
        assert_eq!(trace.as_array().unwrap().len(), 1);
        let mut texts = Vec::new();
        let mut node = &trace[0];
        loop {
            texts.push(node["text"].as_str().unwrap().to_string());
            match node["children"].as_array().unwrap().first() {
                Some(child) => node = child,
                None => break,
            }
        }
        assert_eq!(
            texts,
            [
                "Start the lab in May",
                "A monthly open lab",
                "Sharing what we learn",
                "Teams work alone"
            ]
        );
        // The stake's author is a pseudonym, never a name.
        let author = trace[0]["children"][0]["children"][0]["author"]
            .as_str()
            .unwrap();
        let label = format!("{} N", atelier::i18n::t(lang, "report.participant"));
        assert_eq!(common::pseudonyms_as_n(author), label);
    }
}

#[test]
fn the_csv_says_what_each_row_answers_in_its_own_column() {
    let (_d, store, id, _) = traced(Lang::En);
    let data = store.load(id).unwrap();
    let csv = render(Format::Csv, &data);
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let answers = header.iter().position(|h| h == "Answers").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let by_text = |text: &str| rows.iter().find(|r| &r[4] == text).unwrap().clone();
    let proposal = by_text("Start the lab in May");
    let idea = by_text("A monthly open lab");
    let observation = by_text("Teams work alone");
    assert_eq!(&proposal[answers], &idea[0]);
    assert_eq!(&observation[answers], "");
    let r = Report::build(&data);
    assert_eq!(r.trace.chains.len(), 1);
}

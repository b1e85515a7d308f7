//! Dot voting on a real database file: dots within the budget, tallies,
//! the settings, every inverse, the reports (ranking with ties, no name
//! ever), the bundle round trip and its checks.

use crate::common;

use atelier::commands::{apply, Command, CommandError, VoteCommand};
use atelier::model::{Id, Kind, Lang, SessionData};
use atelier::report::{render, Format, Report};
use atelier::store::{NewContribution, Store};
use common::private::anonymous_session;

fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

fn idea(store: &mut Store, session: Id, text: &str) -> Id {
    let stage = store.load(session).unwrap().stages[2].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Idea,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    let out = apply(store, session, &Command::Record(new)).unwrap();
    out.changes.delta.contributions[0].id
}

fn vote(store: &mut Store, session: Id, command: VoteCommand) -> Result<Command, CommandError> {
    apply(store, session, &Command::Vote(command)).map(|out| out.inverse)
}

fn cast(store: &mut Store, session: Id, participant: Id, items: &[Id]) -> Command {
    let command = VoteCommand::CastVotes {
        participant,
        items: items.to_vec(),
    };
    vote(store, session, command).unwrap()
}

#[test]
fn dots_stay_within_the_budget_and_survive_reopening() {
    let (dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let people: Vec<Id> = store
        .participants(session)
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    let (a, b) = (
        idea(&mut store, session, "A"),
        idea(&mut store, session, "B"),
    );
    cast(&mut store, session, people[0], &[a, a]);
    let before = state(&store, session);
    // Two more would make four: refused as a whole, nothing written.
    let err = vote(
        &mut store,
        session,
        VoteCommand::CastVotes {
            participant: people[0],
            items: vec![b, b],
        },
    )
    .unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "Ana has 3 dots and already placed 2: 2 more would be too many (1 left)"
    );
    assert!(err.message(Lang::Fr).starts_with("Ana a 3 points"));
    assert_eq!(state(&store, session), before);
    // Fewer dots than Ana placed is refused too; more is fine.
    assert!(vote(&mut store, session, VoteCommand::SetDots(1)).is_err());
    assert!(vote(&mut store, session, VoteCommand::SetDots(0)).is_err());
    assert!(vote(&mut store, session, VoteCommand::SetDots(100)).is_err());
    let undo_dots = vote(&mut store, session, VoteCommand::SetDots(4)).unwrap();
    assert_eq!(undo_dots, Command::Vote(VoteCommand::SetDots(3)));
    cast(&mut store, session, people[0], &[b, b]);
    cast(&mut store, session, people[1], &[b]);
    vote(
        &mut store,
        session,
        VoteCommand::SetTally { item: a, count: 5 },
    )
    .unwrap();
    vote(&mut store, session, VoteCommand::RevealVotes).unwrap();

    // A fresh connection reads it all from the file.
    drop(store);
    let again = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    let voting = again.load(session).unwrap().voting;
    assert_eq!(voting.dots_per_participant, 4);
    assert!(voting.revealed);
    assert_eq!(voting.used(people[0]), 4);
    assert_eq!(voting.totals()[&a], 7);
    assert_eq!(voting.totals()[&b], 3);
    assert_eq!(voting.tally(a), 5);
}

#[test]
fn every_vote_command_is_undone_and_redone_exactly() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let ana = store.participants(session).unwrap()[0].id;
    let (a, b) = (
        idea(&mut store, session, "A"),
        idea(&mut store, session, "B"),
    );
    let commands = [
        VoteCommand::CastVotes {
            participant: ana,
            items: vec![a, b],
        },
        VoteCommand::SetTally { item: b, count: 4 },
        VoteCommand::SetTally { item: b, count: 2 },
        VoteCommand::SetTally { item: b, count: 0 },
        VoteCommand::SetDots(6),
        VoteCommand::RevealVotes,
        VoteCommand::HideVotes,
    ];
    for command in commands {
        let before = state(&store, session);
        let undo = vote(&mut store, session, command.clone()).unwrap();
        let done = state(&store, session);
        let redo = apply(&mut store, session, &undo).unwrap().inverse;
        let mut undone = state(&store, session);
        // An undone dot stays in the file, marked.
        for v in &undone.voting.votes {
            if !before.voting.votes.iter().any(|x| x.id == v.id) {
                assert!(v.removed_at.is_some(), "{command:?}");
            }
        }
        undone
            .voting
            .votes
            .retain(|v| before.voting.votes.iter().any(|x| x.id == v.id));
        assert_eq!(undone, before, "undo of {command:?}");
        apply(&mut store, session, &redo).unwrap();
        assert_eq!(state(&store, session), done, "redo of {command:?}");
    }
    // Taking one dot back, and putting it back.
    let dot = state(&store, session).voting.standing().next().unwrap().id;
    let before = state(&store, session);
    let undo = vote(&mut store, session, VoteCommand::RemoveVote { id: dot }).unwrap();
    assert_eq!(state(&store, session).voting.used(ana), 1);
    apply(&mut store, session, &undo).unwrap();
    assert_eq!(state(&store, session), before);
}

#[test]
fn votes_refuse_what_is_not_of_the_session_or_not_live() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let other = common::new_session(&mut store, &["Bob"]);
    let ana = store.participants(session).unwrap()[0].id;
    let bob = store.participants(other).unwrap()[0].id;
    let mine = idea(&mut store, session, "Mine");
    let theirs = idea(&mut store, other, "Theirs");
    let gone = idea(&mut store, session, "Gone");
    apply(&mut store, session, &Command::Delete { id: gone }).unwrap();
    let before = state(&store, session);
    for (participant, item) in [(ana, theirs), (bob, mine), (ana, gone)] {
        let command = VoteCommand::CastVotes {
            participant,
            items: vec![mine, item],
        };
        assert!(vote(&mut store, session, command).is_err());
    }
    let tally = VoteCommand::SetTally {
        item: theirs,
        count: 2,
    };
    assert!(vote(&mut store, session, tally).is_err());
    assert_eq!(state(&store, session), before);
}

#[test]
fn reports_rank_the_voted_items_with_ties_and_no_name() {
    for lang in Lang::ALL {
        let (_d, mut store) = common::temp_store();
        let (id, secrets) = anonymous_session(&mut store, lang);
        let people: Vec<Id> = store
            .participants(id)
            .unwrap()
            .iter()
            .filter(|p| p.removed_at.is_none())
            .map(|p| p.id)
            .collect();
        let a = idea(&mut store, id, "Open the library on Sundays");
        let b = idea(&mut store, id, "A bus after ten");
        let c = idea(&mut store, id, "Nobody voted for this");
        cast(&mut store, id, people[0], &[a, b]);
        cast(&mut store, id, people[1], &[b, a]);
        let tally = VoteCommand::SetTally { item: a, count: 3 };
        vote(&mut store, id, tally).unwrap();
        cast(&mut store, id, people[1], &[b]);
        // Hidden on screen, still in the report.
        let data = store.load(id).unwrap();
        assert!(!data.voting.revealed);
        let r = Report::build(&data);
        let ranking: Vec<(&str, u32, usize, bool)> = r
            .votes
            .ranking
            .iter()
            .map(|v| (v.text.as_str(), v.dots, v.rank, v.tied))
            .collect();
        assert_eq!(
            ranking,
            vec![
                ("Open the library on Sundays", 5, 1, false),
                ("A bus after ten", 3, 2, false),
            ]
        );
        assert!(r.votes.ranking.iter().all(|v| v.id != c.to_string()));
        for format in [Format::Markdown, Format::Html, Format::Json, Format::Csv] {
            let text = render(format, &data);
            secrets.assert_none_in(&text, &format!("{format:?}"));
        }
        let md = render(Format::Markdown, &data);
        let (heading, row) = match lang {
            Lang::Fr => (
                "## Vote par points\n",
                "| 1 | Open the library on Sundays | 5 |",
            ),
            Lang::En => ("## Dot vote\n", "| 1 | Open the library on Sundays | 5 |"),
        };
        assert!(md.contains(heading), "{md}");
        assert!(md.contains(row), "{md}");
        let html = render(Format::Html, &data);
        assert!(html.contains(r#"<section class="votes""#), "{html}");
        assert!(html.contains(r#"class="bar"></rect>"#), "{html}");
        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        assert_eq!(json["votes"]["ranking"][0]["dots"], 5);
        assert_eq!(json["votes"]["ranking"][1]["rank"], 2);
        let csv = render(Format::Csv, &data);
        let table = common::CsvTable::parse(&csv, lang);
        let dots = table.column(if lang == Lang::Fr { "Points" } else { "Votes" });
        assert_eq!(table.row("Sundays")[dots], "5");
        assert_eq!(
            table.row("Nobody voted")[dots],
            "",
            "no dots: an empty cell"
        );

        // A tie: the bus catches up with the library.
        let tally = VoteCommand::SetTally { item: b, count: 2 };
        vote(&mut store, id, tally).unwrap();
        let r = Report::build(&store.load(id).unwrap());
        assert!(r.votes.ranking.iter().all(|v| v.rank == 1 && v.tied));
        let tied = if lang == Lang::Fr {
            "1 (ex aequo)"
        } else {
            "1 (tied)"
        };
        assert_eq!(r.votes.ranking[0].place, tied);
    }
}

#[test]
fn the_bundle_carries_the_vote_and_checks_it() {
    let (d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana", "Bo"]);
    let ana = store.participants(session).unwrap()[0].id;
    let a = idea(&mut store, session, "A");
    cast(&mut store, session, ana, &[a, a]);
    let undo = cast(&mut store, session, ana, &[a]);
    apply(&mut store, session, &undo).unwrap();
    vote(
        &mut store,
        session,
        VoteCommand::SetTally { item: a, count: 9 },
    )
    .unwrap();
    vote(&mut store, session, VoteCommand::SetDots(5)).unwrap();
    let data = store.load(session).unwrap();
    let bundle = render(Format::Bundle, &data);
    let file = d.path().join("session.json");
    std::fs::write(&file, &bundle).unwrap();
    let (_d2, mut other) = common::temp_store();
    let catalog = atelier::templates::Catalog::built_in();
    let again = atelier::bundle::import_file(&mut other, &catalog, &file).unwrap();
    assert_eq!(other.load(again).unwrap().voting, data.voting);
    assert_eq!(render(Format::Bundle, &other.load(again).unwrap()), bundle);

    // A vote for a contribution of no stage, or past the budget, is refused
    // with its place.
    let json: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    let mut broken = json.clone();
    broken["voting"]["votes"][0]["contribution"] = "0190a0c0-0000-7000-8000-000000000001".into();
    let err = atelier::bundle::parse("b.json", &broken.to_string(), &catalog).unwrap_err();
    assert_eq!(err.place, "voting.votes[0].contribution");
    assert!(err.message(Lang::Fr).contains("contribution inconnue"));
    let mut over = json.clone();
    over["voting"]["dots_per_participant"] = 1.into();
    let err = atelier::bundle::parse("b.json", &over.to_string(), &catalog).unwrap_err();
    assert_eq!(err.place, "voting.votes[1].participant");
    let mut zero = json;
    zero["voting"]["dots_per_participant"] = 0.into();
    let err = atelier::bundle::parse("b.json", &zero.to_string(), &catalog).unwrap_err();
    assert_eq!(err.place, "voting.dots_per_participant");

    // A session without a vote writes no `voting` field.
    let fresh = common::new_session(&mut store, &["Cy"]);
    assert!(!render(Format::Bundle, &store.load(fresh).unwrap()).contains("\"voting\""));
}

#[test]
fn a_redo_that_no_longer_fits_the_budget_is_refused() {
    let (_d, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let ana = store.participants(session).unwrap()[0].id;
    let a = idea(&mut store, session, "A");
    let undo = cast(&mut store, session, ana, &[a, a]);
    let redo = apply(&mut store, session, &undo).unwrap().inverse;
    // Meanwhile Ana places two other dots: the two undone ones no longer fit.
    cast(&mut store, session, ana, &[a, a]);
    let before = state(&store, session);
    let err = apply(&mut store, session, &redo).unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "Ana has 3 dots and already placed 2: 2 more would be too many (1 left)"
    );
    assert_eq!(state(&store, session), before);
}

//! Full-text search (migration 018) on real SQLite files: the index is
//! built for a file from before it, kept in step by every write (and its
//! undo), folds accents and case, takes any typed text as words, and
//! never finds what stays private.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Kind, Lang, Origin};
use atelier::store::{
    migrations, NewContribution, Refused, SearchFilter, Source, Store, StoreError, LATEST_VERSION,
};
use common::{new_session, sample_store, temp_store};

fn all() -> SearchFilter {
    SearchFilter::default()
}

/// The texts of the hits, matches between brackets.
fn found(store: &Store, typed: &str) -> Vec<String> {
    store
        .search(typed, &all(), 50)
        .unwrap()
        .iter()
        .map(|h| h.marked("[", "]"))
        .collect()
}

/// FTS5's own check that the index says exactly what the content says.
fn index_is_in_step(store: &Store) {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
}

fn record(store: &mut Store, session: Id, text: &str) -> Id {
    let stage = store.stages(session).unwrap()[1].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Idea,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: Origin::Facilitator,
    };
    let out = apply(store, session, &Command::Record(new)).unwrap();
    out.changes.delta.contributions[0].id
}

#[test]
fn cooperation_finds_the_sample_lines_without_accents_or_case() {
    let (_d, store, id) = sample_store();
    let hits = store.search("COOPERATION", &all(), 100).unwrap();
    assert!(hits.len() >= 4, "{hits:#?}");
    assert!(hits.iter().all(|h| h.session == id));
    let shown: Vec<String> = hits.iter().map(|h| h.marked("[", "]")).collect();
    assert!(
        shown
            .iter()
            .all(|s| s.to_lowercase().contains("[coopération]")),
        "{shown:#?}"
    );
    // The session's question and a contribution (with its stage) are among them.
    assert!(hits.iter().any(|h| h.source == Source::Session));
    let item = hits
        .iter()
        .find(|h| h.source == Source::Contribution)
        .unwrap();
    assert!(item.contribution.is_some() && item.stage.is_some() && item.kind.is_some());
    // A prefix finds the longer word.
    assert!(!store.search("coop", &all(), 5).unwrap().is_empty());
    index_is_in_step(&store);
}

#[test]
fn the_migration_indexes_a_file_from_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("before.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations()
            .to_version(&mut conn, LATEST_VERSION as usize - 1)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, title, event, date, language, template, question,
                                   created_at, updated_at)
               VALUES ('0190eeee-0000-7000-8000-000000000001', 'Old', 'Émergence',
                       '2021-06-10', 'fr', 'emergence', 'Quelle entraide ?',
                       '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z');
             INSERT INTO stages (id, session_id, key, title, position, notes)
               VALUES ('0190eeee-0000-7000-8000-000000000002',
                       '0190eeee-0000-7000-8000-000000000001', 'idees', 'Idées', 1,
                       'note privée confidentielle');
             INSERT INTO contributions (id, session_id, stage_id, kind, text,
                                        position, created_at, updated_at, deleted_at)
               VALUES ('0190eeee-0000-7000-8000-000000000003',
                       '0190eeee-0000-7000-8000-000000000001',
                       '0190eeee-0000-7000-8000-000000000002', 'idea', 'Un jardin partagé', 1,
                       '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z', NULL),
                      ('0190eeee-0000-7000-8000-000000000004',
                       '0190eeee-0000-7000-8000-000000000001',
                       '0190eeee-0000-7000-8000-000000000002', 'idea', 'Un verger effacé', 2,
                       '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z',
                       '2021-06-10T09:05:00.000Z');
             INSERT INTO synthesis (session_id, text, proposal, updated_at)
               VALUES ('0190eeee-0000-7000-8000-000000000001', 'Une synthèse',
                       'Une pépinière commune', '2021-06-10T09:00:00.000Z');
             INSERT INTO building_blocks (session_id, position, title, text)
               VALUES ('0190eeee-0000-7000-8000-000000000001', 1, 'Brique', 'Des semis');
             INSERT INTO actions (id, session_id, text, created_at)
               VALUES ('0190eeee-0000-7000-8000-000000000005',
                       '0190eeee-0000-7000-8000-000000000001', 'Arroser le potager',
                       '2021-06-10T09:00:00.000Z');
             INSERT INTO decisions (id, session_id, text, decided_at)
               VALUES ('0190eeee-0000-7000-8000-000000000006',
                       '0190eeee-0000-7000-8000-000000000001', 'On plante en mars',
                       '2021-06-10T09:00:00.000Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let source = |typed: &str| -> Vec<Source> {
        let hits = store.search(typed, &all(), 10).unwrap();
        hits.iter().map(|h| h.source).collect()
    };
    assert_eq!(source("entraide"), [Source::Session]);
    assert_eq!(source("jardin"), [Source::Contribution]);
    assert_eq!(source("synthese"), [Source::Synthesis]);
    assert_eq!(source("pepiniere"), [Source::Proposal]);
    assert_eq!(source("semis"), [Source::Block]);
    assert_eq!(source("potager"), [Source::Action]);
    assert_eq!(source("plante"), [Source::Decision]);
    assert!(source("verger").is_empty(), "a deleted item");
    assert!(source("confidentielle").is_empty(), "stage notes");
    let hit = &store.search("jardin", &all(), 1).unwrap()[0];
    assert_eq!(
        (hit.title.as_str(), hit.event.as_str()),
        ("Old", "Émergence")
    );
    assert_eq!(hit.stage.as_deref(), Some("Idées"));
    index_is_in_step(&store);
}

#[test]
fn every_write_and_its_undo_keep_the_index_in_step() {
    let (_d, mut store) = temp_store();
    let session = new_session(&mut store, &["Ada"]);
    let id = record(&mut store, session, "Planter des arbres fruitiers");
    assert_eq!(found(&store, "fruit"), ["Planter des arbres [fruitiers]"]);

    let edit = Command::Edit {
        id,
        text: "Planter des haies".into(),
        kind: Kind::Idea,
        speaker: None,
    };
    let out = apply(&mut store, session, &edit).unwrap();
    assert!(found(&store, "fruitiers").is_empty(), "the first wording");
    assert_eq!(found(&store, "haies"), ["Planter des [haies]"]);
    index_is_in_step(&store);
    apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(found(&store, "fruitiers").len(), 1);
    assert!(found(&store, "haies").is_empty());

    let out = apply(&mut store, session, &Command::Delete { id }).unwrap();
    assert!(found(&store, "fruitiers").is_empty(), "deleted");
    index_is_in_step(&store);
    apply(&mut store, session, &out.inverse).unwrap();
    assert_eq!(found(&store, "fruitiers").len(), 1, "restored");

    let park = apply(&mut store, session, &Command::Park { id }).unwrap();
    assert_eq!(found(&store, "fruitiers").len(), 1, "parked stays findable");
    let hit = &store.search("fruitiers", &all(), 1).unwrap()[0];
    assert!(hit.parked);
    apply(&mut store, session, &park.inverse).unwrap();

    let mut s = store.session(session).unwrap();
    s.title = "Vergers urbains".into();
    store.update_session(&s).unwrap();
    assert_eq!(found(&store, "vergers"), ["[Vergers] urbains\nHow?\n"]);
    assert!(found(&store, "Test").is_empty(), "the old title");
    index_is_in_step(&store);

    store.delete_session(session).unwrap();
    assert!(found(&store, "fruitiers").is_empty());
    assert!(found(&store, "vergers").is_empty());
    index_is_in_step(&store);
}

#[test]
fn the_synthesis_actions_and_decisions_are_searched_while_they_stand() {
    let (_d, mut store) = temp_store();
    let session = new_session(&mut store, &[]);
    let mut synthesis = store.synthesis(session).unwrap();
    synthesis.text = "Une synthèse sur l'alimentation".into();
    synthesis.proposal = "Cantine bio".into();
    store.save_synthesis(session, &synthesis).unwrap();
    assert_eq!(found(&store, "alimentation").len(), 1);
    synthesis.proposal = "Potager scolaire".into();
    store.save_synthesis(session, &synthesis).unwrap();
    assert!(found(&store, "cantine").is_empty());
    assert_eq!(found(&store, "potager"), ["[Potager] scolaire"]);

    let decide = Command::Decide {
        text: "Réunion mensuelle".into(),
    };
    let out = apply(&mut store, session, &decide).unwrap();
    assert_eq!(found(&store, "reunion"), ["[Réunion] mensuelle"]);
    apply(&mut store, session, &out.inverse).unwrap();
    assert!(found(&store, "reunion").is_empty(), "a decision taken back");
    index_is_in_step(&store);
}

#[test]
fn any_typed_text_is_words_never_query_syntax() {
    let (_d, mut store) = temp_store();
    let session = new_session(&mut store, &[]);
    record(
        &mut store,
        session,
        "Le \"NEAR\" mot-clé * (étoile) OR AND NOT",
    );
    for typed in [
        "\"",
        "\"near",
        "NEAR(",
        "NEAR(a, b)",
        "*",
        "mot-clé",
        "-mot",
        "OR",
        "AND NOT",
        "(étoile",
        "text:near",
        "^le",
        "a\"b\"c",
        "{x y}",
        "'",
        "\\",
    ] {
        let result = store.search(typed, &all(), 10);
        assert!(
            result.is_ok() || matches!(result, Err(StoreError::Invalid(Refused::EmptySearch))),
            "{typed}: {result:?}"
        );
    }
    assert_eq!(found(&store, "near(").len(), 1);
    assert_eq!(found(&store, "mot-clé").len(), 1);
    assert_eq!(found(&store, "NOT").len(), 1);
}

#[test]
fn an_empty_search_is_refused_with_a_clear_message() {
    let (_d, store) = temp_store();
    for typed in ["", "   ", "* - \" ("] {
        let err = store.search(typed, &all(), 10).unwrap_err();
        assert!(
            matches!(err, StoreError::Invalid(Refused::EmptySearch)),
            "{err:?}"
        );
    }
    let err = store.search("", &all(), 10).unwrap_err();
    assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
}

#[test]
fn private_text_is_never_found() {
    let (_d, mut store) = temp_store();
    let (session, secrets) = common::private::anonymous_session(&mut store, Lang::En);
    for secret in secrets.all() {
        let hits = store.search(secret, &all(), 10).unwrap();
        assert!(hits.is_empty(), "\"{secret}\" found: {hits:#?}");
    }
    for said in common::private::SAID {
        let hits = store.search(said, &all(), 10).unwrap();
        assert_eq!(hits.len(), 1, "{said}");
        assert_eq!(hits[0].session, session);
    }
    index_is_in_step(&store);
}

#[test]
fn filters_keep_a_kind_an_event_or_a_session() {
    let (_d, mut store) = temp_store();
    let first = new_session(&mut store, &[]);
    let second = new_session(&mut store, &[]);
    let mut s = store.session(second).unwrap();
    s.event = "Émergence".into();
    store.update_session(&s).unwrap();
    record(&mut store, first, "Compost partagé");
    record(&mut store, second, "Compost collectif");
    let with = |filter: SearchFilter| store.search("compost", &filter, 10).unwrap();
    assert_eq!(with(all()).len(), 2);
    let event = with(SearchFilter {
        event: Some("Émergence".into()),
        ..all()
    });
    assert_eq!(event.len(), 1);
    assert_eq!(event[0].session, second);
    let session = with(SearchFilter {
        session: Some(first),
        ..all()
    });
    assert_eq!(session.len(), 1);
    assert_eq!(session[0].session, first);
    assert_eq!(
        with(SearchFilter {
            kind: Some(Kind::Idea),
            ..all()
        })
        .len(),
        2
    );
    assert!(with(SearchFilter {
        kind: Some(Kind::Stake),
        ..all()
    })
    .is_empty());
    assert_eq!(
        store.search("compost", &all(), 1).unwrap().len(),
        1,
        "limit"
    );
}

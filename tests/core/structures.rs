//! 1-2-4-All and per-contribution anonymity on real database files: the
//! structure and step starts survive a reopen, the commands' inverses put
//! back exactly what was, an anonymous contribution never shows a name in
//! any report format, and bundles carry all of it (and refuse what is
//! inconsistent, naming the place).

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Clock, Id, Kind, Lang, SessionData, Step, Structure};
use atelier::report::{render, Format};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use chrono::Duration;
use common::{atelier, clocked, new_session, stdout, temp_store};

/// What a command and its inverse agree on (see tests/core/commands.rs).
fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    data
}

fn ideas(store: &Store, session: Id) -> Id {
    store.stages(session).unwrap()[2].id
}

fn one_two_four_all(store: &mut Store, session: Id) -> Id {
    let stage = ideas(store, session);
    let set = Command::SetStructure {
        stage,
        structure: Structure::OneTwoFourAll,
    };
    apply(store, session, &set).unwrap();
    stage
}

fn said(stage: Id, who: Option<Id>, text: &str, group: Option<u32>, anonymous: bool) -> Command {
    Command::Record(NewContribution {
        stage_id: stage,
        participant_id: who,
        kind: Kind::Idea,
        text: text.into(),
        parent_id: None,
        group,
        anonymous,
        origin: atelier::model::Origin::Facilitator,
    })
}

#[test]
fn a_reopened_file_resumes_at_the_step_it_was_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atelier.sqlite3");
    let (session, stage) = {
        let mut store = Store::open(&path).unwrap();
        let clock = clocked(&mut store);
        let session = new_session(&mut store, &["Ana"]);
        let stage = one_two_four_all(&mut store, session);
        let enter = Command::EnterStage {
            stage,
            leaving: None,
        };
        apply(&mut store, session, &enter).unwrap();
        for _ in 0..3 {
            clock.advance(Duration::seconds(90));
            apply(&mut store, session, &Command::NextStep { stage }).unwrap();
        }
        (session, stage)
    };
    let store = Store::open(&path).unwrap();
    let st = store.stages(session).unwrap()[2].clone();
    assert_eq!(st.id, stage);
    assert_eq!(st.structure, Structure::OneTwoFourAll);
    assert_eq!(st.steps().step(), Some(Step::Foursomes));
    let t0 = atelier::model::parse_time("2026-03-18T09:00:00Z").unwrap();
    let starts: Vec<_> = (1..=3).map(|i| t0 + Duration::seconds(90 * i)).collect();
    assert_eq!(st.step_starts, starts);
    // Four minutes in foursomes, counted from the stored start.
    let now = starts[2] + Duration::seconds(200);
    assert_eq!(st.steps().remaining(now), Some(Duration::seconds(40)));
}

#[test]
fn structure_and_step_commands_are_undone_by_their_inverses() {
    let (_d, mut store) = temp_store();
    let clock = clocked(&mut store);
    let session = new_session(&mut store, &["Ana"]);
    let stage = ideas(&store, session);
    // A step of a stage that runs no 1-2-4-All changes nothing.
    let nothing = apply(&mut store, session, &Command::NextStep { stage }).unwrap();
    assert!(nothing.changes.is_empty());

    let before = state(&store, session);
    let set = Command::SetStructure {
        stage,
        structure: Structure::OneTwoFourAll,
    };
    let out = apply(&mut store, session, &set).unwrap();
    assert_eq!(
        out.changes.delta.stages[0].structure,
        Structure::OneTwoFourAll
    );
    let redo = apply(&mut store, session, &out.inverse).unwrap().inverse;
    assert_eq!(state(&store, session), before);
    assert_eq!(redo, set);
    apply(&mut store, session, &redo).unwrap();

    for step in Step::ALL {
        clock.advance(Duration::seconds(61));
        let prior = state(&store, session);
        let out = apply(&mut store, session, &Command::NextStep { stage }).unwrap();
        assert_eq!(out.changes.delta.stages[0].steps().step(), Some(step));
        let done = state(&store, session);
        let redo = apply(&mut store, session, &out.inverse).unwrap().inverse;
        assert_eq!(state(&store, session), prior, "undo of {step:?}");
        apply(&mut store, session, &redo).unwrap();
        assert_eq!(state(&store, session), done, "redo of {step:?}");
    }
    let last = apply(&mut store, session, &Command::NextStep { stage }).unwrap();
    assert!(last.changes.is_empty(), "nothing after All");
    let five = Command::PutSteps {
        stage,
        starts: vec![clock.now(); 5],
    };
    let refused = apply(&mut store, session, &five).unwrap_err();
    assert!(
        refused.message(Lang::En).contains("four steps"),
        "{refused}"
    );
}

#[test]
fn an_anonymous_record_keeps_no_author_through_undo_redo_and_edits() {
    let (_d, mut store) = temp_store();
    let session = new_session(&mut store, &["Ana"]);
    let ana = store.participants(session).unwrap()[0].id;
    let stage = one_two_four_all(&mut store, session);
    // Anonymous and named at once is refused, nothing written.
    let before = store.load(session).unwrap();
    let both = apply(
        &mut store,
        session,
        &said(stage, Some(ana), "x", None, true),
    );
    assert!(both.is_err());
    assert_eq!(store.load(session).unwrap(), before);
    let zero = apply(&mut store, session, &said(stage, None, "x", Some(0), false));
    assert!(zero.unwrap_err().message(Lang::Fr).contains("équipe"));

    let out = apply(
        &mut store,
        session,
        &said(stage, None, "Secret", Some(2), true),
    )
    .unwrap();
    let c = out.changes.delta.contributions[0].clone();
    assert_eq!(
        (c.participant_id, c.group, c.anonymous),
        (None, Some(2), true)
    );
    let redo = apply(&mut store, session, &out.inverse).unwrap().inverse;
    apply(&mut store, session, &redo).unwrap();
    let back = store.contribution(c.id).unwrap();
    assert_eq!(
        (back.participant_id, back.group, back.anonymous),
        (None, Some(2), true)
    );
    // An edit cannot put a name on it; one without a name keeps it anonymous.
    let named = Command::Edit {
        id: c.id,
        text: "Secret".into(),
        kind: Kind::Idea,
        speaker: Some(ana),
    };
    let refused = apply(&mut store, session, &named).unwrap_err();
    assert!(refused.message(Lang::En).contains("anonymous"), "{refused}");
    let edit = Command::Edit {
        id: c.id,
        text: "Secret, reworded".into(),
        kind: Kind::Idea,
        speaker: None,
    };
    let out = apply(&mut store, session, &edit).unwrap();
    assert!(out.changes.delta.contributions[0].anonymous);
    apply(&mut store, session, &out.inverse).unwrap();
    let undone = store.contribution(c.id).unwrap();
    assert_eq!((undone.text.as_str(), undone.anonymous), ("Secret", true));
}

/// A named session: Ana says something with her name, then something
/// anonymously; groups share ideas in the 1-2-4-All.
fn named_session_with_an_anonymous_item(lang: Lang) -> (tempfile::TempDir, SessionData) {
    let (dir, mut store) = temp_store();
    let session = new_session(&mut store, &["Zephyrine Quill", "Bo"]);
    let mut s = store.session(session).unwrap();
    s.language = lang;
    store.update_session(&s).unwrap();
    let zephyrine = store.participants(session).unwrap()[0].id;
    let stage = one_two_four_all(&mut store, session);
    let first = ideas(&store, session);
    let constats = store.stages(session).unwrap()[1].id;
    let commands = [
        said(first, Some(zephyrine), "Named idea", Some(1), false),
        said(first, None, "Group two's idea", Some(2), false),
        said(
            stage,
            None,
            "=HYPERLINK(\"x\") anonymous idea",
            Some(2),
            true,
        ),
        said(constats, None, "The boss never listens", None, true),
    ];
    for command in &commands {
        apply(&mut store, session, command).unwrap();
    }
    let data = store.load(session).unwrap();
    (dir, data)
}

#[test]
fn an_anonymous_contribution_never_shows_a_name_in_any_report_format() {
    for lang in Lang::ALL {
        let (_d, data) = named_session_with_an_anonymous_item(lang);
        let anonymous = match lang {
            Lang::Fr => "anonyme",
            Lang::En => "anonymous",
        };
        // Line by line where an item is one line (JSON is checked below).
        for format in [Format::Markdown, Format::Html, Format::Csv] {
            let out = render(format, &data);
            let mut seen = 0;
            for line in out.lines() {
                if line.contains("The boss never listens") || line.contains("anonymous idea") {
                    seen += 1;
                    assert!(
                        !line.contains("Zephyrine") && !line.contains("Bo"),
                        "{format:?} {lang}: {line}"
                    );
                    assert!(line.contains(anonymous), "{format:?} {lang}: {line}");
                }
            }
            // Each once in its kind's list; the group's in its group too.
            assert!(seen >= 2, "{format:?} {lang} shows both: {out}");
            // The named one still shows its author (the rule is per item).
            assert!(out.contains("Zephyrine Quill"), "{format:?}");
        }
        let json = render(Format::Json, &data);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut stack = vec![&value];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(map) => {
                    let text = map.get("text").and_then(|t| t.as_str()).unwrap_or("");
                    if text.contains("The boss never listens") || text.contains("anonymous idea") {
                        seen += 1;
                        assert_eq!(map["author"], anonymous, "{lang}: {v}");
                    }
                    stack.extend(map.values());
                }
                serde_json::Value::Array(list) => stack.extend(list),
                _ => {}
            }
        }
        assert_eq!(seen, 3, "twice in their lists, once in its group");
    }
}

#[test]
fn the_report_shows_the_ideas_each_group_shared() {
    let (_d, mut data) = named_session_with_an_anonymous_item(Lang::En);
    // The statistics per person, shown to participants by choice.
    data.session.report.person_stats = atelier::model::PersonStats::Show;
    let md = render(Format::Markdown, &data);
    let at = md
        .find("## 1-2-4-All: ideas shared by each team — Ideas to explore")
        .expect(&md);
    let section = &md[at..];
    let g1 = section.find("### Team 1").unwrap();
    let g2 = section.find("### Team 2").unwrap();
    assert!(g1 < g2);
    assert!(section[g1..g2].contains("Named idea — *Zephyrine Quill*"));
    assert!(section[g2..].contains("Group two's idea"));
    assert!(section[g2..].contains("anonymous idea — *anonymous*"));

    let html = render(Format::Html, &data);
    assert!(html.contains("<section class=\"shared-ideas\""));
    assert!(html.contains("<h3>Team 2</h3>"));

    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    let shared = &json["shared_ideas"][0];
    assert_eq!(shared["stage"], "Ideas to explore");
    assert_eq!(shared["groups"][1]["group"], 2);
    assert_eq!(shared["groups"][1]["items"][1]["author"], "anonymous");
    assert_eq!(json["ideas"][1]["group"], 1, "{}", json["ideas"]);
    assert!(
        json["ideas"][0].get("group").is_none(),
        "only items of a group"
    );

    // The CSV's group has its column; the formula stays inert.
    let csv = render(Format::Csv, &data);
    let mut rows =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let group = rows.headers().unwrap().iter().position(|h| h == "Team");
    let group = group.expect("a Group column");
    let cells: Vec<Vec<String>> = rows
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let anonymous = cells
        .iter()
        .find(|r| r[4].contains("anonymous idea"))
        .unwrap();
    assert_eq!(
        (anonymous[3].as_str(), anonymous[group].as_str()),
        ("anonymous", "2")
    );
    assert!(anonymous[4].starts_with("'="), "{:?}", anonymous[4]);
    // Stats credit no one for it.
    assert!(md.contains("| Anonymous | 2 |"), "{md}");
}

#[test]
fn bundles_carry_structures_steps_groups_and_anonymity() {
    let (_d, mut store) = temp_store();
    let clock = clocked(&mut store);
    let session = new_session(&mut store, &["Ana"]);
    let stage = one_two_four_all(&mut store, session);
    apply(
        &mut store,
        session,
        &said(stage, None, "Idea", Some(3), true),
    )
    .unwrap();
    for _ in 0..2 {
        clock.advance(Duration::seconds(30));
        apply(&mut store, session, &Command::NextStep { stage }).unwrap();
    }
    let data = store.load(session).unwrap();
    let json = atelier::bundle::to_json(&data);
    assert!(json.contains("\"structure\": \"1-2-4-all\""), "{json}");
    assert!(json.contains("\"anonymous\": true"));
    let (_d2, mut other) = temp_store();
    let path = _d2.path().join("b.json");
    std::fs::write(&path, &json).unwrap();
    let id = atelier::bundle::import_file(&mut other, &Catalog::built_in(), &path).unwrap();
    let again = other.load(id).unwrap();
    assert_eq!(again.stages, data.stages);
    assert_eq!(again.contributions, data.contributions);
    assert_eq!(atelier::bundle::to_json(&again), json, "byte-identical");

    // What cannot be is refused, with its place.
    let ana = data.participants[0].id.to_string();
    let bad = [
        (
            json.replacen(
                "\"anonymous\": true",
                &format!("\"participant\": \"{ana}\",\n          \"anonymous\": true"),
                1,
            ),
            "stages[2].contributions[0].participant",
        ),
        (
            json.replacen("\"group\": 3", "\"group\": 0", 1),
            "stages[2].contributions[0].group",
        ),
        (
            json.replacen(
                "\"structure\": \"1-2-4-all\"",
                "\"structure\": \"4-2-1\"",
                1,
            ),
            "stages[2].structure",
        ),
    ];
    for (text, place) in bad {
        let err = atelier::bundle::parse("b.json", &text, &Catalog::built_in()).unwrap_err();
        assert!(err.place.contains(place), "{} not at {place}", err.place);
    }
    let first_start = &data.stages[2].step_starts[0];
    let mut reversed = data.clone();
    reversed.stages[2].step_starts.reverse();
    let backwards = atelier::bundle::to_json(&reversed);
    assert_ne!(reversed.stages[2].step_starts[0], *first_start);
    let err = atelier::bundle::parse("b.json", &backwards, &Catalog::built_in()).unwrap_err();
    assert_eq!(err.place, "stages[2].step_starts[1]");
    assert!(err.message(Lang::Fr).contains("précédente"));
}

#[test]
fn a_version_1_bundle_still_imports_with_open_stages() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle-v1.json"),
    )
    .unwrap();
    let data = atelier::bundle::parse("v1", &text, &Catalog::built_in()).unwrap();
    assert!(data.stages.iter().all(|s| s.structure == Structure::Plain));
    assert!(data
        .contributions
        .iter()
        .all(|c| !c.anonymous && c.group.is_none()));
}

#[test]
fn the_cli_records_for_a_group_without_an_author_and_show_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--title",
        "T",
        "--question",
        "Q",
        "--participant",
        "Ana",
    ];
    stdout(atelier(&dir).args(new));
    fn add<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut args = vec!["add", "latest", "--stage", "idees"];
        args.extend_from_slice(extra);
        args
    }
    let id = stdout(atelier(&dir).args(add(&["--group", "2", "--anonymous", "Kept quiet"])));
    assert_eq!(id.trim().len(), 36);
    // Both a name and no name: refused by the argument parser.
    atelier(&dir)
        .args(add(&["--participant", "Ana", "--anonymous", "x"]))
        .assert()
        .code(2);
    atelier(&dir)
        .args(add(&["--group", "0", "x"]))
        .assert()
        .code(2);
    let shown = stdout(atelier(&dir).args(["show", "latest"]));
    let line = shown.lines().find(|l| l.contains("Kept quiet")).unwrap();
    assert!(line.ends_with("Kept quiet — anonymous [team 2]"), "{line}");
    assert!(!line.contains("Ana"));
}

#[test]
fn a_database_from_before_the_migration_reads_as_open_stages_and_named_items() {
    use atelier::store::{migrations, LATEST_VERSION};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("before.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations()
            .to_version(&mut conn, LATEST_VERSION as usize - 1)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, title, date, language, template, created_at, updated_at)
               VALUES ('0190eeee-0000-7000-8000-000000000001', 'Old', '2021-06-10', 'fr',
                       'emergence', '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z');
             INSERT INTO participants (id, session_id, name, position)
               VALUES ('0190eeee-0000-7000-8000-000000000005',
                       '0190eeee-0000-7000-8000-000000000001', 'Ana', 1);
             INSERT INTO stages (id, session_id, key, title, position)
               VALUES ('0190eeee-0000-7000-8000-000000000002',
                       '0190eeee-0000-7000-8000-000000000001', 'idees', 'Idées', 1);
             INSERT INTO contributions (id, session_id, stage_id, participant_id, kind, text,
                                        position, created_at, updated_at)
               VALUES ('0190eeee-0000-7000-8000-000000000003',
                       '0190eeee-0000-7000-8000-000000000001',
                       '0190eeee-0000-7000-8000-000000000002',
                       '0190eeee-0000-7000-8000-000000000005', 'idea', 'said', 1,
                       '2021-06-10T09:00:00.000Z', '2021-06-10T09:00:00.000Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let data = store
        .load(store.resolve_session("0190eeee").unwrap())
        .unwrap();
    assert_eq!(data.stages[0].structure, Structure::Plain);
    assert!(data.stages[0].step_starts.is_empty());
    let c = &data.contributions[0];
    assert_eq!((c.group, c.anonymous), (None, false));
    assert!(c.participant_id.is_some());
    drop(store);
    // The file itself refuses an anonymous row that names someone.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let named_anonymous = conn.execute(
        "UPDATE contributions SET anonymous = 1 WHERE id = '0190eeee-0000-7000-8000-000000000003'",
        [],
    );
    assert!(named_anonymous.is_err());
}

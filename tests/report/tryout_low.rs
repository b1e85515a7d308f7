//! The try-out's small findings on CSV tables and the vote summary: the
//! participation totals count what was noted as the group's, the actions'
//! due dates read like every other date of a French CSV, and dots on an
//! item parked after the vote are said, not dropped.

use crate::common;
use atelier::commands::{apply, Command, VoteCommand};
use atelier::model::{Kind, Lang};
use atelier::report::{csv_tables::Table, render_with, Format, Options, Report};
use atelier::store::NewAction;

fn csv(data: &atelier::model::SessionData, table: Table) -> common::CsvTable {
    let options = Options {
        table,
        ..Options::default()
    };
    let text = render_with(Format::Csv, data, options).unwrap();
    common::CsvTable::parse(&text, data.session.language)
}

#[test]
fn participation_totals_count_the_groups_contributions() {
    let data = common::sample_data();
    let shown = Report::build(&data).stats.total;
    assert!(shown > 0);
    let table = csv(&data, Table::Participation);
    let total = table.rows.last().unwrap();
    assert_eq!(total[0], "Total");
    assert_eq!(total[1], shown.to_string(), "{:?}", table.rows);
    assert_eq!(total[2], "100");
}

#[test]
fn action_due_dates_read_like_the_other_french_dates() {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana"], Lang::Fr);
    let due = chrono::NaiveDate::from_ymd_opt(2021, 6, 30);
    let new = NewAction {
        text: "Réserver".into(),
        who_participant: None,
        who_name: String::new(),
        due,
    };
    apply(&mut store, id, &Command::AddAction(new)).unwrap();
    let table = csv(&store.load(id).unwrap(), Table::Actions);
    assert_eq!(table.rows[0][table.column("Échéance")], "30/06/2021");
}

#[test]
fn dots_on_an_item_parked_after_the_vote_are_said() {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana"], Lang::Fr);
    let stage = store.stages(id).unwrap()[1].id;
    let kept = common::add_item(&mut store, stage, Kind::Idea, "Gardée");
    let parked = common::add_item(&mut store, stage, Kind::Idea, "Mise de côté");
    let ana = store.participants(id).unwrap()[0].id;
    let cast = VoteCommand::CastVotes {
        participant: ana,
        items: vec![kept, kept, parked],
    };
    apply(&mut store, id, &Command::Vote(cast)).unwrap();
    apply(&mut store, id, &Command::Park { id: parked }).unwrap();
    let summary = Report::build(&store.load(id).unwrap()).votes.summary;
    assert!(summary.starts_with("2 points sur 1 élément"), "{summary}");
    assert!(
        summary.contains("1 point sur ce qui a été mis de côté"),
        "{summary}"
    );
}

#[test]
fn shown_per_person_counts_are_printed_once() {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana", "Bo"]);
    let stage = store.stages(id).unwrap()[1].id;
    let ana = store.participants(id).unwrap()[0].id;
    let new = atelier::store::NewContribution {
        stage_id: stage,
        participant_id: Some(ana),
        kind: Kind::Observation,
        text: "Said by Ana".into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    store.add_contribution(&new).unwrap();
    common::add_item(&mut store, stage, Kind::Observation, "Said by the group");
    let mut data = store.load(id).unwrap();
    data.session.report.person_stats = atelier::model::PersonStats::Show;
    let md = atelier::report::render(Format::Markdown, &data);
    let ana_rows = md.lines().filter(|l| l.starts_with("| Ana |")).count();
    assert_eq!(ana_rows, 1, "{md}");
    assert!(md.lines().any(|l| l.starts_with("| Group |")), "{md}");
}

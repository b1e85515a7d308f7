//! A merge conflict not settled yet, as participants read it: the item
//! once, with the text here, in every format and every count, as settling
//! with "mine" would leave it; the facilitator is told on export.

use crate::common;

use atelier::model::{Kind, PersonStats, ReportChoices};
use atelier::report::{self, event::EventReport, Format, Report};
use atelier::store::Keep;
use common::conflict::{open_conflict, HERE, OTHER, THERE};

#[test]
fn every_report_format_shows_the_item_once_with_the_text_here() {
    let c = open_conflict();
    let data = c.store.load(c.session).unwrap();
    // The session itself holds both texts (the facilitator's views).
    let live: Vec<&str> = data.live().map(|x| x.text.as_str()).collect();
    assert_eq!(live, [HERE, THERE, OTHER]);
    for format in Format::REPORTS {
        let Some(text) = common::pdf::report_text(format, &data) else {
            continue;
        };
        let squeezed = common::pdf::squeezed(&text);
        assert!(
            squeezed.contains(&common::pdf::squeezed(HERE)),
            "{format:?} lost the text here"
        );
        assert!(
            !squeezed.contains(&common::pdf::squeezed(THERE)),
            "{format:?} shows the unsettled copy"
        );
    }
    // The bundle, the complete archive, keeps both.
    let bundle = report::render(Format::Bundle, &data);
    assert!(bundle.contains(HERE) && bundle.contains(THERE));
}

#[test]
fn the_statistics_and_the_participation_count_the_item_once() {
    let c = open_conflict();
    let data = c.store.load(c.session).unwrap();
    let choices = ReportChoices {
        person_stats: PersonStats::Show,
        ..data.session.report
    };
    let r = Report::build_with(&data, report::Options::choosing(choices));
    assert_eq!(r.stats.total, 2);
    // Each person's count is printed once, in the participation table.
    let by_person: Vec<(&str, usize)> = r
        .participation
        .bars
        .iter()
        .map(|x| (x.label.as_str(), x.count))
        .collect();
    assert_eq!(by_person, [("Ana Lima", 1), ("Bo Chen", 1)]);
    assert_eq!(r.stats.by_stage[0].count, 2);
    let observations = Kind::Observation.label(data.session.language);
    let by_kind: Vec<(&str, usize)> = r
        .stats
        .by_kind
        .iter()
        .map(|x| (x.label.as_str(), x.count))
        .collect();
    assert_eq!(by_kind, [(observations, 2)]);
    assert_eq!(r.participation.total, 2);
    // `show` counts as the report does.
    let shown = report::participation_of(&data);
    let bars: Vec<(&str, usize)> = shown
        .bars
        .iter()
        .map(|b| (b.label.as_str(), b.count))
        .collect();
    assert_eq!((shown.total, bars), (2, by_person));
    // So does the event report across ateliers.
    let event = EventReport::build("Ev", [data]);
    assert_eq!(event.stats.contributions, 2);
}

#[test]
fn settling_with_the_text_here_leaves_the_report_as_it_read() {
    let mut c = open_conflict();
    let before = report::render(Format::Json, &c.store.load(c.session).unwrap());
    let id = c.store.merge_conflicts(Some(c.session), true).unwrap()[0].id;
    c.store.settle_conflict(id, Keep::Mine).unwrap();
    let after = report::render(Format::Json, &c.store.load(c.session).unwrap());
    assert_eq!(before, after);
}

#[test]
fn settling_with_the_other_text_shows_it_once() {
    let mut c = open_conflict();
    let id = c.store.merge_conflicts(Some(c.session), true).unwrap()[0].id;
    c.store.settle_conflict(id, Keep::Theirs).unwrap();
    let data = c.store.load(c.session).unwrap();
    let md = report::render(Format::Markdown, &data);
    assert!(!md.contains(HERE), "{md}");
    let r = Report::build(&data);
    let said: Vec<&str> = r.discussion[0]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(said, [THERE, OTHER]);
    assert_eq!(r.stats.total, 2);
}

#[test]
fn a_published_version_is_unchanged_by_settling_with_the_text_here() {
    let mut c = open_conflict();
    let db = c.dir.path().join("here.sqlite3");
    let session = c.session.to_string();
    let run = |args: &[&str]| {
        let mut cmd = common::atelier(&c.dir);
        cmd.arg("--db").arg(&db).args(args);
        common::stdout(&mut cmd)
    };
    run(&["review", &session, "publish"]);
    let id = c.store.merge_conflicts(Some(c.session), true).unwrap()[0].id;
    c.store.settle_conflict(id, Keep::Mine).unwrap();
    let list = run(&["review", &session, "list"]);
    assert!(
        list.contains("The report as it reads now is draft 1"),
        "{list}"
    );
}

#[test]
fn export_says_on_stderr_how_many_conflicts_are_open_and_what_to_run() {
    let mut c = open_conflict();
    let db = c.dir.path().join("here.sqlite3");
    let session = c.session.to_string();
    let out = c.dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let export = |format: &str| {
        let mut cmd = common::atelier(&c.dir);
        cmd.arg("--db").arg(&db);
        cmd.args(["export", &session, "--format", format, "--out"])
            .arg(&out);
        let done = cmd.assert().success().get_output().clone();
        String::from_utf8(done.stderr).unwrap()
    };
    for format in ["md", "bundle"] {
        let said = export(format);
        assert!(
            said.contains("open merge conflicts in \"Test\": 1"),
            "{said}"
        );
        assert!(
            said.contains(&format!("atelier conflicts {session}")),
            "{said}"
        );
    }
    let id = c.store.merge_conflicts(Some(c.session), true).unwrap()[0].id;
    c.store.settle_conflict(id, Keep::Theirs).unwrap();
    assert_eq!(export("md"), "");
}

#[test]
fn show_lists_both_texts_and_marks_the_copy() {
    let c = open_conflict();
    let mut cmd = common::atelier(&c.dir);
    cmd.arg("--db")
        .arg(c.dir.path().join("here.sqlite3"))
        .args(["show", &c.session.to_string()]);
    let shown = common::stdout(&mut cmd);
    let lines: Vec<&str> = shown.lines().collect();
    let at = |text: &str| lines.iter().position(|l| l.contains(text)).unwrap();
    assert!(lines[at(HERE) + 1].contains(THERE), "{shown}");
    assert!(
        lines[at(THERE) + 1].contains("⚠ conflict copy: the other laptop's version"),
        "{shown}"
    );
    assert_eq!(shown.matches("⚠ conflict copy").count(), 1, "{shown}");
}

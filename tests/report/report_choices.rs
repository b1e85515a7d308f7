//! The report's two per-session choices end to end: stored (migration
//! 014) by one undoable command, carried by the bundle, read by every
//! report, and overridden per export on the command line.

use crate::common;

use atelier::commands::{apply, Command, Details};
use atelier::model::{DiscussionOrder, PersonStats, ReportChoices};
use atelier::report::{render, Format};
use atelier::templates::Catalog;
use common::{atelier, stdout, temp_store};

const SPOKEN_SHOWN: ReportChoices = ReportChoices {
    order: DiscussionOrder::Spoken,
    person_stats: PersonStats::Show,
};

#[test]
fn the_choices_are_stored_undone_and_carried_by_the_bundle() {
    let (_d, mut store) = temp_store();
    let id = common::new_session(&mut store, &["Ana", "Bo"]);
    assert_eq!(store.session(id).unwrap().report, ReportChoices::default());
    let session = store.session(id).unwrap();
    let set = Command::SetDetails(Details {
        report: SPOKEN_SHOWN,
        ..Details::of(&session)
    });
    let out = apply(&mut store, id, &set).unwrap();
    assert_eq!(store.session(id).unwrap().report, SPOKEN_SHOWN);

    // The bundle says so, and a session imported from it reads the same.
    let data = store.load(id).unwrap();
    let bundle = render(Format::Bundle, &data);
    assert!(bundle.contains("\"order\": \"spoken\""), "{bundle}");
    let back = atelier::bundle::parse("b.json", &bundle, &Catalog::built_in()).unwrap();
    assert_eq!(back.session.report, SPOKEN_SHOWN);

    apply(&mut store, id, &out.inverse).unwrap();
    assert_eq!(store.session(id).unwrap().report, ReportChoices::default());
    // The default is left out of the bundle, which reads as before.
    let bundle = render(Format::Bundle, &store.load(id).unwrap());
    assert!(!bundle.contains("\"report\""));
}

#[test]
fn an_export_overrides_the_sessions_choice_and_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "T", "--question", "Q?"];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    for (kind, text) in [("observation", "first said"), ("stake", "then said")] {
        let add = ["add", "latest", "--stage", "constats", "--kind", kind];
        stdout(atelier(&dir).args(add).args(["--participant", "Ana", text]));
    }
    let md = |extra: &[&str]| {
        let export = ["export", "latest", "--format", "md"];
        stdout(atelier(&dir).args(export).args(extra))
    };
    let grouped = md(&[]);
    assert!(
        grouped.contains("### Observations\n\n- first said — *Ana*"),
        "{grouped}"
    );
    assert!(
        !grouped.contains("| Ana | 2 |"),
        "per-person counts kept: {grouped}"
    );
    let spoken = md(&["--order", "spoken", "--person-stats", "show"]);
    assert!(
        spoken.contains("- *Observation*: first said — *Ana*\n- *Stake*: then said — *Ana*"),
        "{spoken}"
    );
    assert!(spoken.contains("| Ana | 2 |"), "{spoken}");

    let wrong = atelier(&dir)
        .args(["export", "latest", "--format", "md", "--order", "chrono"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let wrong = String::from_utf8(wrong).unwrap();
    assert!(
        wrong.contains("\"chrono\" is not a discussion order"),
        "{wrong}"
    );
}

#[test]
fn the_set_up_screen_flips_each_choice_and_undo_brings_it_back() {
    use atelier::tui::action::Action;
    use atelier::tui::screens::setup::{Field, SetupState};
    use common::tui::{act, app};
    let (_d, mut store, id) = common::sample_store();
    let reopen = Command::Reopen { restore: None };
    apply(&mut store, id, &reopen).unwrap();
    let mut app = app(store, atelier::model::Lang::En);
    act(&mut app, Action::Setup);
    let choices = |app: &atelier::tui::app::App| {
        let setup = app.screen_as::<SetupState>().unwrap();
        setup.data.session.report
    };
    act(&mut app, Action::Top);
    let order = Field::ALL.iter().position(|f| *f == Field::ReportOrder);
    for _ in 0..order.unwrap() {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Right);
    assert_eq!(choices(&app).order, DiscussionOrder::Spoken);
    act(&mut app, Action::Down);
    act(&mut app, Action::Right);
    assert_eq!(choices(&app), SPOKEN_SHOWN);
    // Saved at once: a report of the stored session reads in spoken order.
    let setup = app.screen_as::<SetupState>().unwrap();
    let md = render(Format::Markdown, &setup.data);
    assert!(md.contains("- *Contexte*\u{a0}: comment favoriser"), "{md}");
    act(&mut app, Action::Undo);
    act(&mut app, Action::Undo);
    assert_eq!(choices(&app), ReportChoices::default());
}

#[test]
fn the_place_is_typed_in_set_up_and_read_on_every_cover() {
    use atelier::tui::action::Action;
    use atelier::tui::screens::setup::{Field, SetupState};
    use common::tui::{act, app, type_text};
    let (_d, mut store, id) = common::sample_store();
    apply(&mut store, id, &Command::Reopen { restore: None }).unwrap();
    let mut app = app(store, atelier::model::Lang::En);
    act(&mut app, Action::Setup);
    act(&mut app, Action::Top);
    let place = Field::ALL.iter().position(|f| *f == Field::Place);
    for _ in 0..place.unwrap() {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Edit);
    type_text(&mut app, "Salle <b>Rivière</b>, Nantes");
    act(&mut app, Action::Submit);
    let data = app.screen_as::<SetupState>().unwrap().data.clone();
    assert_eq!(data.session.place, "Salle <b>Rivière</b>, Nantes");
    let md = render(Format::Markdown, &data);
    assert!(
        md.contains("*Emergence* · 10 juin 2021 · Salle &lt;b>Rivière&lt;/b>, Nantes\n"),
        "{md}"
    );
    let html = render(Format::Html, &data);
    assert!(
        html.contains("<span class=\"place\">Salle &lt;b&gt;Rivière&lt;&#x2f;b&gt;, Nantes</span>"),
        "{html}"
    );
    // Kept by the bundle, left out of it when not said.
    let bundle = render(Format::Bundle, &data);
    let back = atelier::bundle::parse("b.json", &bundle, &Catalog::built_in()).unwrap();
    assert_eq!(back.session.place, data.session.place);
    assert!(!render(Format::Bundle, &common::sample_data()).contains("\"place\""));
}

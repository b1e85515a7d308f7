//! The review cycle in the terminal UI, on a real database: from the
//! review screen, publish a draft (`p`), record a remark from someone off
//! the roster and a sign-off from someone on it, mark the remark applied
//! (undone with `u`, redone with Ctrl+R), publish the validated version
//! (`V`) and compare it with the draft (`d`). Snapshots in French and
//! English.

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Kind, Lang};
use atelier::store::NewContribution;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::review::ReviewState;
use atelier::tui::screens::versions::{Row, VersionsState};
use common::tui::{act, key, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn versions(app: &App) -> &VersionsState {
    app.screen_as::<VersionsState>()
        .expect("on the versions screen")
}

/// The screen, each version's hash (of report data holding random ids)
/// replaced by a mark.
fn shown(app: &App) -> String {
    let text = screen(app, 90, 20);
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("sha256 ") {
        let (before, after) = rest.split_at(at + "sha256 ".len());
        out.push_str(before);
        out.push_str("<hash>");
        rest = &after[12..];
    }
    out.push_str(rest);
    out
}

fn press(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::NONE);
}

fn say(app: &mut App, text: &str) {
    let session = versions(app).data.session.id;
    let store = &mut app.core.store;
    let stage = store.stages(session).unwrap()[1].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Observation,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    apply(store, session, &Command::Record(new)).unwrap();
}

#[test]
fn draft_remark_sign_off_and_validated_version_from_the_review_screen() {
    // Times on screen are this computer's: the snapshots read UTC.
    std::env::set_var("TZ", "UTC");
    for lang in Lang::ALL {
        let (_dir, mut store) = common::temp_store();
        common::clocked(&mut store);
        let session = common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
        let mut data = store.load(session).unwrap();
        data.session.language = lang;
        store.update_session(&data.session).unwrap();
        let mut app = common::tui::app(store, lang);
        act(&mut app, Action::Review);
        assert!(app.screen_as::<ReviewState>().is_some());

        press(&mut app, 'p');
        let s = versions(&app);
        assert_eq!(s.data.review.latest().map(|v| v.number), Some(1));
        assert_eq!(s.rows.len(), 1);

        // A remark from someone off the roster: the picker's last entry
        // (after the roster and the lead), a name, then the remark.
        press(&mut app, 'a');
        for _ in 0..4 {
            act(&mut app, Action::Down);
        }
        act(&mut app, Action::Confirm);
        type_text(&mut app, "Marc");
        act(&mut app, Action::Submit);
        // About the whole report: the first answer.
        act(&mut app, Action::Confirm);
        type_text(&mut app, "Name the trains");
        act(&mut app, Action::Submit);
        // A sign-off from the roster's first person.
        press(&mut app, 's');
        act(&mut app, Action::Confirm);
        let s = versions(&app);
        let remark = &s.data.review.feedback[0];
        assert_eq!(
            (remark.name.as_str(), remark.text.as_str()),
            ("Marc", "Name the trains")
        );
        assert_eq!(s.data.review.sign_offs[0].name, "Ana");
        assert_eq!(
            s.rows[1..],
            [
                Row::Feedback(remark.id),
                Row::SignOff(s.data.review.sign_offs[0].id)
            ]
        );

        act(&mut app, Action::Top);
        act(&mut app, Action::Down);
        press(&mut app, ' ');
        assert!(versions(&app).data.review.feedback[0].applied_at.is_some());
        press(&mut app, 'u');
        assert!(versions(&app).data.review.feedback[0].applied_at.is_none());
        key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert!(versions(&app).data.review.feedback[0].applied_at.is_some());

        say(&mut app, "Trains are late on Mondays");
        key(&mut app, KeyCode::Char('V'), KeyModifiers::SHIFT);
        let s = versions(&app);
        let latest = s.data.review.latest().unwrap();
        assert!(latest.validated && latest.number == 2);
        assert_eq!(s.rows[s.selected], Row::Version(latest.id));
        insta::assert_snapshot!(format!("versions_{}", lang.code()), shown(&app));

        press(&mut app, 'd');
        let panel = versions(&app).diff.as_ref().expect("the diff");
        assert!(panel
            .lines
            .iter()
            .any(|l| l.contains("Trains are late on Mondays")));
        insta::assert_snapshot!(
            format!("versions_diff_{}", lang.code()),
            screen(&app, 90, 20)
        );

        // Esc closes the diff, then goes back to the review screen, whose
        // preview ends with the review section.
        act(&mut app, Action::Back);
        assert!(versions(&app).diff.is_none());
        act(&mut app, Action::Back);
        let review = app.screen_as::<ReviewState>().expect("back on review");
        let preview: Vec<&str> = review.paragraphs.iter().map(|p| p.2.as_str()).collect();
        let heading = match lang {
            Lang::Fr => "Relecture et validation",
            Lang::En => "Review and validation",
        };
        let at = preview.iter().position(|p| *p == heading).expect("section");
        assert!(preview[at..]
            .iter()
            .any(|p| p.contains("Name the trains — Marc")));
    }
}

#[test]
fn undo_takes_a_publication_back_and_the_next_one_gets_its_number() {
    let (_dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana"]);
    let mut app = common::tui::app(store, Lang::En);
    act(&mut app, Action::Review);
    press(&mut app, 'p');
    // The report reads as draft 1: no second draft of the same content.
    press(&mut app, 'p');
    assert_eq!(versions(&app).data.review.latest().unwrap().number, 1);
    say(&mut app, "Trains are late on Mondays");
    press(&mut app, 'p');
    assert_eq!(versions(&app).data.review.latest().unwrap().number, 2);
    press(&mut app, 'u');
    let s = versions(&app);
    assert_eq!(s.data.review.latest().unwrap().number, 1);
    assert_eq!(s.rows.len(), 1);
    press(&mut app, 'p');
    assert_eq!(versions(&app).data.review.latest().unwrap().number, 2);
    // Nothing to compare a lone version with.
    press(&mut app, 'u');
    press(&mut app, 'u');
    assert!(versions(&app).data.review.latest().is_none());
    insta::assert_snapshot!("versions_empty_en", screen(&app, 90, 18));
}

/// A remark names what it is about, as `--item` does on the command line:
/// a section picked from the list, or a contribution picked in the item
/// picker (Tab for every kind, Enter takes the one selected).
#[test]
fn a_remark_names_the_section_or_the_contribution_it_is_about() {
    let (_dir, mut store) = common::temp_store();
    let session = common::new_session(&mut store, &["Ana"]);
    let stage = store.stages(session).unwrap()[1].id;
    for text in ["Trains are late on Mondays", "Buses are full"] {
        let new = NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Observation,
            text: text.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        };
        apply(&mut store, session, &Command::Record(new)).unwrap();
    }
    // The picker offers the sections the report holds: one decision.
    let decide = Command::Decide {
        text: "Trains first".into(),
    };
    apply(&mut store, session, &decide).unwrap();
    let mut app = common::tui::app(store, Lang::En);
    act(&mut app, Action::Review);
    press(&mut app, 'p');

    // Ana, then "Section: Decisions" found by its name.
    press(&mut app, 'a');
    act(&mut app, Action::Confirm);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("What is the remark about?"), "{shown}");
    type_text(&mut app, "Decisions");
    act(&mut app, Action::Confirm);
    type_text(&mut app, "Say who decided");
    act(&mut app, Action::Submit);

    // Ana, then "A contribution…": the picker lists the session's items.
    press(&mut app, 'a');
    act(&mut app, Action::Confirm);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    assert!(versions(&app).items.is_some(), "the item picker is open");
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Buses are full"), "{shown}");
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    type_text(&mut app, "Which line?");
    act(&mut app, Action::Submit);

    let s = versions(&app);
    let data = &s.data;
    let buses = data
        .contributions
        .iter()
        .find(|c| c.text == "Buses are full");
    let remarks: Vec<(&str, Option<_>, &str)> = data
        .review
        .feedback
        .iter()
        .map(|f| (f.section.as_str(), f.contribution_id, f.text.as_str()))
        .collect();
    assert_eq!(
        remarks,
        [
            ("decisions", None, "Say who decided"),
            ("", buses.map(|c| c.id), "Which line?")
        ]
    );
    let shown = screen(&app, 100, 30);
    // The section's heading, as the report names it.
    assert!(shown.contains("[Decisions]"), "{shown}");
    assert!(shown.contains("[« Buses are full »]"), "{shown}");
}

/// Every key the review and versions screens put on their bar (`"bar":
/// true` in the key map, when it can be used now) shows at 100 columns,
/// in both languages, even when the session is closed and a report was
/// exported (the fullest bar); help, which lists them all, shows at 80.
#[test]
fn the_review_and_versions_bars_show_all_their_keys() {
    for lang in Lang::ALL {
        let dir = tempfile::tempdir().unwrap();
        let mut store = atelier::store::Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
        let session = common::new_session(&mut store, &["Ana"]);
        let mut data = store.load(session).unwrap();
        data.session.language = lang;
        data.session.status = atelier::model::SessionStatus::Closed;
        store.update_session(&data.session).unwrap();
        let mut app = common::tui::app(store, lang);
        let out = dir.path().join("out");
        app.core.export_dir = out.clone();
        act(&mut app, Action::Review);
        press(&mut app, '1');
        let review = app.screen_as::<ReviewState>().expect("review");
        assert!(!review.exported.is_empty(), "{}", screen(&app, 100, 30));
        app.core.status = None;
        bar_shows_every_key(&app, lang);
        press(&mut app, 'v');
        press(&mut app, 'p');
        app.core.status = None;
        assert!(versions(&app).rows.len() == 1);
        bar_shows_every_key(&app, lang);
    }
}

fn bar_shows_every_key(app: &App, lang: Lang) {
    use atelier::tui::keymap::bindings;
    let wide = screen(app, 100, 30);
    let bar = wide.lines().last().unwrap();
    for b in bindings(app.context(), lang) {
        if b.bar && app.can(&b.action) {
            let entry = format!(
                "{} {}",
                b.short_label(lang),
                app.t(&format!("key.{}", b.bar_text()))
            );
            assert!(bar.contains(&entry), "{entry:?} missing from {bar:?}");
        }
    }
    let narrow = screen(app, 80, 24);
    let bar = narrow.lines().last().unwrap();
    let help = app.t("key.help");
    assert!(bar.contains(help), "{help:?} missing from {bar:?}");
}

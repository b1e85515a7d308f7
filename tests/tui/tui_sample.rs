//! The sample offered on a fresh database is recognisable as the sample:
//! its event says so, so it never joins a real workshop's event of the
//! same name in the home screen's groups or `atelier event list`.

use crate::common;

use atelier::model::Lang;
use atelier::templates::Catalog;
use atelier::tui::action::Action;

#[test]
fn the_offered_sample_sits_in_its_own_event_beside_a_real_emergence() {
    let (dir, mut store) = common::temp_store();
    atelier::tui::offer_sample(&mut store, &Catalog::built_in()).unwrap();
    let sessions = store.list_sessions(true).unwrap();
    assert_eq!(sessions.len(), 1, "a fresh database gets the sample");
    assert_eq!(sessions[0].event, "Exemple — Emergence");
    // Offered once only.
    atelier::tui::offer_sample(&mut store, &Catalog::built_in()).unwrap();
    assert_eq!(store.list_sessions(true).unwrap().len(), 1);

    // The facilitator's own workshop called "Emergence".
    let mine = common::new_session(&mut store, &["Ana"]);
    let mut s = store.session(mine).unwrap();
    s.event = "Emergence".into();
    s.title = "Mon atelier".into();
    store.update_session(&s).unwrap();

    let mut app = common::tui::app(store, Lang::Fr);
    common::tui::act(&mut app, Action::Down);
    let shown = common::tui::screen(&app, 120, 30);
    // Two event headings, not one "Emergence" holding both.
    let mut headings: Vec<&str> = shown
        .lines()
        .map(|l| l.trim_matches('│').trim_end())
        .filter(|l| l.ends_with("Emergence") && !l.starts_with(' '))
        .collect();
    headings.sort();
    assert_eq!(headings, ["Emergence", "Exemple — Emergence"], "{shown}");

    // The command line lists two events, the sample's named as such.
    let db = dir.path().join("atelier.sqlite3");
    let out = assert_cmd::Command::cargo_bin("atelier")
        .unwrap()
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["event", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{listed}");
    assert!(listed.contains("Exemple — Emergence"), "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.contains("Emergence") && !l.contains("Exemple")),
        "{listed}"
    );
}

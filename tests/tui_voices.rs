//! Every voice heard on the run screen: the roster marks who has not
//! spoken in this stage (○) and who is under an even share of the
//! session's contributions (↓), in both languages.

mod common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::screens::run::RunState;
use common::tui::{act, say, screen};

fn running_in(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    common::new_session(&mut store, &["Ana", "Bo", "Cy"]);
    let mut app = common::tui::app(store, lang);
    act(&mut app, Action::Open);
    assert!(app.screen_as::<RunState>().is_some());
    (dir, app)
}

/// The roster's box, right of the list, as text.
fn roster(app: &App) -> String {
    screen(app, 80, 24)
        .lines()
        .map(|l| l.chars().skip(54).collect::<String>())
        .skip(6)
        .take(10)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Ana says three things, Bo one, Cy nothing: Bo is under an even share
/// (4 ÷ 3), Cy has not spoken.
fn uneven(app: &mut App) {
    act(app, Action::Participant(1));
    say(app, "one");
    act(app, Action::Participant(1));
    say(app, "two");
    act(app, Action::Participant(1));
    say(app, "three");
    act(app, Action::Participant(2));
    say(app, "four");
    act(app, Action::Back);
}

#[test]
fn the_roster_marks_who_is_under_an_even_share() {
    for lang in Lang::ALL {
        let (_d, mut app) = running_in(lang);
        uneven(&mut app);
        let text = roster(&app);
        let line = |name: &str| {
            text.lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{name} in {text}"))
                .to_string()
        };
        assert!(line("Ana").contains("1  Ana"), "{text}");
        assert!(line("Bo").contains("2↓ Bo"), "{text}");
        assert!(line("Cy").contains("3○ Cy"), "{text}");
        // Cy is under too, but counted among the unheard.
        let legend = text.lines().find(|l| l.contains("│↓")).expect("a legend");
        assert!(legend.contains(": 1"), "{text}");
        insta::assert_snapshot!(format!("roster_balance_{}", lang.code()), text);
    }
}

//! The themes screen on a real database: marking items and moving them
//! into a theme picked from a list, new, rename, split, merge, remove,
//! undo and redo restoring membership, and FR/EN snapshots.

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::app::App;
use atelier::tui::keymap::Context;
use atelier::tui::screens::run::RunState;
use atelier::tui::screens::themes::{Pane, ThemesState};
use common::tui::{act, editor_text, key, say, screen, type_text};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

const IDEAS: [&str; 4] = ["A shuttle bus", "Bike racks", "Longer lunch", "Quiet room"];

/// A session in `lang` (interface and session) with four things said by Ana in the first stage,
/// on the themes screen.
fn themes_in(lang: Lang) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana", "Bo"]);
    let mut session = store.session(id).unwrap();
    session.language = lang;
    store.update_session(&session).unwrap();
    let mut app = common::tui::app(store, lang);
    act(&mut app, Action::Open);
    for idea in IDEAS {
        act(&mut app, Action::Participant(1));
        say(&mut app, idea);
    }
    act(&mut app, Action::Back);
    key(&mut app, KeyCode::Char('T'), KeyModifiers::SHIFT);
    assert_eq!(app.context(), Context("themes"));
    (dir, app)
}

fn state(app: &App) -> &ThemesState {
    app.screen_as::<ThemesState>()
        .expect("on the themes screen")
}

/// The texts of the selected bucket, in order.
fn shown(app: &App) -> Vec<String> {
    state(app).items().iter().map(|c| c.text.clone()).collect()
}

/// Each listed theme's name and item texts, as the file has them.
fn on_file(app: &App) -> Vec<(String, Vec<String>)> {
    let s = state(app);
    let data = common::tui::store(app).load(s.data.session.id).unwrap();
    assert_eq!(data.themes, s.data.themes, "the screen shows the file");
    let text = |id| {
        data.contributions
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .text
            .clone()
    };
    data.listed_themes()
        .map(|t| (t.name.clone(), t.items.iter().map(|i| text(*i)).collect()))
        .collect()
}

fn new_theme(app: &mut App, name: &str) {
    act(app, Action::ThemeNew);
    assert_eq!(editor_text(app).as_deref(), Some(""));
    type_text(app, name);
    act(app, Action::Submit);
    assert!(app.core.popup.is_none());
}

fn owned(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter()
        .map(|(n, items)| (n.to_string(), items.iter().map(|i| i.to_string()).collect()))
        .collect()
}

#[test]
fn marked_items_go_into_a_theme_and_undo_takes_them_back() {
    let (_d, mut app) = themes_in(Lang::En);
    assert_eq!(shown(&app), IDEAS);
    new_theme(&mut app, "Transport");
    assert_eq!(state(&app).bucket, 1, "the new theme is selected");
    assert!(shown(&app).is_empty());

    act(&mut app, Action::Top);
    act(&mut app, Action::FocusNext);
    assert_eq!(state(&app).pane, Pane::Items);
    // Space marks and moves on: two keys mark two items in a row.
    key(&mut app, KeyCode::Char(' '), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(state(&app).marked.len(), 2);
    assert_eq!(state(&app).item, 2);
    act(&mut app, Action::ThemePut);
    assert_eq!(app.context(), Context::PICKER);
    act(&mut app, Action::Confirm);
    assert!(state(&app).marked.is_empty());
    assert_eq!(shown(&app), ["Longer lunch", "Quiet room"]);
    let moved = owned(&[("Transport", &["A shuttle bus", "Bike racks"])]);
    assert_eq!(on_file(&app), moved);

    act(&mut app, Action::Undo);
    assert_eq!(on_file(&app), owned(&[("Transport", &[])]));
    assert_eq!(shown(&app), IDEAS);
    act(&mut app, Action::Redo);
    assert_eq!(on_file(&app), moved);

    // Without marks, `p` moves the selected item; the picker's last entry
    // takes it out of any theme.
    act(&mut app, Action::Top);
    act(&mut app, Action::ThemePut);
    act(&mut app, Action::Confirm);
    let three = owned(&[(
        "Transport",
        &["A shuttle bus", "Bike racks", "Longer lunch"],
    )]);
    assert_eq!(on_file(&app), three);
    act(&mut app, Action::FocusPrev);
    act(&mut app, Action::Down);
    act(&mut app, Action::FocusNext);
    act(&mut app, Action::ThemePut);
    act(&mut app, Action::Down);
    act(&mut app, Action::Confirm);
    assert_eq!(
        on_file(&app),
        owned(&[("Transport", &["Bike racks", "Longer lunch"])])
    );
    act(&mut app, Action::ThemeOut);
    assert_eq!(on_file(&app), owned(&[("Transport", &["Longer lunch"])]));
    act(&mut app, Action::Undo);
    act(&mut app, Action::Undo);
    assert_eq!(on_file(&app), three);
}

#[test]
fn themes_are_renamed_split_merged_and_removed_each_one_undo() {
    let (_d, mut app) = themes_in(Lang::En);
    new_theme(&mut app, "Transport");
    act(&mut app, Action::Top);
    act(&mut app, Action::FocusNext);
    for _ in 0..3 {
        act(&mut app, Action::ThemeMark);
    }
    act(&mut app, Action::ThemePut);
    act(&mut app, Action::Confirm);
    let start = owned(&[(
        "Transport",
        &["A shuttle bus", "Bike racks", "Longer lunch"],
    )]);
    assert_eq!(on_file(&app), start);

    // Rename: the editor opens with the name.
    act(&mut app, Action::FocusPrev);
    act(&mut app, Action::Down);
    act(&mut app, Action::Edit);
    assert_eq!(editor_text(&app).as_deref(), Some("Transport"));
    type_text(&mut app, " links");
    act(&mut app, Action::Submit);
    assert_eq!(on_file(&app)[0].0, "Transport links");

    // Split the marked item off into a new theme.
    act(&mut app, Action::FocusNext);
    act(&mut app, Action::Down);
    act(&mut app, Action::ThemeMark);
    act(&mut app, Action::ThemeSplit);
    type_text(&mut app, "Bikes");
    act(&mut app, Action::Submit);
    let split = owned(&[
        ("Transport links", &["A shuttle bus", "Longer lunch"]),
        ("Bikes", &["Bike racks"]),
    ]);
    assert_eq!(on_file(&app), split);
    assert_eq!(state(&app).bucket, 2, "the new theme is selected");

    // Merge Bikes into the other theme, picked.
    act(&mut app, Action::ThemeMerge);
    assert_eq!(app.context(), Context::PICKER);
    act(&mut app, Action::Confirm);
    let merged = owned(&[(
        "Transport links",
        &["A shuttle bus", "Longer lunch", "Bike racks"],
    )]);
    assert_eq!(on_file(&app), merged);
    assert_eq!(state(&app).bucket, 1, "the merged theme is selected");

    act(&mut app, Action::Delete);
    assert!(on_file(&app).is_empty());
    assert_eq!(state(&app).bucket, 0);
    assert_eq!(shown(&app), IDEAS, "its items are unsorted again");

    for expected in [merged, split] {
        act(&mut app, Action::Undo);
        assert_eq!(on_file(&app), expected);
    }
    act(&mut app, Action::Undo);
    assert_eq!(on_file(&app)[0].1.len(), 3, "the split undone");
    act(&mut app, Action::Undo);
    assert_eq!(on_file(&app)[0].0, "Transport", "the rename undone");
    act(&mut app, Action::Redo);
    act(&mut app, Action::Redo);
    assert_eq!(on_file(&app).len(), 2);

    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.screen_as::<RunState>().is_some());
}

#[test]
fn what_needs_a_theme_or_an_item_waits_for_one() {
    let (_d, mut app) = themes_in(Lang::En);
    let s = state(&app);
    for action in [
        Action::Edit,
        Action::Delete,
        Action::ThemeMerge,
        Action::ThemeSplit,
        Action::ThemeOut,
    ] {
        assert!(!s.can(&action), "{action:?}");
    }
    assert!(s.can(&Action::ThemePut));
    // The session's history is shared: what was said on the run screen
    // can be undone from here.
    assert!(s.can(&Action::Undo));
    // An empty name is refused and the editor stays open with it.
    act(&mut app, Action::ThemeNew);
    type_text(&mut app, "   ");
    act(&mut app, Action::Submit);
    assert_eq!(editor_text(&app).as_deref(), Some("   "));
    assert!(state(&app).data.themes.is_empty());
}

#[test]
fn the_themes_screen_in_both_languages() {
    for lang in Lang::ALL {
        let (_d, mut app) = themes_in(lang);
        new_theme(&mut app, "Transport");
        new_theme(&mut app, "Well-being");
        act(&mut app, Action::Top);
        act(&mut app, Action::FocusNext);
        act(&mut app, Action::ThemeMark);
        act(&mut app, Action::ThemeMark);
        act(&mut app, Action::ThemePut);
        act(&mut app, Action::Confirm);
        // Back on unsorted, where the last item is marked.
        act(&mut app, Action::ThemeMark);
        let text = screen(&app, 100, 20);
        insta::assert_snapshot!(format!("themes_screen_{}", lang.code()), text);
        act(&mut app, Action::ThemePut);
        let text = screen(&app, 100, 20);
        insta::assert_snapshot!(format!("themes_picker_{}", lang.code()), text);
    }
}

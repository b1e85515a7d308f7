//! Any sequence of actions at any terminal size: never a panic, nothing
//! drawn that a terminal would act on, and the run screen's list (kept up
//! to date piece by piece) always what a full rebuild from its data gives.

use crate::common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use atelier::tui::screens::run::RunState;
use proptest::prelude::*;

/// Any action a key can produce (the keymap's own list).
fn action() -> impl Strategy<Value = Action> {
    prop::sample::select(atelier::tui::keymap::bound_actions())
}

#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Type(String),
    Draw(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => action().prop_map(Step::Act),
        2 => "[a-zé漢 ]{0,12}".prop_map(Step::Type),
        1 => (1u16..160, 1u16..60).prop_map(|(w, h)| Step::Draw(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_use_never_panics(steps in prop::collection::vec(step(), 1..60)) {
        let (dir, store, _id) = common::sample_store();
        let mut app = common::tui::app(store, Lang::Fr);
        app.core.export_dir = dir.path().join("exports");
        for s in steps {
            match s {
                Step::Act(a) => {
                    // Quitting ends the run and opening a file starts the
                    // system viewer; everything else goes through.
                    if a != Action::Quit && a != Action::OpenExported {
                        common::tui::act(&mut app, a);
                    }
                }
                Step::Type(t) => common::tui::type_text(&mut app, &t),
                Step::Draw(w, h) => {
                    let screen = common::tui::screen(&app, w, h);
                    prop_assert!(
                        !screen.chars().any(|c| c != '\n' && atelier::text::is_unsafe(c)),
                        "a control character was drawn: {screen:?}"
                    );
                }
            }
            if let Some(run) = app.screen_as_mut::<RunState>() {
                let (rows, counts) = (run.rows.clone(), run.counts.clone());
                let selected = run.selected_id();
                run.rebuild(selected);
                prop_assert_eq!(rows, run.rows.clone(), "rows drifted from the data");
                prop_assert_eq!(counts, run.counts.clone(), "counts drifted from the data");
            }
        }
        common::tui::screen(&app, 80, 24);
    }
}

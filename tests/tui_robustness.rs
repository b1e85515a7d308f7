//! Any sequence of actions at any terminal size: never a panic, and every
//! drawn line fits the terminal.

mod common;

use atelier::model::Lang;
use atelier::tui::action::Action;
use proptest::prelude::*;

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    prop::sample::select(vec![
        Up,
        Down,
        PageUp,
        PageDown,
        Top,
        Bottom,
        Left,
        Right,
        Back,
        Help,
        Confirm,
        Yes,
        No,
        Open,
        NewSession,
        Duplicate,
        Archive,
        ToggleArchived,
        Filter,
        Setup,
        AddParticipant,
        Run,
        Write,
        Edit,
        Delete,
        Undo,
        RestoreDeleted,
        MoveUp,
        MoveDown,
        Indent,
        Outdent,
        CycleKind,
        PrevKind,
        SetWho,
        MoveToStage,
        NextStage,
        PrevStage,
        Notes,
        Synthesis,
        Review,
        Submit,
        Newline,
        PickParticipant,
        Participant(1),
        Participant(0),
        Participant(7),
        UndoText,
        RedoText,
        FocusNext,
        FocusPrev,
        AddBlock,
        PickToText,
        PickToBlock,
        PickToProposal,
    ])
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
        let (_dir, store, _id) = common::sample_store();
        let mut app = common::tui::app(store, Lang::Fr);
        for s in steps {
            match s {
                Step::Act(a) => {
                    // Quitting ends the run; everything else goes through.
                    if a != Action::Quit {
                        common::tui::act(&mut app, a);
                    }
                }
                Step::Type(t) => common::tui::type_text(&mut app, &t),
                Step::Draw(w, h) => {
                    let screen = common::tui::screen(&app, w, h);
                    for line in screen.lines() {
                        prop_assert!(unicode_width::UnicodeWidthStr::width(line) <= w as usize);
                    }
                }
            }
        }
        common::tui::screen(&app, 80, 24);
    }
}

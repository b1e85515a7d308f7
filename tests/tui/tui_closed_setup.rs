//! A closed session's set-up is read, not edited: any editing key says so
//! at once, before anything is typed (it used to open the editor and
//! refuse only the typed text).

use crate::common;
use atelier::model::Lang;
use atelier::tui::action::Action;
use common::tui::{act, app, editor_text};

#[test]
fn a_closed_sessions_setup_refuses_editing_up_front() {
    let (_d, store, _id) = common::sample_store();
    let mut app = app(store, Lang::Fr);
    act(&mut app, Action::Setup);
    for edit in [Action::Edit, Action::AddParticipant, Action::Right] {
        for _ in 0..12 {
            act(&mut app, edit.clone());
            assert_eq!(editor_text(&app), None, "{edit:?} opened an editor");
            let said = app.core.status.as_ref().map(|s| s.text.clone());
            assert!(said.is_some_and(|t| t.contains("close")), "{edit:?}");
            act(&mut app, Action::Down);
        }
    }
}

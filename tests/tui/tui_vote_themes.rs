//! The vote screen's ranking view (`r`) shows the themes' ranking beside
//! the items' when the session has themes, once the counts are shown.

use crate::common;

use atelier::commands::{apply, Command, VoteCommand};
use atelier::model::{Id, Kind, Lang};
use atelier::store::{NewContribution, Store};
use atelier::tui::action::Action;
use atelier::tui::app::App;
use common::tui::{act, screen};

fn voted(lang: Lang, with_themes: bool) -> (tempfile::TempDir, App) {
    let (dir, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana"]);
    let mut s = store.session(id).unwrap();
    s.language = lang;
    store.update_session(&s).unwrap();
    let stage = store.stages(id).unwrap()[1].id;
    let say = |store: &mut Store, text: &str| -> Id {
        let new = NewContribution {
            stage_id: stage,
            participant_id: None,
            kind: Kind::Idea,
            text: text.into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        };
        store.add_contribution(&new).unwrap().id
    };
    let [wiki, chat, mentor] = ["A wiki", "A chat", "Mentors"].map(|t| say(&mut store, t));
    for (item, count) in [(wiki, 1), (chat, 2), (mentor, 3)] {
        let tally = Command::Vote(VoteCommand::SetTally { item, count });
        apply(&mut store, id, &tally).unwrap();
    }
    if with_themes {
        for (name, items) in [("Tools", vec![wiki, chat]), ("People", vec![mentor])] {
            let out = apply(&mut store, id, &Command::AddTheme { name: name.into() }).unwrap();
            let theme = out
                .changes
                .delta
                .themes
                .as_ref()
                .unwrap()
                .last()
                .unwrap()
                .id;
            let put = Command::PutInTheme {
                items,
                theme: Some(theme),
            };
            apply(&mut store, id, &put).unwrap();
        }
    }
    let mut app = common::tui::app(store, lang);
    // The session has contributions: it opens on the list.
    act(&mut app, Action::Open);
    act(&mut app, Action::Vote);
    act(&mut app, Action::VoteRanking);
    (dir, app)
}

#[test]
fn the_ranking_view_ranks_the_themes_too() {
    for lang in Lang::ALL {
        let heading = atelier::i18n::t(lang, "finish8.themes_by_votes");
        let (_d, mut app) = voted(lang, true);
        // Hidden counts: no number, no theme ranking.
        assert!(!screen(&app, 120, 30).contains(heading));
        act(&mut app, Action::ToggleVotesShown);
        let text = screen(&app, 120, 30);
        assert!(text.contains(heading), "{text}");
        let tied = atelier::i18n::tf(lang, "votes.report_tied", &[("rank", "1")]);
        let row = |name: &str| {
            text.lines()
                .find(|l| l.contains(&format!("  3 {name}")))
                .map(str::to_string)
        };
        assert!(row("Tools").unwrap().contains(&tied), "{text}");
        assert!(row("People").unwrap().contains(&tied), "{text}");

        let (_d, mut app) = voted(lang, false);
        act(&mut app, Action::ToggleVotesShown);
        assert!(!screen(&app, 120, 30).contains(heading));
    }
}

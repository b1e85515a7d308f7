//! Themes ranked by their items' dots in every report that ranks the
//! items (Markdown, HTML, report JSON), ties shown; items parked or deleted
//! count for nothing; themes without a dot are left out.

use crate::common;

use atelier::commands::{apply, Command, VoteCommand};
use atelier::model::{Id, Kind, Lang};
use atelier::report::{render, Format};
use atelier::store::{NewContribution, Store};

fn say(store: &mut Store, session: Id, text: &str) -> Id {
    let stage = store.stages(session).unwrap()[1].id;
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
    apply(store, session, &Command::Record(new))
        .unwrap()
        .changes
        .delta
        .contributions[0]
        .id
}

fn theme(store: &mut Store, session: Id, name: &str, items: Vec<Id>) {
    let out = apply(store, session, &Command::AddTheme { name: name.into() }).unwrap();
    let id = out
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
        theme: Some(id),
    };
    apply(store, session, &put).unwrap();
}

fn tally(store: &mut Store, session: Id, item: Id, count: u32) {
    let vote = Command::Vote(VoteCommand::SetTally { item, count });
    apply(store, session, &vote).unwrap();
}

/// Four themes: "Tools" (2 + 3 dots) and "People" (5) tie, "Time" has 1
/// (and a deleted item's 4), "Money" none.
fn session(lang: Lang) -> (tempfile::TempDir, Store, Id) {
    let (d, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana"]);
    let mut s = store.session(id).unwrap();
    s.language = lang;
    store.update_session(&s).unwrap();
    let [wiki, chat, mentor, slots, gone, budget] = [
        "A wiki",
        "A chat",
        "Mentors",
        "Fixed slots",
        "Gone",
        "A budget",
    ]
    .map(|t| say(&mut store, id, t));
    theme(&mut store, id, "Tools", vec![wiki, chat]);
    theme(&mut store, id, "People", vec![mentor]);
    theme(&mut store, id, "Time", vec![slots, gone]);
    theme(&mut store, id, "Money", vec![budget]);
    for (item, n) in [(wiki, 2), (chat, 3), (mentor, 5), (slots, 1), (gone, 4)] {
        tally(&mut store, id, item, n);
    }
    apply(&mut store, id, &Command::Delete { id: gone }).unwrap();
    (d, store, id)
}

#[test]
fn themes_are_ranked_by_their_items_dots_with_ties_shown() {
    for lang in Lang::ALL {
        let (_d, store, id) = session(lang);
        let data = store.load(id).unwrap();
        let md = render(Format::Markdown, &data);
        let heading = atelier::i18n::t(lang, "finish8.themes_by_votes");
        let start = md.find(&format!("### {heading}")).expect("{md}");
        let table = md[start..]
            .split("\n\n")
            .take(2)
            .collect::<Vec<_>>()
            .join("\n\n");
        insta::assert_snapshot!(format!("themes_md_{}", lang.code()), table);
        // After the items' ranking.
        let items = md
            .find(atelier::i18n::t(lang, "votes.report_heading"))
            .unwrap();
        assert!(items < start);

        let html = render(Format::Html, &data);
        let start = html.find(&format!("<h3>{heading}</h3>")).expect("{html}");
        let part = &html[start..start + html[start..].find("</table>").unwrap()];
        assert!(part.contains("<title>1 ("), "ties say so: {part}");
        assert!(
            part.contains("<td>Time</td><td class=\"num\">1</td>"),
            "{part}"
        );
        assert!(!part.contains("Money"), "{part}");
    }
    let (_d, store, id) = session(Lang::En);
    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, &store.load(id).unwrap())).unwrap();
    let themes: Vec<(String, u64, u64, bool)> = json["votes"]["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_string(),
                t["rank"].as_u64().unwrap(),
                t["dots"].as_u64().unwrap(),
                t["tied"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        themes,
        [
            ("Tools".to_string(), 1, 5, true),
            ("People".to_string(), 1, 5, true),
            ("Time".to_string(), 3, 1, false)
        ]
    );
}

#[test]
fn without_dots_there_is_no_theme_ranking() {
    let (_d, mut store) = common::temp_store();
    let id = common::new_session(&mut store, &["Ana"]);
    let a = say(&mut store, id, "A wiki");
    theme(&mut store, id, "Tools", vec![a]);
    let data = store.load(id).unwrap();
    let md = render(Format::Markdown, &data);
    assert!(!md.contains("Themes by votes"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    assert_eq!(json["votes"]["themes"], serde_json::json!([]));
}

/// The PDF and the ODT rank the themes too, after the items, in order.
#[test]
fn pdf_and_odt_rank_the_themes_after_the_items() {
    for lang in Lang::ALL {
        let (_d, store, id) = session(lang);
        let data = store.load(id).unwrap();
        let heading = atelier::i18n::t(lang, "finish8.themes_by_votes");
        let items = atelier::i18n::t(lang, "votes.report_heading");
        for format in [Format::Pdf, Format::Odt] {
            let text = render(format, &data);
            let start = text.find(heading).unwrap_or_else(|| panic!("{text}"));
            assert!(text.find(items).unwrap() < start, "{format:?}");
            let part = &text[start..];
            let at = |name: &str| part.find(name).unwrap_or_else(|| panic!("{name}: {part}"));
            assert!(at("Tools") < at("People") && at("People") < at("Time"));
        }
        let odt = render(Format::Odt, &data);
        assert!(odt.contains("table:name=\"Theme_votes\""), "a real table");
    }
}

//! Themes in the reports (ideas by theme, under the anonymity rule) and in
//! the bundle (carried, checked on import; older bundles still import).

use crate::common;

use atelier::commands::{apply, Command};
use atelier::model::{Id, Kind, Lang, SessionData};
use atelier::report::{render, Format, Report};
use atelier::store::{NewContribution, Store};
use atelier::templates::Catalog;
use common::private::anonymous_session;

fn id_of(data: &SessionData, text: &str) -> Id {
    data.contributions
        .iter()
        .find(|c| c.text == text)
        .unwrap()
        .id
}

fn add_theme(store: &mut Store, session: Id, name: &str) -> Id {
    let out = apply(store, session, &Command::AddTheme { name: name.into() }).unwrap();
    match out.inverse {
        Command::RemoveTheme { id } => id,
        other => panic!("{other:?}"),
    }
}

fn put(store: &mut Store, session: Id, items: Vec<Id>, theme: Id) {
    let command = Command::PutInTheme {
        items,
        theme: Some(theme),
    };
    apply(store, session, &command).unwrap();
}

/// The anonymous session with a theme "Transport" holding two remarks and
/// one deleted since, a theme taken back and an empty one.
fn themed(store: &mut Store, lang: Lang) -> (Id, common::private::Secrets) {
    let (id, secrets) = anonymous_session(store, lang);
    let data = store.load(id).unwrap();
    let withdrawn = apply(
        store,
        id,
        &Command::Record(NewContribution {
            stage_id: data.stages[1].id,
            participant_id: None,
            kind: Kind::Idea,
            text: "Withdrawn idea".into(),
            parent_id: None,
            group: None,
            anonymous: false,
            origin: atelier::model::Origin::Facilitator,
        }),
    )
    .unwrap()
    .changes
    .delta
    .contributions[0]
        .id;
    let transport = add_theme(store, id, "Transport");
    let dropped = add_theme(store, id, "Dropped theme");
    add_theme(store, id, "Nothing yet");
    let late = id_of(&data, common::private::SAID[0]);
    let leaving = id_of(&data, common::private::SAID[2]);
    put(store, id, vec![leaving, late, withdrawn], transport);
    apply(store, id, &Command::Delete { id: withdrawn }).unwrap();
    put(
        store,
        id,
        vec![id_of(&data, common::private::SAID[3])],
        dropped,
    );
    apply(store, id, &Command::RemoveTheme { id: dropped }).unwrap();
    (id, secrets)
}

#[test]
fn reports_list_ideas_by_theme_without_names_when_anonymous() {
    for lang in Lang::ALL {
        let (_d, mut store) = common::temp_store();
        let (id, secrets) = themed(&mut store, lang);
        let data = store.load(id).unwrap();
        let r = Report::build(&data);
        assert_eq!(r.themes.len(), 1, "{:?}", r.themes);
        let transport = &r.themes[0];
        let texts: Vec<&str> = transport.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, [common::private::SAID[2], common::private::SAID[0]]);
        let ids: Vec<String> = transport.items.iter().map(|i| i.id.clone()).collect();
        assert_eq!(transport.item_ids, ids);
        let pseudonym = format!("{} N", atelier::i18n::t(lang, "report.participant"));
        let author = transport.items[1]
            .author
            .as_deref()
            .map(common::pseudonyms_as_n);
        assert_eq!(author, Some(pseudonym));

        let heading = match lang {
            Lang::Fr => "Idées par thème",
            Lang::En => "Ideas by theme",
        };
        for format in [Format::Markdown, Format::Html, Format::Json, Format::Csv] {
            let text = render(format, &data);
            secrets.assert_none_in(&text, &format!("{format:?}"));
            assert!(text.contains("Transport"), "{format:?}");
            for absent in ["Withdrawn idea", "Dropped theme", "Nothing yet"] {
                assert!(!text.contains(absent), "{format:?} shows {absent}");
            }
        }
        let md = render(Format::Markdown, &data);
        // Said by the removed participant: under her pseudonym still.
        let section = format!(
            "## {heading}\n\n### Transport\n\n- Said before leaving — *{} ",
            atelier::i18n::t(lang, "report.participant")
        );
        assert!(md.contains(&section), "{md}");
        let html = render(Format::Html, &data);
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{html}");
        assert!(html.contains("<h3>Transport</h3>"), "{html}");

        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        assert_eq!(json["themes"][0]["name"], "Transport");
        assert_eq!(json["themes"][0]["item_ids"][0], ids[0].as_str());
        assert_eq!(
            json["themes"][0]["items"][1]["text"],
            common::private::SAID[0]
        );

        // CSV: the theme in its column of its items' rows, no other.
        let csv = render(Format::Csv, &data);
        let table = common::CsvTable::parse(&csv, lang);
        let theme = table.column(match lang {
            Lang::Fr => "Thème",
            Lang::En => "Theme",
        });
        let themed_rows: Vec<&Vec<String>> = table
            .rows
            .iter()
            .filter(|r| r[theme] == "Transport")
            .collect();
        assert_eq!(themed_rows.len(), 2, "{csv}");
        assert!(themed_rows.iter().all(|r| r[0] == ids[0] || r[0] == ids[1]));
    }
}

#[test]
fn the_bundle_carries_the_themes_and_an_older_bundle_has_none() {
    let (d, mut store) = common::temp_store();
    let (id, _) = themed(&mut store, Lang::En);
    let data = store.load(id).unwrap();
    let file = d.path().join("session.json");
    std::fs::write(&file, render(Format::Bundle, &data)).unwrap();
    let (_d2, mut other) = common::temp_store();
    let catalog = Catalog::built_in();
    let again = atelier::bundle::import_file(&mut other, &catalog, &file).unwrap();
    assert_eq!(other.load(again).unwrap().themes, data.themes);

    // A bundle of version 1, written before themes existed.
    let old =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundle-v1.json");
    let old_id = atelier::bundle::import_file(&mut other, &catalog, &old).unwrap();
    assert!(other.load(old_id).unwrap().themes.is_empty());
}

/// Each broken theme names its place in the file, in both languages.
#[test]
fn a_bundle_with_broken_themes_is_refused_with_the_place() {
    let (_d, mut store) = common::temp_store();
    let (id, _) = themed(&mut store, Lang::En);
    let data = store.load(id).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&render(Format::Bundle, &data)).unwrap();
    let item = bundle["themes"][0]["items"][0].clone();
    let stranger = atelier::model::new_id().to_string();
    type Break = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(Break, &str, &str)> = vec![
        (
            Box::new(|b| b["themes"][0]["name"] = " ".into()),
            "themes[0].name",
            "empty",
        ),
        (
            Box::new(move |b| b["themes"][0]["items"][1] = stranger.clone().into()),
            "themes[0].items[1]",
            "not a contribution of this session",
        ),
        (
            Box::new(move |b| b["themes"][2]["items"] = vec![item.clone()].into()),
            "themes[2].items[0]",
            "already in a theme (at themes[0].items[0])",
        ),
        (
            Box::new(|b| b["themes"][0]["id"] = b["session"]["id"].clone()),
            "themes[0].id",
            "used twice",
        ),
        (
            Box::new(|b| b["themes"][1]["items"] = b["themes"][0]["items"].clone()),
            "themes[1].items",
            "removed theme holds no items",
        ),
    ];
    for (broken, place, problem) in cases {
        let mut b = bundle.clone();
        broken(&mut b);
        let text = b.to_string();
        let e = atelier::bundle::parse("s.json", &text, &Catalog::built_in()).unwrap_err();
        let said = e.to_string();
        assert!(said.contains(place) && said.contains(problem), "{said}");
        assert!(said.starts_with("s.json"), "{said}");
        assert_ne!(e.message(Lang::Fr), said);
    }
}

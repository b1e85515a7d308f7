//! Every JSON file the app writes (report, event report, bundle) holds no
//! raw control, bidi or invisible format character: each is a `\uXXXX`
//! escape, the same data, harmless through `cat`; the bundle imports back
//! with the same texts.

use crate::common;
use atelier::model::{Kind, Lang};
use atelier::report::{event::EventReport, render, Format};
use atelier::templates::Catalog;

const HOSTILE: &str =
    "csi\u{9b}31m bidi\u{202e}txet iso\u{2066}x\u{2069} zw\u{200b} del\u{7f} esc\u{1b}[2J";

fn raw(json: &str) -> Vec<char> {
    json.chars()
        .filter(|&c| atelier::safe_json::is_escaped(c) && c != '\n')
        .collect()
}

#[test]
fn json_files_escape_what_a_terminal_would_act_on() {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana"], Lang::Fr);
    let stage = store.stages(id).unwrap()[1].id;
    common::add_item(&mut store, stage, Kind::Observation, HOSTILE);
    // The event report shows titles, not contributions.
    let mut session = store.session(id).unwrap();
    session.title = HOSTILE.into();
    store.update_session(&session).unwrap();
    let data = store.load(id).unwrap();
    let report = render(Format::Json, &data);
    let bundle = render(Format::Bundle, &data);
    let event =
        atelier::report::event::render(Format::Json, &EventReport::build("E", [data.clone()]));
    for (what, json) in [("report", &report), ("bundle", &bundle), ("event", &event)] {
        assert_eq!(raw(json), Vec::<char>::new(), "{what}");
        assert!(
            json.contains("\\u009b") && json.contains("\\u202e"),
            "{what}"
        );
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert!(value.to_string().contains("txet"), "{what}");
    }

    // The bundle imports into another database with the text as typed.
    let (dir, mut other) = common::temp_store();
    let path = dir.path().join("bundle.json");
    std::fs::write(&path, &bundle).unwrap();
    let imported = atelier::bundle::import_file(&mut other, &Catalog::built_in(), &path).unwrap();
    let back = other.load(imported).unwrap();
    assert!(back.contributions.iter().any(|c| c.text == HOSTILE));
}

//! Follow-through in the reports: the parking lot and the decision log
//! have their own sections in every format, under the anonymity rule.

use crate::common;

use atelier::model::{Anonymity, Lang};
use atelier::report::{render, Format, Report};
use common::private::{anonymous_session, SAID};

const PARKED: &str = SAID[4];
const DECIDED: &str = SAID[5];

#[test]
fn parked_items_and_decisions_have_their_own_section_in_every_format() {
    for lang in Lang::ALL {
        let (_d, mut store) = common::temp_store();
        let (id, _) = anonymous_session(&mut store, lang);
        let mut data = store.load(id).unwrap();
        data.session.anonymity = Anonymity::Named;
        let r = Report::build(&data);
        assert_eq!(r.parking.len(), 1);
        assert_eq!(r.parking[0].text, PARKED);
        assert_eq!(r.parking[0].author.as_deref(), Some("Zephyrine Quill"));
        let in_stages = r.discussion.iter().flat_map(|g| &g.items);
        assert!(
            in_stages.clone().all(|i| i.text != PARKED),
            "a parked item leaves its stage's section"
        );
        let (parking, decisions) = match lang {
            Lang::Fr => ("Parking", "Décisions"),
            Lang::En => ("Parking lot", "Decisions"),
        };
        let md = render(Format::Markdown, &data);
        let after = |text: &str, heading: &str| {
            text.find(heading)
                .unwrap_or_else(|| panic!("{heading} missing"))
                < text.find(PARKED).unwrap()
        };
        assert!(md.contains(&format!("## {parking}\n")), "{md}");
        assert!(md.contains(&format!("## {decisions}\n")));
        assert!(after(&md, &format!("## {parking}")));
        let html = render(Format::Html, &data);
        assert!(html.contains(&format!("<h2>{parking}</h2>")));
        assert!(html.contains(&format!("<h2>{decisions}</h2>")));
        assert!(html.contains(DECIDED));

        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
        assert_eq!(json["parking"][0]["text"], PARKED);
        assert_eq!(json["parking"][0]["author"], "Zephyrine Quill");
        assert_eq!(json["decisions"][0]["text"], DECIDED);

        let csv = render(Format::Csv, &data);
        let delimiter = if lang == Lang::Fr { b';' } else { b',' };
        let mut rows = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        let parked: Vec<_> = rows.iter().filter(|r| &r[7] == "1").collect();
        assert_eq!(parked.len(), 1);
        assert_eq!(&parked[0][4], PARKED);
        assert!(rows.iter().any(|r| &r[4] == DECIDED));
    }
}

#[test]
fn the_bundle_carries_the_parking_lot_and_the_decisions() {
    let (_d, mut store) = common::temp_store();
    let (id, _) = anonymous_session(&mut store, Lang::En);
    let data = store.load(id).unwrap();
    let file = _d.path().join("session.json");
    std::fs::write(&file, render(Format::Bundle, &data)).unwrap();
    let (_d2, mut other) = common::temp_store();
    let catalog = atelier::templates::Catalog::built_in();
    let again = atelier::bundle::import_file(&mut other, &catalog, &file).unwrap();
    let back = other.load(again).unwrap();
    assert_eq!(back.decisions, data.decisions);
    assert_eq!(back.parked().len(), 1);
    assert_eq!(back.parked()[0], data.parked()[0]);
}

#[test]
fn a_decision_taken_back_stays_in_the_bundle_only() {
    use atelier::commands::{apply, Command};
    let (_d, mut store) = common::temp_store();
    let (id, _) = anonymous_session(&mut store, Lang::En);
    let decide = Command::Decide {
        text: "Undone by mistake".into(),
    };
    let out = apply(&mut store, id, &decide).unwrap();
    apply(&mut store, id, &out.inverse).unwrap();
    let data = store.load(id).unwrap();
    for format in Format::REPORTS {
        let Some(text) = common::pdf::report_text(format, &data) else {
            continue;
        };
        assert!(!text.contains("Undone by mistake"), "{format:?}");
        assert!(text.contains(DECIDED), "{format:?} keeps the others");
    }
    assert!(render(Format::Bundle, &data).contains("Undone by mistake"));
}

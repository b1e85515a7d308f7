//! French typography in the formats people read: the space before
//! `? ! ; :` and inside « » never ends a line (a no-break space); the data
//! formats and the bundle keep the text as typed; English is unchanged.

use crate::common;
use atelier::model::{Kind, Lang};
use atelier::report::{render, Format};

const TYPED: &str = "Pour tous les agents ? Oui ! Voir « ici » : fin";
const READ: &str = "Pour tous les agents\u{202F}? Oui\u{202F}! Voir «\u{A0}ici\u{A0}»\u{A0}: fin";

fn session(lang: Lang) -> atelier::model::SessionData {
    let (_dir, mut store) = common::temp_store();
    let id = common::new_session_in(&mut store, &["Ana"], lang);
    let stage = store.stages(id).unwrap()[1].id;
    common::add_item(&mut store, stage, Kind::Observation, TYPED);
    store.load(id).unwrap()
}

#[test]
fn french_reports_glue_the_space_before_punctuation() {
    let data = session(Lang::Fr);
    for format in [Format::Markdown, Format::Html, Format::Odt, Format::Pdf] {
        let text = render(format, &data);
        assert!(text.contains(READ), "{format:?} lacks the no-break spaces");
        assert!(
            !text.contains("agents ?"),
            "{format:?} keeps a breakable space"
        );
    }
}

#[test]
fn data_formats_and_the_bundle_keep_the_text_as_typed() {
    let data = session(Lang::Fr);
    for format in [Format::Csv, Format::Json, Format::Bundle] {
        let text = render(format, &data);
        assert!(text.contains(TYPED), "{format:?} changed the stored text");
        assert!(!text.contains('\u{202F}'), "{format:?}");
    }
}

#[test]
fn english_reports_are_unchanged() {
    let data = session(Lang::En);
    for format in [Format::Markdown, Format::Html, Format::Odt, Format::Pdf] {
        let text = render(format, &data);
        assert!(!text.contains('\u{202F}'), "{format:?}");
        assert!(!text.contains('\u{A0}'), "{format:?}");
    }
}

/// The event report follows the same rule: its formats people read get
/// the typography (the ateliers' texts and the event's own name), its CSV
/// and JSON keep the stored text.
#[test]
fn event_reports_follow_the_same_rule() {
    use atelier::report::event::{render as render_event, EventReport};
    let mut data = session(Lang::Fr);
    data.session.question = TYPED.to_string();
    for format in [Format::Markdown, Format::Html, Format::Odt, Format::Pdf] {
        let r = EventReport::for_format(TYPED, [data.clone()], Default::default(), format);
        let text = render_event(format, &r);
        assert!(text.contains(READ), "{format:?} lacks the no-break spaces");
        assert!(
            !text.contains("agents ?"),
            "{format:?} keeps a breakable space"
        );
    }
    for format in [Format::Csv, Format::Json] {
        let r = EventReport::for_format(TYPED, [data.clone()], Default::default(), format);
        let text = render_event(format, &r);
        assert!(text.contains(TYPED), "{format:?} changed the stored text");
        assert!(!text.contains('\u{202F}'), "{format:?}");
    }
}

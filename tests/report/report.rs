use crate::common;

use atelier::model::{Kind, SessionData};
use atelier::report::{render, Format};
use atelier::store::NewContribution;

/// The OCR slips of the seed notes, corrected as in the sample session.
const OCR_FIXES: &[(&str, &str)] = &[
    ("¢a", "ça"),
    ("I'ensemble", "l'ensemble"),
    ("gqch", "qqch"),
    ("empéché", "empêché"),
    ("lié a la", "lié à la"),
    ("rattacher a un", "rattacher à un"),
    ("a partir", "à partir"),
    ("A inclure", "À inclure"),
    ("informel a distance", "informel à distance"),
    ("= a creuser", "= à creuser"),
    ("Idées a creuser", "Idées à creuser"),
    ("(a la fois", "(à la fois"),
];

/// Lines of the notes that are headings of the notes themselves; the
/// report has its own.
const HEADINGS: &[&str] = &[
    "Synthese",
    "Porteuse",
    "Participants",
    "Question",
    "Eléments importants de la discussion",
    "Idées à creuser",
    "3 grandes briques",
];

/// Labels the notes put before a text; in the sample they became kinds.
const LABELS: &[&str] = &[
    "contexte/origine :",
    "constat :",
    "ressource :",
    "proposition :",
];

/// Lowercase words only: compares content, not punctuation or markup.
fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn markdown_report_of_the_sample_holds_every_seed_line() {
    let data = common::sample_data();
    let report = words(&render(Format::Markdown, &data));
    let mut notes = include_str!("../fixtures/seed-notes.txt").to_string();
    for (slip, fix) in OCR_FIXES {
        notes = notes.replace(slip, fix);
    }
    let mut checked = 0;
    for line in notes.lines() {
        let mut line = line.trim().trim_start_matches(['«', '»', '*', '-']).trim();
        if line.is_empty() || HEADINGS.contains(&line) {
            continue;
        }
        for label in LABELS {
            line = line.strip_prefix(label).unwrap_or(line).trim();
        }
        let w = words(line);
        assert!(
            report.contains(&w),
            "the report lacks the seed line: {line}"
        );
        checked += 1;
    }
    assert!(checked > 50, "only {checked} lines checked");
}

#[test]
fn markdown_report_follows_the_seed_structure_in_french() {
    let md = render(Format::Markdown, &common::sample_data());
    let order = [
        "# Atelier 5 - Emergence - Session 1",
        // French typography: a no-break space before the colon.
        "**Responsable**\u{a0}: Florence Mensah",
        "**Participants**",
        "- Martin PREAUD",
        "## Question",
        "## Synthèse",
        "**3 grandes briques**",
        "**Proposition**",
        "## Éléments importants de la discussion",
        "### Constats",
        "### Enjeux",
        "## Idées à creuser",
        "    - valeurs/postures",
        "## Ressources",
        "## Annexe\u{a0}: Statistiques",
        "## Annexe\u{a0}: Journal chronologique",
        "*Compte rendu généré par Atelier*",
    ];
    let mut from = 0;
    for needle in order {
        let at = md[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("missing or out of order: {needle}"));
        from += at;
    }
}

fn hostile_session() -> SessionData {
    let (_d, mut store, id) = common::sample_store();
    let stage = store.stages(id).unwrap()[1].id;
    for text in [
        "<script>alert('x')</script>",
        "\" onmouseover=\"alert(1)",
        "<img src=x onerror=alert(2)>",
        "=HYPERLINK(\"http://evil\")",
        "+1+1",
        "-2",
        "@SUM(A1)",
        " =1+1",
        "\u{200b}=1+1",
        "\u{feff}@SUM(A1)",
        "\u{a0}+1",
        "\u{3000}-1",
        "\n=1",
        "＝1+1",
    ] {
        store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: None,
                kind: Kind::Observation,
                text: text.into(),
                parent_id: None,
                group: None,
                anonymous: false,
                origin: atelier::model::Origin::Facilitator,
            })
            .unwrap();
    }
    let mut s = store.session(id).unwrap();
    s.title = "<b>Title</b> & \"quotes\"".into();
    store.update_session(&s).unwrap();
    store.load(id).unwrap()
}

#[test]
fn html_escapes_scripts_and_attribute_injection() {
    let html = render(Format::Html, &hostile_session());
    assert!(!html.contains("<script>"), "raw script tag in report");
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("\" onmouseover=\""));
    assert!(!html.contains("<img"));
    assert!(
        html.contains("&lt;b&gt;Title&lt;&#x2f;b&gt; &amp; &quot;quotes&quot;"),
        "title escaped"
    );
    // Self-contained: no external request.
    for tag in ["<link", "<img", "<script", "<iframe", "@import"] {
        assert!(!html.contains(tag), "{tag} in report");
    }
    assert!(html.contains("<style>"));
}

#[test]
fn markdown_escapes_raw_html() {
    let md = render(Format::Markdown, &hostile_session());
    // Every `<` typed by a participant is an entity, which every Markdown
    // renderer honours, so none can read it as a tag.
    assert!(!md.contains('<'), "unescaped <");
    assert!(md.contains("&lt;script>"));
}

/// Parses a CSV export back the way a program would: BOM and all.
fn csv_rows(csv: &str, delimiter: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (headers, rows)
}

#[test]
fn csv_neutralises_formulas() {
    let csv = render(Format::Csv, &hostile_session());
    let (_, rows) = csv_rows(&csv, b';');
    let texts: Vec<&str> = rows.iter().map(|r| r.get(4).unwrap()).collect();
    for t in &texts {
        assert!(
            !t.trim_start().starts_with(['=', '+', '-', '@', '＝']),
            "formula left live: {t}"
        );
    }
    for cell in [
        "'=HYPERLINK(\"http://evil\")",
        "'@SUM(A1)",
        "' =1+1",
        "'\u{200b}=1+1",
        "'\u{feff}@SUM(A1)",
        "'\u{a0}+1",
        "'\u{3000}-1",
        "'\n=1",
        "'＝1+1",
    ] {
        assert!(texts.contains(&cell), "{cell:?} not neutralised");
    }
    assert_eq!(texts.len(), 26 + 14);
}

#[test]
fn csv_has_one_row_per_contribution_with_parent_ids() {
    let data = common::sample_data();
    let csv = render(Format::Csv, &data);
    let (headers, rows) = csv_rows(&csv, b';');
    assert_eq!(
        headers,
        [
            "ID",
            "Étape",
            "Type",
            "Participant",
            "Texte",
            "ID parent",
            "Saisi le",
            "Au parking",
            "Thème",
            "Points",
            "Répond à",
            "Équipe",
            "Provenance"
        ]
    );
    assert_eq!(rows.len(), data.live().count());
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    let children: Vec<_> = rows.iter().filter(|r| !r[5].is_empty()).collect();
    assert!(children.len() >= 9);
    for child in children {
        let parent = ids.iter().position(|id| *id == &child[5]).unwrap();
        let at = ids.iter().position(|id| *id == &child[0]).unwrap();
        assert!(parent < at, "a parent comes before its sub-points");
    }
}

#[test]
fn csv_opens_right_in_a_french_or_english_spreadsheet() {
    let mut data = common::sample_data();
    let fr = render(Format::Csv, &data);
    assert!(fr.starts_with("\u{feff}ID;Étape;"), "BOM and `;` in French");
    assert!(fr.contains("\r\n"));
    let (_, rows) = csv_rows(&fr, b';');
    let first = data.live().next().unwrap();
    let local = first.created_at.with_timezone(&chrono::Local);
    assert_eq!(&rows[0][6], local.format("%d/%m/%Y %H:%M").to_string());
    assert_eq!(&rows[0][1], "Question");
    assert_eq!(&rows[0][2], "Contexte");

    data.session.language = atelier::model::Lang::En;
    let en = render(Format::Csv, &data);
    assert!(en.starts_with(
        "\u{feff}ID,Stage,Kind,Participant,Text,Parent ID,Recorded at,Parked,Theme,Votes,Answers,Team,Origin\r\n"
    ));
    let (_, rows) = csv_rows(&en, b',');
    assert_eq!(rows.len(), data.live().count());
    assert_eq!(&rows[0][6], local.format("%Y-%m-%d %H:%M").to_string());
    assert_eq!(&rows[0][2], "Context");
}

#[test]
fn english_session_gets_english_labels() {
    let mut data = common::sample_data();
    data.session.language = atelier::model::Lang::En;
    let md = render(Format::Markdown, &data);
    assert!(md.contains("## Ideas to explore"));
    assert!(md.contains("3 building blocks"));
    assert!(md.contains("10 June 2021"));
}

use atelier::model::{Contribution, Lang, MAX_DEPTH};
use atelier::report::{Item, Report};
use common::private::{anonymous_session, SAID};

#[test]
fn anonymous_reports_show_no_name_note_deletion_or_revision() {
    for lang in Lang::ALL {
        let (_d, mut store) = common::temp_store();
        let (id, secrets) = anonymous_session(&mut store, lang);
        let data = store.load(id).unwrap();
        // Through the bundle as well: what an imported archive reports.
        let (_d2, mut other) = common::temp_store();
        let file = _d2.path().join("session.json");
        std::fs::write(&file, render(Format::Bundle, &data)).unwrap();
        let again = atelier::bundle::import_file(
            &mut other,
            &atelier::templates::Catalog::built_in(),
            &file,
        )
        .unwrap();
        for data in [data, other.load(again).unwrap()] {
            for format in Format::REPORTS {
                let Some(text) = common::pdf::report_text(format, &data) else {
                    continue;
                };
                let what = format!("{format:?} in {lang:?}");
                secrets.assert_none_in(&text, &what);
                for said in SAID {
                    assert!(text.contains(said), "{what} lacks \"{said}\"");
                }
                assert!(text.contains("Participant 2"), "{what} numbers people");
            }
        }
    }
}

#[test]
fn the_bundle_keeps_everything() {
    let (_d, mut store) = common::temp_store();
    let (id, secrets) = anonymous_session(&mut store, Lang::En);
    let bundle = render(Format::Bundle, &store.load(id).unwrap());
    for secret in secrets.all() {
        assert!(bundle.contains(secret), "the bundle lacks \"{secret}\"");
    }
}

fn authors(items: &[Item]) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut stack: Vec<&Item> = items.iter().rev().collect();
    while let Some(item) = stack.pop() {
        out.push((item.text.clone(), item.author.clone()));
        stack.extend(item.children.iter().rev());
    }
    out
}

fn counts(r: &Report) -> Vec<(String, usize)> {
    let rows = &r.stats.by_participant;
    rows.iter().map(|c| (c.label.clone(), c.count)).collect()
}

#[test]
fn removed_participants_keep_their_pseudonym_and_their_row() {
    let (_d, mut store) = common::temp_store();
    let (id, _) = anonymous_session(&mut store, Lang::En);
    let mut data = store.load(id).unwrap();
    // Per-person counts, which reports keep for the facilitator unless shown.
    data.session.report.person_stats = atelier::model::PersonStats::Show;
    let r = Report::build(&data);
    let said = authors(&r.discussion[0].items);
    let texts: Vec<&str> = said.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, SAID[..4]);
    let who: Vec<&str> = said.iter().map(|(_, a)| a.as_deref().unwrap()).collect();
    // Three people, three pseudonyms; the removed one (SAID[2]) keeps hers.
    assert!(who.iter().all(|a| a.starts_with("Participant ")), "{who:?}");
    assert_eq!(who[1], who[3], "the same person, the same pseudonym");
    assert!(who[0] != who[1] && who[0] != who[2] && who[1] != who[2]);
    assert_eq!(
        r.anonymous_note.as_deref(),
        Some("2 participants (anonymous session)")
    );
    // One row per pseudonym, in their order: no "Former participants" row
    // singles the removed person out.
    let rows = counts(&r);
    let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["Participant 1", "Participant 2", "Participant 3"]);
    let count_of = |who: &str| rows.iter().find(|(l, _)| l == who).unwrap().1;
    assert_eq!(
        (count_of(who[0]), count_of(who[1]), count_of(who[2])),
        (1, 2, 1)
    );
    assert_eq!(r.stats.total, 4, "the deleted remark is not counted");

    // Named.
    data.session.anonymity = atelier::model::Anonymity::Named;
    let r = Report::build(&data);
    let said = authors(&r.discussion[0].items);
    // Removed from the roster (which may mean withdrawn): what they said
    // stays, without their name, and is counted with the former ones.
    assert_eq!(
        said[2],
        (SAID[2].into(), Some("a former participant".into()))
    );
    for format in Format::REPORTS {
        if let Some(text) = common::pdf::report_text(format, &data) {
            assert!(!text.contains("Bartholomew"), "{format:?}");
            assert!(text.contains(SAID[2]), "{format:?}");
        }
    }
    assert_eq!(r.participants.len(), 2);
    // Each person's count is in the participation table; the counts per
    // participant keep what no one present said.
    let ottoline = r
        .participation
        .bars
        .iter()
        .find(|b| b.label == "Ottoline Vasquez");
    assert_eq!(ottoline.map(|b| b.count), Some(2));
    assert_eq!(counts(&r), [("Former participants".into(), 1)]);
}

#[test]
fn nesting_deeper_than_the_limit_is_flattened_onto_the_last_level() {
    let mut data = common::sample_data();
    let top = data.contributions[0].clone();
    let mut parent = top.id;
    for i in 0..MAX_DEPTH + 8 {
        let c = Contribution {
            id: atelier::model::new_id(),
            parent_id: Some(parent),
            text: format!("level {}", i + 1),
            revisions: Vec::new(),
            ..top.clone()
        };
        parent = c.id;
        data.contributions.push(c);
    }
    let r = Report::build(&data);
    let mut item = &r.discussion[0].items[0];
    let mut depth = 0;
    while let Some(child) = item.children.first() {
        item = child;
        depth += 1;
    }
    assert_eq!(depth, MAX_DEPTH, "nothing sits deeper than MAX_DEPTH");
    let last: Vec<&str> = {
        let mut item = &r.discussion[0].items[0];
        for _ in 0..MAX_DEPTH - 1 {
            item = &item.children[0];
        }
        item.children.iter().map(|c| c.text.as_str()).collect()
    };
    let expected: Vec<String> = (MAX_DEPTH..=MAX_DEPTH + 8)
        .map(|i| format!("level {i}"))
        .collect();
    assert_eq!(
        last, expected,
        "deeper items follow in order on the last level"
    );
    let csv = render(Format::Csv, &data);
    assert!(csv.contains("level 20"));
}

#[test]
fn the_lead_field_can_name_the_role_every_format_shows() {
    let mut data = common::sample_data();
    data.session.lead = "Porteuse : Florence Mensah".into();
    let md = render(Format::Markdown, &data);
    assert!(md.contains("**Porteuse**\u{a0}: Florence Mensah"), "{md}");
    assert!(!md.contains("Responsable"));
    let html = render(Format::Html, &data);
    assert!(html.contains("<strong>Porteuse</strong>\u{a0}: Florence Mensah"));
    data.session.lead = "Florence Mensah".into();
    let md = render(Format::Markdown, &data);
    assert!(md.contains("**Responsable**\u{a0}: Florence Mensah"));
}

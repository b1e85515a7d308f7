mod common;

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
    let mut notes = include_str!("fixtures/seed-notes.txt").to_string();
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
        "## Question",
        "## Synthèse",
        "**3 grandes briques**",
        "**Proposition**",
        "## Porteur·se",
        "## Participants",
        "## Éléments importants de la discussion",
        "### Constats",
        "### Enjeux",
        "## Idées à creuser",
        "    - valeurs/postures",
        "## Ressources",
        "## Statistiques",
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
    ] {
        store
            .add_contribution(&NewContribution {
                stage_id: stage,
                participant_id: None,
                kind: Kind::Observation,
                text: text.into(),
                parent_id: None,
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

#[test]
fn csv_neutralises_formulas() {
    let csv = render(Format::Csv, &hostile_session());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let texts: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().get(4).unwrap().to_string())
        .collect();
    for t in &texts {
        assert!(
            !t.starts_with(['=', '+', '-', '@']),
            "formula left live: {t}"
        );
    }
    assert!(texts.contains(&"'=HYPERLINK(\"http://evil\")".to_string()));
    assert!(texts.contains(&"'@SUM(A1)".to_string()));
    assert_eq!(texts.len(), 26 + 7);
}

#[test]
fn csv_has_one_row_per_contribution_with_parent_ids() {
    let data = common::sample_data();
    let csv = render(Format::Csv, &data);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "stage",
            "kind",
            "participant",
            "text",
            "parent_id",
            "created_at"
        ]
    );
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), data.live().count());
    assert!(rows.iter().filter(|r| !r[5].is_empty()).count() >= 9);
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

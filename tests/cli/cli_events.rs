//! `atelier event list` and `atelier event report` through the real
//! binary: three ateliers of one event, each run on its own laptop (its
//! own database), exported as bundles and imported by the organiser into
//! a fourth database, give one event report.

use crate::common;

use atelier::model::{Anonymity, BuildingBlock, Synthesis};
use atelier::store::Store;
use common::{atelier, stdout};
use tempfile::TempDir;

/// One lead's laptop: what their atelier said.
struct Atelier {
    title: &'static str,
    date: &'static str,
    lead: &'static str,
    question: &'static str,
    people: &'static [&'static str],
    anonymous: bool,
    /// (text, who) of each action.
    actions: &'static [(&'static str, &'static str)],
    block: &'static str,
    proposal: &'static str,
    /// (participant, text) of each idea.
    ideas: &'static [(&'static str, &'static str)],
}

const ATELIERS: [Atelier; 3] = [
    Atelier {
        title: "Atelier 5 – Emergence session 1",
        date: "2021-06-10",
        lead: "Porteuse : Florence Mensah",
        question: "Comment faire émerger la coopération ?",
        people: &["Ana Lopez", "Bo Chen", "Chloé Martin"],
        anonymous: false,
        actions: &[
            ("Écrire la charte", "Ana Lopez"),
            ("Réserver la salle", "Mairie"),
        ],
        block: "Confiance",
        proposal: "Un conseil des habitants chaque mois",
        ideas: &[
            ("Ana Lopez", "Des repas partagés"),
            ("Bo Chen", "Un troc de graines"),
        ],
    },
    Atelier {
        title: "Atelier 6 – Jardins",
        date: "2021-06-11",
        lead: "Denis Okafor",
        question: "Which gardens should we open first?",
        people: &["Eve Adams", "Farid Haddad"],
        anonymous: false,
        actions: &[("Map the plots", "Eve Adams")],
        block: "Soil",
        proposal: "Open the school garden in September",
        ideas: &[("Farid Haddad", "A seed library")],
    },
    Atelier {
        title: "Atelier 7 – Parole libre",
        date: "2021-06-12",
        lead: "Gaëlle Roux",
        question: "Qu'est-ce qui nous empêche de parler ?",
        people: &[
            "Zoé Secretname",
            "Yann Hiddenperson",
            "Xavier Unseen",
            "Wanda Private",
        ],
        anonymous: true,
        actions: &[("Créer une boîte à idées", "Zoé Secretname")],
        block: "Sécurité",
        proposal: "Une boîte à idées anonyme dans le hall",
        ideas: &[
            ("Zoé Secretname", "Parler sans être jugé"),
            ("Yann Hiddenperson", "Des tours de parole"),
        ],
    },
];

/// Runs `a` on a laptop of its own; returns its exported bundle's path.
fn run_on_a_laptop(a: &Atelier, out: &std::path::Path) -> std::path::PathBuf {
    let laptop = tempfile::tempdir().unwrap();
    let mut new = vec![
        "--lang",
        "fr",
        "new",
        "--title",
        a.title,
        "--question",
        a.question,
    ];
    new.extend(["--event", "Emergence", "--lead", a.lead, "--date", a.date]);
    for p in a.people {
        new.extend(["--participant", p]);
    }
    let id = stdout(atelier(&laptop).args(&new)).trim().to_string();
    for (who, text) in a.ideas {
        let add = ["add", &id, "--stage", "idees", "--participant", who, text];
        stdout(atelier(&laptop).args(add));
    }
    for (text, who) in a.actions {
        stdout(atelier(&laptop).args(["action", "add", &id, text, "--who", who]));
    }
    {
        let mut store = Store::open(&laptop.path().join("db.sqlite3")).unwrap();
        let sid = store.resolve_session(&id).unwrap();
        let synthesis = Synthesis {
            text: format!("Synthèse de {}", a.title),
            blocks: vec![BuildingBlock {
                title: a.block.to_string(),
                text: "ce qui tient".to_string(),
                sources: Vec::new(),
            }],
            proposal: a.proposal.to_string(),
            ..Default::default()
        };
        store.save_synthesis(sid, &synthesis).unwrap();
        if a.anonymous {
            let mut session = store.session(sid).unwrap();
            session.anonymity = Anonymity::Anonymous;
            store.update_session(&session).unwrap();
        }
    }
    let file = out.join(format!("{id}.json"));
    let export = ["export", &id, "--format", "bundle", "--out"];
    stdout(atelier(&laptop).args(export).arg(&file));
    file
}

/// The organiser's database, holding the three ateliers.
fn organiser() -> TempDir {
    let bundles = tempfile::tempdir().unwrap();
    let files: Vec<_> = ATELIERS
        .iter()
        .map(|a| run_on_a_laptop(a, bundles.path()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let imported = stdout(atelier(&dir).arg("import").args(&files));
    assert_eq!(imported.lines().count(), 3, "{imported}");
    dir
}

/// A text as the event's Markdown prints it: a French report's space
/// before `? ! ; :` is a no-break one (`report::typography`).
fn read(text: &str) -> String {
    text.replace(" ?", "\u{202F}?")
        .replace(" !", "\u{202F}!")
        .replace(" ;", "\u{202F};")
        .replace(" :", "\u{A0}:")
}

fn event_report(dir: &TempDir, format: &str) -> String {
    stdout(atelier(dir).args(["event", "report", "Emergence", "--format", format]))
}

/// Names the anonymous atelier's people: none may appear anywhere.
fn assert_no_anonymous_name(what: &str, doc: &str) {
    for a in ATELIERS.iter().filter(|a| a.anonymous) {
        for name in a.people {
            for part in name.split(' ') {
                assert!(!doc.contains(part), "{what} names {part:?}:\n{doc}");
            }
        }
    }
}

#[test]
fn three_ateliers_from_three_databases_give_one_event_report() {
    let dir = organiser();
    let md = event_report(&dir, "md");
    assert!(md.starts_with("# Emergence\n"), "{md}");
    assert!(md.contains("10 juin 2021 – 12 juin 2021"), "{md}");
    let positions: Vec<usize> = ATELIERS
        .iter()
        .map(|a| md.find(&format!("### {}", a.title)).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "date order: {md}"
    );
    for a in &ATELIERS {
        // None of these texts holds a character Markdown escapes.
        assert!(md.contains(&read(a.question)), "question of {}", a.title);
        assert!(md.contains(&read(a.proposal)), "proposal of {}", a.title);
        assert!(md.contains(&read(a.block)), "block of {}", a.title);
        for (text, _) in a.actions {
            let row = md.lines().find(|l| l.contains(text));
            let row = row.unwrap_or_else(|| panic!("action {text:?} in\n{md}"));
            assert!(row.starts_with(&format!("| {} |", a.title)), "{row}");
        }
    }
    // The named ateliers' owners by name; the anonymous one's, not.
    assert!(
        md.contains("| Ana Lopez |") && md.contains("| Mairie |"),
        "{md}"
    );
    assert!(md.contains("| une personne participante |") || md.contains("| a participant |"));
    // The anonymous atelier's lead is not named either (its report's
    // cover gives counts only).
    assert!(
        md.contains("Florence Mensah") && !md.contains("Gaëlle Roux"),
        "leads"
    );
    let total = |label: &str| {
        let row = md.lines().find(|l| l.starts_with(&format!("| {label} |")));
        let row = row.unwrap_or_else(|| panic!("no {label} row in\n{md}"));
        row.trim_end_matches(" |")
            .rsplit(' ')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(total("Ateliers"), "3");
    assert_eq!(total("Participants (additionnés sur les ateliers)"), "9");
    assert_eq!(total("Contributions"), "5");
    assert_eq!(total("Actions"), "4");
    assert!(md.contains("| à faire | 4 |"), "actions by status: {md}");
    assert_no_anonymous_name("Markdown", &md);

    let html = event_report(&dir, "html");
    assert_no_anonymous_name("HTML", &html);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(page.select(&select("script")).count(), 0);
    let sections: Vec<String> = page
        .select(&select("section.atelier h2"))
        .map(|h| h.text().collect())
        .collect();
    let titles: Vec<&str> = ATELIERS.iter().map(|a| a.title).collect();
    assert_eq!(sections, titles);
    let rows = page.select(&select("section.actions tbody tr")).count();
    assert_eq!(rows, 4);
    let text: String = page.root_element().text().collect();
    for a in &ATELIERS {
        assert!(
            text.contains(&read(a.question)) && text.contains(&read(a.proposal)),
            "{}",
            a.title
        );
    }
    printed_as_pdf(&dir);
    printed_as_odt(&dir);
}

/// The event report written with `--out` in `format`, as its bytes.
fn event_file(dir: &TempDir, format: &str) -> Vec<u8> {
    let file = dir.path().join(format!("event.{format}"));
    let args = ["event", "report", "Emergence", "--format", format, "--out"];
    let shown = stdout(atelier(dir).args(args).arg(&file));
    assert_eq!(shown.trim(), file.display().to_string());
    std::fs::read(&file).unwrap()
}

/// The PDF read back by poppler: every question, building block,
/// proposal and action on its pages (lines the PDF wrapped joined again),
/// the actions' table header on each page it continues on.
fn printed_as_pdf(dir: &TempDir) {
    let pdf = event_file(dir, "pdf");
    let Some(pages) = common::pdf::pages(&pdf) else {
        return;
    };
    let text = pages.concat();
    assert_no_anonymous_name("PDF", &text);
    let flat = common::pdf::squeezed(&text);
    assert!(text.starts_with("Emergence"), "{text}");
    assert!(text.contains("10 juin 2021 – 12 juin 2021"), "{text}");
    for a in &ATELIERS {
        for shown in [a.title, a.question, a.block, a.proposal] {
            let shown = common::pdf::squeezed(shown);
            assert!(flat.contains(&shown), "PDF misses {shown:?}:\n{text}");
        }
        for (action, _) in a.actions {
            let action = common::pdf::squeezed(action);
            assert!(flat.contains(&action), "PDF misses {action:?}:\n{text}");
        }
    }
    assert!(flat.contains("Florence") && !flat.contains("GaëlleRoux"));
    assert!(text.contains("Statistiques sur l'ensemble des ateliers"));
    // Each page the action table is on starts it with its column headings.
    for page in &pages {
        let squeezed = common::pdf::squeezed(page);
        let has_action = ATELIERS
            .iter()
            .flat_map(|a| a.actions)
            .any(|(action, _)| squeezed.contains(&common::pdf::squeezed(action)));
        if has_action {
            assert!(page.contains("Échéance") && page.contains("Quoi"), "{page}");
        }
    }
}

/// The ODT's `content.xml` read by roxmltree: every question, building
/// block and proposal in a paragraph, every action in a row of the
/// actions table beside its atelier.
fn printed_as_odt(dir: &TempDir) {
    use std::io::Read;
    let package = event_file(dir, "odt");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut mimetype = String::new();
    let mut first = zip.by_index(0).unwrap();
    assert_eq!(first.name().unwrap(), "mimetype");
    first.read_to_string(&mut mimetype).unwrap();
    drop(first);
    assert_eq!(mimetype, "application/vnd.oasis.opendocument.text");
    let mut content = String::new();
    let mut entry = zip.by_name("content.xml").unwrap();
    entry.read_to_string(&mut content).unwrap();
    let doc = roxmltree::Document::parse(&content).unwrap();
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect::<String>()
    };
    let paragraphs: Vec<String> = doc
        .descendants()
        .filter(|n| matches!(n.tag_name().name(), "p" | "h"))
        .map(text_of)
        .collect();
    let all = paragraphs.join("\n");
    assert_no_anonymous_name("ODT", &all);
    assert_eq!(paragraphs[0], "Emergence");
    let headings: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "h")
        .map(text_of)
        .collect();
    for a in &ATELIERS {
        assert!(headings.iter().any(|h| h == a.title), "{headings:?}");
        for shown in [a.question, a.block, a.proposal] {
            assert!(
                paragraphs.iter().any(|p| p.contains(&read(shown))),
                "ODT misses {shown:?}:\n{all}"
            );
        }
    }
    let table = doc
        .descendants()
        .find(|n| n.tag_name().name() == "table" && n.attributes().any(|a| a.value() == "Actions"))
        .expect("the actions table");
    let rows: Vec<Vec<String>> = table
        .descendants()
        .filter(|n| n.tag_name().name() == "table-row")
        .map(|row| {
            row.children()
                .filter(|c| c.is_element())
                .map(text_of)
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 5, "a heading row and four actions: {rows:?}");
    for a in &ATELIERS {
        for (action, _) in a.actions {
            let row = rows.iter().find(|r| r[1] == *action);
            let row = row.unwrap_or_else(|| panic!("action {action:?} in {rows:?}"));
            assert_eq!(row[0], a.title);
        }
    }
}

#[test]
fn event_report_escapes_what_the_ateliers_typed() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<script>alert(1)</script> & <b>bold</b>";
    let args = [
        "new",
        "--title",
        hostile,
        "--question",
        hostile,
        "--event",
        "Emergence",
    ];
    let id = stdout(atelier(&dir).args(args)).trim().to_string();
    stdout(atelier(&dir).args(["action", "add", &id, "=HYPERLINK(\"x\")"]));
    let html = event_report(&dir, "html");
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert_eq!(page.select(&select("script")).count(), 0);
    assert_eq!(page.select(&select("b")).count(), 0);
    let h2: String = page
        .select(&select("section.atelier h2"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(h2, hostile, "shown as text");
    let csv = event_report(&dir, "csv");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&event_report(&dir, "json")).unwrap();
    assert_eq!(json["format"], "atelier.event_report");
    assert_eq!(json["ateliers"][0]["question"], hostile);
}

#[test]
fn an_unknown_event_names_the_close_ones() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "new",
        "--title",
        "T",
        "--question",
        "Q",
        "--event",
        "Émergence",
    ];
    stdout(atelier(&dir).args(args));
    for typed in ["Emergence", "émergence", "Emergense"] {
        let err = atelier(&dir)
            .args(["event", "report", typed])
            .assert()
            .failure();
        let err = String::from_utf8(err.get_output().stderr.clone()).unwrap();
        assert!(
            err.contains("did you mean: \"Émergence\""),
            "{typed}: {err}"
        );
    }
    let err = atelier(&dir)
        .args(["event", "report", "Autre"])
        .assert()
        .failure();
    let err = String::from_utf8(err.get_output().stderr.clone()).unwrap();
    assert!(err.contains("events: \"Émergence\""), "{err}");
}

#[test]
fn event_list_groups_sessions_under_their_event_in_aligned_columns() {
    let dir = organiser();
    let args = [
        "new",
        "--title",
        "Sans suite",
        "--question",
        "Q",
        "--date",
        "2021-07-01",
    ];
    stdout(atelier(&dir).args(args));
    let list = stdout(atelier(&dir).args(["event", "list"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[0], "Emergence · 3 ateliers", "{list}");
    assert!(
        lines[1].contains("Atelier 5") && lines[3].contains("Atelier 7"),
        "{list}"
    );
    assert_eq!(lines[5], "(no event) · 1 atelier", "{list}");
    // Columns line up by display width: the lead column starts at the
    // same column on every row, whatever the titles' characters.
    use unicode_width::UnicodeWidthStr;
    let lead_column = |line: &str, lead: &str| line[..line.find(lead).unwrap()].width();
    let columns = [
        lead_column(lines[1], "Porteuse"),
        lead_column(lines[2], "Denis"),
        lead_column(lines[3], "Gaëlle"),
    ];
    assert!(columns.iter().all(|c| *c == columns[0]), "{list}");
    let json = stdout(atelier(&dir).args(["event", "list", "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["event"], "Emergence");
    assert_eq!(json[0]["sessions"].as_array().unwrap().len(), 3);
    assert_eq!(json[0]["sessions"][2]["participants"], 4);
    assert_eq!(json[1]["event"], serde_json::Value::Null);
}

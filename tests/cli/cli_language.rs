//! No English left in a French session's files and messages: the CSV's
//! provenance, the anonymised-bundle refusal, a remark's section, chart
//! titles' counts.

use crate::common::{self, atelier, stdout};
use atelier::model::Lang;

fn imported() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    atelier(&dir)
        .arg("import")
        .arg(common::sample_path())
        .assert()
        .success();
    dir
}

#[test]
fn the_csv_provenance_is_in_the_sessions_language() {
    let dir = imported();
    let csv = stdout(atelier(&dir).args(["export", "latest", "--format", "csv"]));
    let table = common::CsvTable::parse(&csv, Lang::Fr);
    let column = table.column("Provenance");
    let origins: Vec<&str> = table.rows.iter().map(|r| r[column].as_str()).collect();
    assert!(origins.contains(&"animation"), "{origins:?}");
    assert!(!origins.contains(&"facilitator"), "{origins:?}");
}

#[test]
fn the_anonymised_bundle_is_refused_in_the_ui_language_naming_every_format() {
    let dir = imported();
    for (lang, listed) in [
        ("fr", "md, html, csv, json, odt ou pdf"),
        ("en", "md, html, csv, json, odt or pdf"),
    ] {
        let out = atelier(&dir)
            .args([
                "--lang",
                lang,
                "export",
                "latest",
                "--format",
                "bundle",
                "--anonymise",
            ])
            .output()
            .unwrap();
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(listed), "{lang}: {stderr}");
    }
    let out = atelier(&dir)
        .args(["--lang", "fr", "export", "latest", "--format", "docx"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("md, html, csv, json, odt, pdf ou bundle"),
        "{stderr}"
    );
}

#[test]
fn a_remarks_section_is_named_in_the_ui_language() {
    let dir = imported();
    stdout(atelier(&dir).args(["review", "latest", "publish"]));
    let remark = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "Marc",
    ];
    stdout(
        atelier(&dir)
            .args(remark)
            .args(["--item", "synthesis", "Trop long"]),
    );
    let list = stdout(atelier(&dir).args(["--lang", "fr", "review", "latest", "list"]));
    assert!(list.contains("[Synthèse]"), "{list}");
    assert!(!list.contains("[synthesis]"), "{list}");
}

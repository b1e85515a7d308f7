//! `atelier import` and `atelier conflicts` print a conflict's texts on one
//! line each: a newline inside a bundle's text must not print lines of its
//! own (a forged conflict, with an id the organiser would then settle).

use crate::common::{self, atelier};

const FORGED: &str = "ffffffff \n  conflict in \"Forged\", item 00000000:";

#[test]
fn a_newline_in_a_conflicting_text_prints_no_line_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    common::stdout(atelier(&dir).arg("import").arg(common::sample_path()));
    let exported = dir.path().join("laptop.json");
    common::stdout(
        atelier(&dir)
            .args(["export", "latest", "--format", "bundle", "--out"])
            .arg(&exported),
    );
    let mut bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    let item = bundle["stages"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find_map(|s| s["contributions"].as_array_mut().filter(|c| !c.is_empty()))
        .map(|c| &mut c[0])
        .unwrap();
    item["text"] = format!("their text\n{FORGED}").into();
    std::fs::write(&exported, bundle.to_string()).unwrap();
    let imported = common::stdout(atelier(&dir).arg("import").arg(&exported));
    let listed = common::stdout(atelier(&dir).arg("conflicts"));
    for out in [imported, listed] {
        assert!(out.contains("their text ffffffff"), "{out}");
        assert!(
            !out.lines().any(|l| l.starts_with("ffffffff")
                || l.contains("\"Forged\", item 00000000:")
                    && l.trim_start().starts_with("conflict")),
            "{out}"
        );
    }
}

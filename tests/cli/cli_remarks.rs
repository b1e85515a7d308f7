//! Remarks and the lead on the command line: the lead as an action's owner
//! is no outsider; a remark's trailing newlines are trimmed; `--item`
//! takes a section's key or its heading ("synthèse"), and its error lists
//! the keys; the section beside a remark is in the session's language.

use crate::common;

use common::{atelier, stdout};

#[test]
fn the_lead_sections_and_trimmed_remarks() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "--lang",
        "fr",
        "new",
        "--title",
        "Retro",
        "--question",
        "Next?",
    ];
    stdout(atelier(&dir).args(new).args(["--lead", "Florence Mensah"]));
    let action = atelier(&dir)
        .args([
            "--lang",
            "fr",
            "action",
            "add",
            "latest",
            "Écrire la charte",
        ])
        .args(["--who", "florence mensah"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&action.get_output().stderr).to_string();
    assert!(!said.contains("extérieur"), "{said}");
    assert_eq!(
        stdout(atelier(&dir).args(["review", "latest", "publish"])).trim(),
        "1"
    );

    let remark = [
        "--lang",
        "fr",
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
    ];
    let on = |item: &str| {
        let mut cmd = atelier(&dir);
        cmd.args(remark).args(["--from", "Marc", "--item", item]);
        cmd
    };
    stdout(on("synthèse").arg("Trop long\n\n"));
    let refused = on("nulle-part").arg("?").assert().failure();
    let said = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(said.contains("synthesis, proposal"), "{said}");

    let list = stdout(atelier(&dir).args(["review", "latest", "list", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let feedback = &list["versions"][0]["feedback"];
    assert_eq!(feedback.as_array().unwrap().len(), 1);
    assert_eq!(feedback[0]["text"], "Trop long");
    assert_eq!(feedback[0]["section"], "synthesis");
    let text = stdout(atelier(&dir).args(["--lang", "fr", "review", "latest", "list"]));
    assert!(
        text.contains("Marc [Synthèse] : Trop long") || text.contains("Marc [Synthèse]: Trop long"),
        "{text}"
    );
}

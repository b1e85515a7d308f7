//! A report that reads exactly as a published version names it in its file
//! name and on its cover, so a draft is never overwritten by the next; a
//! report changed since bears no version name (the facilitator is told on
//! stderr, participants read no "not published yet").

use crate::common;

use common::{atelier, stdout};

fn export(dir: &tempfile::TempDir, format: &str) -> (String, String) {
    let out = atelier(dir)
        .args(["export", "latest", "--format", format, "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let out = out.get_output();
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (path, String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn exports_name_the_version_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new));
    let add = ["add", "latest", "--stage", "constats"];
    stdout(atelier(&dir).args(add).arg("Trains are late"));
    let publish = ["review", "latest", "publish"];
    assert_eq!(stdout(atelier(&dir).args(publish)).trim(), "1");

    let (draft1, said) = export(&dir, "md");
    assert!(draft1.ends_with("-draft-1.md"), "{draft1}");
    assert_eq!(said, "");
    let md = std::fs::read_to_string(&draft1).unwrap();
    let cover = &md[..md.find("## ").unwrap()];
    assert!(cover.contains("**Draft 1 — "), "{cover}");
    let (pdf, _) = export(&dir, "pdf");
    assert!(pdf.ends_with("-draft-1.pdf"), "{pdf}");

    // Changed since: no version name anywhere, a word for the facilitator.
    stdout(atelier(&dir).args(add).arg("Buses too"));
    let (changed, said) = export(&dir, "md");
    assert!(!changed.contains("draft"), "{changed}");
    assert!(said.contains("changed since draft 1"), "{said}");
    let md = std::fs::read_to_string(&changed).unwrap();
    assert!(
        !md.contains("Draft 1") && !md.contains("not published"),
        "{md}"
    );

    assert_eq!(stdout(atelier(&dir).args(publish)).trim(), "2");
    let (draft2, _) = export(&dir, "md");
    assert!(draft2.ends_with("-draft-2.md"), "{draft2}");
    assert!(std::path::Path::new(&draft1).is_file(), "draft 1 kept");
    let validated = ["review", "latest", "publish", "--validated"];
    assert_eq!(stdout(atelier(&dir).args(validated)).trim(), "3");
    let (html, _) = export(&dir, "html");
    assert!(html.ends_with("-validated-version-3.html"), "{html}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<p class=\"version\"><strong>Validated version 3 — "));
}

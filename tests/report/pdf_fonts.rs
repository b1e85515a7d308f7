//! Every character of a report prints in its PDF: what the embedded DejaVu
//! lacks (Chinese here) is drawn with a font of this computer, embedded
//! for that text (`pdffonts` lists it, `pdftotext` reads the text back);
//! a character no font has prints as a box and the command says so once.
//! Where no CJK font or poppler is installed the checks are skipped with a
//! message (CI installs both, see `.ci/run`).

use crate::common;

use common::{atelier, stdout};
use std::process::Command;

const CHINESE: &str = "会议很有成效，大家都同意";
/// Mro (U+16A40…): a script hardly any font has.
const NO_FONT: &str = "\u{16A40}\u{16A41}";

/// Whether a font of this computer has `c` (fontconfig's own answer).
fn a_font_has(c: char) -> Option<bool> {
    let query = format!(":charset={:x}", c as u32);
    let out = Command::new("fc-list")
        .arg(query)
        .arg("family")
        .output()
        .ok()?;
    Some(!String::from_utf8_lossy(&out.stdout).trim().is_empty())
}

fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into()),
        Ok(out) => panic!("{name}: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => {
            let message = format!("{name} (poppler-utils) not run ({e}): PDF fonts unchecked");
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("{message}");
            None
        }
    }
}

#[test]
fn characters_dejavu_lacks_print_with_a_system_font_or_are_said_once() {
    let dir = tempfile::tempdir().unwrap();
    stdout(atelier(&dir).args([
        "new",
        "--title",
        "Réunion",
        "--question",
        "Et après ?",
        "--participant",
        "Ana",
    ]));
    for text in [CHINESE, NO_FONT, "שלום לכולם, זו הערה בעברית"] {
        stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", text]));
    }
    let out = dir.path().join("reports/");
    let export = atelier(&dir)
        .args(["export", "latest", "--format", "pdf", "--out"])
        .arg(&out)
        .assert()
        .success()
        .get_output()
        .clone();
    let path = std::path::PathBuf::from(String::from_utf8(export.stdout).unwrap().trim());
    let stderr = String::from_utf8(export.stderr).unwrap();

    // Said once, naming the character, only for what no font has.
    let mro = NO_FONT.chars().next().unwrap();
    if a_font_has(mro) == Some(false) {
        assert_eq!(stderr.matches("U+16A40").count(), 1, "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    }
    assert!(!stderr.contains("U+4F1A"), "Chinese has a font: {stderr}");

    let cjk = CHINESE.chars().next().unwrap();
    if a_font_has(cjk) != Some(true) {
        let message = "no CJK font on this computer (fonts-wqy-microhei): fallback unchecked";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        return eprintln!("{message}");
    }
    assert!(!stderr.contains("U+4F1A"), "{stderr}");
    let file = path.to_str().unwrap();
    let Some(fonts) = tool("pdffonts", &[file]) else {
        return;
    };
    let embedded: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(embedded.len() >= 2, "DejaVu and a CJK font: {fonts}");
    assert!(
        embedded.iter().any(|l| !l.contains("DejaVu")),
        "a font beside DejaVu: {fonts}"
    );
    assert!(
        embedded
            .iter()
            .all(|l| l.split_whitespace().rev().nth(4) == Some("yes")),
        "every font embedded: {fonts}"
    );
    let Some(text) = tool("pdftotext", &["-enc", "UTF-8", file, "-"]) else {
        return;
    };
    let squeezed = common::pdf::squeezed(&text);
    assert!(squeezed.contains(&common::pdf::squeezed(CHINESE)), "{text}");
}

/// Emoji print too: with a monochrome emoji font on the computer (CI
/// installs Symbola), they are drawn with it rather than as boxes.
#[test]
fn emoji_print_with_a_system_font() {
    const EMOJI: &str = "Bravo 🎉 à tous 👍";
    let party = '🎉';
    if a_font_has(party) != Some(true) {
        let message = "no emoji font on this computer (fonts-symbola): emoji unchecked";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        return eprintln!("{message}");
    }
    let dir = tempfile::tempdir().unwrap();
    stdout(atelier(&dir).args([
        "new",
        "--title",
        "Fête",
        "--question",
        "Et après ?",
        "--participant",
        "Ana",
    ]));
    stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", EMOJI]));
    let out = dir.path().join("fete.pdf");
    let export = atelier(&dir)
        .args(["export", "latest", "--format", "pdf", "--out"])
        .arg(&out)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(export.stderr).unwrap();
    assert!(
        !stderr.contains("U+1F389"),
        "the emoji has a font: {stderr}"
    );
    let Some(fonts) = tool("pdffonts", &[out.to_str().unwrap()]) else {
        return;
    };
    assert!(
        fonts.lines().skip(2).any(|l| !l.contains("DejaVu")),
        "a font beside DejaVu draws the emoji: {fonts}"
    );
}

//! Where the CLI's output goes: a terminal is never sent a binary format
//! (nor a panic), a closed pipe ends the command quietly, a write error
//! names the destination, `--help` lists every format.

use crate::common;
use tempfile::TempDir;

fn imported() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::atelier(&dir)
        .arg("import")
        .arg(common::sample_path())
        .assert()
        .success();
    dir
}

/// What the command shows on a terminal (a pseudo-terminal), and how it
/// ended.
fn on_terminal(dir: &TempDir, args: &[&str]) -> String {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_atelier"));
    cmd.env("ATELIER_DB", dir.path().join("db.sqlite3"))
        .env("HOME", dir.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .args(args);
    let mut session = expectrl::Session::spawn(cmd).unwrap();
    let mut shown = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = std::io::Read::read(&mut session, &mut buf) {
        if n == 0 {
            break;
        }
        shown.extend_from_slice(&buf[..n]);
    }
    String::from_utf8(shown).expect("text, not a binary file")
}

#[test]
fn a_terminal_is_never_sent_a_binary_format() {
    let dir = imported();
    for (format, name) in [("pdf", "PDF"), ("odt", "ODT")] {
        for anonymise in [false, true] {
            let mut args = vec!["--lang", "fr", "export", "latest", "--format", format];
            if anonymise {
                args.push("--anonymise");
            }
            let shown = on_terminal(&dir, &args);
            assert!(shown.starts_with("atelier: "), "{format}: {shown}");
            assert!(
                shown.contains(&format!("{name} est un fichier binaire")),
                "{shown}"
            );
            assert!(!shown.contains("panicked"), "{shown}");
            assert!(!shown.contains("%PDF") && !shown.contains("PK"), "{shown}");
        }
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = imported();
    let bin = env!("CARGO_BIN_EXE_atelier");
    let db = dir.path().join("db.sqlite3");
    for args in [
        "export latest --format pdf",
        "export latest --format md",
        "export latest --format csv",
        "export latest --format bundle",
        "list",
        "--help",
    ] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            // `head -c 1` reads one byte and leaves: the rest meets a
            // closed pipe. `pipefail` is not POSIX: the status is read
            // from a file.
            .arg(format!(
                "{{ '{bin}' --db '{}' {args}; echo $? > '{}/status'; }} | head -c 1 > /dev/null",
                db.display(),
                dir.path().display()
            ))
            .env("HOME", dir.path())
            .env("LANG", "C")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{args}: {stderr}");
        let status = std::fs::read_to_string(dir.path().join("status")).unwrap();
        assert_eq!(status.trim(), "0", "{args}");
    }
}

#[test]
fn a_write_error_names_the_destination_not_a_temporary_file() {
    let dir = imported();
    // /proc takes no new file, whoever runs the tests (root included).
    let target = std::path::Path::new("/proc/atelier-report.md");
    let out = common::atelier(&dir)
        .args(["export", "latest", "--format", "md", "--out"])
        .arg(target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("/proc/atelier-report.md"), "{stderr}");
    assert!(!stderr.contains(".part"), "{stderr}");
}

#[test]
fn help_lists_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let help = common::stdout(common::atelier(&dir).args(["export", "--help"]));
    for format in atelier::report::Format::ALL {
        assert!(help.contains(format.name()), "{}: {help}", format.name());
    }
    assert!(help.contains("md|html|csv|json|odt|pdf|bundle"), "{help}");
    assert!(help.contains("pdf"), "{help}");
}

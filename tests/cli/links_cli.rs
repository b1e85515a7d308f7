//! `atelier link`, `unlink` and `trace`, and the links in `show` and the
//! exported report, through the real binary.

use crate::common;

use common::{atelier, stdout};

/// The short id `show` prints: the last eight hex digits.
fn short(id: &str) -> String {
    id.trim().replace('-', "")[24..].to_string()
}

#[test]
fn link_trace_show_and_unlink_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    let add = |stage: &str, kind: &str, text: &str| {
        let id =
            stdout(atelier(&dir).args(["add", "latest", "--stage", stage, "--kind", kind, text]));
        short(&id)
    };
    let o1 = add("constats", "observation", "Teams work alone");
    let o2 = add("constats", "observation", "Nobody knows the budget");
    let s = add("constats", "stake", "Sharing what we learn");
    let i = add("idees", "idea", "A monthly open lab");
    let p = add("idees", "proposal", "Start the lab in May");

    // Several targets at once; each link made is printed.
    let made = stdout(atelier(&dir).args(["link", &s, &o1, &o2]));
    assert_eq!(made, format!("{s} → {o1}\n{s} → {o2}\n"));
    stdout(atelier(&dir).args(["link", &i, &s]));
    stdout(atelier(&dir).args(["link", &p, &i]));
    // Linking again makes nothing new.
    assert_eq!(stdout(atelier(&dir).args(["link", &p, &i])), "");

    let trace = stdout(atelier(&dir).args(["trace", &p]));
    let lines: Vec<&str> = trace.lines().collect();
    assert_eq!(lines.len(), 5, "{trace}");
    assert!(lines[0].contains(&p) && lines[0].contains("Start the lab in May"));
    assert!(lines[1].contains("↖ Idea") && lines[1].contains("A monthly open lab"));
    assert!(lines[3].contains(&o1) && lines[4].contains(&o2), "{trace}");
    // Deeper steps sit further right.
    let indent = |l: &str| l.find('↖').unwrap_or(0);
    assert!(indent(lines[1]) < indent(lines[2]) && indent(lines[2]) < indent(lines[3]));

    let show = stdout(atelier(&dir).args(["show", "latest"]));
    let links = &show[show.find("\nLinks\n").expect(&show)..];
    assert!(links.contains("Start the lab in May"), "{show}");
    assert!(links.contains("Teams work alone"), "{show}");

    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(md.contains("## Where the proposals come from"), "{md}");

    stdout(atelier(&dir).args(["unlink", &p, &i]));
    let trace = stdout(atelier(&dir).args(["trace", &p]));
    assert!(trace.contains("(no link)"), "{trace}");
    let show = stdout(atelier(&dir).args(["show", "latest"]));
    assert!(
        show.contains("\nLinks\n"),
        "the stake still answers: {show}"
    );
}

#[test]
fn refused_links_say_why_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new));
    let add = |text: &str| {
        let id = stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", text]));
        short(&id)
    };
    let a = add("One");
    let b = add("Two");
    let before = stdout(atelier(&dir).args(["show", "latest"]));

    let out = atelier(&dir).args(["link", &a, &a]).assert().failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("cannot answer itself"), "{err}");
    let out = atelier(&dir)
        .args(["link", &a, "ffffffff"])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("ffffffff"), "{err}");
    let out = atelier(&dir).args(["unlink", &a, &b]).assert().failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("no link"), "{err}");
    // In French too.
    let out = atelier(&dir)
        .args(["--lang", "fr", "link", &b, &b])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("elle-même"), "{err}");
    assert_eq!(stdout(atelier(&dir).args(["show", "latest"])), before);
    // `link` needs a target.
    atelier(&dir).args(["link", &a]).assert().failure();
}

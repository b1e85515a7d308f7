//! `atelier theme …` through the real binary: short ids, `show`, the
//! reports, mistakes on one clear line that change nothing.

use crate::common;

use common::{atelier, stdout};

/// The part of `show` after `heading`, up to the next blank line.
fn section<'a>(show: &'a str, heading: &str) -> &'a str {
    let start = show
        .find(heading)
        .unwrap_or_else(|| panic!("{heading}: {show}"));
    let rest = &show[start..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

fn short(id: &str) -> String {
    id.trim().replace('-', "")[24..].to_string()
}

#[test]
fn themes_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    let add = ["add", "latest", "--stage", "idees", "--kind", "idea"];
    let add_ana = [&add[..], &["--participant", "ana"]].concat();
    let bus = stdout(atelier(&dir).args(add).arg("A shuttle bus"));
    let bike = stdout(atelier(&dir).args(&add_ana).arg("Bike racks"));
    let lunch = stdout(atelier(&dir).args(add).arg("Longer lunch"));

    let transport = stdout(atelier(&dir).args(["theme", "add", "latest", "Transport"]));
    let transport = transport.trim().to_string();
    assert_eq!(transport.len(), 36);
    let other = stdout(atelier(&dir).args(["theme", "add", "latest", "Other"]));
    // Short ids, as `show` prints them, for the theme and the items.
    let put = [
        "theme",
        "put",
        &short(&transport),
        &short(&bus),
        &short(&bike),
    ];
    assert_eq!(stdout(atelier(&dir).args(put)).trim(), transport);
    stdout(atelier(&dir).args(["theme", "put", other.trim(), &short(&lunch)]));

    let show = stdout(atelier(&dir).args(["show", "latest"]));
    let themes = section(&show, "\nThemes");
    assert!(
        themes.contains(&format!("{}  Transport (2)", short(&transport))),
        "{show}"
    );
    assert!(
        themes.contains(&format!("{}  Idea        A shuttle bus", short(&bus))),
        "{show}"
    );
    assert!(themes.contains("Other (1)"), "{show}");

    let list = stdout(atelier(&dir).args(["theme", "list", "latest"]));
    assert_eq!(
        list,
        format!(
            "{}  Transport  (2)\n{}  Other  (1)\n",
            short(&transport),
            short(other.trim())
        )
    );
    let json = stdout(atelier(&dir).args(["theme", "list", "latest", "--json"]));
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(list[0]["name"], "Transport");
    assert_eq!(list[0]["items"][1], bike.trim());

    stdout(atelier(&dir).args(["theme", "rename", &short(&transport), "Getting here"]));
    stdout(atelier(&dir).args(["theme", "merge", other.trim(), &short(&transport)]));
    stdout(atelier(&dir).args(["theme", "out", &short(&bus)]));
    let list = stdout(atelier(&dir).args(["theme", "list", "latest"]));
    assert_eq!(list, format!("{}  Getting here  (2)\n", short(&transport)));

    let md = stdout(atelier(&dir).args(["export", "latest", "--format", "md"]));
    assert!(
        md.contains(
            "## Ideas by theme\n\n### Getting here\n\n- Bike racks — *Ana*\n- Longer lunch"
        ),
        "{md}"
    );
}

#[test]
fn theme_mistakes_get_one_clear_line_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let new = ["new", "--title", "Retro", "--question", "Next?"];
    stdout(atelier(&dir).args(new));
    let theme = stdout(atelier(&dir).args(["theme", "add", "latest", "Cost"]));
    let db = dir.path().join("db.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let cases: [&[&str]; 5] = [
        &["theme", "add", "latest", "   "],
        &["theme", "put", "abcdef99", "12345678"],
        &["theme", "put", theme.trim(), "12345678"],
        &["theme", "merge", theme.trim(), theme.trim()],
        &["theme", "rename", "zz", "New"],
    ];
    for args in cases {
        let run = atelier(&dir).args(args).assert().code(1);
        let err = String::from_utf8(run.get_output().stderr.clone()).unwrap();
        assert!(
            err.starts_with("atelier: ") && err.lines().count() == 1,
            "{err}"
        );
        assert_eq!(std::fs::read(&db).unwrap(), before, "{args:?} wrote");
    }
    let help = stdout(atelier(&dir).args(["theme", "--help"]));
    for command in ["add", "put", "out", "list", "rename", "merge"] {
        assert!(help.contains(&format!("  {command} ")), "{help}");
    }
}

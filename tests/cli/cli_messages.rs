//! Error messages that tell what to do: two sentences ended as such, no
//! hint to validate what is validated already, and the command that
//! reopens a closed session.

use crate::common;

use common::{atelier, stdout};

fn failure(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn refusals_read_as_sentences_and_name_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let new = [
        "new",
        "--lang",
        "en",
        "--title",
        "Retro",
        "--question",
        "Next?",
    ];
    stdout(atelier(&dir).args(new).args(["--participant", "Ana"]));
    stdout(atelier(&dir).args(["add", "latest", "--stage", "constats", "Trains are late"]));
    stdout(atelier(&dir).args(["review", "latest", "publish", "--validated"]));

    let remark = [
        "review",
        "latest",
        "feedback",
        "--version",
        "1",
        "--from",
        "Ana",
    ];
    let err = failure(atelier(&dir).args(remark).args(["--item", "zzzz", "Fix"]));
    assert!(
        err.contains("is not a contribution id. A section is one of"),
        "{err}"
    );

    let err = failure(atelier(&dir).args(["review", "latest", "publish", "--validated"]));
    assert!(err.contains("already validated"), "{err}");
    assert!(!err.contains("publish it as validated"), "{err}");

    // The sample is closed.
    let id = stdout(atelier(&dir).arg("import").arg(common::sample_path()));
    let err = failure(atelier(&dir).args(["add", id.trim(), "--stage", "constats", "x"]));
    assert!(err.contains("atelier reopen"), "{err}");
}

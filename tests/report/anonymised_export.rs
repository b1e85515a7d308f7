//! `atelier export --anonymise` through the real binary: a named session's
//! report as if it had been anonymous, in every report format, in files
//! that say so; never the bundle. And `link proposal --session`.

use crate::common;

use atelier::model::{Anonymity, Lang};
use atelier::store::Store;
use common::private::{anonymous_session, Secrets};
use common::{atelier, stdout};

/// The private session of `common::private`, run named, in the binary's
/// database.
fn named(dir: &tempfile::TempDir, lang: Lang) -> (String, Secrets) {
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let (id, secrets) = anonymous_session(&mut store, lang);
    let mut session = store.session(id).unwrap();
    session.anonymity = Anonymity::Named;
    store.update_session(&session).unwrap();
    (id.to_string(), secrets)
}

#[test]
fn an_anonymised_export_names_no_one_in_any_format() {
    for lang in Lang::ALL {
        let dir = tempfile::tempdir().unwrap();
        let (id, secrets) = named(&dir, lang);
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        for format in ["md", "html", "json", "csv"] {
            // The named report does name them: the check below can fail.
            let plain = stdout(atelier(&dir).args(["export", &id, "--format", format]));
            assert!(plain.contains(secrets.names[0]), "{format}: {plain}");

            let path = stdout(
                atelier(&dir)
                    .args(["export", &id, "--format", format, "--anonymise", "--out"])
                    .arg(&out),
            );
            let path = std::path::PathBuf::from(path.trim());
            let name = path.file_name().unwrap().to_str().unwrap();
            let label = match lang {
                Lang::Fr => "-anonymise.",
                Lang::En => "-anonymised.",
            };
            assert!(name.contains(label), "{name}");
            let text = std::fs::read_to_string(&path).unwrap();
            secrets.assert_none_in(&text, &format!("{format} ({})", lang.code()));
            if format == "md" {
                // The variant says what it is, not "anonymous session".
                let said = match lang {
                    Lang::Fr => "(compte rendu anonymisé)",
                    Lang::En => "(anonymised report)",
                };
                assert!(text.contains(said), "{text}");
            }
            let piped =
                stdout(atelier(&dir).args(["export", &id, "--format", format, "--anonymise"]));
            assert_eq!(piped, text, "{format}: a pipe gets the same bytes");
        }
        // Counts are kept: the roster's size, every contribution.
        let json = |extra: &[&str]| {
            let text = stdout(
                atelier(&dir)
                    .args(["export", &id, "--format", "json"])
                    .args(extra),
            );
            serde_json::from_str::<serde_json::Value>(&text).unwrap()
        };
        let (plain, anonymised) = (json(&[]), json(&["--anonymise"]));
        assert_eq!(anonymised["anonymous"], true);
        assert_eq!(plain["anonymous"], false);
        assert_eq!(anonymised["participant_count"], plain["participant_count"]);
        assert_eq!(anonymised["stats"]["total"], plain["stats"]["total"]);
        let participant = atelier::i18n::t(lang, "report.participant");
        assert!(anonymised.to_string().contains(&format!("{participant} 1")));
    }
}

#[test]
fn the_bundle_is_never_anonymised() {
    let dir = tempfile::tempdir().unwrap();
    let (id, _) = named(&dir, Lang::En);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let assert = atelier(&dir)
        .args(["export", &id, "--format", "bundle", "--anonymise", "--out"])
        .arg(&out)
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("complete archive"), "{err}");
    assert!(err.contains("md, html, csv, json, odt or pdf"), "{err}");
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn the_synthesis_proposal_builds_on_ids_given_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (id, _) = named(&dir, Lang::En);
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let data = store.load(id.parse().unwrap()).unwrap();
    drop(store);
    let said = |text: &str| {
        data.contributions
            .iter()
            .find(|c| c.text == text)
            .unwrap()
            .id
            .simple()
            .to_string()
    };
    let (late, final_wording) = (said("Trains are late"), said("Final wording"));
    let short = |id: &str| id[id.len() - 8..].to_string();

    // Without a session, `proposal` names nothing: it says what to add.
    let assert = atelier(&dir)
        .args(["link", "proposal", &short(&late)])
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("--session"), "{err}");

    // With a contribution, --session has no place: it says so.
    let assert = atelier(&dir)
        .args([
            "link",
            &short(&late),
            "--session",
            &id,
            &short(&final_wording),
        ])
        .assert()
        .failure();
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("FROM \"proposal\" only"), "{err}");

    let printed = stdout(atelier(&dir).args([
        "link",
        "synthesis",
        "--session",
        &id,
        &short(&late),
        &short(&final_wording),
    ]));
    assert_eq!(
        printed,
        format!(
            "proposal → {}\nproposal → {}\n",
            short(&late),
            short(&final_wording)
        )
    );
    let show = stdout(atelier(&dir).args(["show", &id]));
    assert!(show.contains("proposal  Synthesis proposal"), "{show}");
    let json = stdout(atelier(&dir).args(["export", &id, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["synthesis"]["sources"]["proposal"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(json["trace"][0]["id"], "synthesis.proposal");

    atelier(&dir)
        .args(["unlink", "proposal", "--session", &id, &short(&late)])
        .assert()
        .success();
    let json = stdout(atelier(&dir).args(["export", &id, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let left = &json["synthesis"]["sources"]["proposal"];
    assert_eq!(left.as_array().unwrap().len(), 1);
    assert!(left[0]
        .as_str()
        .unwrap()
        .replace('-', "")
        .ends_with(&short(&final_wording)));
}

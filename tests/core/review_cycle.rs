//! The report's review cycle on a real database: versions with the report
//! data they were, remarks, sign-offs; each command undone by its inverse
//! and done again by the inverse's; the diff between two versions; the
//! validated report's section, anonymous sessions and hostile remarks.

use crate::common;

use atelier::commands::{apply, Command, ReviewCommand};
use atelier::model::{content_hash, Id, Kind, Lang, SessionData};
use atelier::report::{as_published, render, review_diff, Format};
use atelier::store::{NewContribution, NewFeedback, Store};
use common::{clocked, new_session, temp_store};

/// What a command and its inverse must agree on: everything `load` reads
/// but the session's `updated_at`, with the review's rows as they stand
/// (an addition is undone by marking it taken back, so nothing typed is
/// erased; see `commands`).
fn state(store: &Store, session: Id) -> SessionData {
    let mut data = store.load(session).unwrap();
    data.session.updated_at = data.session.created_at;
    let log = &mut data.review;
    log.versions.retain(|v| v.removed_at.is_none());
    log.feedback.retain(|f| f.removed_at.is_none());
    log.sign_offs.retain(|s| s.removed_at.is_none());
    let standing: Vec<Id> = log.versions.iter().map(|v| v.id).collect();
    log.reports.retain(|(id, _)| standing.contains(id));
    data
}

fn publish(store: &mut Store, session: Id, validated: bool) -> Id {
    let data = store.load(session).unwrap();
    let report = as_published(&data, validated, store.clock().now());
    let command = ReviewCommand::Publish {
        note: "after the workshop".into(),
        validated,
        report,
    };
    let out = apply(store, session, &Command::Review(command)).unwrap();
    ReviewCommand::published(&out.inverse).unwrap()
}

fn review(store: &mut Store, session: Id, command: ReviewCommand) -> Command {
    apply(store, session, &Command::Review(command))
        .unwrap()
        .inverse
}

fn remark(version: Id, name: &str, text: &str) -> ReviewCommand {
    ReviewCommand::AddFeedback(NewFeedback {
        version,
        participant_id: None,
        name: name.into(),
        contribution_id: None,
        section: "synthesis".into(),
        text: text.into(),
    })
}

fn record(store: &mut Store, session: Id, text: &str) -> Id {
    let stage = store.stages(session).unwrap()[1].id;
    let new = NewContribution {
        stage_id: stage,
        participant_id: None,
        kind: Kind::Observation,
        text: text.into(),
        parent_id: None,
        group: None,
        anonymous: false,
        origin: atelier::model::Origin::Facilitator,
    };
    let out = apply(store, session, &Command::Record(new)).unwrap();
    out.changes.delta.contributions[0].id
}

#[test]
fn a_version_keeps_the_report_data_and_its_hash_in_the_file() {
    let (dir, mut store) = temp_store();
    clocked(&mut store);
    let session = new_session(&mut store, &["Ana"]);
    record(&mut store, session, "The trains are late");
    let data = store.load(session).unwrap();
    let expected = as_published(&data, false, store.clock().now());
    let v = publish(&mut store, session, false);
    drop(store);

    let store = Store::open(&dir.path().join("atelier.sqlite3")).unwrap();
    let log = store.review(session).unwrap();
    let version = log.version(1).unwrap();
    assert_eq!(version.id, v);
    assert_eq!(version.note, "after the workshop");
    assert_eq!(version.sha256, content_hash(&expected));
    let kept = store.version_report(session, 1).unwrap();
    assert_eq!(kept, expected);
    assert!(kept.contains("The trains are late"));
    // The report data participants received, never the bundle.
    let json: serde_json::Value = serde_json::from_str(&kept).unwrap();
    assert_eq!(json["format"], "atelier.report");
    // Exported now, the report is exactly that version.
    let now = render(Format::Json, &store.load(session).unwrap());
    assert_eq!(content_hash(&now), version.sha256);
}

#[test]
fn every_review_command_is_undone_by_its_inverse_and_redone_by_the_inverse_of_that() {
    let (_dir, mut store) = temp_store();
    clocked(&mut store);
    let session = new_session(&mut store, &["Ana"]);
    let ana = store.participants(session).unwrap()[0].id;
    let v1 = publish(&mut store, session, false);
    let said = review(
        &mut store,
        session,
        remark(v1, "Bob", "Typo in the synthesis"),
    );
    let feedback = ReviewCommand::added(&said).unwrap();
    let steps = [
        ReviewCommand::Publish {
            note: String::new(),
            validated: true,
            report: "{}".into(),
        },
        remark(v1, "Zoé", "Add the canteen"),
        ReviewCommand::SetApplied {
            id: feedback,
            applied: true,
        },
        ReviewCommand::SignOff {
            version: v1,
            participant: Some(ana),
            name: String::new(),
        },
        ReviewCommand::RemoveFeedback { id: feedback },
        ReviewCommand::RemoveVersion { id: v1 },
    ];
    for step in steps {
        let before = state(&store, session);
        let inverse = review(&mut store, session, step.clone());
        let after = state(&store, session);
        assert_ne!(after.review, before.review, "{step:?} changed nothing");
        let redo = apply(&mut store, session, &inverse).unwrap().inverse;
        assert_eq!(state(&store, session), before, "undo of {step:?}");
        apply(&mut store, session, &redo).unwrap();
        assert_eq!(state(&store, session), after, "redo of {step:?}");
        apply(&mut store, session, &inverse).unwrap();
    }
    // A roster member signs under their own name.
    let inverse = review(
        &mut store,
        session,
        ReviewCommand::SignOff {
            version: v1,
            participant: Some(ana),
            name: "someone".into(),
        },
    );
    let log = store.review(session).unwrap();
    let signed = log
        .sign_offs
        .iter()
        .find(|s| Some(s.id) == ReviewCommand::added(&inverse));
    assert_eq!(signed.unwrap().name, "Ana");
}

#[test]
fn a_closed_session_takes_review_commands_and_a_refused_one_writes_nothing() {
    let (dir, mut store) = temp_store();
    let session = new_session(&mut store, &[]);
    apply(&mut store, session, &Command::Close).unwrap();
    let v1 = publish(&mut store, session, false);
    review(&mut store, session, remark(v1, "Ana", "Fine"));

    let file = dir.path().join("atelier.sqlite3");
    let bytes = std::fs::read(&file).unwrap();
    let before = store.load(session).unwrap();
    for refused in [
        remark(v1, "Ana", "   "),
        remark(v1, " ", "No name"),
        remark(atelier::model::new_id(), "Ana", "No such version"),
        ReviewCommand::SetApplied {
            id: atelier::model::new_id(),
            applied: true,
        },
    ] {
        let err = apply(&mut store, session, &Command::Review(refused.clone()));
        assert!(err.is_err(), "{refused:?}");
    }
    assert_eq!(store.load(session).unwrap(), before);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
}

#[test]
fn a_version_put_back_where_its_number_was_taken_again_is_refused() {
    let (_dir, mut store) = temp_store();
    let session = new_session(&mut store, &[]);
    let first = publish(&mut store, session, false);
    let undo = review(
        &mut store,
        session,
        ReviewCommand::RemoveVersion { id: first },
    );
    // Published again, the next version is number 1 once more.
    publish(&mut store, session, false);
    assert_eq!(store.review(session).unwrap().latest().unwrap().number, 1);
    let err = apply(&mut store, session, &undo).unwrap_err();
    assert!(err.message(Lang::En).contains("Version 1"), "{err}");
}

#[test]
fn the_diff_names_added_removed_and_edited_contributions_and_the_synthesis() {
    let (_dir, mut store) = temp_store();
    clocked(&mut store);
    let session = new_session(&mut store, &["Ana"]);
    let kept = record(&mut store, session, "Meetings run late");
    let gone = record(&mut store, session, "The printer jams");
    let edited = record(&mut store, session, "Trains are late");
    let mut synthesis = store.load(session).unwrap().synthesis;
    synthesis.text = "First line\nSecond line".into();
    apply(
        &mut store,
        session,
        &Command::SaveSynthesis(synthesis.clone()),
    )
    .unwrap();
    publish(&mut store, session, false);

    apply(&mut store, session, &Command::Delete { id: gone }).unwrap();
    let edit = Command::Edit {
        id: edited,
        text: "Trains are late on Mondays".into(),
        kind: Kind::Observation,
        speaker: None,
    };
    apply(&mut store, session, &edit).unwrap();
    let added = record(&mut store, session, "A new remark");
    synthesis.text = "First line\nSecond line, reworded".into();
    apply(&mut store, session, &Command::SaveSynthesis(synthesis)).unwrap();
    publish(&mut store, session, true);

    let old = store.version_report(session, 1).unwrap();
    let new = store.version_report(session, 2).unwrap();
    let d = review_diff::diff(1, &old, 2, &new).unwrap();
    let ids = |list: &[review_diff::DiffItem]| -> Vec<String> {
        list.iter().map(|i| i.id.clone()).collect()
    };
    assert_eq!(ids(&d.added), [added.to_string()]);
    assert_eq!(ids(&d.removed), [gone.to_string()]);
    assert_eq!(d.edited.len(), 1);
    assert_eq!(d.edited[0].id, edited.to_string());
    assert_eq!(d.edited[0].before, "Trains are late");
    assert_eq!(d.edited[0].after, "Trains are late on Mondays");
    assert!(!d.edited.iter().any(|e| e.id == kept.to_string()));
    assert_eq!(d.synthesis.len(), 1);
    assert_eq!(d.synthesis[0].removed, ["Second line"]);
    assert_eq!(d.synthesis[0].added, ["Second line, reworded"]);
    let text = review_diff::lines(&d, Lang::En).join("\n");
    assert!(
        text.contains("Added (1)\n  + [Observation] A new remark"),
        "{text}"
    );
    assert!(
        text.contains("  - [Observation] The printer jams"),
        "{text}"
    );
    assert!(text.contains("    → Trains are late on Mondays"), "{text}");
    // A version compared with itself: nothing changed.
    let same = review_diff::diff(1, &old, 1, &old).unwrap();
    assert!(same.is_empty());
}

#[test]
fn the_validated_report_names_its_version_its_sign_offs_and_the_applied_remarks() {
    let (_dir, mut store) = temp_store();
    clocked(&mut store);
    let session = new_session(&mut store, &["Ana"]);
    record(&mut store, session, "Trains are late");
    let v1 = publish(&mut store, session, false);
    let applied = review(&mut store, session, remark(v1, "Bob", "Say which trains"));
    let applied = ReviewCommand::added(&applied).unwrap();
    review(
        &mut store,
        session,
        remark(v1, "Cleo", "Not applied, never shown"),
    );
    review(
        &mut store,
        session,
        ReviewCommand::SetApplied {
            id: applied,
            applied: true,
        },
    );
    let sign = ReviewCommand::SignOff {
        version: v1,
        participant: None,
        name: "Dora".into(),
    };
    review(&mut store, session, sign);
    publish(&mut store, session, true);

    let data = store.load(session).unwrap();
    let md = render(Format::Markdown, &data);
    let section = &md[md.find("## Review and validation").expect(&md)..];
    assert!(
        section.contains("Validated version 2 — 18 March 2026"),
        "{section}"
    );
    assert!(
        section.contains("**Approved by**\n\n- Dora (draft 1, 18 March 2026)"),
        "{section}"
    );
    assert!(
        section.contains("- draft 1: Say which trains — Bob"),
        "{section}"
    );
    assert!(!md.contains("Not applied"), "{md}");
    let html = render(Format::Html, &data);
    assert!(html.contains("<h2>Review and validation</h2>"), "{html}");
    assert!(
        html.contains("<li>Dora (draft 1, 18 March 2026)</li>"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &data)).unwrap();
    assert_eq!(json["review"]["number"], 2);
    assert_eq!(json["review"]["validated"], true);
    assert_eq!(json["review"]["applied"][0]["text"], "Say which trains");
    // Before any version, no review section at all.
    let (_d, mut other) = temp_store();
    let fresh = new_session(&mut other, &[]);
    let md = render(Format::Markdown, &other.load(fresh).unwrap());
    assert!(!md.contains("Review and validation"), "{md}");
}

#[test]
fn an_anonymous_session_shows_no_name_beside_a_remark_nor_as_a_sign_off() {
    let (_dir, mut store) = temp_store();
    let (session, secrets) = common::private::anonymous_session(&mut store, Lang::En);
    let people = store.participants(session).unwrap();
    let v1 = publish(&mut store, session, false);
    let said = review(
        &mut store,
        session,
        ReviewCommand::AddFeedback(NewFeedback {
            version: v1,
            participant_id: Some(people[0].id),
            name: String::new(),
            contribution_id: None,
            section: String::new(),
            text: "Please reword the second point".into(),
        }),
    );
    let id = ReviewCommand::added(&said).unwrap();
    review(
        &mut store,
        session,
        ReviewCommand::SetApplied { id, applied: true },
    );
    for (who, name) in [(Some(people[2].id), ""), (None, "Zephyrine Quill")] {
        let sign = ReviewCommand::SignOff {
            version: v1,
            participant: who,
            name: name.into(),
        };
        review(&mut store, session, sign);
    }
    publish(&mut store, session, true);
    let data = store.load(session).unwrap();
    for format in [Format::Markdown, Format::Html, Format::Json, Format::Csv] {
        let text = render(format, &data);
        secrets.assert_none_in(&text, &format!("{format:?}"));
    }
    let md = render(Format::Markdown, &data);
    assert!(
        md.contains("- draft 1: Please reword the second point\n"),
        "{md}"
    );
    assert!(md.contains("2 people (draft 1)"), "{md}");
    // Each version kept what participants saw: no names either.
    for n in [1, 2] {
        let kept = store.version_report(session, n).unwrap();
        secrets.assert_none_in(&kept, &format!("version {n}"));
    }
}

#[test]
fn a_hostile_remark_stays_text_in_every_report() {
    let (_dir, mut store) = temp_store();
    let session = new_session(&mut store, &[]);
    let v1 = publish(&mut store, session, false);
    let hostile = "<script>alert(1)</script> [x](javascript:alert(1)) \u{1b}[2J \u{202e}evil";
    let said = review(
        &mut store,
        session,
        remark(v1, "<img src=x onerror=alert(1)>", hostile),
    );
    let id = ReviewCommand::added(&said).unwrap();
    review(
        &mut store,
        session,
        ReviewCommand::SetApplied { id, applied: true },
    );
    let data = store.load(session).unwrap();
    let html = render(Format::Html, &data);
    assert!(
        !html.contains("<script>alert") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)"), "{html}");
    let md = render(Format::Markdown, &data);
    assert!(md.contains("&lt;script>alert(1)&lt;/script> \\[x\\](javascript:alert(1))"));
    assert!(md.contains("&lt;img src=x onerror=alert(1)>"), "{md}");
    for text in [&html, &md] {
        assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
    }
}

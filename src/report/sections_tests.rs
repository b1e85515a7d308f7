//! The sections' order and emptiness rules, on the sample and on reports
//! emptied or filled one part at a time.

use super::*;
use crate::model::{DiscussionOrder, PersonStats, ReportChoices};
use crate::report::outline::fixtures::{item, sample_report};

fn anchors(r: &Report) -> Vec<String> {
    sections(r).iter().map(Section::anchor).collect()
}

/// The sample's report with nothing in it but its cover and question.
fn bare() -> Report {
    let mut r = sample_report();
    r.synthesis.is_empty = true;
    r.discussion.clear();
    r.spoken.clear();
    r.ideas.clear();
    r.resources.clear();
    r.shared.clear();
    r.themes.clear();
    r.votes.ranking.clear();
    r.trace.chains.clear();
    r.decisions.clear();
    r.actions.clear();
    r.parking.clear();
    r.stats.total = 0;
    r.stats.time.stages.clear();
    r
}

#[test]
fn the_sample_reads_in_the_one_order() {
    let r = sample_report();
    assert_eq!(
        anchors(&r),
        [
            "cover",
            "question",
            "synthesis",
            "discussion",
            "ideas",
            "resources",
            "statistics",
            "log"
        ]
    );
}

#[test]
fn empty_sections_are_left_out() {
    let r = bare();
    assert_eq!(anchors(&r), ["cover", "question"]);
    let Section::Question {
        nothing_recorded, ..
    } = &sections(&r)[1]
    else {
        panic!("the question comes second");
    };
    assert_eq!(*nothing_recorded, Some(r.label("empty")));
}

#[test]
fn every_part_has_its_place() {
    let sample = sample_report();
    let mut r = bare();
    r.synthesis.is_empty = false;
    r.discussion = sample.discussion.clone();
    r.ideas = vec![item("idea", vec![item("sub", vec![])])];
    r.resources = vec![item("resource", vec![])];
    r.themes = vec![ThemeView {
        id: "t".into(),
        name: "Theme".into(),
        item_ids: vec![],
        items: vec![item("in theme", vec![])],
    }];
    r.trace.chains = vec![item("proposal", vec![item("observation", vec![])])];
    r.decisions = vec![DecisionView {
        text: "decided".into(),
        time: String::new(),
        decided_at: String::new(),
    }];
    r.actions = vec![ActionView {
        text: "act".into(),
        who: None,
        due: None,
        iso_due: None,
        done: false,
        status: String::new(),
        carried_over: false,
    }];
    r.parking = vec![item("later", vec![])];
    r.votes = sample.votes.clone();
    r.votes.ranking = vec![crate::report::RankedItem {
        id: "i".into(),
        text: "voted".into(),
        label: "voted".into(),
        label_lines: vec!["voted".into()],
        height: 24,
        kind_label: "Idea".into(),
        rank: 1,
        tied: false,
        place: "1".into(),
        dots: 3,
        width: 300,
        y: 0,
        title: "voted".into(),
    }];
    r.shared = vec![crate::report::SharedIdeas {
        heading: "Shared".into(),
        stage: "Ideas".into(),
        groups: vec![],
    }];
    r.stats.total = 3;
    assert_eq!(
        anchors(&r),
        [
            "cover",
            "question",
            "synthesis",
            "discussion",
            "ideas",
            "resources",
            "shared-1",
            "themes",
            "votes",
            "trace",
            "decisions",
            "actions",
            "parking",
            "statistics",
            "log"
        ]
    );
    let appendix: Vec<bool> = sections(&r).iter().map(Section::is_appendix).collect();
    assert_eq!(appendix.iter().filter(|a| **a).count(), 2);
    assert!(appendix.ends_with(&[true, true]));
}

#[test]
fn the_discussion_follows_the_choice() {
    let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
    let catalog = crate::templates::Catalog::built_in();
    let data = crate::bundle::parse("sample", text, &catalog).unwrap();
    let spoken = ReportChoices {
        order: DiscussionOrder::Spoken,
        person_stats: PersonStats::Hide,
    };
    let r = Report::build_with(&data, crate::report::Options::choosing(spoken));
    let found = sections(&r).into_iter().find_map(|s| match s {
        Section::Discussion(d) => Some(d),
        _ => None,
    });
    let Some(Discussion::Spoken(items)) = found else {
        panic!("spoken order asked for: {found:?}");
    };
    // Every discussion item, each labelled with its kind, in the stages'
    // order: the first is the question stage's context.
    let grouped: usize = r.discussion.iter().map(|g| g.items.len()).sum();
    assert_eq!(items.len(), grouped);
    assert!(items.iter().all(|i| i.kind == Some(i.kind_label)));
    assert_eq!(items[0].kind_label, "Contexte");
    let kinds: Vec<&str> = items.iter().map(|i| i.kind_label).collect();
    assert!(kinds.windows(2).any(|w| w[0] != w[1] && w[0] == "Question"));
    let by_kind = Report::build_with(
        &data,
        crate::report::Options::choosing(ReportChoices::default()),
    );
    assert!(by_kind.spoken.is_empty());
    assert!(sections(&by_kind)
        .iter()
        .any(|s| matches!(s, Section::Discussion(Discussion::ByKind(_)))));
}

#[test]
fn per_person_counts_show_only_when_chosen() {
    let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
    let catalog = crate::templates::Catalog::built_in();
    let data = crate::bundle::parse("sample", text, &catalog).unwrap();
    let hidden = Report::build_with(
        &data,
        crate::report::Options::choosing(ReportChoices::default()),
    );
    assert!(hidden.stats.by_participant.is_empty());
    assert!(hidden.participation.bars.is_empty());
    assert!(!hidden.stats.by_stage.is_empty());
    assert!(!hidden.stats.by_kind.is_empty());
    let shown = ReportChoices {
        person_stats: PersonStats::Show,
        ..ReportChoices::default()
    };
    let shown = Report::build_with(&data, crate::report::Options::choosing(shown));
    // Each person once, in the participation table; the counts per
    // participant keep only the group's (the sample's every item).
    assert_eq!(shown.participation.bars.len(), data.roster().count());
    let rest: Vec<&str> = shown
        .stats
        .by_participant
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(rest, ["Groupe"]);
}

#[test]
fn the_log_holds_every_item_oldest_first() {
    let r = sample_report();
    let Some(Section::Log(entries)) = sections(&r).pop() else {
        panic!("the log comes last");
    };
    assert_eq!(entries.len(), r.stats.total);
    assert!(entries
        .windows(2)
        .all(|w| w[0].created_at <= w[1].created_at));
}

#[test]
fn anchors_are_unique_and_headings_in_the_session_language() {
    let mut r = sample_report();
    let shared = crate::report::SharedIdeas {
        heading: "Shared".into(),
        stage: "S".into(),
        groups: vec![],
    };
    r.shared = vec![shared.clone(), shared];
    let all = anchors(&r);
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "{all:?}");
    assert!(all.contains(&"shared-2".to_string()));
    let log = sections(&r).pop().unwrap();
    assert_eq!(log.heading(&r), "Annexe : Journal chronologique");
}

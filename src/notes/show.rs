//! What an import finds, as text for a terminal: the dry run's tree with
//! kinds and every line it could not place, and a real import's counts.

use super::parse::KindFrom;
use super::Prepared;
use crate::i18n::{t, tf};
use crate::model::Lang;
use crate::text::clean;
use std::fmt::Write;

/// The session the notes would make, as a tree with kinds, then the
/// lines to sort with their line numbers. `lang` is the reader's.
pub fn dry_run(p: &Prepared, lang: Lang) -> String {
    let data = &p.plan.data;
    let s = &data.session;
    let mut out = String::new();
    let field = |out: &mut String, key: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(
                out,
                "{}{}{}",
                t(lang, key),
                crate::i18n::colon(lang),
                clean(value, false)
            );
        }
    };
    field(&mut out, "notes.show.title", &s.title);
    field(&mut out, "notes.show.language", s.language.code());
    field(&mut out, "notes.show.question", &s.question);
    field(&mut out, "notes.show.context", &s.context);
    field(&mut out, "notes.show.lead", &s.lead);
    let names: Vec<&str> = data.participants.iter().map(|p| p.name.as_str()).collect();
    field(&mut out, "notes.show.participants", &names.join(", "));
    field(&mut out, "notes.show.synthesis", &data.synthesis.text);
    for b in &data.synthesis.blocks {
        let block = if b.text.is_empty() {
            b.title.clone()
        } else {
            format!("{} — {}", b.title, b.text)
        };
        field(&mut out, "notes.show.block", &block);
    }
    field(&mut out, "notes.show.proposal", &data.synthesis.proposal);
    for (stage, (title, count)) in data.stages.iter().zip(p.plan.counts()) {
        let _ = writeln!(
            out,
            "\n{}",
            tf(
                lang,
                "notes.show.stage",
                &[("stage", &clean(&title, false)), ("n", &count.to_string())]
            )
        );
        let placed = p.notes.elements.iter().zip(&p.plan.stage_of);
        for (e, _) in placed.filter(|(_, id)| **id == stage.id) {
            let how = match e.from {
                KindFrom::Label => "notes.show.from_label",
                KindFrom::FirstWord => "notes.show.from_first_word",
                KindFrom::QuestionMark => "notes.show.from_question_mark",
                KindFrom::Run => "notes.show.from_run",
                KindFrom::Section => "notes.show.from_section",
                KindFrom::ToSort => "notes.show.from_nothing",
            };
            let _ = writeln!(
                out,
                "{}- [{}] {}  ({} {}, {})",
                "  ".repeat(e.depth + 1),
                e.kind.label(lang),
                clean(&e.text, false),
                t(lang, "notes.show.line"),
                e.line,
                t(lang, how)
            );
        }
    }
    let to_sort: Vec<_> = p.notes.elements.iter().filter(|e| e.to_sort()).collect();
    let _ = writeln!(
        out,
        "\n{}",
        tf(
            lang,
            "notes.show.unplaced",
            &[("n", &to_sort.len().to_string())]
        )
    );
    for e in to_sort {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            t(lang, "notes.show.line"),
            e.line,
            clean(&e.text, false)
        );
    }
    out
}

/// A real import's report: where the elements went, stage by stage, and
/// how many are to sort.
pub fn summary(p: &Prepared, lang: Lang) -> String {
    // The "to sort" stage is said apart, last.
    let stages = p.plan.data.stages.iter().zip(p.plan.counts());
    let counts: Vec<String> = stages
        .filter(|(stage, _)| stage.key != super::TO_SORT)
        .map(|(_, (title, n))| format!("{} {n}", clean(&title, false)))
        .collect();
    tf(
        lang,
        "notes.summary",
        &[
            ("title", &clean(&p.plan.data.session.title, false)),
            ("stages", &counts.join(", ")),
            ("participants", &p.plan.data.participants.len().to_string()),
            ("to_sort", &p.plan.to_sort().to_string()),
        ],
    )
}

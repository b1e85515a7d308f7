//! `atelier show`: a session summary for the terminal.

use crate::i18n::{colon, long_date, t};
use crate::model::{Contribution, Lang, SessionData, Tree, MAX_DEPTH};
use crate::templates::Catalog;
use std::fmt::Write;

/// The last eight characters of an id: enough to tell contributions apart
/// and accepted by `--parent`.
pub fn short_id(id: &crate::model::Id) -> String {
    let s = id.simple().to_string();
    s[s.len() - 8..].to_string()
}

/// The summary, cleaned as a whole: every stored text in it (titles, names,
/// contributions, synthesis) reaches the terminal without control
/// characters or bidi overrides.
pub fn summary(data: &SessionData, catalog: &Catalog, lang: Lang) -> String {
    crate::text::clean(&raw_summary(data, catalog, lang), true)
}

fn raw_summary(data: &SessionData, catalog: &Catalog, lang: Lang) -> String {
    let s = &data.session;
    let mut out = String::new();
    let _ = writeln!(out, "{}", one_line(&s.title));
    let status = t(lang, &format!("report.status.{}", s.status.key()));
    let mut meta = vec![long_date(lang, s.date), status.to_string()];
    if !s.event.is_empty() {
        meta.insert(0, one_line(&s.event));
    }
    let _ = writeln!(out, "{}", meta.join(" · "));
    let _ = writeln!(out, "id {}", s.id);
    out.push_str(&super::show_follow::previous(data, lang));
    out.push('\n');
    let _ = writeln!(
        out,
        "{}{}{}",
        t(lang, "report.question"),
        colon(lang),
        one_line(&s.question)
    );
    if !s.context.is_empty() {
        let _ = writeln!(
            out,
            "{}{}{}",
            t(lang, "report.context"),
            colon(lang),
            one_line(&s.context)
        );
    }
    if !s.lead.is_empty() {
        // "Porteuse : Florence Mensah" names the role: as in the reports.
        let (label, lead) = match crate::model::lead_title(&s.lead) {
            Some((title, name)) => (title.to_string(), name.to_string()),
            None => (t(lang, "report.lead").to_string(), s.lead.clone()),
        };
        let _ = writeln!(out, "{label}{}{}", colon(lang), one_line(&lead));
    }
    let names: Vec<String> = data.roster().map(|p| one_line(&p.name)).collect();
    let _ = writeln!(
        out,
        "{}{}{}",
        t(lang, "report.participants"),
        colon(lang),
        names.join(", ")
    );
    let template = catalog.get(&s.template);
    let tree = Tree::new(data);
    // The copies of open merge conflicts, marked as the run screen marks
    // them (the report leaves them out until settled).
    let copies = crate::model::merge::open_copies(data);
    for (i, stage) in data.stages.iter().enumerate() {
        let count = data.live().filter(|c| c.stage_id == stage.id).count();
        let _ = writeln!(
            out,
            "\n[{}] {} ({}{}{}, {} min, {count} {})",
            i + 1,
            one_line(&stage.title),
            t(lang, "cli.stage_key"),
            colon(lang),
            stage.key,
            stage.planned_minutes,
            t(
                lang,
                if count == 1 {
                    "cli.input_one"
                } else {
                    "cli.inputs"
                }
            ),
        );
        let marks = super::structures::stage_marks(stage, lang);
        if !marks.is_empty() {
            let _ = writeln!(out, "{marks}");
        }
        if template.and_then(|t| t.stage(&stage.key)).is_none() && template.is_some() {
            let _ = writeln!(out, "    ({})", t(lang, "cli.stage_not_in_template"));
        }
        for (c, depth) in tree.walk_stage(stage.id) {
            line(&mut out, data, c, depth, lang);
            if copies.contains(&c.id) {
                let _ = writeln!(out, "            {}", t(lang, "cli.conflict_copy"));
            }
        }
    }
    let parked = data.parked();
    if !parked.is_empty() {
        let _ = writeln!(out, "\n{} ({})", t(lang, "report.parking"), parked.len());
        for c in parked {
            line(&mut out, data, c, 0, lang);
        }
    }
    let decisions: Vec<_> = data.logged_decisions().collect();
    if !decisions.is_empty() {
        let _ = writeln!(out, "\n{}", t(lang, "report.decisions"));
        for d in decisions {
            let when = crate::report::local_time(lang, &d.decided_at);
            let _ = writeln!(out, "  {when}  {}", one_line(&d.text));
        }
    }
    let actions: Vec<_> = data.listed_actions().collect();
    if !actions.is_empty() {
        let _ = writeln!(out, "\n{}", t(lang, "report.actions"));
        for a in actions {
            let mark = if a.done { "[x]" } else { "[ ]" };
            let who = match a.who_participant {
                Some(p) => data.participant(p).map_or("", |p| p.name.as_str()),
                None => a.who_name.as_str(),
            };
            let due = a
                .due
                .map(|d| crate::i18n::short_date(lang, d))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}  {mark}  {due:<10}  {}  {}{}",
                short_id(&a.id),
                one_line(who),
                one_line(&a.text),
                super::show_follow::origin(a)
            );
        }
    }
    super::themes::summary(&mut out, data, lang);
    if data.voting != crate::model::Voting::default() {
        let _ = write!(out, "\n{}", super::votes::lines(data, lang));
    }
    super::links::section(&mut out, data, lang);
    out.push_str(&super::show_follow::participation(data, lang));
    let syn = &data.synthesis;
    if !syn.is_empty() {
        let _ = writeln!(out, "\n{}", t(lang, "report.synthesis"));
        if !syn.text.is_empty() {
            let _ = writeln!(out, "  {}", one_line(&syn.text));
        }
        for b in &syn.blocks {
            let _ = writeln!(
                out,
                "  • {}{}{}",
                one_line(&b.title),
                colon(lang),
                one_line(&b.text)
            );
        }
        if !syn.proposal.is_empty() {
            let _ = writeln!(
                out,
                "  {}{}{}",
                t(lang, "report.proposal"),
                colon(lang),
                one_line(&syn.proposal)
            );
        }
    }
    out
}

fn line(out: &mut String, data: &SessionData, c: &Contribution, depth: usize, lang: Lang) {
    let who = c
        .participant_id
        .and_then(|p| data.participant(p))
        .map(|p| format!(" — {}", one_line(&p.name)))
        .unwrap_or_default()
        + &super::structures::item_marks(c, lang);
    let text = one_line(&c.text);
    // Indentation stops growing at the deepest allowed level, so a deeper
    // chain (an old or forged database) costs a line per item, not a
    // square.
    let _ = writeln!(
        out,
        "  {}  {}{:<11} {text}{who}",
        short_id(&c.id),
        "  ".repeat(depth.min(MAX_DEPTH)),
        c.kind.label(lang),
    );
}

/// A field shown on its own line: its line breaks become " / ", so no
/// stored text can add a line that looks like another entry.
pub(super) fn one_line(text: &str) -> String {
    text.trim_matches([' ', '\n', '\r'])
        .replace("\r\n", "\n")
        .replace('\n', " / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{new_id, now, Kind};

    fn sample() -> SessionData {
        let text = include_str!("../../sessions/atelier-5-emergence-session-1.json");
        crate::bundle::parse("sample", text, &Catalog::built_in()).unwrap()
    }

    #[test]
    fn a_deep_chain_costs_a_line_per_item() {
        let mut data = sample();
        let stage = data.stages[1].id;
        let mut parent = None;
        for _ in 0..20_000 {
            let c = Contribution {
                id: new_id(),
                stage_id: stage,
                participant_id: None,
                kind: Kind::Idea,
                text: "deep".into(),
                parent_id: parent,
                position: 0,
                created_at: now(),
                updated_at: now(),
                deleted_at: None,
                parked_at: None,
                revisions: Vec::new(),
                group: None,
                anonymous: false,
                origin: crate::model::Origin::Facilitator,
            };
            parent = Some(c.id);
            data.contributions.push(c);
        }
        let out = summary(&data, &Catalog::built_in(), Lang::En);
        let deep: Vec<&str> = out.lines().filter(|l| l.ends_with(" deep")).collect();
        assert_eq!(deep.len(), 20_000);
        let widest = deep.iter().map(|l| l.len()).max().unwrap();
        assert!(widest < 30 + 2 * MAX_DEPTH + 20, "{widest} bytes");
    }

    #[test]
    fn stored_text_reaches_the_terminal_clean() {
        let mut data = sample();
        data.session.title = "\u{1b}]0;title\u{7}".into();
        data.participants[0].name = "\u{9b}2J".into();
        data.contributions[0].text = "a\u{202e}b\r\nc".into();
        let out = summary(&data, &Catalog::built_in(), Lang::En);
        assert!(!out.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'));
        assert!(out.starts_with("\u{FFFD}]0;title\u{FFFD}\n"));
        assert!(out.contains("a\u{FFFD}b / c"));
    }
}

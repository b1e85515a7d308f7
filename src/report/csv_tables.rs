//! The report's other tables as CSV of their own (`export --format csv
//! --table NAME`): the actions, the decisions, the dot-vote ranking and the
//! participation, each with columns that say what they hold, for a
//! spreadsheet or a script. Same conventions as the contributions' CSV
//! (`csv.rs`): UTF-8 with a BOM, the session's language and separator,
//! every cell a spreadsheet would evaluate neutralised, and the one
//! anonymity rule already applied by the view model.

use super::csv::{neutralise, spreadsheet};
use super::Report;
use crate::i18n::t;

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    /// One row per contribution (and, for older scripts, the decision,
    /// action and participation rows after them): `csv.rs`.
    #[default]
    Contributions,
    Actions,
    Decisions,
    Votes,
    Participation,
}

impl Table {
    pub const ALL: [Table; 5] = [
        Table::Contributions,
        Table::Actions,
        Table::Decisions,
        Table::Votes,
        Table::Participation,
    ];

    /// The name `--table` takes, and a file name's suffix.
    pub fn name(self) -> &'static str {
        match self {
            Table::Contributions => "contributions",
            Table::Actions => "actions",
            Table::Decisions => "decisions",
            Table::Votes => "votes",
            Table::Participation => "participation",
        }
    }

    pub fn parse(s: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == s.trim())
    }
}

/// Writes `table` as CSV to `out`.
pub fn write(r: &Report, table: Table, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if table == Table::Contributions {
        return super::csv::write(r, out);
    }
    let lang = r.language;
    let mut w = spreadsheet(out, lang)?;
    let header = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .map(|k| t(lang, &format!("csv_tables.{k}")).to_string())
            .collect()
    };
    match table {
        Table::Contributions => unreachable!("written above"),
        Table::Actions => {
            w.write_record(header(&["what", "who", "due", "status", "carried_over"]))?;
            for a in &r.actions {
                w.write_record([
                    neutralise(&a.text),
                    neutralise(a.who.as_deref().unwrap_or("")),
                    // As the session's language writes a date, like every
                    // other date of its CSV files.
                    a.due.clone().unwrap_or_default(),
                    neutralise(&a.status),
                    yes_no(lang, a.carried_over),
                ])?;
            }
        }
        Table::Decisions => {
            w.write_record(header(&["decided_at", "decision"]))?;
            for d in &r.decisions {
                w.write_record([d.time.clone(), neutralise(&d.text)])?;
            }
        }
        Table::Votes => {
            w.write_record(header(&["rank", "tied", "dots", "kind", "item", "id"]))?;
            for v in &r.votes.ranking {
                w.write_record([
                    v.rank.to_string(),
                    yes_no(lang, v.tied),
                    v.dots.to_string(),
                    neutralise(&v.kind_label),
                    neutralise(&v.text),
                    v.id.clone(),
                ])?;
            }
        }
        Table::Participation => {
            let p = &r.participation;
            w.write_record(header(&["participant", "contributions", "share", "passes"]))?;
            // Shares of every contribution the report shows: those noted
            // as the group's or anonymously count too (a sample noted all
            // as the group's read "Total;0").
            let all = r.stats.total;
            let share = |n: usize| (n * 100).checked_div(all).unwrap_or(0).to_string();
            // Per person only when the report may show it (named session,
            // per-person counts shown); the rest and the totals always.
            for b in &p.bars {
                w.write_record([
                    neutralise(&b.label),
                    b.count.to_string(),
                    share(b.count),
                    b.passes.to_string(),
                ])?;
            }
            // What no one present is credited with: the group's,
            // anonymous ones, former participants'.
            let others = all - p.total;
            if !p.bars.is_empty() && others > 0 {
                let label = t(lang, "csv_tables.not_by_name").to_string();
                w.write_record([label, others.to_string(), share(others), String::new()])?;
            }
            w.write_record([
                t(lang, "csv_tables.total").to_string(),
                all.to_string(),
                share(all),
                p.passes.to_string(),
            ])?;
        }
    }
    w.flush()
}

fn yes_no(lang: crate::model::Lang, yes: bool) -> String {
    t(
        lang,
        if yes {
            "csv_tables.yes"
        } else {
            "csv_tables.no"
        },
    )
    .to_string()
}

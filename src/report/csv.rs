//! CSV export: one row per contribution of the report, parents before
//! their sub-points (parked ones last, marked in the `parked` column), then
//! one row per decision (kind "Decision"), then one per open or done
//! action (kind "Action": who in the author column, the due date in the
//! time column), built from the view model like every other report format
//! (so the anonymity rule is the report's). The last columns, added as the
//! toolkit grew (so older columns keep their place), give the theme a
//! contribution is sorted into, its dots in the vote, and the ids of what
//! it answers (see `model::Links`), its 1-2-4-All group, and where it
//! came from, in the session's language like every other cell (`animation`,
//! `salle`, `notes` in French; `facilitator`, `room`, `notes` in English).
//!
//! Made to open right by double-click: UTF-8 with a byte-order mark (Excel
//! otherwise guesses a legacy code page), `;` between cells in French
//! sessions (French spreadsheets read `,` as the decimal mark), headers in
//! the session's language, times on this laptop's clock. A cell that a
//! spreadsheet would evaluate as a formula gets a leading apostrophe.

use super::{Item, Report};
use crate::i18n::t;
use crate::model::Lang;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The columns, as i18n keys, in order. Columns added as the toolkit grew
/// come last, so a script reading the older columns by place still works.
const HEADERS: [&str; 13] = [
    "csv.id",
    "csv.stage",
    "csv.kind",
    "csv.participant",
    "csv.text",
    "csv.parent",
    "csv.time",
    "csv.parked",
    "csv.themes_theme",
    "csv.votes",
    "csv.answers",
    "structures.csv_group",
    "inbox.csv_origin",
];

/// The cell separator a spreadsheet in this language expects.
pub fn delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Fr => b';',
        Lang::En => b',',
    }
}

/// A CSV writer as spreadsheets open it best, after the byte-order mark
/// that tells them it is UTF-8: the language's separator, CRLF lines.
pub fn spreadsheet(
    out: &mut dyn std::io::Write,
    lang: Lang,
) -> std::io::Result<csv::Writer<&mut dyn std::io::Write>> {
    out.write_all("\u{FEFF}".as_bytes())?;
    Ok(csv::WriterBuilder::new()
        .delimiter(delimiter(lang))
        .terminator(csv::Terminator::CRLF)
        .from_writer(out))
}

/// Writes the CSV to `out` row by row, after the byte-order mark.
pub fn write(r: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let lang = r.language;
    let mut w = spreadsheet(out, lang)?;
    w.write_record(HEADERS.map(|h| t(lang, h)))?;
    let in_stages = r
        .discussion
        .iter()
        .flat_map(|g| &g.items)
        .chain(&r.ideas)
        .chain(&r.resources)
        .map(|item| (item, "0"));
    let tops = in_stages.chain(r.parking.iter().map(|item| (item, "1")));
    let theme_of = super::themes::theme_of_item(&r.themes);
    // Dots per item (only voted items are ranked); empty for the rest.
    let dots: std::collections::HashMap<&str, String> = r
        .votes
        .ranking
        .iter()
        .map(|v| (v.id.as_str(), v.dots.to_string()))
        .collect();
    for (top, parked) in tops {
        // Parents first, without recursion; the parent's id rides along.
        let mut stack: Vec<(&Item, &str)> = vec![(top, "")];
        while let Some((item, parent)) = stack.pop() {
            let group = item.group.map(|g| g.to_string()).unwrap_or_default();
            let origin = t(lang, &format!("inbox.csv_origin.{}", item.origin));
            let row = [
                item.id.as_str(),
                &neutralise(&item.stage),
                &neutralise(item.kind_label),
                &neutralise(item.author.as_deref().unwrap_or("")),
                &neutralise(&item.text),
                parent,
                &item.time,
                parked,
                &neutralise(theme_of.get(item.id.as_str()).copied().unwrap_or("")),
                dots.get(item.id.as_str()).map_or("", String::as_str),
                &r.trace.answers_of(&item.id),
                &group,
                origin,
            ];
            w.write_record(row)?;
            stack.extend(item.children.iter().rev().map(|c| (c, item.id.as_str())));
        }
    }
    let decision = neutralise(t(lang, "csv.decision"));
    for d in &r.decisions {
        let text = neutralise(&d.text);
        short_row(&mut w, &["", "", &decision, "", &text, "", &d.time, "0"])?;
    }
    for a in &r.actions {
        let kind = neutralise(&format!("{} ({})", t(lang, "csv.action"), a.status));
        let who = neutralise(a.who.as_deref().unwrap_or(""));
        let text = neutralise(&a.text);
        let due = a.due.as_deref().unwrap_or("");
        short_row(&mut w, &["", "", &kind, &who, &text, "", due, "0"])?;
    }
    for (who, text) in super::participation::rows(&r.participation, lang) {
        let kind = neutralise(t(lang, "csv.participation"));
        short_row(
            &mut w,
            &[
                "",
                "",
                &kind,
                &neutralise(&who),
                &neutralise(&text),
                "",
                "",
                "0",
            ],
        )?;
    }
    w.flush()
}

/// Writes a decision, action or participation row: it fills the first
/// columns and leaves the rest empty, since the writer wants every row as
/// wide as the header.
fn short_row<W: std::io::Write>(w: &mut csv::Writer<W>, cells: &[&str]) -> csv::Result<()> {
    let blank = HEADERS.len().saturating_sub(cells.len());
    w.write_record(cells.iter().copied().chain(std::iter::repeat_n("", blank)))
}

/// Characters that start a formula, with their full-width and small-form
/// twins, which some spreadsheets fold to ASCII.
const FORMULA: &[char] = &[
    '=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫',
];

/// Prefixes a cell that a spreadsheet would evaluate: one whose first
/// character is a tab or carriage return, or whose first visible character
/// (after spaces, line breaks, controls and invisible format characters
/// such as U+200B or U+FEFF, which spreadsheets may trim) starts a formula.
///
/// Every cell is also cleaned first (`text::clean`): a CSV is often printed
/// on a terminal (`export` writes to standard output), where a control or
/// bidi character would act instead of being read.
pub fn neutralise(cell: &str) -> String {
    let cell = crate::text::clean(cell, true);
    if is_formula(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn is_formula(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r']) {
        return true;
    }
    cell.chars()
        .find(|c| !invisible(*c))
        .is_some_and(|c| FORMULA.contains(&c))
}

/// Whitespace of any script, control and format characters.
pub fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c.general_category(),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::SpaceSeparator
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_are_neutralised() {
        for cell in [
            "=1+1",
            "@SUM(A1)",
            "-2",
            "+1",
            "\t=1",
            " =1+1",
            "\u{a0}=1",
            "\u{200b}=1",
            "\u{3000}=1",
            "\u{feff}=1",
            "\n=1",
            " \u{200b}\u{a0}@x",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
        ] {
            let shown = crate::text::clean(cell, true);
            assert_eq!(neutralise(cell), format!("'{shown}"), "{cell:?}");
        }
        for cell in ["ok = fine", "", "   ", "a-b", "\u{200b}x", "'=already"] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
        // A carriage return is dropped (it would rewrite a terminal line),
        // so what follows it is read as it is.
        assert_eq!(neutralise("\rx"), "x");
        assert_eq!(neutralise("\r=1"), "'=1");
    }

    use super::{invisible, FORMULA};
    use proptest::prelude::*;

    /// Leading characters a spreadsheet may skip or not show.
    fn invisibles() -> impl Strategy<Value = String> {
        let c = prop::sample::select(vec![
            ' ', '\u{a0}', '\u{200b}', '\u{3000}', '\u{feff}', '\n', '\t', '\r', '\u{2060}',
            '\u{2028}',
        ]);
        prop::collection::vec(c, 0..4).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn a_formula_behind_invisibles_is_prefixed(
            lead in invisibles(),
            sign in prop::sample::select(FORMULA.to_vec()),
            rest in any::<String>(),
        ) {
            let cell = format!("{lead}{sign}{rest}");
            let shown = crate::text::clean(&cell, true);
            prop_assert_eq!(neutralise(&cell), format!("'{shown}"));
        }

        #[test]
        fn any_cell_is_kept_whole_and_prefixed_only_when_evaluated(cell in any::<String>()) {
            let out = neutralise(&cell);
            // What is kept is the cell as every format shows it: no control
            // or bidi character but the newline.
            let shown = crate::text::clean(&cell, true);
            prop_assert!(!out.chars().any(|c| c != '\n' && crate::text::is_unsafe(c)));
            let visible = shown.trim_start_matches(invisible);
            if visible.starts_with(FORMULA) {
                prop_assert_eq!(out, format!("'{shown}"));
            } else {
                prop_assert_eq!(out, shown);
            }
        }
    }
}

//! The dot vote in a report: the items that got dots, ranked, ties sharing
//! a rank, as bars in the style of the participation chart. Only counts:
//! no report says who placed a dot, named session or not. Whether the
//! screen hides the counts does not matter here.

use super::participation::{BAR_MAX, BAR_ROW};
use crate::i18n::{t, tf};
use crate::model::{rank_items, Contribution, Lang, SessionData};
use serde::Serialize;

/// The ranking of the voted items, most dots first.
#[derive(Debug, Clone, Serialize)]
pub struct Votes {
    pub dots_per_participant: u32,
    /// Dots on the items the report shows.
    pub total: u32,
    pub ranking: Vec<RankedItem>,
    /// The chart's height in SVG user units (one row per item).
    pub height: usize,
    /// "9 dots on 4 items (3 per participant)".
    pub summary: String,
    pub heading: String,
    /// Column headings: rank, item, dots.
    pub columns: [String; 3],
}

#[derive(Debug, Clone, Serialize)]
pub struct RankedItem {
    /// The contribution's id, as in the report's other lists.
    pub id: String,
    pub text: String,
    /// The text cut to fit the chart's label column; `text` is whole.
    pub label: String,
    /// The text wrapped in the chart's label column (at most
    /// `LABEL_LINES` lines, the last cut with "…" when more is left).
    pub label_lines: Vec<String>,
    /// The row's height in SVG user units (one bar, or the label's lines).
    pub height: usize,
    pub kind_label: String,
    pub rank: usize,
    pub tied: bool,
    /// "1", or "1 (tied)" / "1 (ex aequo)" when another item has as many.
    pub place: String,
    pub dots: u32,
    /// Length in SVG user units, scaled to the most dots.
    pub width: usize,
    /// Top of the row in SVG user units.
    pub y: usize,
    /// Accessible description of the bar.
    pub title: String,
}

/// Characters of an item's text the chart's label column holds.
const LABEL_CHARS: usize = 24;
/// Characters of one line of the chart's label column (220 user units
/// at 13 px: about 7.5 units a character, a margin kept).
const LINE_CHARS: usize = 25;
/// Lines of text a label may take.
const LABEL_LINES: usize = 3;
/// The height of one more line of a label, in SVG user units.
pub const LINE_HEIGHT: usize = 16;

/// Places the rows one under the other, each as tall as its label;
/// returns the chart's height.
pub(super) fn stack(rows: &mut [RankedItem]) -> usize {
    let mut y = 0;
    for row in rows {
        row.y = y;
        y += row.height;
    }
    y
}

/// `text` on at most `LABEL_LINES` lines of `LINE_CHARS` characters,
/// broken between words (a word longer than a line is cut), never at a
/// space French typography glues (see [`unbreakable_words`]).
fn label_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in unbreakable_words(text) {
        let word: String = word.chars().take(LINE_CHARS).collect();
        let fits = current.chars().count() + 1 + word.chars().count() <= LINE_CHARS;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&word);
            continue;
        }
        lines.push(std::mem::replace(&mut current, word));
        if lines.len() == LABEL_LINES {
            let last = lines.last_mut().expect("a line");
            let cut: String = last.chars().take(LINE_CHARS - 1).collect();
            *last = format!("{}…", cut.trim_end());
            return lines;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The words of `text` a label may break between. A no-break space
/// (U+00A0, U+202F, U+2007) never breaks; nor does an ordinary space
/// before `? ! ; : »` or after `«`: the reading formats turn it into a
/// no-break one line by line (`report::typography`), so a label line never
/// starts with "?".
fn unbreakable_words(text: &str) -> Vec<String> {
    let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}');
    let mut words: Vec<String> = Vec::new();
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let glued = word.starts_with(['?', '!', ';', ':', '»'])
            || words.last().is_some_and(|w| w.ends_with('«'));
        match words.last_mut() {
            Some(last) if glued => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    words
}

/// The voted items among those the report shows (`shown`, in report
/// order: ties keep it), ranked; empty when nobody voted.
pub(super) fn build(data: &SessionData, shown: &[&Contribution], lang: Lang) -> Votes {
    let voting = &data.voting;
    let totals = voting.totals();
    let voted = shown
        .iter()
        .filter(|c| totals.get(&c.id).is_some_and(|n| *n > 0))
        .map(|c| c.id);
    let ranked = rank_items(voting, voted);
    let by_id: std::collections::HashMap<_, _> = shown.iter().map(|c| (c.id, *c)).collect();
    let most = ranked.first().map_or(1, |r| r.dots.max(1)) as usize;
    let mut ranking: Vec<RankedItem> = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let c = by_id[&r.item];
            let what = (c.id.to_string(), c.text.as_str(), c.kind.label(lang));
            row(i, r, what, most, lang)
        })
        .collect();
    let height = stack(&mut ranking);
    let total: u32 = ranked.iter().map(|r| r.dots).sum();
    // Dots placed on what was set aside after the vote: said, not dropped
    // without a word ("12 dots placed, the ranking shows 11").
    let parked: u32 = data
        .contributions
        .iter()
        .filter(|c| c.is_parked())
        .filter_map(|c| totals.get(&c.id))
        .sum();
    let items = crate::i18n::tn(lang, "votes.report_items", ranking.len(), &[]);
    let dots = voting.dots_per_participant.to_string();
    let args = [("items", items.as_str()), ("dots", &dots)];
    let mut summary = crate::i18n::tn(lang, "votes.report_summary", total as usize, &args);
    if parked > 0 {
        summary.push_str(&crate::i18n::tn(
            lang,
            "votes.report_parked",
            parked as usize,
            &[],
        ));
    }
    Votes {
        dots_per_participant: voting.dots_per_participant,
        total,
        height,
        summary,
        ranking,
        heading: t(lang, "votes.report_heading").to_string(),
        columns: [
            "votes.report_rank",
            "votes.report_item",
            "votes.report_dots",
        ]
        .map(|k| t(lang, k).to_string()),
    }
}

/// The `i`th row of a ranking: `what` is the ranked thing's id, text and
/// kind; `most` the most dots of any row (the longest bar).
pub(super) fn row<T>(
    i: usize,
    r: &crate::model::Ranked<T>,
    (id, text, kind): (String, &str, &str),
    most: usize,
    lang: Lang,
) -> RankedItem {
    let place = if r.tied {
        tf(lang, "votes.report_tied", &[("rank", &r.rank.to_string())])
    } else {
        r.rank.to_string()
    };
    let label_lines = label_lines(text);
    RankedItem {
        id,
        text: text.to_string(),
        label: label(text),
        height: BAR_ROW.max(label_lines.len() * LINE_HEIGHT + 8),
        label_lines,
        kind_label: kind.to_string(),
        rank: r.rank,
        tied: r.tied,
        title: crate::i18n::tn(
            lang,
            "votes.report_bar",
            r.dots as usize,
            &[("place", &place), ("text", text)],
        ),
        place,
        dots: r.dots,
        width: r.dots as usize * BAR_MAX / most.max(1),
        y: i * BAR_ROW,
    }
}

/// The first line of a text, cut to the chart's label column.
fn label(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.chars().count() <= LABEL_CHARS && !text.trim().contains('\n') {
        return line.to_string();
    }
    let cut: String = line.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::{label, label_lines};

    #[test]
    fn a_long_label_wraps_between_words_on_three_lines_at_most() {
        let text =
            "Un lieu ouvert aux habitants pour réparer ensemble les vélos du quartier le samedi matin";
        let lines = label_lines(text);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines.iter().all(|l| l.chars().count() <= super::LINE_CHARS),
            "{lines:?}"
        );
        assert_eq!(lines[0], "Un lieu ouvert aux");
        assert!(lines[2].ends_with('…'));
        assert_eq!(label_lines("Short idea"), ["Short idea"]);
        assert_eq!(label_lines("Two\nlines"), ["Two lines"]);
    }

    #[test]
    fn a_label_never_breaks_at_a_space_french_typography_glues() {
        // Each line would end just before the "?" or inside the no-break
        // space were those spaces breakable.
        for text in [
            "Pour tous les agentes xyz ? Oui",
            "Pour tous les agentes xyz\u{202F}? Oui",
            "Pour tous les agentes xyz\u{A0}: oui",
            "Comme le dit bien Mart « tout »",
        ] {
            let lines = label_lines(text);
            assert!(lines.len() > 1, "{lines:?}");
            for line in &lines {
                assert!(
                    !line.starts_with(['?', ':', '»', '\u{A0}', '\u{202F}']),
                    "{text:?} gives {lines:?}"
                );
                assert!(!line.ends_with('«'), "{text:?} gives {lines:?}");
            }
        }
    }

    #[test]
    fn a_bars_title_counts_in_singular_or_plural() {
        use crate::model::{Lang, Ranked};
        let title = |lang, dots| {
            let r = Ranked {
                item: (),
                dots,
                rank: 1,
                tied: false,
            };
            super::row(0, &r, ("id".into(), "Idée", "Idée"), 3, lang).title
        };
        assert_eq!(title(Lang::Fr, 1), "1 : Idée, 1 point");
        assert_eq!(title(Lang::Fr, 3), "1 : Idée, 3 points");
        assert_eq!(title(Lang::En, 1), "1: Idée, 1 dot");
    }

    #[test]
    fn a_label_fits_its_column() {
        assert_eq!(label("Short idea"), "Short idea");
        assert_eq!(label("A\nsecond line"), "A…");
        let long = "x".repeat(40);
        assert_eq!(label(&long).chars().count(), super::LABEL_CHARS);
        assert!(label(&long).ends_with('…'));
    }
}

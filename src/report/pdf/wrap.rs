//! Line breaking: where a line may end is the Unicode line breaking
//! algorithm's (UAX #14, the `unicode-linebreak` crate); which of those
//! places is taken is first fit, the way word processors fill a line. A
//! word wider than the whole line is cut between characters.

use super::font::{Metrics, Weight};
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// A font at a size, and how to measure text in it.
#[derive(Clone, Copy)]
pub struct Style<'m> {
    pub metrics: &'m Metrics,
    pub weight: Weight,
    pub size: f32,
}

impl Style<'_> {
    pub fn width(&self, text: &str) -> f32 {
        self.metrics.width(text, self.weight, self.size)
    }
}

/// `text` as lines no wider than `width`. Stored text is shown through
/// [`crate::text::clean`] first: controls and bidi overrides never reach
/// the page. Newlines (and the Unicode line and paragraph separators) end
/// a line; blank lines are kept out.
pub fn lines(text: &str, style: Style, width: f32) -> Vec<String> {
    let clean = crate::text::clean(text, true);
    let mut out = Vec::new();
    for paragraph in clean.split(['\n', '\u{2028}', '\u{2029}']) {
        let paragraph = paragraph.trim_matches(' ');
        if !paragraph.is_empty() {
            fill(paragraph, style, width, &mut out);
        }
    }
    out
}

/// First fit over one paragraph (no mandatory break inside).
fn fill(text: &str, style: Style, width: f32, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        let segment = &text[start..end];
        start = end;
        let candidate = format!("{line}{segment}");
        if style.width(candidate.trim_end()) <= width {
            line = candidate;
        } else {
            if !line.trim_end().is_empty() {
                out.push(line.trim_end().to_string());
            }
            line = cut(segment, style, width, out);
        }
        if opportunity == BreakOpportunity::Mandatory && end < text.len() {
            out.push(std::mem::take(&mut line).trim_end().to_string());
        }
    }
    if !line.trim_end().is_empty() {
        out.push(line.trim_end().to_string());
    }
}

/// A segment on fresh lines: whole lines of it go to `out` while it is
/// too wide (cut between characters, at least one a line); what is left
/// starts the next line.
fn cut(segment: &str, style: Style, width: f32, out: &mut Vec<String>) -> String {
    let mut line = String::new();
    for c in segment.chars() {
        line.push(c);
        if !line.is_empty() && style.width(line.trim_end()) > width && line.chars().count() > 1 {
            line.pop();
            out.push(std::mem::take(&mut line));
            line.push(c);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(metrics: &Metrics) -> Style<'_> {
        Style {
            metrics,
            weight: Weight::Regular,
            size: 10.0,
        }
    }

    #[test]
    fn words_fill_a_line_and_wrap_at_spaces() {
        let m = Metrics::new();
        let s = style(&m);
        let text = "le chat dort sur le tapis rouge de la maison";
        let width = s.width("le chat dort sur le");
        let lines = lines(text, s, width);
        assert_eq!(lines[0], "le chat dort sur le");
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| s.width(l) <= width));
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_and_nothing_is_lost() {
        let m = Metrics::new();
        let s = style(&m);
        let word = "x".repeat(500);
        let lines = lines(&format!("a {word} b"), s, 100.0);
        assert!(lines.len() > 3, "{lines:?}");
        assert!(lines.iter().all(|l| s.width(l) <= 100.0));
        assert_eq!(lines.concat().replace(' ', ""), format!("a{word}b"));
    }

    #[test]
    fn newlines_end_lines_and_controls_never_reach_the_page() {
        let m = Metrics::new();
        let lines = lines("un\n\ndeux\u{202E}trois\u{1b}[2J", style(&m), 400.0);
        assert_eq!(lines, ["un", "deux\u{FFFD}trois\u{FFFD}[2J"]);
    }

    #[test]
    fn a_line_narrower_than_one_character_still_shows_every_character() {
        let m = Metrics::new();
        let lines = lines("abc", style(&m), 1.0);
        assert_eq!(lines, ["a", "b", "c"]);
    }
}

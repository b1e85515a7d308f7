//! Stored text made harmless for whatever shows it. Participants type,
//! paste and import text; a terminal would run an escape sequence in it
//! (`ESC ] 52` writes the clipboard, `ESC [ 2J` clears the screen) and a
//! bidi override would reorder what is around it. Every place that shows
//! stored text — the CLI, its error messages, the TUI and the reports —
//! goes through [`clean`], so they all agree on what a reader sees.

/// Replaces what could act instead of being read: control characters (C0,
/// DEL and C1 such as U+009B, the one-byte CSI) and the bidi embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), each shown as
/// U+FFFD so a reader can tell something was there. Newlines are kept when
/// `keep_newlines` and become spaces otherwise; tabs become spaces (they
/// would break columns); carriage returns are dropped (a lone one would
/// rewrite the start of a terminal line). The line and paragraph
/// separators U+2028/U+2029 break lines in some viewers and not in others
/// (a terminal, a JSON-fed script): U+2029 is a newline where newlines are
/// kept, U+2028 always a space, as in one cell or one line of output.
/// The bidi marks (U+200E, U+200F, U+061C) stay: they reorder nothing
/// beyond the neutral characters beside them, and Arabic or Hebrew text
/// with numbers or Latin words needs them to read in the right order (the
/// HTML's `dir="auto"` and the PDF's paragraphs lay them out); names are
/// compared without them (`model::name_key`). Noncharacters (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF and the last two of every plane) are shown as U+FFFD
/// too: XML 1.0 (ODT, a PDF's XMP metadata) cannot hold U+FFFE or U+FFFF,
/// and no format should carry what Unicode reserves for internal use.
pub fn clean(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\u{2029}' if keep_newlines => Some('\n'),
            '\n' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            '\r' => None,
            c if is_unsafe(c) || is_noncharacter(c) => Some(char::REPLACEMENT_CHARACTER),
            c => Some(c),
        })
        .collect()
}

/// A character that a terminal or a bidi-aware renderer would act on.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// One of the 66 code points Unicode sets aside as never being text.
pub fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32) & 0xFFFE == 0xFFFE
}

/// The Unicode bidi embeddings, overrides and isolates: they reorder the
/// text that follows them (the "Trojan Source" characters).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Any text, with the characters that matter here well represented:
    /// `any::<String>()` alone never yields a control character.
    pub(crate) fn any_text() -> impl Strategy<Value = String> {
        let nasty = prop::sample::select(vec![
            '\u{1b}', '\u{7}', '\n', '\r', '\t', '\0', '\u{7f}', '\u{85}', '\u{9b}', '\u{9c}',
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{2028}', '\u{2029}',
            '\u{a0}', ' ', '[', '<', '&', '#', '*', '_', '`', '\\', '|', '-', '=', '1', '.', ')',
        ]);
        prop::collection::vec(prop_oneof![any::<char>(), nasty], 0..48)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn cleaned_text_has_nothing_a_terminal_acts_on(text in any_text()) {
            let one_line = clean(&text, false);
            prop_assert!(!one_line.chars().any(is_unsafe), "{:?}", one_line);
            let lines = clean(&text, true);
            prop_assert!(!lines.chars().any(|c| is_unsafe(c) && c != '\n'), "{:?}", lines);
            let breaks = text.matches(['\n', '\u{2029}']).count();
            prop_assert_eq!(lines.matches('\n').count(), breaks);
            prop_assert!(!lines.contains(['\u{2028}', '\u{2029}']), "{:?}", lines);
        }
    }

    #[test]
    fn control_and_bidi_characters_are_shown_as_replacements() {
        assert_eq!(clean("a\u{1b}[2Jb\r\n", true), "a\u{FFFD}[2Jb\n");
        assert_eq!(clean("x\ty\nz", false), "x y z");
        assert_eq!(clean("\u{9b}31m\u{7f}", true), "\u{FFFD}31m\u{FFFD}");
        assert_eq!(clean("ab\u{202E}cd\u{2066}", true), "ab\u{FFFD}cd\u{FFFD}");
        assert_eq!(clean("é漢🎉 \u{200F}", false), "é漢🎉 \u{200F}");
        assert_eq!(clean("a\u{2028}b\u{2029}c", true), "a b\nc");
        assert_eq!(clean("a\u{2028}b\u{2029}c", false), "a b c");
        assert_eq!(
            clean("a\u{FFFE}b\u{FFFF}c\u{FDD0}d\u{10FFFF}e\u{FFFD}", false),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}"
        );
    }
}

//! How two typed names are found to be the same person's: the one
//! normalisation every match of a name goes through (roster look-ups,
//! action owners, the room's join, reports).

use super::Participant;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// `name` as names are compared: NFKC (so a decomposed "é", a
/// full-width letter or a no-break space reads as the usual one), case
/// folded, runs of spaces as one, and spaces and punctuation at either end
/// dropped ("Alice  Zorro." is "alice zorro"), and characters that show
/// nothing (zero-width spaces and joiners, soft hyphens, bidi marks and
/// controls: see `shows_nothing`) dropped everywhere, so that "Carol Xu"
/// with a hidden joiner is still Carol Xu. Letters and inner punctuation
/// stay: "Anne-Marie" and "Anne Marie" are two names.
pub fn name_key(name: &str) -> String {
    let visible: String = name.chars().filter(|c| !shows_nothing(*c)).collect();
    let folded: String = visible.nfkc().collect::<String>().to_lowercase();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| c.is_whitespace() || is_punctuation(c))
        .nfkc()
        .collect()
}

/// The people still on `roster` whose name reads as `name` does
/// (`name_key`): none, one, or several in a database from before a roster
/// had to hold distinct names (the caller then asks, never guesses).
pub fn same_name<'a>(roster: &'a [Participant], name: &str) -> Vec<&'a Participant> {
    let wanted = name_key(name);
    roster
        .iter()
        .filter(|p| p.removed_at.is_none() && name_key(&p.name) == wanted)
        .collect()
}

/// A character with no glyph of its own that a name may carry unseen:
/// format characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD, U+200E/F,
/// U+061C, U+202A–U+202E, U+2066–U+2069…), controls other than spaces,
/// the combining grapheme joiner, variation selectors and Hangul fillers
/// (the rest of Unicode's default-ignorable set).
fn shows_nothing(c: char) -> bool {
    use unicode_properties::GeneralCategory::{Control, Format};
    let category = c.general_category();
    (category == Format || (category == Control && !c.is_whitespace()))
        || matches!(c, '\u{34f}' | '\u{fe00}'..='\u{fe0f}' | '\u{180b}'..='\u{180f}')
        || matches!(c, '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}')
}

fn is_punctuation(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Punctuation
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn near_misses_of_a_name_are_the_same_key() {
        let key = name_key("Élodie Zorro");
        for typed in [
            "Élodie Zorro",
            "élodie zorro",
            "ÉLODIE ZORRO",
            "Élodie  Zorro",
            " Élodie\u{a0}Zorro. ",
            "E\u{301}lodie Zorro",
            "Élodie Zorro !",
            "«Élodie Zorro»",
        ] {
            assert_eq!(name_key(typed), key, "{typed:?}");
        }
        assert_ne!(name_key("Elodie Zorro"), key, "a letter is not a variant");
        assert_ne!(name_key("Anne-Marie"), name_key("Anne Marie"));
        assert_eq!(name_key(" .. "), "");
    }

    #[test]
    fn characters_that_show_nothing_are_not_part_of_a_name() {
        let key = name_key("Carol Xu");
        for hidden in [
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{200e}',
            '\u{200f}', '\u{61c}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{1b}',
            '\u{34f}', '\u{fe0f}',
        ] {
            for typed in [
                format!("Carol Xu{hidden}"),
                format!("Ca{hidden}rol Xu"),
                format!("{hidden}Carol Xu"),
            ] {
                assert_eq!(name_key(&typed), key, "{typed:?}");
            }
        }
        assert_eq!(name_key("Carol\tXu"), key, "a tab is a space, not nothing");
        assert_ne!(
            name_key("\u{421}arol Xu"),
            key,
            "homoglyphs are out of scope"
        );
    }
}

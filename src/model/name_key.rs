//! How two typed names are found to be the same person's: the one
//! normalisation every match of a name goes through (roster look-ups,
//! action owners, the room's join, reports).

use super::Participant;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// `name` as names are compared: NFKC (so a decomposed "é", a
/// full-width letter or a no-break space reads as the usual one), case
/// folded, runs of spaces as one, and spaces and punctuation at either end
/// dropped ("Alice  Zorro." is "alice zorro"). Letters and inner
/// punctuation stay: "Anne-Marie" and "Anne Marie" are two names.
pub fn name_key(name: &str) -> String {
    let folded: String = name.nfkc().collect::<String>().to_lowercase();
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
}

//! What is wrong at a place in a bundle, kept as a key and its values so
//! it is worded in the reader's language when shown.

use crate::i18n::tf;
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// One of our checks: a key of `assets/i18n` (`bundle.*`) and the
    /// values that fill its placeholders.
    Said {
        key: &'static str,
        args: Vec<(&'static str, String)>,
    },
    /// The JSON parser's own message ("invalid type: integer, expected a
    /// string"). serde words it in English only, so it stays English in
    /// every language.
    Parser(String),
}

impl Problem {
    pub(super) fn said(key: &'static str, args: &[(&'static str, &dyn ToString)]) -> Problem {
        Problem::Said {
            key,
            args: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Said { key, args } => {
                let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
                tf(lang, key, &args)
            }
            Problem::Parser(text) => text.clone(),
        }
    }
}

/// English, for logs and tests.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

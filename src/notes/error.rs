//! What stops an import: it names the file, the line when there is one,
//! and the problem, in the reader's language. Nothing is written then.

use crate::i18n::{tf, Localized};
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct NotesError {
    pub file: String,
    /// 1-based, when the problem is on one line.
    pub line: Option<usize>,
    /// The problem's text key (`notes.error.…`).
    pub key: &'static str,
    args: Vec<(&'static str, String)>,
}

impl NotesError {
    pub fn new(
        file: &str,
        line: Option<usize>,
        key: &'static str,
        args: &[(&'static str, String)],
    ) -> NotesError {
        NotesError {
            file: file.to_string(),
            line,
            key,
            args: args.to_vec(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let problem = tf(lang, self.key, &args);
        match self.line {
            Some(line) => tf(
                lang,
                "notes.error.at_line",
                &[
                    ("file", &self.file),
                    ("line", &line.to_string()),
                    ("problem", &problem),
                ],
            ),
            None => tf(
                lang,
                "notes.error.in_file",
                &[("file", &self.file), ("problem", &problem)],
            ),
        }
    }
}

impl std::fmt::Display for NotesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for NotesError {}

impl Localized for NotesError {
    fn message_in(&self, lang: Lang) -> String {
        self.message(lang)
    }
}

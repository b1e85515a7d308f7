use crate::i18n::t;
use crate::model::Lang;
use crate::store::StoreError;

/// Why a command was not applied; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// The session is closed: only `Reopen` is accepted.
    #[error("{}", t(Lang::En, "command.closed"))]
    Closed,
    /// Only a closed session can be reopened.
    #[error("{}", t(Lang::En, "command.not_closed"))]
    NotClosed,
    /// A target (contribution, stage, participant) of another session.
    #[error("{}", t(Lang::En, "command.other_session"))]
    OtherSession,
    /// Closing and reopening are changes of their own, never in a batch.
    #[error("{}", t(Lang::En, "command.not_in_batch"))]
    NotInBatch,
    /// This person already approved this version: one sign-off each.
    #[error("{}", already_signed(Lang::En, name, *number, *validated))]
    AlreadySigned {
        name: String,
        number: u32,
        validated: bool,
    },
    /// The report reads exactly as its latest version: nothing to publish.
    #[error("{}", unchanged(Lang::En, *number, *validated))]
    Unchanged { number: u32, validated: bool },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn unchanged(lang: Lang, number: u32, validated: bool) -> String {
    let version = crate::report::version_name(lang, number, validated);
    // A validated version is validated already: no hint to validate it.
    let key = match validated {
        true => "cycle.unchanged_validated",
        false => "cycle.unchanged",
    };
    crate::i18n::tf(lang, key, &[("version", &version)])
}

fn already_signed(lang: Lang, name: &str, number: u32, validated: bool) -> String {
    let version = crate::report::version_name(lang, number, validated);
    crate::i18n::tf(
        lang,
        "cycle.already_signed",
        &[("name", name), ("version", &version)],
    )
}

impl CommandError {
    /// The message in the interface's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CommandError::Closed => t(lang, "command.closed").to_string(),
            CommandError::NotClosed => t(lang, "command.not_closed").to_string(),
            CommandError::OtherSession => t(lang, "command.other_session").to_string(),
            CommandError::NotInBatch => t(lang, "command.not_in_batch").to_string(),
            CommandError::AlreadySigned {
                name,
                number,
                validated,
            } => already_signed(lang, name, *number, *validated),
            CommandError::Unchanged { number, validated } => unchanged(lang, *number, *validated),
            CommandError::Store(e) => e.message(lang),
        }
    }

    /// Ties a database error to its file (see `StoreError::named`).
    pub(crate) fn named(self, path: &str) -> CommandError {
        match self {
            CommandError::Store(e) => CommandError::Store(e.named(path)),
            other => other,
        }
    }
}

impl From<rusqlite::Error> for CommandError {
    fn from(e: rusqlite::Error) -> Self {
        CommandError::Store(StoreError::from(e))
    }
}

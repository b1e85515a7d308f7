//! Theme commands, to converge: add, rename, remove, put items in or out,
//! merge, split. Every one but `AddTheme` is undone by `PutThemes` with the
//! themes it changed as they were (rows and items), so undo and redo
//! restore membership exactly.

use super::{Command, CommandError, Done};
use crate::model::{Id, Theme};
use crate::store::Tx;

pub(super) fn add(tx: &Tx, session: Id, name: &str) -> Result<Done, CommandError> {
    let t = tx.add_theme(session, name)?;
    changed(tx, session, Command::RemoveTheme { id: t.id })
}

pub(super) fn rename(tx: &Tx, session: Id, id: Id, name: &str) -> Result<Done, CommandError> {
    let before = tx.rename_theme(session, id, name)?;
    changed(tx, session, Command::PutThemes(vec![before]))
}

pub(super) fn remove(tx: &Tx, session: Id, id: Id) -> Result<Done, CommandError> {
    let before = tx.remove_theme(session, id)?;
    changed(tx, session, Command::PutThemes(vec![before]))
}

pub(super) fn put_in(
    tx: &Tx,
    session: Id,
    items: &[Id],
    theme: Option<Id>,
) -> Result<Done, CommandError> {
    let before = tx.put_in_theme(session, items, theme)?;
    if before.is_empty() {
        // Taken out of themes they were not in: nothing changed.
        return Ok(Done::new(Command::PutThemes(before)));
    }
    changed(tx, session, Command::PutThemes(before))
}

pub(super) fn merge(tx: &Tx, session: Id, from: Id, into: Id) -> Result<Done, CommandError> {
    let before = tx.merge_themes(session, from, into)?;
    changed(tx, session, Command::PutThemes(before))
}

pub(super) fn split(
    tx: &Tx,
    session: Id,
    from: Id,
    items: &[Id],
    name: &str,
) -> Result<Done, CommandError> {
    let (mut new, before) = tx.split_theme(session, from, items, name)?;
    // Undone, the new theme is taken back (kept, marked, empty) like any
    // theme removed; redone, it comes back with its items.
    new.removed_at = Some(tx.now());
    changed(tx, session, Command::PutThemes(vec![before, new]))
}

pub(super) fn put(tx: &Tx, session: Id, themes: &[Theme]) -> Result<Done, CommandError> {
    let before = tx.put_themes(session, themes)?;
    changed(tx, session, Command::PutThemes(before))
}

/// The list changed: the screen gets the whole new list (it is short).
fn changed(tx: &Tx, session: Id, inverse: Command) -> Result<Done, CommandError> {
    let mut done = Done::new(inverse);
    done.delta.themes = Some(tx.themes(session)?);
    Ok(done)
}

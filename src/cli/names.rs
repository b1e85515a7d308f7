//! Who a name on the command line means: one rule for `add --participant`,
//! `vote --participant` and `action add --who`. An exact roster name (case
//! and surrounding spaces ignored) wins; otherwise the unique roster name
//! that starts with it ("Jacky" for "Jacky LE BIHAN"), both compared as
//! `model::name_key` reads names ("Jacky  Le Bihan." is Jacky LE BIHAN). Several starts are
//! an error that lists them, never a guess.

use crate::i18n::{t, tf};
use crate::model::{name_key, Id, Lang};
use crate::store::Store;
use anyhow::{bail, Result};

/// The roster member `name` means, or `None` when it means nobody on the
/// roster (an action may go to someone from outside).
pub(super) fn member_or_none(
    store: &Store,
    session: Id,
    name: &str,
    lang: Lang,
) -> Result<Option<Id>> {
    if let Some(p) = store.participant_by_name(session, name)? {
        return Ok(Some(p.id));
    }
    let wanted = crate::model::name_key(name);
    if wanted.is_empty() {
        return Ok(None);
    }
    let roster = store.participants(session)?;
    let starts: Vec<_> = roster
        .iter()
        .filter(|p| p.removed_at.is_none() && name_key(&p.name).starts_with(&wanted))
        .collect();
    match starts.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.id)),
        several => {
            let names: Vec<&str> = several.iter().map(|p| p.name.as_str()).collect();
            let names = names.join(", ");
            let args = [("name", name), ("names", names.as_str())];
            bail!("{}", tf(lang, "votes.cli_several_names", &args))
        }
    }
}

/// The roster member `name` means; an error naming the roster when it
/// means nobody.
pub(super) fn member(store: &Store, session: Id, name: &str, lang: Lang) -> Result<Id> {
    if let Some(id) = member_or_none(store, session, name, lang)? {
        return Ok(id);
    }
    let roster = store.participants(session)?;
    let names: Vec<&str> = roster
        .iter()
        .filter(|p| p.removed_at.is_none())
        .map(|p| p.name.as_str())
        .collect();
    let roster = if names.is_empty() {
        t(lang, "cli.roster_empty").to_string()
    } else {
        names.join(", ")
    };
    let args = [("name", name), ("roster", roster.as_str())];
    bail!("{}", tf(lang, "cli.no_participant", &args))
}

/// Who `name` means for a record that keeps a name (a remark, a sign-off):
/// a roster member and their name as on the roster, or nobody and the name
/// as typed.
pub(super) fn member_and_name(
    store: &Store,
    session: Id,
    name: &str,
    lang: Lang,
) -> Result<(Option<Id>, String)> {
    let Some(id) = member_or_none(store, session, name, lang)? else {
        return Ok((None, name.to_string()));
    };
    let roster = store.participants(session)?;
    let shown = roster.into_iter().find(|p| p.id == id).map(|p| p.name);
    Ok((Some(id), shown.unwrap_or_else(|| name.to_string())))
}

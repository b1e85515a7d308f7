//! Who a name on the command line means. For `add --participant`,
//! `vote --participant` and `action add --who`: an exact roster name (as
//! `model::name_key` reads names: "Jacky  Le Bihan." is Jacky LE BIHAN)
//! wins; otherwise the unique roster name that starts with it ("Jacky" for
//! "Jacky LE BIHAN"), said on stderr so that a mistaken start shows.
//! Several starts are an error that lists them, never a guess. A remark's
//! author and a sign-off are records of who spoke or approved: an exact
//! name only (see `member_and_name`).

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
    let wanted = name_key(name);
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
        [one] => {
            let args = [("typed", name.trim()), ("name", one.name.as_str())];
            eprintln!(
                "{}",
                crate::text::clean(&tf(lang, "cli.name_taken", &args), false)
            );
            Ok(Some(one.id))
        }
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
/// a roster member or the lead, typed in full, and their name as stored;
/// anyone else is someone from outside, named exactly as typed. No start
/// of a name here: "Al" approving must never become Alice Zorro's approval.
pub(super) fn member_and_name(
    store: &Store,
    session: Id,
    name: &str,
) -> Result<(Option<Id>, String)> {
    if let Some(p) = store.participant_by_name(session, name)? {
        return Ok((Some(p.id), p.name));
    }
    let lead = store.session(session)?.lead;
    let lead = crate::model::lead_title(&lead).map_or(lead.as_str(), |(_, n)| n);
    if !lead.trim().is_empty() && name_key(lead) == name_key(name) {
        return Ok((None, lead.trim().to_string()));
    }
    Ok((None, name.to_string()))
}
